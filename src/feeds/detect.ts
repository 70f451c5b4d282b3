/**
 * @module feeds/detect — decide what a document is from its root element (XML) or its top-level
 * object (JSON), before any full parse. Anything that is not a feed gets a reason a person can act on.
 */
import type { FeedFormat } from '../model.ts';

/** How far into the document the root element is looked for (leading junk, comments, doctype). */
const ROOT_SEARCH_CHARS = 64 * 1024;
/** Namespace of Google news sitemaps. */
const NEWS_SITEMAP_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** What detection found: a feed format (with its root element), or a reason it is not a feed. */
export type Detection =
  | {
      kind: 'xml';
      format: Exclude<FeedFormat, 'json'>;
      rootName: string;
      text: string;
      skippedChars: number;
      /** The `<!DOCTYPE …>` declaration, when there is one. */
      doctype: string | null;
    }
  | { kind: 'json'; value: Record<string, unknown> }
  | { kind: 'invalid'; reason: string }
  | { kind: 'unrecognized'; reason: string };

/** NUL characters between the first letters: UTF-16/UTF-32 bytes decoded with a byte-wide charset. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is being detected
const WRONG_WIDTH = /\u0000/;
const WRONG_WIDTH_REASON =
  'wrong charset: NUL characters between the letters (UTF-16 or UTF-32 bytes decoded with another encoding)';

const ROOT_FORMATS: Record<string, Exclude<FeedFormat, 'json' | 'sitemap'>> = {
  rss: 'rss',
  feed: 'atom',
  rdf: 'rdf',
};

/** Reason given for an HTML page (parseFeed adds the feeds the page links to). */
export const HTML_PAGE_REASON = 'looks like an HTML page';

const NOT_A_FEED: Record<string, string> = {
  html: HTML_PAGE_REASON,
  opml: 'an OPML subscription list (import it as a list of sources)',
  sitemapindex: 'a sitemap index, not a news sitemap (use one of the sitemaps it lists)',
  svg: 'an SVG image',
  'soap:envelope': 'a SOAP response',
  error: 'an XML error response',
};

/** Skip the prolog (XML declaration, PIs, comments, doctype) and return the root start tag's name and offset. */
interface Root {
  name: string;
  offset: number;
  /** Lower-cased doctype name (`html`, `rss`…). */
  doctype: string | null;
  doctypeText: string | null;
  hasJunk: boolean;
}

function findRoot(text: string): Root | null {
  let i = 0;
  let doctype: string | null = null;
  let doctypeText: string | null = null;
  let hasJunk = false;
  let limit = Math.min(text.length, ROOT_SEARCH_CHARS);
  while (i < limit) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= limit) return null;
    if (text.slice(i, lt).trim() !== '') hasJunk = true;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!doctype/i.test(text.slice(lt, lt + 9))) {
      doctype = /^<!doctype\s+([^\s>[]+)/i.exec(text.slice(lt, lt + 200))?.[1]?.toLowerCase() ?? '';
      const subset = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      // An internal subset `[ … ]` may contain `>`; skip to the `]>` that ends it.
      const end = subset >= 0 && subset < close ? text.indexOf(']', subset) : close;
      if (end < 0) return null;
      i = text.indexOf('>', end) + 1;
      if (i === 0) return null;
      doctypeText = text.slice(lt, i);
      // A long internal subset does not count against the search budget (its entities are never expanded).
      limit = Math.min(text.length, limit + doctypeText.length);
    } else {
      const name = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(lt, lt + 100))?.[1];
      if (name === undefined) {
        hasJunk = true;
        i = lt + 1;
        continue;
      }
      return { name, offset: lt, doctype, doctypeText, hasJunk };
    }
  }
  return null;
}

function describeText(text: string): string {
  const sample = text.slice(0, 40).replace(/\s+/g, ' ').trim();
  return `looks like plain text ("${sample}${text.length > 40 ? '…' : ''}")`;
}

function detectJson(text: string): Detection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', reason: `invalid JSON (${why})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'unrecognized', reason: 'a JSON document that is not an object, so not a JSON Feed' };
  }
  const obj = value as Record<string, unknown>;
  const version = typeof obj.version === 'string' ? obj.version : '';
  if (version.includes('jsonfeed.org/version/') || Array.isArray(obj.items)) return { kind: 'json', value: obj };
  return { kind: 'unrecognized', reason: 'a JSON document without a JSON Feed version or items array' };
}

/**
 * Detect the feed format of an already-decoded document.
 * @example detectFeed('<rss version="2.0">…') // { kind: 'xml', format: 'rss', rootName: 'rss', … }
 */
export function detectFeed(input: string): Detection {
  const text = input.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'unrecognized', reason: 'the document is empty' };
  if (WRONG_WIDTH.test(trimmed.slice(0, 16))) return { kind: 'invalid', reason: WRONG_WIDTH_REASON };
  if (trimmed.startsWith('{')) return detectJson(trimmed);
  if (trimmed.startsWith('[')) return { kind: 'unrecognized', reason: 'a JSON array, not a JSON Feed object' };
  const root = findRoot(text);
  if (root === null) {
    if (!trimmed.startsWith('<')) return { kind: 'unrecognized', reason: describeText(trimmed) };
    return { kind: 'unrecognized', reason: 'no XML root element found' };
  }
  const local = root.name.toLowerCase();
  const bare = local.includes(':') ? local.slice(local.indexOf(':') + 1) : local;
  const format = ROOT_FORMATS[bare];
  // The root decides: an RSS document behind a stray XHTML doctype is still RSS.
  if (format === undefined && (root.doctype === 'html' || bare === 'html' || bare === 'body' || bare === 'head')) {
    return { kind: 'unrecognized', reason: HTML_PAGE_REASON };
  }
  // Junk before the root (a PHP warning, a stray byte) is cut off together with the prolog.
  const skippedChars = root.hasJunk ? root.offset : 0;
  const body = skippedChars > 0 ? text.slice(root.offset) : text;
  const found = { kind: 'xml', rootName: root.name, text: body, skippedChars, doctype: root.doctypeText } as const;
  if (format !== undefined) return { ...found, format };
  if (bare === 'urlset') {
    if (text.includes(NEWS_SITEMAP_NS) || /<news:news[\s>]/i.test(text)) return { ...found, format: 'sitemap' };
    return { kind: 'unrecognized', reason: 'a sitemap without <news:news> entries, not a news sitemap' };
  }
  const known = NOT_A_FEED[local] ?? NOT_A_FEED[bare];
  return { kind: 'unrecognized', reason: known ?? `root element <${root.name}> is not RSS, Atom, RDF or a news sitemap` };
}
