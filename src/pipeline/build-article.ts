/** Turning a feed item plus its extracted page into the article we store. */
import { excerptOf } from '../extract/index.ts';
import type { ExtractedArticle, FeedItem, NewArticle, Source } from '../model.ts';
import { canonicalizeUrl, contentHash, hostOf } from '../stories/index.ts';

/**
 * The article's canonical URL and the original it credits. A page's canonical link is trusted only on
 * its own site: a canonical pointing at another site is a syndication credit, kept as the origin.
 */
function canonicalAndOrigin(item: FeedItem, page: ExtractedArticle): { canonicalUrl: string; originUrl: string | null } {
  const own = canonicalizeUrl(item.url);
  const declared = page.canonicalUrl ? canonicalizeUrl(page.canonicalUrl) : null;
  if (declared === null) return { canonicalUrl: own, originUrl: page.originUrl };
  if (hostOf(declared) === hostOf(own)) return { canonicalUrl: declared, originUrl: page.originUrl };
  return { canonicalUrl: own, originUrl: page.originUrl ?? declared };
}

/**
 * Merge what the feed says with what the page says. The feed wins for identity (guid, link, title, time)
 * because it is what the publisher syndicates; the page wins for body and metadata it alone has.
 */
export function buildArticle(source: Source, item: FeedItem, page: ExtractedArticle, fetchedAt: Date): NewArticle {
  const title = (item.title ?? '').trim() || page.title;
  const excerpt = page.excerpt && !page.excerpt.startsWith(title) ? page.excerpt : excerptOf(page.text, title);
  const { canonicalUrl, originUrl } = canonicalAndOrigin(item, page);
  return {
    sourceId: source.id,
    guid: item.guid,
    url: item.url,
    canonicalUrl,
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
    contentHash: contentHash(page.text),
    originUrl,
    removed: page.removed,
    warnings: page.warnings,
  };
}
