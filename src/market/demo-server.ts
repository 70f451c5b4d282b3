/**
 * @module market/demo-server — a loopback market-data server for the offline demo. It answers in the Binance Spot
 * REST shape (`/api/v3/ticker/24hr`, `/api/v3/klines`, `/api/v3/exchangeInfo`, `/api/v3/ping`, `/api/v3/time`) with
 * deterministic, plausible prices for the instruments the demo articles mention. Symbols are instrument ids
 * (`us:NVDA`, `crypto:BTC`); Binance pairs (`BTCUSDT`) are accepted for the crypto ones. Prices are illustrative.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBinanceShapedProvider } from './binance.ts';
import type { Logger } from '../log.ts';
import { MarketData } from './market-data.ts';
import type { MarketDataProvider } from './types.ts';

/** Illustrative reference level per demo instrument (not real quotes) and its currency. */
export const DEMO_INSTRUMENTS: Record<string, { level: number; currency: string; volatility: number }> = {
  'us:NVDA': { level: 182, currency: 'USD', volatility: 0.03 },
  'us:AAPL': { level: 232, currency: 'USD', volatility: 0.015 },
  'us:MSFT': { level: 478, currency: 'USD', volatility: 0.015 },
  'us:GOOGL': { level: 251, currency: 'USD', volatility: 0.02 },
  'us:AMZN': { level: 224, currency: 'USD', volatility: 0.02 },
  'us:META': { level: 705, currency: 'USD', volatility: 0.025 },
  'us:TSLA': { level: 418, currency: 'USD', volatility: 0.04 },
  'us:AMD': { level: 228, currency: 'USD', volatility: 0.035 },
  'us:INTC': { level: 36, currency: 'USD', volatility: 0.035 },
  'us:IBM': { level: 292, currency: 'USD', volatility: 0.015 },
  'us:ORCL': { level: 231, currency: 'USD', volatility: 0.03 },
  'us:BABA': { level: 158, currency: 'USD', volatility: 0.035 },
  'us:SPY': { level: 662, currency: 'USD', volatility: 0.01 },
  'us:QQQ': { level: 598, currency: 'USD', volatility: 0.012 },
  'hk:9988': { level: 154, currency: 'HKD', volatility: 0.035 },
  'hk:0700': { level: 612, currency: 'HKD', volatility: 0.02 },
  'hk:0981': { level: 71, currency: 'HKD', volatility: 0.045 },
  'hk:1347': { level: 62, currency: 'HKD', volatility: 0.045 },
  'hk:1810': { level: 43, currency: 'HKD', volatility: 0.04 },
  'hk:3690': { level: 101, currency: 'HKD', volatility: 0.04 },
  'cn:688981': { level: 121, currency: 'CNY', volatility: 0.04 },
  'cn:002371': { level: 452, currency: 'CNY', volatility: 0.04 },
  'cn:688012': { level: 241, currency: 'CNY', volatility: 0.045 },
  'idx:SPX': { level: 6_620, currency: 'PTS', volatility: 0.008 },
  'idx:IXIC': { level: 22_480, currency: 'PTS', volatility: 0.011 },
  'idx:DJI': { level: 46_150, currency: 'PTS', volatility: 0.007 },
  'idx:HSI': { level: 25_900, currency: 'PTS', volatility: 0.012 },
  'idx:HSTECH': { level: 5_850, currency: 'PTS', volatility: 0.018 },
  'idx:RUT': { level: 2_430, currency: 'PTS', volatility: 0.014 },
  'crypto:BTC': { level: 94_500, currency: 'USDT', volatility: 0.025 },
  'crypto:ETH': { level: 3_380, currency: 'USDT', volatility: 0.035 },
  'crypto:SOL': { level: 178, currency: 'USDT', volatility: 0.05 },
  'crypto:XRP': { level: 2.31, currency: 'USDT', volatility: 0.05 },
  'crypto:DOGE': { level: 0.192, currency: 'USDT', volatility: 0.06 },
};

/** Kline interval lengths the demo serves (Binance names, plus MEXC's `60m`). */
const INTERVAL_MS: Record<string, number> = {
  '1m': 60_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000, '60m': 3_600_000,
  '4h': 14_400_000, '1d': 86_400_000, '1w': 604_800_000,
};
/** Most klines per request, as on Binance. */
const MAX_LIMIT = 1_000;

/** Resolve a requested symbol to a demo instrument id. */
function demoId(symbol: string): string | undefined {
  if (DEMO_INSTRUMENTS[symbol]) return symbol;
  const base = /^([A-Z0-9]+?)(USDT|USDC|USD)$/.exec(symbol.toUpperCase())?.[1];
  const id = base ? `crypto:${base}` : undefined;
  return id && DEMO_INSTRUMENTS[id] ? id : undefined;
}

