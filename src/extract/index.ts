/**
 * @module extract — pull the readable article out of a fetched page, clean it up, sanitize it.
 * `extractArticle` is the one entry point of the pipeline; it never throws.
 */
import { describeError } from '../errors.ts';
import type { Extraction } from '../model.ts';
import { assembleArticle } from './assemble.ts';
import { findMainContent } from './content.ts';
import { readMetadata } from './metadata.ts';
import { mergeRules, type RuleOverrides } from './rules.ts';
import { MAX_DEPTH, parseHtml } from './tree.ts';

export { excerptOf, countWords, readingMinutesOf } from './excerpt.ts';
export { sanitizeArticleHtml } from './sanitize.ts';
export { DEFAULT_RULES, type CleanupRules, type RuleOverrides } from './rules.ts';
export { extractFeedContent, isLikelyTeaser } from './feed.ts';

/** Pages larger than this (characters ≈ bytes) are truncated before parsing, with a warning. */
export const MAX_HTML_CHARS = 5 * 1024 * 1024;
/** Fewer words than this in the body: skipped as too short. */
export const MIN_ARTICLE_WORDS = 25;
/** Share of control characters in the first KB above which input is treated as binary. */
const BINARY_CONTROL_SHARE = 0.05;

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Extra clean-up rules (from configuration), added to the defaults. */
  rules?: RuleOverrides;
  /** Clock for "never in the future" date checks. */
  now?: Date;
  /** Content-Type of the response when known (non-HTML types are skipped). */
  contentType?: string;
}

/**
 * Extract the article of one page.
 * @param html the page, decoded to a string
 * @param pageUrl the URL it was fetched from (base for links, canonical fallback)
 * @returns an article, or 'skipped' with a reason; never throws
 */
export function extractArticle(html: string, pageUrl: string, opts: ExtractOptions = {}): Extraction {
  try {
    return extractUnchecked(html, pageUrl, opts);
  } catch (error) {
    return { kind: 'skipped', reason: 'no-article', message: `extractor failed: ${describeError(error)}` };
  }
}

function extractUnchecked(input: string, pageUrl: string, opts: ExtractOptions): Extraction {
  const notHtml = notHtmlReason(input, opts.contentType);
  if (notHtml !== null) return { kind: 'skipped', reason: 'not-html', message: notHtml };
  const warnings: string[] = [];
  let html = input;
  if (html.length > MAX_HTML_CHARS) {
    warnings.push(`page truncated from ${html.length} to ${MAX_HTML_CHARS} characters`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  const page = parseHtml(html);
  if (page.isFlattened) warnings.push(`elements nested deeper than ${MAX_DEPTH} levels were flattened`);
  const meta = readMetadata(page, pageUrl, opts.now ?? new Date());
  // Readability (the fallback) parses the raw page again with its own parser: not for runaway markup.
  const found = findMainContent(page, page.isFlattened ? null : html, pageUrl);
  if (found === null) return { kind: 'skipped', reason: 'no-article', message: 'no main content found on the page' };
  warnings.push(...found.warnings);
  const title = meta.title ?? found.title ?? '';
  const altTitles = [meta.h1, found.title].filter((t): t is string => t !== null);
  const ctx = { title, altTitles, description: meta.description, lang: meta.lang, pageUrl, rules: mergeRules(opts.rules) };
  return assembleArticle(found.node, { ...meta, title }, ctx, { warnings, pruned: found.pruned, minWords: MIN_ARTICLE_WORDS });
}

/** Why `input` is not an HTML page, or null when it looks like one. */
function notHtmlReason(input: string, contentType: string | undefined): string | null {
  if (contentType !== undefined && contentType !== '' && !/html|xml|text\/plain/i.test(contentType)) return `content type ${contentType} is not HTML`;
  const head = input.slice(0, 1024);
  if (head.trim() === '') return 'empty page';
  if (head.startsWith('%PDF')) return 'content is a PDF document';
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control += 1;
    if (c === 0xfffd) control += 1;
  }
  if (control / head.length > BINARY_CONTROL_SHARE) return 'content looks binary, not HTML';
  if (!/<[a-z!?/]/i.test(input.slice(0, 65536))) return 'content has no HTML markup';
  return null;
}
