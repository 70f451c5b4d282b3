import { afterEach, expect, test } from 'vitest';
import { loadInstruments } from '../instruments/load.ts';
import type { Instrument } from '../instruments/types.ts';
import { createDemoMarketData, type DemoMarketServer, startDemoMarketServer } from './demo-server.ts';
import { MarketData } from './market-data.ts';
import type { MarketDataProvider } from './types.ts';

const index = loadInstruments();
const inst = (id: string): Instrument => {
  const i = index.byId.get(id);
  if (!i) throw new Error(`${id} missing`);
  return i;
};
let server: DemoMarketServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('the demo market data quotes every demo instrument and draws candles', async () => {
  server = await startDemoMarketServer({ now: () => Date.parse('2026-11-25T14:00:00Z') });
  const data = createDemoMarketData(server.url);
  for (const id of ['us:NVDA', 'us:AAPL', 'us:BABA', 'hk:0981', 'cn:688981', 'idx:SPX', 'crypto:BTC', 'crypto:ETH', 'crypto:SOL']) {
    const q = await data.quote(inst(id));
    expect(q?.price, id).toBeGreaterThan(0);
  }
  expect((await data.candleSeries(inst('us:NVDA'), '1M'))?.candles).toHaveLength(180);
  expect(await data.quote(inst('us:PLTR'))).toBeNull();
});

test('routes by asset class; no route or no symbol means no quote; failing candles fall back to stale ones', async () => {
  let fail = false;
  let now = 0;
  const crypto: MarketDataProvider = {
    name: 'fake',
    getQuote: async (symbol) => ({ symbol, price: 1, changePct: 0, changeWindow: '24h', open: null, high: null, low: null, volume: null, currency: 'USDT', asOf: new Date(0), provider: 'fake' }),
    getCandles: async () => {
      if (fail) throw new Error('down');
      return [{ time: 0, open: 1, high: 1, low: 1, close: 1, volume: 0 }];
    },
  };
  const data = new MarketData({ routes: { crypto: { name: 'binance', provider: crypto } }, now: () => now });
  expect(await data.quote(inst('crypto:BTC'))).toMatchObject({ symbol: 'BTCUSDT', price: 1 });
  expect(await data.quote(inst('us:NVDA'))).toBeNull();
  expect(await data.candleSeries(inst('crypto:BTC'), '1D')).toMatchObject({ stale: false });
  fail = true;
  now = 10 * 60_000;
  expect(await data.candleSeries(inst('crypto:BTC'), '1D')).toMatchObject({ stale: true, ageMs: 600_000 });
  expect(await data.candleSeries(inst('crypto:ETH'), '1D')).toBeNull();
});
