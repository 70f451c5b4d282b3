/**
 * @module extract/assemble — the last steps shared by pages and feed content: clean-up with its
 * removal record, plain text, word count, tidy + sanitized HTML, excerpt.
 */
import type { ExtractedArticle, Extraction } from '../model.ts';
import { type CleanupContext, cleanupContent, recordPruned } from './cleanup.ts';
import { countWords, excerptOf, readingMinutesOf } from './excerpt.ts';
import type { PageMetadata } from './metadata.ts';
import type { PrunedNode } from './prune.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { blockText } from './text.ts';
import { type ElementNode, serialize, tidyTree } from './tree.ts';

/** What the caller already knows besides the content node. */
export interface AssembleExtras {
  warnings: string[];
  pruned: PrunedNode[];
  /** Fewer words than this: skipped as too short. */
  minWords: number;
}

/** Clean `node` (in place) and build the article, or 'too-short'. */
export function assembleArticle(node: ElementNode, meta: Omit<PageMetadata, 'description' | 'h1'> & { title: string }, ctx: CleanupContext, extras: AssembleExtras): Extraction {
  const prunedInside = recordPruned(node, extras.pruned, ctx);
  const cleaned = cleanupContent(node, ctx);
  const text = blockText(node);
  const wordCount = countWords(text);
  if (wordCount < extras.minWords) {
    return { kind: 'skipped', reason: 'too-short', message: `main content has ${wordCount} words (minimum ${extras.minWords})` };
  }
  tidyTree(node);
  const article: ExtractedArticle = {
    title: meta.title,
    byline: meta.byline,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    canonicalUrl: meta.canonicalUrl,
    imageUrl: meta.imageUrl,
    lang: meta.lang,
    siteName: meta.siteName,
    html: sanitizeArticleHtml(serialize(node), ctx.pageUrl),
    text,
    excerpt: excerptOf(text, meta.title),
    wordCount,
    readingMinutes: readingMinutesOf(wordCount),
    originUrl: cleaned.originUrl,
    removed: [...prunedInside, ...cleaned.removed],
    warnings: extras.warnings,
  };
  return { kind: 'article', article };
}
