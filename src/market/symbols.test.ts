import { expect, test } from 'vitest';
import { TokenBucket } from './http.ts';
import { marketSymbolFor } from './symbols.ts';

test('marketSymbolFor maps instruments to each provider, null where a provider cannot quote it', () => {
  const btc = { id: 'crypto:BTC', symbol: 'BTC', assetClass: 'crypto' as const, tickers: { binance: 'BTCUSDT', coinbase: 'BTC-USD' } };
  const nvda = { id: 'us:NVDA', symbol: 'NVDA', assetClass: 'stock' as const, tickers: { yahoo: 'NVDA' } };
  expect(marketSymbolFor(btc, 'binance')).toBe('BTCUSDT');
  expect(marketSymbolFor(btc, 'mexc')).toBe('BTCUSDT');
  expect(marketSymbolFor(btc, 'coinbase')).toBe('BTC-USD');
  expect(marketSymbolFor(nvda, 'binance')).toBeNull();
  expect(marketSymbolFor(nvda, 'coinbase')).toBeNull();
  expect(marketSymbolFor(nvda, 'demo')).toBe('us:NVDA');
  expect(marketSymbolFor({ ...btc, tickers: { coingecko: 'bitcoin' } }, 'coingecko')).toBe('bitcoin');
  expect(marketSymbolFor(btc, 'coingecko')).toBeNull();
});

test('TokenBucket lets a burst through, then paces requests at its rate', async () => {
  let now = 0;
  const bucket = new TokenBucket(1000, 2, () => now);
  await bucket.take();
  await bucket.take();
  const started = Date.now();
  const pending = bucket.take();
  now += 1; // one token refilled after 1 ms at 1,000/s
  await pending;
  expect(Date.now() - started).toBeLessThan(500);
});

test('createProvider builds each named provider and refuses incomplete specs', async () => {
  const { createProvider } = await import('./providers.ts');
  for (const name of ['binance', 'mexc', 'coinbase', 'coingecko'] as const) expect(createProvider({ name }).name).toBe(name);
  expect(createProvider({ name: 'csv', csvDir: '/tmp' }).name).toBe('csv');
  expect(createProvider({ name: 'demo', baseUrl: 'http://127.0.0.1:1' }).name).toBe('demo');
  expect(() => createProvider({ name: 'csv' })).toThrow(/directory/);
  expect(() => createProvider({ name: 'demo' })).toThrow(/demo server URL/);
});
