/**
 * "You may also like": articles related to one article, never the article itself, a copy of it or
 * another report of its story (those are "More coverage"), at most a few per source. Candidates and
 * their normalised text similarity come from the store's "more like this" (cosine of tf-idf vectors,
 * 0..1, comparable across articles); a subject instrument in common is strong evidence; recency breaks
 * ties. A candidate needs evidence above an absolute floor: a list is shorter than RELATED_LIMIT rather
 * than padded with an unrelated article.
 */
import type { Article } from '../model.ts';
import type { SimilarArticle, Store } from '../store/store.ts';
import type { WebDeps } from './context.ts';

/** Related articles shown. */
export const RELATED_LIMIT = 5;
/** Similar candidates read from the store before re-ranking. */
const CANDIDATES = 30;
/**
 * Evidence that a candidate is related: its similarity, scaled down when it rests on fewer than
 * BROAD_TERMS distinctive terms in common (× √(shared / BROAD_TERMS): one or two words, even rare ones,
 * are weaker evidence than an overlap across many). Related when that evidence reaches STRONG_EVIDENCE
 * with at least MIN_SHARED_TERMS distinctive term in common (boilerplate alone is never enough), or the
 * similarity reaches WEAK_SIMILARITY with at least BROAD_TERMS terms in common, or a subject instrument
 * is in common. Set on the labelled set of fixtures/related-set.ts, where clearly unrelated pairs that
 * share market boilerplate reach ~0.15 similarity, on one distinctive term at most.
 */
const BROAD_TERMS = 3;
const MIN_SHARED_TERMS = 1;
const STRONG_EVIDENCE = 0.09;
const WEAK_SIMILARITY = 0.06;
/** Added to the evidence for a subject instrument in common. */
const INSTRUMENT_BONUS = 0.1;
/** Recency: a small tiebreaker, with this half-life. */
const RECENCY_WEIGHT = 0.02;
const HALF_LIFE_MS = 7 * 86_400_000;
/** Articles from one source before the next from it is scored × SOURCE_PENALTY (per-source diversity). */
const PER_SOURCE = 2;
const SOURCE_PENALTY = 0.7;
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

/** The similarity of a candidate scaled by the breadth of its overlap (see BROAD_TERMS). */
export function evidence(candidate: SimilarArticle): number {
  return candidate.score * Math.min(1, Math.sqrt(candidate.sharedTerms / BROAD_TERMS));
}

/** True when the store's similarity (or a subject instrument in common) says the candidate is related. */
export function isRelated(candidate: SimilarArticle, sharesInstrument: boolean): boolean {
  return (
    sharesInstrument ||
    (candidate.sharedTerms >= MIN_SHARED_TERMS && evidence(candidate) >= STRONG_EVIDENCE) ||
    (candidate.score >= WEAK_SIMILARITY && candidate.sharedTerms >= BROAD_TERMS)
  );
}

/**
 * Re-rank similar candidates: those with evidence of being related (isRelated), by that evidence plus a
 * bonus for a subject instrument in common plus a little recency; copies and same-story articles
 * removed; past PER_SOURCE from one source, the next from it is scored down. `instruments` holds the ids of candidates that share a
 * subject instrument with the article. Pure.
 */
export function rankRelated(
  article: Article,
  similar: SimilarArticle[],
  now: Date,
  limit: number,
  instruments: ReadonlySet<number> = new Set(),
): RelatedArticle[] {
  const scored = similar
    .filter((s) => !isSamePiece(article, s.article) && isRelated(s, instruments.has(s.article.id)))
    .map((s) => {
      const age = Math.abs(now.getTime() - s.article.publishedAt.getTime());
      const recency = 0.5 ** (age / HALF_LIFE_MS);
      const score = evidence(s) + (instruments.has(s.article.id) ? INSTRUMENT_BONUS : 0) + RECENCY_WEIGHT * recency;
      return { article: s.article, score };
    })
    .sort((a, b) => b.score - a.score || b.article.id - a.article.id);
  // Best first; a candidate whose source already has PER_SOURCE articles in the list is scored × SOURCE_PENALTY,
  // so a third article of one source comes after comparable articles of other sources, but before a weak one.
  const out: RelatedArticle[] = [];
  const perSource = new Map<number, number>();
  const pending = [...scored];
  const effective = (s: RelatedArticle) => s.score * ((perSource.get(s.article.sourceId) ?? 0) >= PER_SOURCE ? SOURCE_PENALTY : 1);
  while (out.length < limit && pending.length > 0) {
    let best = 0;
    for (let i = 1; i < pending.length; i++) if (effective(pending[i] as RelatedArticle) > effective(pending[best] as RelatedArticle)) best = i;
    const [s] = pending.splice(best, 1);
    if (!s || out.some((x) => isSamePiece(x.article, s.article))) continue;
    perSource.set(s.article.sourceId, (perSource.get(s.article.sourceId) ?? 0) + 1);
    out.push({ article: s.article, score: Math.round(s.score * 1000) / 1000 });
  }
  return out;
}

/**
 * Candidates that share a subject instrument with the article: an instrument that is the subject of one
 * of the two and linked to both (one store read).
 */
async function sharingInstruments(store: Store, article: Article, similar: SimilarArticle[]): Promise<Set<number>> {
  const byArticle = await store.listArticleInstruments([article.id, ...similar.map((s) => s.article.id)]);
  const mine = byArticle.get(article.id) ?? [];
  const out = new Set<number>();
  if (mine.length === 0) return out;
  const role = new Map(mine.map((i) => [i.instrumentId, i.role]));
  for (const s of similar) {
    const theirs = byArticle.get(s.article.id) ?? [];
    if (theirs.some((i) => role.has(i.instrumentId) && (i.role === 'subject' || role.get(i.instrumentId) === 'subject'))) out.add(s.article.id);
  }
  return out;
}

/** Related articles of `article`, read from `store` and ranked (no cache); empty when the store cannot tell. */
export async function computeRelated(store: Store, article: Article, now: Date, limit: number): Promise<RelatedArticle[]> {
  if (!store.listSimilarArticles) return [];
  const similar = await store.listSimilarArticles(article.id, CANDIDATES);
  return rankRelated(article, similar, now, limit, await sharingInstruments(store, article, similar));
}

const cache = new WeakMap<WebDeps, Map<number, { at: number; items: RelatedArticle[] }>>();

/** Related articles of `article` (cached a few minutes per article); empty when the store cannot tell. */
export async function findRelated(deps: WebDeps, article: Article, limit: number): Promise<RelatedArticle[]> {
  const byId = cache.get(deps) ?? new Map<number, { at: number; items: RelatedArticle[] }>();
  cache.set(deps, byId);
  const now = deps.now();
  const hit = byId.get(article.id);
  if (hit && now.getTime() - hit.at < CACHE_MS) return hit.items.slice(0, limit);
  const items = await computeRelated(deps.store, article, now, limit);
  if (byId.size >= CACHE_SIZE) byId.delete(byId.keys().next().value ?? 0);
  byId.set(article.id, { at: now.getTime(), items });
  return items;
}
