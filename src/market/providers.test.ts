import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { type LoopbackServer, routes, startLoopback } from '../../test/helpers/loopback.ts';
import { AppError } from '../errors.ts';
import { createBinanceProvider, createMexcProvider } from './binance.ts';
import { createCoinbaseProvider } from './coinbase.ts';
import { createCoinGeckoProvider } from './coingecko.ts';
import { createCsvProvider, parseCandleCsv } from './csv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string) => ({ body: fixture(name), type: 'application/json' });

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Binance', () => {
  test('24h ticker: percent stays percent, decimals parsed, asOf from closeTime', async () => {
    server = await startLoopback(routes({ '/api/v3/ticker/24hr': json('binance-ticker-24hr.json') }));
    const q = await createBinanceProvider({ baseUrl: server.url }).getQuote('ethusdt');
    expect(q).toMatchObject({ symbol: 'ETHUSDT', price: 3357.5, changePct: -1.25, changeWindow: '24h', open: 3400, high: 3411.8, low: 3322.1, currency: 'USDT', provider: 'binance' });
    expect(q.asOf.toISOString()).toBe('2025-11-25T15:59:59.999Z');
    expect(server.requests[0]?.path).toBe('/api/v3/ticker/24hr?symbol=ETHUSDT');
  });

  test('klines: 12-column rows, oldest first, 1W asks for 1h bars', async () => {
    server = await startLoopback(routes({ '/api/v3/klines': json('binance-klines.json') }));
    const candles = await createBinanceProvider({ baseUrl: server.url }).getCandles('ETHUSDT', '1W');
    expect(candles).toHaveLength(3);
    expect(candles[0]).toEqual({ time: 1764072000000, open: 3390.1, high: 3401, low: 3380, close: 3385.2, volume: 1520.5 });
    expect(server.requests[0]?.path).toBe('/api/v3/klines?symbol=ETHUSDT&interval=1h&limit=168');
  });

  test('an error body becomes an AppError with status and Retry-After', async () => {
    server = await startLoopback(routes({ '/api/v3/ticker/24hr': { status: 429, body: '{"code":-1003,"msg":"Too many requests"}', headers: { 'retry-after': '7' } } }));
    const err = await createBinanceProvider({ baseUrl: server.url }).getQuote('BTCUSDT').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'http_status', details: { status: 429, retryAfterSec: 7 } });
  });
});

describe('MEXC', () => {
  test('the fractional priceChangePercent trap: "0.00400" is +0.40 %, empty bidQty and null fields tolerated', async () => {
    server = await startLoopback(routes({ '/api/v3/ticker/24hr': json('mexc-ticker-24hr.json') }));
    const q = await createMexcProvider({ baseUrl: server.url }).getQuote('BTCUSDT');
    expect(q.changePct).toBeCloseTo(0.4, 6);
    expect(q).toMatchObject({ price: 93422.2, open: 93050, provider: 'mexc', currency: 'USDT' });
  });

  test('8-column klines, reordered oldest first; 1W uses MEXC interval 60m', async () => {
    server = await startLoopback(routes({ '/api/v3/klines': json('mexc-klines.json') }));
    const candles = await createMexcProvider({ baseUrl: server.url }).getCandles('BTCUSDT', '1W');
    expect(candles.map((c) => c.time)).toEqual([1764072000000, 1764075600000]);
    expect(server.requests[0]?.path).toContain('interval=60m');
  });

  test('a body that is not JSON is a fetch_failed error, not a zero price', async () => {
    server = await startLoopback(routes({ '/api/v3/ticker/24hr': { body: '<html>proof of work</html>' } }));
    await expect(createMexcProvider({ baseUrl: server.url }).getQuote('BTCUSDT')).rejects.toMatchObject({ code: 'fetch_failed' });
  });
});

