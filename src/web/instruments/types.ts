/**
 * @module web/instruments/types — what the instrument pages and API need from the market side: one small
 * service interface (implemented by src/runtime/market.ts), the chart ranges, and the deps they read.
 */
import type { InstrumentIndex } from '../../instruments/index.ts';
import type { Candle, Quote } from '../../market/types.ts';

/** Chart ranges the instrument page and `GET /api/instruments/:id/candles?range=` accept. */
export const CHART_RANGES = ['1d', '5d', '1w', '1m', '6m', '1y'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
/** Range shown when none is asked for. */
export const DEFAULT_CHART_RANGE: ChartRange = '1m';

/** Candles of one range as served: oldest first, with staleness (old candles served while a provider is down). */
export interface CandleSeriesView {
  range: ChartRange;
  candles: Candle[];
  provider: string;
  stale: boolean;
  ageMs: number;
}

/**
 * Quotes and candles by instrument id. Never throws for provider trouble: an instrument without a quote gives
 * null, an old quote comes back with `stale: true` — never a wrong price.
 */
export interface MarketService {
  getQuote(instrumentId: string): Promise<Quote | null>;
  getCandles(instrumentId: string, range: ChartRange): Promise<CandleSeriesView | null>;
  close(): Promise<void>;
}

/** The reference instruments, loaded on first use (≈1 s, ≈100 MB); null when instrument linking is off. */
export type InstrumentSource = () => InstrumentIndex | null;
