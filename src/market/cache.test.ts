import { describe, expect, test } from 'vitest';
import { AppError } from '../errors.ts';
import { QuoteCache } from './cache.ts';
import type { MarketDataProvider, Quote } from './types.ts';

/** A provider whose answers the test controls, counting calls. */
function fakeProvider() {
  const state = { price: 100, down: false, calls: 0 };
  const provider: MarketDataProvider = {
    name: 'fake',
    async getQuote(symbol): Promise<Quote> {
      state.calls++;
      if (state.down) throw new AppError('fetch_failed', 'fake: provider is down');
      return { symbol, price: state.price, changePct: 1, changeWindow: '24h', open: null, high: null, low: null, volume: null, currency: 'USD', asOf: new Date(0), provider: 'fake' };
    },
    getCandles: async () => [],
  };
  return { provider, state };
}

describe('QuoteCache', () => {
  test('serves fresh quotes from memory without asking the provider again', async () => {
    const { provider, state } = fakeProvider();
    let now = 0;
    const cache = new QuoteCache(provider, { ttlMs: 1_000, now: () => now });
    expect(await cache.getQuote('X')).toMatchObject({ price: 100, stale: false, ageMs: 0 });
    now = 900;
    expect(await cache.getQuote('X')).toMatchObject({ price: 100, stale: false, ageMs: 900 });
    expect(state.calls).toBe(1);
  });

  test('stale-while-revalidate: an old quote is served flagged stale while one refresh runs', async () => {
    const { provider, state } = fakeProvider();
    let now = 0;
    const cache = new QuoteCache(provider, { ttlMs: 1_000, now: () => now });
    await cache.getQuote('X');
    state.price = 105;
    now = 5_000;
    const [a, b] = await Promise.all([cache.getQuote('X'), cache.getQuote('X')]);
    expect(a).toMatchObject({ price: 100, stale: true, ageMs: 5_000 });
    expect(b).toMatchObject({ price: 100, stale: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(state.calls).toBe(2);
    expect(await cache.getQuote('X')).toMatchObject({ price: 105, stale: false });
  });

  test('provider down: cached quote keeps being served stale with its age; never throws', async () => {
    const { provider, state } = fakeProvider();
    let now = 0;
    const cache = new QuoteCache(provider, { ttlMs: 1_000, now: () => now });
    await cache.getQuote('X');
    state.down = true;
    now = 60_000;
    expect(await cache.getQuote('X')).toMatchObject({ price: 100, stale: true, ageMs: 60_000 });
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.lastError('X')).toContain('provider is down');
    expect(cache.peek('X')).toMatchObject({ stale: true });
  });

  test('nothing cached and provider down: null, then no retry storm during the back-off', async () => {
    const { provider, state } = fakeProvider();
    state.down = true;
    let now = 0;
    const cache = new QuoteCache(provider, { ttlMs: 1_000, errorBackoffMs: 10_000, now: () => now });
    expect(await cache.getQuote('Y')).toBeNull();
    now = 5_000;
    expect(await cache.getQuote('Y')).toBeNull();
    expect(state.calls).toBe(1);
    state.down = false;
    now = 11_000;
    expect(await cache.getQuote('Y')).toMatchObject({ price: 100, stale: false });
  });

  test('concurrent misses share one fetch, and the entry limit evicts the oldest symbol', async () => {
    const { provider, state } = fakeProvider();
    const cache = new QuoteCache(provider, { ttlMs: 1_000, maxEntries: 2 });
    await Promise.all([cache.getQuote('A'), cache.getQuote('A'), cache.getQuote('A')]);
    expect(state.calls).toBe(1);
    await cache.getQuote('B');
    await cache.getQuote('C');
    expect(cache.peek('A')).toBeNull();
    expect(cache.peek('C')).not.toBeNull();
  });
});

test('an implausible price (0, negative, NaN) never replaces a good quote', async () => {
  const { provider, state } = fakeProvider();
  let now = 0;
  const cache = new QuoteCache(provider, { ttlMs: 1_000, now: () => now });
  await cache.getQuote('X');
  for (const bad of [0, -5, Number.NaN]) {
    state.price = bad;
    now += 5_000;
    await cache.getQuote('X');
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.peek('X')).toMatchObject({ price: 100, stale: true });
    expect(cache.lastError('X')).toContain('implausible price');
  }
});
