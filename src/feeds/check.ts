/**
 * @module feeds/check — what tickerwire makes of a feed, for `tickerwire feeds check URL|FILE`:
 * format, title, items, and every problem found, without storing anything. Never throws.
 */
import { describeError, type ErrorCode, isAppError } from '../errors.ts';
import type { FeedFormat, ParsedFeed } from '../model.ts';
import { parseFeed } from './parse.ts';

/** Items shown in the preview. */
const PREVIEW_ITEMS = 10;
/** A feed whose newest item is older than this is reported as possibly stale. */
const STALE_AFTER_DAYS = 30;

/** One line of the item preview. */
export interface FeedCheckItem {
  title: string | null;
  url: string;
  publishedAt: Date | null;
  author: string | null;
  /** The feed carries the full article (content:encoded, Atom content, content_html). */
  hasFullContent: boolean;
}

/** Report of `checkFeed`: `ok` is false only when the document could not be read as a feed. */
export interface FeedCheckReport {
  ok: boolean;
  url: string;
  format: FeedFormat | null;
  title: string | null;
  siteUrl: string | null;
  hubUrl: string | null;
  ttlMinutes: number | null;
  itemCount: number;
  newestAt: Date | null;
  oldestAt: Date | null;
  /** The first items, in feed order. */
  items: FeedCheckItem[];
  /** Why the document was refused (empty when ok). */
  problems: Array<{ code: ErrorCode; message: string }>;
  /** Parser warnings plus quality notes (missing dates, titles, staleness…). */
  warnings: string[];
}

/** Options of `checkFeed`. */
export interface CheckFeedOptions {
  maxItems?: number;
  /** Reference time for staleness and future-date checks. */
  now?: Date;
}

function qualityNotes(feed: ParsedFeed, newestAt: Date | null, now: Date | undefined): string[] {
  const notes: string[] = [];
  const n = feed.items.length;
  if (n === 0) return ['the feed has no items'];
  const undated = feed.items.filter((i) => i.publishedAt === null).length;
  if (undated > 0) notes.push(`${undated} of ${n} item(s) have no readable publication date (the fetch time will be used)`);
  const untitled = feed.items.filter((i) => i.title === null).length;
  if (untitled > 0) notes.push(`${untitled} of ${n} item(s) have no title`);
  if (feed.items.every((i) => i.contentHtml === null)) notes.push('no item carries full content: each article page will be fetched and extracted');
  if (feed.title === null) notes.push('the feed has no title');
  if (now !== undefined && newestAt !== null && now.getTime() - newestAt.getTime() > STALE_AFTER_DAYS * 86_400_000) {
    notes.push(`the newest item is from ${newestAt.toISOString().slice(0, 10)}: the feed may be stale`);
  }
  return notes;
}

/**
 * Parse `text` as a feed and report what was found and what is wrong, without throwing.
 * @example checkFeed(xml, 'https://example.com/feed.xml').items.map((i) => i.title)
 */
export function checkFeed(text: string, url: string, opts: CheckFeedOptions = {}): FeedCheckReport {
  const empty: FeedCheckReport = {
    ok: false, url, format: null, title: null, siteUrl: null, hubUrl: null, ttlMinutes: null,
    itemCount: 0, newestAt: null, oldestAt: null, items: [], problems: [], warnings: [],
  };
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text, url, opts);
  } catch (error) {
    const code: ErrorCode = isAppError(error) ? error.code : 'internal_error';
    return { ...empty, problems: [{ code, message: describeError(error) }] };
  }
  let newestAt: Date | null = null;
  let oldestAt: Date | null = null;
  for (const { publishedAt: at } of feed.items) {
    if (at === null) continue;
    if (newestAt === null || at > newestAt) newestAt = at;
    if (oldestAt === null || at < oldestAt) oldestAt = at;
  }
  return {
    ...empty,
    ok: true,
    format: feed.format,
    title: feed.title,
    siteUrl: feed.siteUrl,
    hubUrl: feed.hubUrl,
    ttlMinutes: feed.ttlMinutes,
    itemCount: feed.items.length,
    newestAt,
    oldestAt,
    items: feed.items.slice(0, PREVIEW_ITEMS).map((i) => ({
      title: i.title,
      url: i.url,
      publishedAt: i.publishedAt,
      author: i.author,
      hasFullContent: i.contentHtml !== null,
    })),
    warnings: [...feed.warnings, ...qualityNotes(feed, newestAt, opts.now)],
  };
}
