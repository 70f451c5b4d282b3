/**
 * @module feeds/parse — `parseFeed`: detect the format, parse it strictly with feedsmith, and when
 * the XML is broken keep what can be kept (complete items) with a warning. Security refusals
 * (external entities, absurd nesting) are never "recovered".
 */
import { ParseError, parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { AppError, isAppError } from '../errors.ts';
import type { FeedFormat, FeedItem, ParsedFeed } from '../model.ts';
import { type AdaptedFeed, finishItems } from './adapt.ts';
import { chooseCapped } from './cap.ts';
import { adaptAtom } from './atom.ts';
import { type Detection, detectFeed, HTML_PAGE_REASON } from './detect.ts';
import { findFeedLinks } from './discover.ts';
import { adaptJson } from './json.ts';
import { adaptRdf } from './rdf.ts';
import { cutAfterItems, keepLastItems, splitItems } from './recover.ts';
import { adaptRss } from './rss.ts';
import { adaptSitemap } from './sitemap.ts';
import { absoluteUrl } from './text.ts';

/** Items read when the caller sets no cap: a bound on hostile feeds, far above any real one. */
export const DEFAULT_MAX_ITEMS = 10_000;
/** Item dates later than `now` by more than this are publisher mistakes and are dropped. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/** Message prefix of the safety net in `parseFeed` (a parser failure no other path turned into a reason). */
export const UNEXPECTED_FAILURE = 'unexpected parser failure';

/** Options of `parseFeed`. */
export interface ParseFeedOptions {
  /** Read at most this many items (the rest are ignored with a warning). Default DEFAULT_MAX_ITEMS. */
  maxItems?: number;
  /** When given, item dates more than a day after it are dropped (set to null) with a warning. */
  now?: Date;
}

type XmlFeedFormat = 'rss' | 'atom' | 'rdf';
type ParseAdapt = (text: string, docBase: string | null) => AdaptedFeed;

function emptyFeed(): AdaptedFeed {
  return { title: null, siteUrl: null, hubUrl: null, ttlMinutes: null, items: [] };
}

/**
 * feedsmith throws ParseError for well-formed XML with nothing in it (`<rss version="2.0"></rss>`,
 * an Atom 0.3 shell): that is an empty feed, not a broken one.
 */
function orEmpty(parse: ParseAdapt): ParseAdapt {
  return (text, base) => {
    try {
      return parse(text, base);
    } catch (error) {
      if (error instanceof ParseError) return emptyFeed();
      throw error;
    }
  };
}

const XML_PARSERS: Record<XmlFeedFormat, ParseAdapt> = {
  rss: orEmpty((text, base) => adaptRss(parseRssFeed(text), base)),
  atom: orEmpty((text, base) => adaptAtom(parseAtomFeed(text), base)),
  rdf: orEmpty((text, base) => adaptRdf(parseRdfFeed(text), base)),
};

/** Messages along an error's cause chain. */
function causeMessages(error: unknown): string[] {
  const messages: string[] = [];
  for (let e = error; e instanceof Error && messages.length < 5; e = e.cause) messages.push(e.message);
  return messages;
}

/**
 * The innermost error: the XML parser's own description of the problem. feedsmith wraps it in an
 * error whose message is always "Invalid feed format", so that wrapper is never the reported cause.
 */
function innermostError(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  return e;
}

function innermostMessage(error: unknown): string {
  const inner = innermostError(error);
  return inner instanceof Error ? inner.message : String(inner);
}

/**
 * A reason to refuse a DOCTYPE before parsing: external and parameter entities have no place in a
 * feed and are the vehicle of XXE. (Internal entities are never expanded, so they are harmless.)
 */
function doctypeRefusal(doctype: string | null): string | null {
  if (doctype === null) return null;
  if (/<!ENTITY\s+%/i.test(doctype)) return 'the document declares parameter entities (refused: nothing was fetched or read)';
  if (/<!ENTITY\s+[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/i.test(doctype)) {
    return 'the document declares external entities (refused: no file or URL was read)';
  }
  return null;
}

/** A reason to refuse the document outright, or null when recovery may be tried. */
function securityRefusal(error: unknown): string | null {
  if (error instanceof RangeError) return 'XML nested too deeply to parse safely';
  const all = causeMessages(error).join(' | ');
  if (/external entit/i.test(all)) return 'the document declares external entities (refused: no file or URL was read)';
  if (/nested tags|nesting/i.test(all)) return 'XML nested too deeply to parse safely';
  if (/entit(y|ies).*(expan|limit|exceed)/i.test(all)) return 'entity expansion refused';
  return null;
}

/**
 * Parse a broken document item by item: the head (feed-level fields) on its own, then each complete
 * item inside a copy of the head, keeping the items that parse.
 */
function salvage(text: string, format: XmlFeedFormat, rootName: string, docBase: string | null, error: unknown, warnings: string[]): AdaptedFeed {
  const why = innermostMessage(error);
  const parseAdapt = XML_PARSERS[format];
  const chunks = splitItems(text, format, rootName);
  let head: AdaptedFeed;
  try {
    head = parseAdapt(chunks.head + chunks.tail, docBase);
  } catch (headError) {
    throw new AppError('feed_invalid', `malformed ${format.toUpperCase()} feed that could not be recovered: ${innermostMessage(headError)}`, {
      cause: innermostError(headError),
    });
  }
  const items: AdaptedFeed['items'] = [];
  let broken = 0;
  for (const chunk of chunks.items) {
    try {
      items.push(...parseAdapt(chunks.head + chunk + chunks.tail, docBase).items);
    } catch {
      broken += 1; // reported in the warning below
    }
  }
  if (broken === 0 && chunks.incomplete > 0) {
    warnings.push(`document is truncated (${why}): kept the ${items.length} complete item(s), dropped the cut-off one(s)`);
  } else {
    warnings.push(`malformed XML (${why}): kept ${items.length} complete item(s), skipped ${broken + chunks.incomplete} broken or truncated item(s)`);
  }
  return { ...head, items };
}

/** Parse strictly; when the XML is broken, salvage the complete items (security refusals excepted). */
function parseOrSalvage(text: string, format: XmlFeedFormat, rootName: string, docBase: string | null, warnings: string[]): AdaptedFeed {
  try {
    return XML_PARSERS[format](text, docBase);
  } catch (error) {
    const refusal = securityRefusal(error);
    if (refusal !== null) throw new AppError('feed_invalid', `unsafe ${format.toUpperCase()} feed: ${refusal}`, { cause: innermostError(error) });
    return salvage(text, format, rootName, docBase, error, warnings);
  }
}

function parseXml(detection: Extract<Detection, { kind: 'xml' }>, docBase: string | null, maxItems: number, warnings: string[]): AdaptedFeed {
  const { format, rootName, text } = detection;
  const refusal = doctypeRefusal(detection.doctype);
  if (refusal !== null) throw new AppError('feed_invalid', `unsafe ${format.toUpperCase()} feed: ${refusal}`);
  if (format === 'sitemap') return adaptSitemap(text, docBase, maxItems, warnings);
  // Cut the text before parsing, so 100,000 items cost what maxItems cost.
  const firstText = cutAfterItems(text, format, rootName, maxItems);
  if (firstText === null) return parseOrSalvage(text, format, rootName, docBase, warnings);
  const first = parseOrSalvage(firstText, format, rootName, docBase, warnings);
  const lastText = keepLastItems(text, format, rootName, maxItems);
  let last: AdaptedFeed | null = null;
  try {
    last = lastText === null ? null : XML_PARSERS[format](lastText, docBase);
  } catch {
    last = null; // the first items stand; the tail is only a check for oldest-first feeds
  }
  return chooseCapped(first, last, maxItems, null, warnings);
}

function parseJson(value: Record<string, unknown>, docBase: string | null, maxItems: number, warnings: string[]): AdaptedFeed {
  const items = Array.isArray(value.items) ? value.items : [];
  const adapt = (slice: unknown[]) => adaptJson(parseJsonFeed({ ...value, items: slice }), docBase);
  try {
    if (items.length <= maxItems) return adapt(items);
    return chooseCapped(adapt(items.slice(0, maxItems)), adapt(items.slice(-maxItems)), maxItems, items.length, warnings);
  } catch (error) {
    throw new AppError('feed_invalid', `JSON Feed could not be read: ${innermostMessage(error)}`, { cause: innermostError(error) });
  }
}

/** Feeds named in a "not a feed" message about an HTML page. */
const SUGGESTED_FEEDS = 3;

/** The `feed_unrecognized` error; for an HTML page it names the feeds the page advertises, if any. */
function notAFeed(text: string, feedUrl: string, reason: string): AppError {
  const links = reason === HTML_PAGE_REASON ? findFeedLinks(text, feedUrl).slice(0, SUGGESTED_FEEDS) : [];
  const hint = links.length === 0 ? '' : `; the page links to ${links.length === 1 ? 'a feed' : 'feeds'}: ${links.map((l) => l.url).join(', ')}`;
  return new AppError('feed_unrecognized', `not a feed: ${reason}${hint}`, {
    details: { url: feedUrl, ...(links.length === 0 ? {} : { feedLinks: links.map((l) => l.url) }) },
  });
}

/** Drop duplicate items (same guid, else same URL) and dates that lie in the future. */
function tidyItems(items: FeedItem[], now: Date | undefined, warnings: string[]): FeedItem[] {
  const seen = new Set<string>();
  const kept: FeedItem[] = [];
  let futureDates = 0;
  for (const item of items) {
    const key = item.guid ?? item.url;
    if (seen.has(key)) continue;
    seen.add(key);
    if (now !== undefined && item.publishedAt !== null && item.publishedAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
      futureDates += 1;
      kept.push({ ...item, publishedAt: null });
    } else kept.push(item);
  }
  if (kept.length < items.length) warnings.push(`${items.length - kept.length} duplicate item(s) were dropped`);
  if (futureDates > 0) warnings.push(`${futureDates} item(s) had a publication date in the future; it was ignored`);
  return kept;
}

/**
 * Parse an already-decoded feed document (RSS 2.0/0.9x, Atom 1.0, RDF/RSS 1.0, JSON Feed 1.0/1.1,
 * news sitemap) into our model. Item URLs are absolute, resolved against xml:base and `feedUrl`.
 * Never reads files or the network (no external entities, no DTD expansion).
 * @throws AppError `feed_unrecognized` when the document is not a feed (an HTML page, plain text, empty),
 *   `feed_invalid` when it is a broken or unsafe feed that cannot be recovered.
 * @example parseFeed(xml, 'https://example.com/feed.xml', { maxItems: 200 }).items[0]?.url
 */
export function parseFeed(text: string, feedUrl: string, opts: ParseFeedOptions = {}): ParsedFeed {
  try {
    return parseFeedUnguarded(text, feedUrl, opts);
  } catch (error) {
    if (isAppError(error)) throw error;
    // Whatever a hostile document does to the parser, callers get a feed error with the cause, never a crash.
    throw new AppError('feed_invalid', `${UNEXPECTED_FAILURE}: ${innermostMessage(error)}`, {
      cause: innermostError(error),
      details: { url: feedUrl },
    });
  }
}

function parseFeedUnguarded(text: string, feedUrl: string, opts: ParseFeedOptions): ParsedFeed {
  const maxItems = Math.max(1, Math.floor(opts.maxItems ?? DEFAULT_MAX_ITEMS));
  const docBase = absoluteUrl(feedUrl, null);
  const warnings: string[] = [];
  const detection = detectFeed(text);
  let adapted: AdaptedFeed;
  let format: FeedFormat;
  switch (detection.kind) {
    case 'unrecognized':
      throw notAFeed(text, feedUrl, detection.reason);
    case 'invalid':
      throw new AppError('feed_invalid', `broken feed: ${detection.reason}`, { details: { url: feedUrl } });
    case 'json':
      format = 'json';
      adapted = parseJson(detection.value, docBase, maxItems, warnings);
      break;
    case 'xml':
      format = detection.format;
      if (detection.skippedChars > 0) warnings.push(`${detection.skippedChars} character(s) before the root element were ignored`);
      adapted = parseXml(detection, docBase, maxItems, warnings);
      break;
  }
  let items = tidyItems(finishItems(adapted.items, warnings), opts.now, warnings);
  if (items.length > maxItems) {
    warnings.push(`feed has ${items.length} items; only the first ${maxItems} were kept`);
    items = items.slice(0, maxItems);
  }
  return {
    format,
    title: adapted.title,
    siteUrl: adapted.siteUrl,
    hubUrl: adapted.hubUrl,
    ttlMinutes: adapted.ttlMinutes,
    items,
    warnings,
  };
}