describe('Coinbase', () => {
  test('change computed from /stats open vs last; time from /ticker', async () => {
    server = await startLoopback(routes({ '/products/BTC-USD/ticker': json('coinbase-ticker.json'), '/products/BTC-USD/stats': json('coinbase-stats.json') }));
    const q = await createCoinbaseProvider({ baseUrl: server.url }).getQuote('btc-usd');
    expect(q.changePct).toBeCloseTo(((93410.55 - 94300) / 94300) * 100, 3);
    expect(q).toMatchObject({ symbol: 'BTC-USD', price: 93410.55, currency: 'USD', provider: 'coinbase' });
    expect(q.asOf.toISOString()).toBe('2026-11-25T14:05:31.120Z');
  });

  test('candles: seconds → ms, newest-first reordered, [time, low, high, open, close, volume] columns', async () => {
    server = await startLoopback(routes({ '/products/BTC-USD/candles': json('coinbase-candles.json') }));
    const candles = await createCoinbaseProvider({ baseUrl: server.url, now: () => 1764082800000 }).getCandles('BTC-USD', '1W');
    expect(candles[0]).toEqual({ time: 1764072000000, low: 93000, high: 93300, open: 93050, close: 93200, volume: 110 });
    expect(candles.at(-1)?.close).toBe(93410.55);
    expect(server.requests[0]?.path).toContain('granularity=3600');
  });

  test('1Y needs two pages of at most 300 daily candles', async () => {
    server = await startLoopback(routes({ '/products/ETH-USD/candles': { body: '[]', type: 'application/json' } }));
    await createCoinbaseProvider({ baseUrl: server.url, now: () => 1764082800000 }).getCandles('ETH-USD', '1Y');
    expect(server.requests).toHaveLength(2);
  });

  test('rejects a symbol that is not a product id', async () => {
    await expect(createCoinbaseProvider({ baseUrl: 'http://127.0.0.1:9' }).getQuote('BTCUSDT')).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('CSV import', () => {
  test('parses Stooq-style daily rows, skipping null rows; quote is last close vs previous close', async () => {
    const text = fixture('stooq-daily.csv');
    expect(parseCandleCsv(text)).toHaveLength(4);
    const p = createCsvProvider({ read: async (s) => (s === 'us:AAPL' ? text : null) });
    const q = await p.getQuote('us:AAPL');
    expect(q).toMatchObject({ price: 232.3, changeWindow: 'session', provider: 'csv' });
    expect(q.changePct).toBeCloseTo(((232.3 - 229.6) / 229.6) * 100, 3);
    expect(await p.getCandles('us:AAPL', '1D')).toHaveLength(2);
    await expect(p.getQuote('us:MSFT')).rejects.toMatchObject({ code: 'not_found' });
  });

  test('a CSV without price columns is refused', () => {
    expect(() => parseCandleCsv('when,price\n2026-01-01,1')).toThrow(/header must name/);
  });
});

describe('CoinGecko', () => {
  test('simple price by coin id with the demo key header; null change is kept as unknown', async () => {
    server = await startLoopback(routes({ '/simple/price': json('coingecko-simple-price.json') }));
    const cg = createCoinGeckoProvider({ baseUrl: server.url, apiKey: 'demo-key', ratePerSec: 100 });
    const btc = await cg.getQuote('bitcoin');
    expect(btc).toMatchObject({ symbol: 'bitcoin', price: 93388.12, changePct: -0.9312, currency: 'USD', provider: 'coingecko' });
    expect(btc.asOf.toISOString()).toBe('2025-11-25T14:00:00.000Z');
    expect(server.requests[0]?.headers['x-cg-demo-api-key']).toBe('demo-key');
    expect((await cg.getQuote('dogecoin')).changePct).toBeNull();
    await expect(cg.getQuote('nocoin')).rejects.toMatchObject({ code: 'not_found' });
  });

  test('OHLC candles in ms, oldest first', async () => {
    server = await startLoopback(routes({ '/coins/bitcoin/ohlc': json('coingecko-ohlc.json') }));
    const candles = await createCoinGeckoProvider({ baseUrl: server.url }).getCandles('bitcoin', '1D');
    expect(candles).toEqual([
      { time: 1764064800000, open: 93900, high: 94010.5, low: 93500.2, close: 93610, volume: 0 },
      { time: 1764066600000, open: 93610, high: 93700, low: 93350, close: 93388.12, volume: 0 },
    ]);
    expect(server.requests[0]?.path).toContain('days=1');
  });
});
