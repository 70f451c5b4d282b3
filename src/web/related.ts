/**
 * "You may also like": articles related to one article, ranked by text similarity (the store's "more
 * like this") blended with recency, never the article itself or a copy of it, at most a few per source.
 * Shared instruments and stories join the ranking when the store provides them.
 */
import type { Article } from '../model.ts';
import type { WebDeps } from './context.ts';

/** Related articles shown. */
export const RELATED_LIMIT = 5;
/** Similar candidates read from the store before re-ranking. */
const CANDIDATES = 30;
/** Share of the final score given to text similarity (the rest to recency). */
const SIMILARITY_WEIGHT = 0.75;
/** Bonus for shared instruments, reached in full at SHARED_INSTRUMENTS_FULL shared ones. */
const INSTRUMENT_WEIGHT = 0.5;
const SHARED_INSTRUMENTS_FULL = 2;
/** Recency half-life of the related ranking. */
const HALF_LIFE_MS = 7 * 86_400_000;
/** Most related articles from one source. */
const PER_SOURCE = 2;
/** Similarity (relative to the best candidate) under which a candidate is not shown at all. */
const MIN_RELATIVE_SIMILARITY = 0.2;
/** Cached results per article, and for how long. */
const CACHE_SIZE = 500;
const CACHE_MS = 5 * 60_000;

export interface RelatedArticle {
  article: Article;
  score: number;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * True when `b` is the same piece or the same event as `a`: a copy, same URL, text or headline, or the
 * same story (those belong under "More coverage", not here).
 */
export function isSamePiece(a: Article, b: Article): boolean {
  return (
    a.id === b.id ||
    a.canonicalUrl === b.canonicalUrl ||
    a.contentHash === b.contentHash ||
    normalise(a.title) === normalise(b.title) ||
    (a.storyId != null && a.storyId === b.storyId) ||
    a.duplicateOf === b.id ||
    b.duplicateOf === a.id ||
    (a.duplicateOf != null && a.duplicateOf === b.duplicateOf)
  );
}

/**
 * Re-rank similar candidates: text similarity and shared instruments, blended with recency; copies and
 * same-story articles removed; at most PER_SOURCE per source. `shared` counts instruments a candidate
 * shares with the article. Pure.
 */
export function rankRelated(
  article: Article,
  similar: RelatedArticle[],
  now: Date,
  limit: number,
  shared: ReadonlyMap<number, number> = new Map(),
): RelatedArticle[] {
  const best = Math.max(0, ...similar.map((s) => s.score));
  if (best <= 0) return [];
  const scored = similar
    .filter((s) => !isSamePiece(article, s.article) && s.score / best >= MIN_RELATIVE_SIMILARITY)
    .map((s) => {
      const age = Math.abs(now.getTime() - s.article.publishedAt.getTime());
      const recency = 0.5 ** (age / HALF_LIFE_MS);
      const instruments = Math.min(1, (shared.get(s.article.id) ?? 0) / SHARED_INSTRUMENTS_FULL);
      const score = SIMILARITY_WEIGHT * (s.score / best) + (1 - SIMILARITY_WEIGHT) * recency + INSTRUMENT_WEIGHT * instruments;
      return { article: s.article, score };
    })
    .sort((a, b) => b.score - a.score);
  // Diverse sources first (at most PER_SOURCE each); then fill from the rest in score order.
  const out: RelatedArticle[] = [];
  const perSource = new Map<number, number>();
  const take = (s: RelatedArticle, capped: boolean) => {
    if (out.length >= limit || out.some((x) => isSamePiece(x.article, s.article))) return;
    const n = perSource.get(s.article.sourceId) ?? 0;
    if (capped && n >= PER_SOURCE) return;
    perSource.set(s.article.sourceId, n + 1);
    out.push({ article: s.article, score: Math.round(s.score * 1000) / 1000 });
  };
  for (const s of scored) take(s, true);
  for (const s of scored) take(s, false);
  out.sort((a, b) => b.score - a.score);
  return out;
}

/** How many instruments each candidate shares with the article (one store read). */
async function sharedInstruments(deps: WebDeps, article: Article, similar: RelatedArticle[]): Promise<Map<number, number>> {
  const byArticle = await deps.store.listArticleInstruments([article.id, ...similar.map((s) => s.article.id)]);
  const mine = new Set((byArticle.get(article.id) ?? []).map((i) => i.instrumentId));
  const out = new Map<number, number>();
  if (mine.size === 0) return out;
  for (const s of similar) out.set(s.article.id, (byArticle.get(s.article.id) ?? []).filter((i) => mine.has(i.instrumentId)).length);
  return out;
}

const cache = new WeakMap<WebDeps, Map<number, { at: number; items: RelatedArticle[] }>>();

/** Related articles of `article` (cached a few minutes per article); empty when the store cannot tell. */
export async function findRelated(deps: WebDeps, article: Article, limit: number): Promise<RelatedArticle[]> {
  if (!deps.store.listSimilarArticles) return [];
  let byId = cache.get(deps);
  if (!byId) cache.set(deps, (byId = new Map()));
  const now = deps.now();
  const hit = byId.get(article.id);
  if (hit && now.getTime() - hit.at < CACHE_MS) return hit.items.slice(0, limit);
  const similar = await deps.store.listSimilarArticles(article.id, CANDIDATES);
  const items = rankRelated(article, similar, now, limit, await sharedInstruments(deps, article, similar));
  if (byId.size >= CACHE_SIZE) byId.delete(byId.keys().next().value ?? 0);
  byId.set(article.id, { at: now.getTime(), items });
  return items;
}
