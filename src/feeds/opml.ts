/**
 * @module feeds/opml — subscription lists in and out (OPML 1.0/2.0), via feedsmith.
 * Import flattens nested folders into a category path; export writes one `type="rss"` outline per source.
 */
import { type Opml, ParseError, generateOpml as generateOpmlDocument, parseOpml as parseOpmlDocument } from 'feedsmith';
import { AppError } from '../errors.ts';
import { detectFeed } from './detect.ts';
import { absoluteUrl, cleanTitle, firstOf } from './text.ts';

/** Most feeds one OPML import may add; a list beyond this is refused rather than half-imported. */
export const MAX_OPML_SOURCES = 10_000;
/** Separator between nested folder names in a category path. */
const CATEGORY_SEPARATOR = ' / ';

/** A feed listed in an OPML file. */
export interface OpmlSource {
  url: string;
  title: string | null;
  siteUrl: string | null;
  category: string | null;
}

/** A source to export. */
export interface OpmlExportSource {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

type Outline = Opml.Outline<string>;

/** The first entry of an outline's `category` attribute ("/Markets/Crypto,News" → "Markets / Crypto"). */
function categoryAttribute(value: string | undefined): string | null {
  const first = value?.split(',')[0]?.trim() ?? '';
  const path = first.split('/').map((part) => part.trim()).filter((part) => part !== '');
  return path.length === 0 ? null : path.join(CATEGORY_SEPARATOR);
}

function collect(outlines: Outline[], folders: string[], out: Map<string, OpmlSource>): void {
  for (const outline of outlines) {
    const name = firstOf(cleanTitle(outline.title), cleanTitle(outline.text));
    const url = absoluteUrl(outline.xmlUrl, null);
    if (url !== null && !out.has(url)) {
      if (out.size >= MAX_OPML_SOURCES) {
        throw new AppError('bad_request', `OPML lists more than ${MAX_OPML_SOURCES} feeds; split it into smaller files`);
      }
      out.set(url, {
        url,
        title: name,
        siteUrl: absoluteUrl(outline.htmlUrl, url),
        category: folders.length > 0 ? folders.join(CATEGORY_SEPARATOR) : categoryAttribute(outline.category),
      });
    }
    if (outline.outlines !== undefined) collect(outline.outlines, name === null ? folders : [...folders, name], out);
  }
}

/** Why `text` could not be read as OPML, in words. */
function whyNotOpml(text: string, error: unknown): string {
  const detected = detectFeed(text);
  if (detected.kind === 'xml' || detected.kind === 'json') return 'it is a feed, not a subscription list (add it as a source instead)';
  if (!detected.reason.startsWith('an OPML')) return detected.reason;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'no <body> with outlines';
  return `broken OPML (${cause})`;
}

/**
 * Read the feeds listed in an OPML document (nested folders become the category, duplicates are
 * dropped, outlines without an http(s) `xmlUrl` are skipped).
 * @throws AppError `bad_request` when the text is not OPML or is broken.
 */
export function parseOpml(text: string): OpmlSource[] {
  let document: Opml.Document<string>;
  try {
    document = parseOpmlDocument(text);
  } catch (error) {
    // Well-formed OPML with no outlines at all is an empty list, not an error.
    if (error instanceof ParseError && /^\s*(?:<\?[^>]*\?>\s*)?<opml[\s>]/i.test(text.replace(/^\uFEFF/, ''))) return [];
    throw new AppError('bad_request', `not an OPML file: ${whyNotOpml(text, error)}`, { cause: error });
  }
  const out = new Map<string, OpmlSource>();
  collect(document.body?.outlines ?? [], [], out);
  return [...out.values()];
}

/** Options of `generateOpml`. */
export interface GenerateOpmlOptions {
  /** Written as `dateCreated` when given (leave out for byte-stable output). */
  createdAt?: Date;
}

/**
 * Write an OPML 2.0 subscription list.
 * @example generateOpml('tickerwire sources', [{ url: 'https://example.com/feed', title: 'Example', siteUrl: null }])
 */
export function generateOpml(title: string, sources: OpmlExportSource[], opts: GenerateOpmlOptions = {}): string {
  return generateOpmlDocument({
    head: { title, ...(opts.createdAt === undefined ? {} : { dateCreated: opts.createdAt }) },
    body: {
      outlines: sources.map((source) => ({
        text: source.title ?? source.url,
        ...(source.title === null ? {} : { title: source.title }),
        type: 'rss',
        xmlUrl: source.url,
        ...(source.siteUrl === null ? {} : { htmlUrl: source.siteUrl }),
      })),
    },
  });
}
