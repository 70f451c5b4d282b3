/** Presenters: stored rows → the JSON the API sends, field by field (rows never go out raw). */
import type { Article, Source, StorySummary } from '../model.ts';
import type { SearchHit } from '../store/store.ts';

/** Health of a source as a single word, derived from its record. */
export function sourceHealth(s: Source): 'ok' | 'failing' | 'pending' | 'disabled' {
  if (!s.isEnabled) return 'disabled';
  if (s.consecutiveFailures > 0) return 'failing';
  return s.lastSuccessAt ? 'ok' : 'pending';
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSource(s: Source) {
  return {
    id: s.id,
    url: s.url,
    kind: s.kind,
    title: s.title || s.url,
    siteUrl: s.siteUrl,
    isDemo: s.demoKey !== null,
    isEnabled: s.isEnabled,
    policy: s.policy,
    createdAt: s.createdAt.toISOString(),
    articleCount: s.articleCount,
    health: {
      status: sourceHealth(s),
      lastAttemptAt: iso(s.lastAttemptAt),
      lastSuccessAt: iso(s.lastSuccessAt),
      lastErrorAt: iso(s.lastErrorAt),
      lastErrorCode: s.lastErrorCode,
      lastError: s.lastError,
      consecutiveFailures: s.consecutiveFailures,
      lastItemAt: iso(s.lastItemAt),
      pollIntervalSec: s.pollIntervalSec,
      nextPollAt: iso(s.nextPollAt),
    },
  };
}

/** The article summary used in listings. */
export function presentArticleSummary(a: Article, source: Source | undefined) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    source: source ? { id: source.id, title: source.title || source.url, siteUrl: source.siteUrl } : { id: a.sourceId },
    author: a.author,
    publishedAt: a.publishedAt.toISOString(),
    fetchedAt: a.fetchedAt.toISOString(),
    excerpt: a.excerpt,
    imageUrl: a.imageUrl,
    lang: a.lang,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    storyId: a.storyId,
    duplicateOf: a.duplicateOf,
    sentiment: a.sentiment,
  };
}

/**
 * The full article. The body follows the source's republishing policy:
 * 'full' sends the sanitized HTML and text, 'excerpt' and 'link' send only the excerpt.
 */
export function presentArticle(a: Article, source: Source | undefined) {
  const full = !source || source.policy === 'full';
  return {
    ...presentArticleSummary(a, source),
    html: full ? a.html : null,
    text: full ? a.text : null,
    originUrl: a.originUrl,
    contentHash: a.contentHash,
    figures: a.figures,
    extraction: { removed: a.removed, warnings: a.warnings },
  };
}

/** A copy of an article ("also published by"). */
export function presentCopy(a: Article, source: Source | undefined) {
  return { id: a.id, url: a.url, title: a.title, publishedAt: a.publishedAt.toISOString(), source: source ? { id: source.id, title: source.title || source.url } : { id: a.sourceId } };
}

/** A story as listed. */
export function presentStory(s: StorySummary) {
  return {
    id: s.id,
    headline: s.headline,
    headlineArticleId: s.headlineArticleId,
    firstSeenAt: s.firstSeenAt.toISOString(),
    lastUpdateAt: s.lastUpdateAt.toISOString(),
    sourceCount: s.sourceCount,
    articleCount: s.articleCount,
  };
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A snippet as safe HTML: the text escaped, matches wrapped in <mark>. */
export function snippetHtml(snippet: SearchHit['snippet']): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at) continue;
    out += `${escapeHtml(snippet.text.slice(at, start))}<mark>${escapeHtml(snippet.text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(snippet.text.slice(at));
}

/** One search hit: the article summary, its score and the snippet (plain with ranges, and as HTML). */
export function presentSearchHit(hit: SearchHit, source: Source | undefined) {
  return {
    ...presentArticleSummary(hit.article, source),
    score: Math.round(hit.score * 1000) / 1000,
    snippet: hit.snippet,
    snippetHtml: snippetHtml(hit.snippet),
  };
}
