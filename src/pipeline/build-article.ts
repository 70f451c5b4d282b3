/** Turning a feed item plus its extracted page into the article we store. */
import { createHash } from 'node:crypto';
import { excerptOf } from '../extract/index.ts';
import type { ExtractedArticle, FeedItem, NewArticle, Source } from '../model.ts';

/** SHA-256 of the text with case and whitespace normalised: equal bodies hash equal. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Strip a URL's fragment; keep everything else (finer canonicalisation belongs to dedupe). */
function withoutFragment(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * Merge what the feed says with what the page says. The feed wins for identity (guid, link, title, time)
 * because it is what the publisher syndicates; the page wins for body and metadata it alone has.
 */
export function buildArticle(source: Source, item: FeedItem, page: ExtractedArticle, fetchedAt: Date): NewArticle {
  const title = (item.title ?? '').trim() || page.title;
  const excerpt = page.excerpt && !page.excerpt.startsWith(title) ? page.excerpt : excerptOf(page.text, title);
  return {
    sourceId: source.id,
    guid: item.guid,
    url: item.url,
    canonicalUrl: withoutFragment(page.canonicalUrl ?? item.url),
    title,
    author: item.author ?? page.byline,
    publishedAt: item.publishedAt ?? page.publishedAt ?? fetchedAt,
    fetchedAt,
    excerpt,
    html: page.html,
    text: page.text,
    wordCount: page.wordCount,
    readingMinutes: page.readingMinutes,
    imageUrl: page.imageUrl ?? item.imageUrl,
    lang: page.lang,
    contentHash: hashText(page.text),
    originUrl: page.originUrl,
    removed: page.removed,
    warnings: page.warnings,
  };
}