/** A small deterministic hash of a string to [0, 1). */
function unit(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** Deterministic price of a demo instrument at time t (ms): slow and fast waves plus a little per-minute noise. */
export function demoPrice(id: string, t: number): number {
  const spec = DEMO_INSTRUMENTS[id];
  if (!spec) return Number.NaN;
  const phase = unit(id) * 2 * Math.PI;
  const days = t / 86_400_000;
  const wave = 0.6 * Math.sin(days / 23 + phase) + 0.3 * Math.sin(days * 1.7 + 2 * phase) + 0.1 * Math.sin(days * 24 + phase);
  const noise = (unit(`${id}:${Math.floor(t / 60_000)}`) - 0.5) * 0.1;
  const price = spec.level * (1 + spec.volatility * 3 * (wave + noise));
  const digits = spec.level < 1 ? 5 : spec.level < 10 ? 4 : 2;
  return Number(price.toFixed(digits));
}

function ticker(id: string, symbol: string, now: number) {
  const last = demoPrice(id, now);
  const open = demoPrice(id, now - 86_400_000);
  let high = Math.max(last, open);
  let low = Math.min(last, open);
  for (let t = now - 86_400_000; t <= now; t += 3_600_000) {
    const p = demoPrice(id, t);
    high = Math.max(high, p);
    low = Math.min(low, p);
  }
  const change = last - open;
  return {
    symbol, priceChange: change.toFixed(4), priceChangePercent: ((change / open) * 100).toFixed(3), weightedAvgPrice: ((open + last) / 2).toFixed(4),
    prevClosePrice: String(open), lastPrice: String(last), lastQty: '1.00000000', bidPrice: String(last), bidQty: '10.00000000',
    askPrice: String(last), askQty: '10.00000000', openPrice: String(open), highPrice: String(high), lowPrice: String(low),
    volume: (1000 + unit(`${id}:v`) * 50_000).toFixed(2), quoteVolume: '0', openTime: now - 86_400_000, closeTime: now,
    firstId: 1, lastId: 1000, count: 1000,
  };
}

function klines(id: string, interval: number, limit: number, endTime: number) {
  const rows: unknown[] = [];
  const lastOpen = Math.floor(endTime / interval) * interval;
  for (let k = limit - 1; k >= 0; k--) {
    const t = lastOpen - k * interval;
    const open = demoPrice(id, t);
    const close = demoPrice(id, Math.min(endTime, t + interval - 1));
    const mid = demoPrice(id, t + interval / 2);
    const high = Math.max(open, close, mid);
    const low = Math.min(open, close, mid);
    const vol = (100 + unit(`${id}:${t}`) * 900).toFixed(4);
    rows.push([t, String(open), String(high), String(low), String(close), vol, t + interval - 1, '0', 100, '0', '0', '0']);
  }
  return rows;
}

/** A running demo market server. */
export interface DemoMarketServer {
  /** Base URL without trailing slash, for `createBinanceShapedProvider('demo', { baseUrl: url })`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Options for the demo server. */
export interface DemoMarketServerOptions {
  /** Port to listen on (0 = ephemeral). */
  port?: number;
  host?: string;
  /** Clock (tests freeze it). */
  now?: () => number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Answer one request: status and JSON body. */
function route(url: URL, now: () => number): [number, unknown] {
  const symbol = url.searchParams.get('symbol') ?? '';
  const id = demoId(symbol);
  const invalidSymbol: [number, unknown] = [400, { code: -1121, msg: 'Invalid symbol.' }];
  switch (url.pathname) {
    case '/api/v3/ping':
      return [200, {}];
    case '/api/v3/time':
      return [200, { serverTime: now() }];
    case '/api/v3/exchangeInfo': {
      const symbols = Object.entries(DEMO_INSTRUMENTS).map(([s, spec]) => ({ symbol: s, status: 'TRADING', quoteAsset: spec.currency }));
      return [200, { timezone: 'UTC', serverTime: now(), rateLimits: [], exchangeFilters: [], symbols }];
    }
    case '/api/v3/ticker/24hr':
      return id ? [200, ticker(id, symbol, now())] : invalidSymbol;
    case '/api/v3/klines': {
      const interval = INTERVAL_MS[url.searchParams.get('interval') ?? ''];
      if (!id) return invalidSymbol;
      if (!interval) return [400, { code: -1120, msg: 'Invalid interval.' }];
      const limit = Math.min(MAX_LIMIT, Math.max(1, Number(url.searchParams.get('limit') ?? 500) || 500));
      const end = Number(url.searchParams.get('endTime') ?? now()) || now();
      return [200, klines(id, interval, limit, Math.min(end, now()))];
    }
    default:
      return [404, { code: -1, msg: 'Not found.' }];
  }
}

function handle(req: IncomingMessage, res: ServerResponse, now: () => number): void {
  const [status, body] = route(new URL(req.url ?? '/', 'http://demo.invalid'), now);
  send(res, status, body);
}

/**
 * Start the demo market server on loopback.
 * @example const market = await startDemoMarketServer(); createBinanceShapedProvider('demo', { baseUrl: market.url })
 */
export async function startDemoMarketServer(opts: DemoMarketServerOptions = {}): Promise<DemoMarketServer> {
  const now = opts.now ?? Date.now;
  const server = createServer((req, res) => handle(req, res, now));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A provider reading the demo server (Binance shape, quotes in each demo instrument's currency).
 * @example createDemoProvider((await startDemoMarketServer()).url).getQuote('us:NVDA')
 */
export function createDemoProvider(baseUrl: string): MarketDataProvider {
  return createBinanceShapedProvider('demo', {
    baseUrl,
    currencyOf: (symbol) => DEMO_INSTRUMENTS[demoId(symbol) ?? '']?.currency ?? 'USD',
  });
}

/**
 * Market data for the offline demo: every asset class served by the demo server.
 * @example const market = await startDemoMarketServer(); const data = createDemoMarketData(market.url); await data.quote(nvda)
 */
export function createDemoMarketData(baseUrl: string, log?: Logger): MarketData {
  return new MarketData({ routes: { default: { name: 'demo', provider: createDemoProvider(baseUrl) } }, ...(log ? { log } : {}) });
}
