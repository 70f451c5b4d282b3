import { afterEach, expect, test } from 'vitest';
import { QuoteCache } from './cache.ts';
import { createDemoProvider, type DemoMarketServer, demoPrice, startDemoMarketServer } from './demo-server.ts';

const NOW = Date.parse('2026-11-25T14:00:00Z');
let server: DemoMarketServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

test('serves deterministic, plausible quotes for the demo instruments in Binance shape', async () => {
  server = await startDemoMarketServer({ now: () => NOW });
  const demo = createDemoProvider(server.url);
  const nvda = await demo.getQuote('us:NVDA');
  expect(nvda).toMatchObject({ symbol: 'us:NVDA', currency: 'USD', provider: 'demo', changeWindow: '24h' });
  expect(nvda.price).toBe(demoPrice('us:NVDA', NOW));
  expect(nvda.price).toBeGreaterThan(100);
  expect(nvda.price).toBeLessThan(300);
  expect(Math.abs(nvda.changePct ?? 99)).toBeLessThan(15);
  expect((await demo.getQuote('hk:0981')).currency).toBe('HKD');
  expect((await demo.getQuote('BTCUSDT')).price).toBe(demoPrice('crypto:BTC', NOW));
  expect(await demo.getQuote('us:NVDA')).toEqual(nvda);
});

test('candles: oldest first, OHLC consistent, one bar per interval', async () => {
  server = await startDemoMarketServer({ now: () => NOW });
  const candles = await createDemoProvider(server.url).getCandles('crypto:SOL', '1D');
  expect(candles).toHaveLength(288);
  for (const c of candles) {
    expect(c.high).toBeGreaterThanOrEqual(Math.max(c.open, c.close));
    expect(c.low).toBeLessThanOrEqual(Math.min(c.open, c.close));
  }
  expect((candles[1]?.time ?? 0) - (candles[0]?.time ?? 0)).toBe(300_000);
});

test('unknown symbols get the Binance error body and the cache answers null, not a crash', async () => {
  server = await startDemoMarketServer({ now: () => NOW });
  const demo = createDemoProvider(server.url);
  await expect(demo.getQuote('us:NOPE')).rejects.toMatchObject({ code: 'http_status', details: { status: 400 } });
  expect(await new QuoteCache(demo, { ttlMs: 1_000 }).getQuote('us:NOPE')).toBeNull();
});

test('a closed server leaves cached quotes served stale', async () => {
  server = await startDemoMarketServer({ now: () => NOW });
  let now = 0;
  const cache = new QuoteCache(createDemoProvider(server.url), { ttlMs: 1_000, now: () => now });
  const fresh = await cache.getQuote('idx:SPX');
  await server.close();
  server = undefined;
  now = 120_000;
  expect(await cache.getQuote('idx:SPX')).toMatchObject({ price: fresh?.price, stale: true, ageMs: 120_000 });
});

test('every instrument a demo article is labelled with has a demo quote (price boxes are populated offline)', async () => {
  const { DEMO_OUTLETS } = await import('../demo/content/index.ts');
  const { DEMO_INSTRUMENTS } = await import('./demo-server.ts');
  const prefix: Record<string, string> = { NASDAQ: 'us:', NYSE: 'us:', HKEX: 'hk:', SSE: 'cn:', SZSE: 'cn:', CRYPTO: 'crypto:', INDEX: 'idx:' };
  const labelled = DEMO_OUTLETS.flatMap((o) => o.articles.flatMap((a) => a.labels.instruments));
  const ids = labelled.flatMap((l) => {
    const [venue = '', symbol = ''] = l.split(':');
    const p = prefix[venue];
    return p ? [p + symbol] : [];
  });
  expect(ids.length).toBeGreaterThan(10);
  for (const id of ids) expect(DEMO_INSTRUMENTS[id], id).toBeDefined();
});
