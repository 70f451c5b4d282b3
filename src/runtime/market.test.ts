import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startLoopback } from '../../test/helpers/loopback.ts';
import { tempDir, testConfig } from '../../test/helpers/temp.ts';
import { buildInstrumentIndex, type Instrument, type InstrumentIndex } from '../instruments/index.ts';
import { silentLogger } from '../log.ts';
import { demoPrice, startDemoMarketServer } from '../market/index.ts';
import type { MarketService } from '../web/instruments/types.ts';
import { createInstrumentSource } from './instruments.ts';
import { createMarketService, trimCandles } from './market.ts';

const T0 = Date.parse('2026-11-25T14:00:00Z');
const inst = (id: string, symbol: string, assetClass: Instrument['assetClass'], tickers: Record<string, string> = {}): Instrument => ({
  id,
  symbol,
  name: symbol,
  assetClass,
  currency: 'USD',
  exchange: assetClass === 'crypto' ? 'CRYPTO' : 'NASDAQ',
  tickers,
  aliases: [],
  rank: 3,
});
const INDEX: InstrumentIndex = buildInstrumentIndex({
  version: 1,
  builtAt: '2026-11-25',
  sources: [],
  ambiguousWords: [],
  instruments: [inst('us:NVDA', 'NVDA', 'stock'), inst('us:ZZZZ', 'ZZZZ', 'stock'), inst('crypto:BTC', 'BTC', 'crypto', { binance: 'BTCUSDT' })],
});

const tmp = tempDir('tw-market-');
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
});

async function service(env: Record<string, string>, now: () => number): Promise<MarketService> {
  const s = await createMarketService(testConfig(tmp.dir, env), silentLogger, { instruments: () => INDEX, now });
  open.push(s);
  return s;
}

describe('createMarketService', () => {
  test('demo on: the demo instruments are priced by the loopback demo market server; others get no price', async () => {
    const clock = { t: T0 };
    const market = await service({ TICKERWIRE_DEMO: '1' }, () => clock.t);
    const q = await market.getQuote('us:NVDA');
    expect(q).toMatchObject({ provider: 'demo', currency: 'USD', stale: false });
    expect(q?.price).toBe(demoPrice('us:NVDA', T0));
    expect(await market.getQuote('us:ZZZZ')).toBeNull();
    expect(await market.getQuote('us:NOPE')).toBeNull();
    const day = await market.getCandles('crypto:BTC', '1d');
    expect(day?.candles.length).toBeGreaterThan(200);
    expect(day?.range).toBe('1d');
  });

  test('chart ranges cut longer provider ranges: 5d from a week, 6m from a year', async () => {
    const market = await service({ TICKERWIRE_DEMO: '1' }, () => T0);
    const span = (c: Array<{ time: number }> | undefined) => (c?.at(-1)?.time ?? 0) - (c?.[0]?.time ?? 0);
    const week = await market.getCandles('us:NVDA', '1w');
    const five = await market.getCandles('us:NVDA', '5d');
    const year = await market.getCandles('us:NVDA', '1y');
    const six = await market.getCandles('us:NVDA', '6m');
    expect(span(five?.candles)).toBeLessThanOrEqual(5 * 86_400_000);
    expect(span(week?.candles)).toBeGreaterThan(6 * 86_400_000);
    expect(span(six?.candles)).toBeLessThanOrEqual(183 * 86_400_000);
    expect(span(year?.candles)).toBeGreaterThan(300 * 86_400_000);
    expect(six?.candles.at(-1)).toEqual(year?.candles.at(-1));
  });

  test('provider down after a quote: the old price comes back flagged stale, never a different one', async () => {
    const clock = { t: T0 };
    const upstream = await startDemoMarketServer({ now: () => clock.t });
    const market = await service({ TICKERWIRE_DEMO: '0', TICKERWIRE_MARKET_BINANCE_URL: upstream.url, TICKERWIRE_MARKET_TIMEOUT_MS: '500' }, () => clock.t);
    const fresh = await market.getQuote('crypto:BTC');
    expect(fresh).toMatchObject({ provider: 'binance', stale: false, price: demoPrice('crypto:BTC', T0) });
    await upstream.close();
    clock.t += 10 * 60_000;
    const stale = await market.getQuote('crypto:BTC');
    expect(stale).toMatchObject({ stale: true, price: fresh?.price });
    expect(stale?.ageMs).toBeGreaterThanOrEqual(10 * 60_000);
  });

  test('provider failing from the start: no quote (null), no exception', async () => {
    const broken = await startLoopback((_req, res) => {
      res.statusCode = 500;
      res.end('<html>upstream error</html>');
    });
    open.push(broken);
    const market = await service({ TICKERWIRE_DEMO: '0', TICKERWIRE_MARKET_BINANCE_URL: broken.url }, () => T0);
    expect(await market.getQuote('crypto:BTC')).toBeNull();
    expect(await market.getCandles('crypto:BTC', '1m')).toBeNull();
    expect(broken.requests.some((r) => r.path.startsWith('/api/v3/ticker/24hr?symbol=BTCUSDT'))).toBe(true);
  });

  test('equities set to none and market off: nothing is priced and nothing is asked', async () => {
    const upstream = await startLoopback((_req, res) => {
      res.end('{}');
    });
    open.push(upstream);
    const none = await service({ TICKERWIRE_DEMO: '0', TICKERWIRE_MARKET_EQUITIES: 'none', TICKERWIRE_MARKET_BINANCE_URL: upstream.url }, () => T0);
    expect(await none.getQuote('us:NVDA')).toBeNull();
    const off = await service({ TICKERWIRE_DEMO: '1', TICKERWIRE_MARKET: '0' }, () => T0);
    expect(await off.getQuote('us:NVDA')).toBeNull();
    expect(await off.getCandles('us:NVDA', '1d')).toBeNull();
    expect(upstream.requests).toHaveLength(0);
  });
});

test('trimCandles keeps the trailing days of a series', () => {
  const candles = Array.from({ length: 10 }, (_, i) => ({ time: i * 86_400_000, open: 1, high: 1, low: 1, close: i, volume: 0 }));
  expect(trimCandles(candles, 3).map((c) => c.close)).toEqual([6, 7, 8, 9]);
  expect(trimCandles(candles, null)).toHaveLength(10);
  expect(trimCandles([], 3)).toEqual([]);
});

test('createInstrumentSource: shipped data plus the config file extras, built once; null with linking off', () => {
  const file = join(tmp.dir, 'extra.json');
  const extra = { instruments: [{ id: 'us:QZQZ', symbol: 'QZQZ', name: 'Quartz Quill Co', assetClass: 'stock', currency: 'USD', exchange: 'NYSE' }], aliases: {} };
  writeFileSync(file, JSON.stringify({ extraInstruments: extra }));
  const source = createInstrumentSource(testConfig(tmp.dir, { TICKERWIRE_CONFIG: file }));
  expect(source()?.byId.get('us:QZQZ')?.name).toBe('Quartz Quill Co');
  expect(source()?.byId.has('us:NVDA')).toBe(true);
  expect(source()).toBe(source());
  expect(createInstrumentSource(testConfig(tmp.dir, { TICKERWIRE_INSTRUMENTS: '0' }))()).toBeNull();
});
