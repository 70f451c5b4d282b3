/**
 * @module extract/feed — feed-carried content (RSS content:encoded, Atom content, JSON Feed
 * content_html) through the same clean-up, text and sanitizer as pages. Feed content is the article
 * already, so there is no scoring; syndication footers ("The post … appeared first on …") are
 * removed and name the original as `originUrl`.
 */
import { describeError } from '../errors.ts';
import type { Extraction } from '../model.ts';
import { assembleArticle } from './assemble.ts';
import { countWords } from './excerpt.ts';
import { normalizeCanonical } from './metadata.ts';
import { mergeRules, type RuleOverrides } from './rules.ts';
import { parseHtml } from './tree.ts';

/** Feed content with fewer words than this is probably a teaser (fetch the page instead). */
export const FEED_TEASER_MAX_WORDS = 150;
/** Endings that mark a truncated summary. */
const TEASER_END_RE = /(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\b(?:read more|continue reading|read the full (?:story|article)|weiterlesen|lire la suite|leia mais|leer más)\W*)\s*$/i;

/** Options for `extractFeedContent`. */
export interface FeedContentOptions {
  /** The item's title (for repeat detection and the excerpt). */
  title?: string;
  lang?: string | null;
  rules?: RuleOverrides;
}

/**
 * Clean and sanitize the HTML a feed item carries.
 * @returns an article ('too-short' only when there is no text at all); never throws
 */
export function extractFeedContent(html: string, itemUrl: string, opts: FeedContentOptions = {}): Extraction {
  try {
    const page = parseHtml(html);
    const title = opts.title ?? '';
    const meta = { title, byline: null, publishedAt: null, modifiedAt: null, canonicalUrl: normalizeCanonical(itemUrl, itemUrl), imageUrl: null, lang: opts.lang ?? null, siteName: null };
    const ctx = { title, lang: meta.lang, pageUrl: itemUrl, rules: mergeRules(opts.rules) };
    return assembleArticle(page.root, meta, ctx, { warnings: [], pruned: [], minWords: 1 });
  } catch (error) {
    return { kind: 'skipped', reason: 'no-article', message: `feed content could not be read: ${describeError(error)}` };
  }
}

/** True when feed text looks like a teaser rather than the full article. */
export function isLikelyTeaser(text: string): boolean {
  return countWords(text) < FEED_TEASER_MAX_WORDS || TEASER_END_RE.test(text.trim());
}
