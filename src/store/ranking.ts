/**
 * How both drivers rank search results: a bounded candidate set (the newest matches), relevance from the
 * title or from BM25 / ts_rank, blended with recency. The same numbers on SQLite and PostgreSQL.
 */

/** Newest matches read per query before ranking (more when paging deeper). */
export const CANDIDATES = 100;
/** Upper bound of candidates: pages beyond it are not served. */
export const MAX_CANDIDATES = 1_000;
/** A match in the title counts this many times a match in the body. */
export const TITLE_WEIGHT = 8;
/** Large result sets: a title match multiplies relevance by 1 + BOOST. */
export const TITLE_BOOST = 2;
/** Recency blend: relevance × (FLOOR + (1 − FLOOR) × 0.5^(age / HALF_LIFE)). */
const RECENCY_HALF_LIFE_MS = 3 * 86_400_000;
const RECENCY_FLOOR = 0.35;

/** Candidates to read for a page at `offset` of `limit` hits (one more tells whether a next page exists). */
export function candidatesFor(offset: number, limit: number): number {
  return Math.min(MAX_CANDIDATES, Math.max(CANDIDATES, offset + limit + 1));
}

/** The recency factor of an article published at `publishedMs`, seen at `nowMs`. */
export function recencyFactor(publishedMs: number, nowMs: number): number {
  const age = Math.max(0, nowMs - publishedMs);
  return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age / RECENCY_HALF_LIFE_MS);
}
