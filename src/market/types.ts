/**
 * @module market/types — quotes, candles and the one interface every market-data client implements.
 */

/** Candle ranges the product shows (instrument page 1D/1W/1M/1Y). */
export type CandleRange = '1D' | '1W' | '1M' | '1Y';

/** The latest price of a symbol, normalised across providers. */
export interface Quote {
  /** Provider symbol asked for (`BTCUSDT`, `BTC-USD`, `us:NVDA` on the demo server). */
  symbol: string;
  price: number;
  /** Change over the provider's window in percent (+1.25 = +1.25 %), never a fraction; null when unknown. */
  changePct: number | null;
  /** The window the change covers: rolling 24 h for crypto, the session for equities. */
  changeWindow: '24h' | 'session';
  open: number | null;
  high: number | null;
  low: number | null;
  volume: number | null;
  currency: string;
  /** When the provider computed the quote. */
  asOf: Date;
  provider: string;
  /** Set by the cache when it serves an old quote because refreshing failed or is in flight. */
  stale?: boolean;
  /** Age of the quote in ms when served (set by the cache). */
  ageMs?: number;
}

/** One OHLCV bar; `time` is the bar's open time in epoch ms. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * A market-data source. Failures throw AppError (`fetch_failed`, `fetch_timeout`, `http_status`, `not_found`);
 * callers that must not fail use the QuoteCache.
 */
export interface MarketDataProvider {
  readonly name: string;
  getQuote(symbol: string): Promise<Quote>;
  /** Candles oldest first. */
  getCandles(symbol: string, range: CandleRange): Promise<Candle[]>;
}
