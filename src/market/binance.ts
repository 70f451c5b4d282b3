/**
 * @module market/binance — Binance Spot and MEXC Spot v3 REST clients. They share endpoint paths and the 24 h ticker
 * shape, but differ where it bites: MEXC's `priceChangePercent` is a FRACTION ("0.0040" = +0.40 %), Binance's is a
 * percent; MEXC kline intervals are `60m`/`1W` (not `1h`/`1w`); MEXC klines have 8 columns, Binance 12.
 */
import { AppError } from '../errors.ts';
import { asArray, asRecord, type ClientOptions, createJsonGetter, requireNumber, toNumber } from './http.ts';
import type { Candle, CandleRange, MarketDataProvider, Quote } from './types.ts';

/** What differs between the Binance-shaped APIs. */
interface Dialect {
  name: string;
  defaultBase: string;
  /** Requests per second within the public limit (Binance 6,000 weight/min; MEXC 500 per 10 s per endpoint). */
  ratePerSec: number;
  /** Multiply `priceChangePercent` by this to get percent. */
  percentFactor: number;
  /** Interval and bar count per range. */
  ranges: Record<CandleRange, { interval: string; limit: number }>;
}

const BINANCE: Dialect = {
  name: 'binance',
  defaultBase: 'https://data-api.binance.vision',
  ratePerSec: 20,
  percentFactor: 1,
  ranges: { '1D': { interval: '5m', limit: 288 }, '1W': { interval: '1h', limit: 168 }, '1M': { interval: '4h', limit: 180 }, '1Y': { interval: '1d', limit: 365 } },
};

const MEXC: Dialect = {
  name: 'mexc',
  defaultBase: 'https://api.mexc.com',
  ratePerSec: 20,
  percentFactor: 100,
  ranges: { '1D': { interval: '5m', limit: 288 }, '1W': { interval: '60m', limit: 168 }, '1M': { interval: '4h', limit: 180 }, '1Y': { interval: '1d', limit: 365 } },
};

/** Quote currencies recognised at the end of a pair symbol, longest first. */
const QUOTE_ASSETS = ['FDUSD', 'USDT', 'USDC', 'USD', 'EUR', 'BTC', 'ETH'];

/** The quote asset of a pair (`BTCUSDT` → `USDT`); `USD` when unknown (the demo server's `us:NVDA`). */
export function quoteAssetOf(symbol: string): string {
  return QUOTE_ASSETS.find((q) => symbol.toUpperCase().endsWith(q) && symbol.length > q.length) ?? 'USD';
}

function parseTicker(dialect: Dialect, symbol: string, body: unknown, currencyOf: (s: string) => string): Quote {
  const t = asRecord(Array.isArray(body) ? body[0] : body, dialect.name, '24hr ticker');
  const price = requireNumber(t.lastPrice, dialect.name, 'lastPrice');
  const open = toNumber(t.openPrice);
  const pct = toNumber(t.priceChangePercent);
  const changePct = pct !== null ? pct * dialect.percentFactor : open ? ((price - open) / open) * 100 : null;
  const closeTime = toNumber(t.closeTime);
  return {
    symbol,
    price,
    changePct: changePct === null ? null : Math.round(changePct * 1e4) / 1e4,
    changeWindow: '24h',
    open,
    high: toNumber(t.highPrice),
    low: toNumber(t.lowPrice),
    volume: toNumber(t.volume),
    currency: currencyOf(symbol),
    asOf: new Date(closeTime ?? Date.now()),
    provider: dialect.name,
  };
}

function parseKline(dialect: Dialect, row: unknown): Candle {
  const r = asArray(row, dialect.name, 'kline row');
  const n = (i: number, field: string) => requireNumber(r[i], dialect.name, field);
  return { time: n(0, 'openTime'), open: n(1, 'open'), high: n(2, 'high'), low: n(3, 'low'), close: n(4, 'close'), volume: toNumber(r[5]) ?? 0 };
}

function createProvider(dialect: Dialect, opts: ClientOptions & { currencyOf?: (symbol: string) => string }): MarketDataProvider {
  const currencyOf = opts.currencyOf ?? quoteAssetOf;
  const get = createJsonGetter(dialect.name, dialect.defaultBase, opts, dialect.ratePerSec);
  const pair = (symbol: string) => {
    const s = symbol.trim();
    if (!s) throw new AppError('bad_request', `${dialect.name}: empty symbol`);
    return s.includes(':') ? s : s.toUpperCase();
  };
  return {
    name: dialect.name,
    async getQuote(symbol) {
      const s = pair(symbol);
      return parseTicker(dialect, s, await get('/api/v3/ticker/24hr', { symbol: s }), currencyOf);
    },
    async getCandles(symbol, range) {
      const { interval, limit } = dialect.ranges[range];
      const rows = asArray(await get('/api/v3/klines', { symbol: pair(symbol), interval, limit }), dialect.name, 'klines');
      return rows.map((r) => parseKline(dialect, r)).sort((a, b) => a.time - b.time);
    },
  };
}

/**
 * Binance Spot market data (keyless; defaults to the market-data-only mirror).
 * @example createBinanceProvider({ baseUrl: server.url }).getQuote('BTCUSDT')
 */
export function createBinanceProvider(opts: ClientOptions = {}): MarketDataProvider {
  return createProvider(BINANCE, opts);
}

/** MEXC Spot v3 market data (keyless). Its fractional 24 h change is converted to percent. */
export function createMexcProvider(opts: ClientOptions = {}): MarketDataProvider {
  return createProvider(MEXC, opts);
}

/** A Binance-shaped provider with its own name, base URL and currency per symbol (the demo market server). */
export function createBinanceShapedProvider(
  name: string,
  opts: ClientOptions & { baseUrl: string; currencyOf?: (symbol: string) => string },
): MarketDataProvider {
  return createProvider({ ...BINANCE, name, defaultBase: opts.baseUrl, ratePerSec: 1_000 }, opts);
}
