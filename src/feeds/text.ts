/**
 * @module feeds/text — small coercers shared by the format adapters: plain-text titles, optional
 * strings and absolute URLs. Each returns null rather than throwing.
 */
import { decodeHTML } from 'entities';

/**
 * HTML elements stripped from titles. Only real HTML names, so a title such as
 * "Index <SPX> closes higher" keeps its angle-bracketed ticker.
 */
const TITLE_TAG_NAMES =
  'a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|mark|p|q|s|small|span|strike|strong|sub|sup|time|u|wbr';
const TITLE_TAG = new RegExp(`<\\/?(?:${TITLE_TAG_NAMES})(?:\\s[^<>]*)?\\/?>`, 'gi');
/** A CDATA section left in a title's text by double-wrapping publishers (its markers are dropped, text kept). */
const LEAKED_CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
/** Titles and names are cleaned from at most this many characters (they are cut to a few hundred later). */
const MAX_CLEAN_INPUT_CHARS = 20_000;
/** C0 controls other than tab, newline and carriage return: never valid in stored text (PostgreSQL rejects U+0000). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Unpaired UTF-16 surrogates (invalid Unicode), replaced by U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without control characters (removed) and lone surrogates (replaced): valid Unicode and valid XML text. */
export function validText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A trimmed non-empty string with control characters and lone surrogates removed, or null. */
export function optionalString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = validText(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** Collapse runs of whitespace (including non-breaking spaces) into one space and trim. */
export function collapseWhitespace(text: string): string {
  // Single plain spaces are left alone: replacing each of them made a 20 MB title take seconds.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * Plain text of a feed title: HTML tags stripped, entities decoded (also the double-escaped
 * `&amp;#8217;` many feeds carry), whitespace collapsed. Null when nothing is left.
 */
export function cleanTitle(value: unknown): string | null {
  const raw = optionalString(typeof value === 'string' ? value.slice(0, MAX_CLEAN_INPUT_CHARS) : value);
  if (raw === null) return null;
  const text = collapseWhitespace(decodeHTML(raw.replace(LEAKED_CDATA, '$1').replace(TITLE_TAG, ' ')));
  return text === '' ? null : text;
}

/**
 * Resolve `href` against `base` and keep it only when it is an absolute http(s) URL.
 * Returns null for empty values, unparseable URLs and other schemes (javascript:, data:, file:…).
 */
export function absoluteUrl(href: unknown, base: string | null): string | null {
  const value = optionalString(href);
  if (value === null) return null;
  try {
    const url = base === null ? new URL(value) : new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Resolve a chain of bases (outermost first), skipping ones that do not resolve. */
export function resolveBase(bases: ReadonlyArray<unknown>, start: string | null): string | null {
  let current = start;
  for (const base of bases) current = absoluteUrl(base, current) ?? current;
  return current;
}

/** The first value of `values` that is not null. */
export function firstOf<T>(...values: Array<T | null | undefined>): T | null {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return null;
}
