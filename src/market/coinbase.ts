/**
 * @module market/coinbase — Coinbase Exchange public REST client. No 24 h change field: it is computed from
 * `/stats` (`open` vs `last`). Candles come newest first as `[time s, low, high, open, close, volume]`, at most
 * 300 per request and only at six granularities.
 */
import { AppError } from '../errors.ts';
import { asArray, asRecord, type ClientOptions, createJsonGetter, requireNumber, toNumber } from './http.ts';
import type { Candle, CandleRange, MarketDataProvider } from './types.ts';

const NAME = 'coinbase';
/** Public limit is 10 req/s per IP with bursts to 15; stay under it. */
const RATE_PER_SEC = 8;
/** Most candles Coinbase returns per request. */
const MAX_CANDLES = 300;
/** Granularity (s) and span (s) per range. */
const RANGES: Record<CandleRange, { granularity: number; span: number }> = {
  '1D': { granularity: 300, span: 86_400 },
  '1W': { granularity: 3_600, span: 7 * 86_400 },
  '1M': { granularity: 21_600, span: 30 * 86_400 },
  '1Y': { granularity: 86_400, span: 365 * 86_400 },
};

/** Coinbase product ids are `BASE-QUOTE`; accept `btc-usd` too. */
function productId(symbol: string): string {
  const id = symbol.trim().toUpperCase();
  if (!/^[A-Z0-9]+-[A-Z0-9]+$/.test(id)) throw new AppError('bad_request', `${NAME}: product id must look like BTC-USD, got "${symbol}"`);
  return id;
}

function parseCandle(row: unknown): Candle {
  const r = asArray(row, NAME, 'candle row');
  const n = (i: number, f: string) => requireNumber(r[i], NAME, f);
  return { time: n(0, 'time') * 1000, low: n(1, 'low'), high: n(2, 'high'), open: n(3, 'open'), close: n(4, 'close'), volume: toNumber(r[5]) ?? 0 };
}

/**
 * Coinbase Exchange market data (keyless).
 * @example createCoinbaseProvider({ baseUrl: server.url }).getQuote('BTC-USD')
 */
export function createCoinbaseProvider(opts: ClientOptions & { now?: () => number } = {}): MarketDataProvider {
  const get = createJsonGetter(NAME, 'https://api.exchange.coinbase.com', opts, RATE_PER_SEC);
  const now = opts.now ?? Date.now;
  return {
    name: NAME,
    async getQuote(symbol) {
      const id = productId(symbol);
      const [tickerBody, statsBody] = await Promise.all([get(`/products/${id}/ticker`), get(`/products/${id}/stats`)]);
      const ticker = asRecord(tickerBody, NAME, 'ticker');
      const stats = asRecord(statsBody, NAME, 'stats');
      const price = requireNumber(ticker.price ?? stats.last, NAME, 'price');
      const open = toNumber(stats.open);
      const time = typeof ticker.time === 'string' ? Date.parse(ticker.time) : Number.NaN;
      return {
        symbol: id,
        price,
        changePct: open ? Math.round(((price - open) / open) * 100 * 1e4) / 1e4 : null,
        changeWindow: '24h',
        open,
        high: toNumber(stats.high),
        low: toNumber(stats.low),
        volume: toNumber(stats.volume),
        currency: id.split('-')[1] ?? 'USD',
        asOf: new Date(Number.isFinite(time) ? time : now()),
        provider: NAME,
      };
    },
    async getCandles(symbol, range) {
      const id = productId(symbol);
      const { granularity, span } = RANGES[range];
      const end = Math.floor(now() / 1000 / granularity) * granularity;
      const pages: Array<Promise<unknown>> = [];
      for (let to = end; to > end - span; to -= MAX_CANDLES * granularity) {
        const from = Math.max(end - span, to - MAX_CANDLES * granularity);
        pages.push(get(`/products/${id}/candles`, { granularity, start: new Date(from * 1000).toISOString(), end: new Date(to * 1000).toISOString() }));
      }
      const byTime = new Map<number, Candle>();
      for (const body of await Promise.all(pages)) for (const row of asArray(body, NAME, 'candles')) {
        const c = parseCandle(row);
        byTime.set(c.time, c);
      }
      return [...byTime.values()].sort((a, b) => a.time - b.time);
    },
  };
}
