/**
 * @module web/instruments/moves — the "moves" view: the largest bar-to-bar price moves in a chart range, each with
 * the linked articles published in the hours before it (what the news said before the price moved).
 */
import type { Candle } from '../../market/types.ts';

/** Moves listed per range. */
export const MOVE_COUNT = 3;
/** How far before a move articles are looked for: at least this, or one bar when bars are longer. */
const MIN_LOOKBACK_MS = 6 * 3_600_000;

/** An article that may explain a move. */
export interface MoveArticle {
  id: number;
  title: string;
  publishedAt: Date;
}

/** One large move: from the previous bar's close to this bar's close. */
export interface PriceMove {
  /** End of the move: the bar's close time (its open plus one bar), or now for the bar still forming. */
  at: number;
  from: number;
  to: number;
  changePct: number;
  /** Articles published in the lookback window before `at`, newest first. */
  articles: MoveArticle[];
  lookbackMs: number;
}

/**
 * The `count` largest absolute close-to-close moves, largest first and at least one lookback window apart, with the
 * articles published in the window before each. Fewer than two candles give none.
 * @example findMoves(candles, articles, Date.now()) // [{ changePct: -4.1, articles: [{ title: 'Guidance cut' … }] }, …]
 */
export function findMoves(candles: Candle[], articles: MoveArticle[], now: number, count = MOVE_COUNT): PriceMove[] {
  if (candles.length < 2) return [];
  const first = candles[0];
  const second = candles[1];
  const bar = first && second ? second.time - first.time : 0;
  const lookbackMs = Math.max(MIN_LOOKBACK_MS, bar);
  const moves: PriceMove[] = [];
  for (let i = 1; i < candles.length; i++) {
    const prev = candles[i - 1];
    const cur = candles[i];
    if (!prev || !cur || !(prev.close > 0) || !Number.isFinite(cur.close)) continue;
    const changePct = ((cur.close - prev.close) / prev.close) * 100;
    moves.push({ at: Math.min(cur.time + bar, now), from: prev.close, to: cur.close, changePct, articles: [], lookbackMs });
  }
  // Largest first; a move within one lookback window of a bigger one is the same episode and is skipped.
  const top: PriceMove[] = [];
  for (const m of moves.sort((a, b) => Math.abs(b.changePct) - Math.abs(a.changePct))) {
    if (top.length >= count) break;
    if (top.every((t) => Math.abs(t.at - m.at) >= lookbackMs)) top.push(m);
  }
  for (const m of top) {
    m.articles = articles
      .filter((a) => a.publishedAt.getTime() <= m.at && a.publishedAt.getTime() > m.at - lookbackMs)
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  }
  return top;
}
