import { afterEach, describe, expect, test } from 'vitest';
import { createFixture, type Fixture, NOW, scriptedMarket } from './fixture.ts';
import type { MarketService } from './types.ts';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});
const get = (path: string) => {
  if (!f) throw new Error('no fixture');
  return f.app.request(path);
};
const json = async <T,>(path: string) => (await get(path)).json() as Promise<T>;

describe('instrument API', () => {
  test('search by name, symbol and cashtag; empty query gives nothing', async () => {
    f = await createFixture();
    expect((await json<{ items: Array<{ id: string; url: string }> }>('/api/instruments?q=lumen')).items[0]).toMatchObject({ id: 'us:LMNB', url: '/instruments/us:LMNB' });
    expect((await json<{ items: Array<{ id: string }> }>('/api/instruments?q=%24BTC')).items[0]?.id).toBe('crypto:BTC');
    expect((await json<{ items: unknown[] }>('/api/instruments?q=')).items).toEqual([]);
    expect((await get('/api/instruments?q=a&limit=500')).status).toBe(400);
  });

  test('one instrument with its quote; ids raw, encoded or in other case; unknown is 404', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'us:LMNB': { price: 41.5, changePct: -0.75 } } }));
    const raw = await json<{ id: string; exchange: string; quote: { price: number; changePct: number; stale: boolean; provider: string } }>('/api/instruments/us:LMNB');
    expect(raw).toMatchObject({ id: 'us:LMNB', exchange: 'NYSE', quote: { price: 41.5, changePct: -0.75, stale: false, provider: 'testfeed' } });
    expect((await json<{ id: string }>('/api/instruments/us%3ALMNB')).id).toBe('us:LMNB');
    expect((await json<{ id: string }>('/api/instruments/US:lmnb')).id).toBe('us:LMNB');
    const none = await json<{ quote: unknown }>('/api/instruments/us:ORCH');
    expect(none.quote).toBeNull();
    const missing = await get('/api/instruments/us:NOPE');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'instrument us:NOPE not found' } });
  });

  test('without a market service there are no quotes and no candles, but the instrument answers', async () => {
    f = await createFixture();
    expect((await json<{ quote: unknown }>('/api/instruments/us:LMNB')).quote).toBeNull();
    expect(await json('/api/instruments/us:LMNB/candles')).toMatchObject({ range: '1m', provider: null, candles: [] });
  });

  test('candles per range; the range is validated', async () => {
    const market = scriptedMarket({ quotes: { 'crypto:BTC': { price: 90_000 } }, candleHours: 24 });
    f = await createFixture(market);
    const body = await json<{ range: string; currency: string; candles: Array<{ time: number; close: number }> }>('/api/instruments/crypto:BTC/candles?range=1D');
    expect(body.range).toBe('1d');
    expect(body.candles).toHaveLength(24);
    expect(market.calls).toContain('candles crypto:BTC 1d');
    const bad = await get('/api/instruments/crypto:BTC/candles?range=3w');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('1d, 5d, 1w, 1m, 6m, 1y');
  });

  test('articles of an instrument, newest first, with their link, paged by cursor', async () => {
    f = await createFixture();
    const p1 = await json<{ items: Array<{ title: string; link: { role: string } }>; nextCursor: string }>('/api/instruments/us:LMNB/articles?limit=2');
    expect(p1.items.map((i) => i.title)).toEqual(['Lumen Bank lifts its dividend <again>', 'Lumen Bank and Harbour Tower agree a tie-up']);
    expect(p1.items[0]?.link.role).toBe('subject');
    const p2 = await json<{ items: Array<{ title: string; link: { role: string } }>; nextCursor: string | null }>(
      `/api/instruments/us:LMNB/articles?limit=2&cursor=${encodeURIComponent(p1.nextCursor)}`,
    );
    expect(p2.items.map((i) => [i.title, i.link.role])).toEqual([['Banks mentioned in passing', 'mention']]);
    expect(p2.nextCursor).toBeNull();
  });

  test('GET /api/articles/:id lists linked instruments, subjects first by salience', async () => {
    f = await createFixture();
    const body = await json<{ instruments: Array<{ id: string; role: string; salience: number }> }>(`/api/articles/${f.ids[1]}`);
    expect(body.instruments.map((i) => i.id)).toEqual(['us:LMNB', 'hk:0777']);
    expect(body.instruments[0]).toEqual({ id: 'us:LMNB', symbol: 'LMNB', name: 'Lumen Bank', assetClass: 'stock', salience: 0.8, role: 'subject' });
    expect((await json<{ instruments: unknown[] }>(`/api/articles/${f.ids[4]}`)).instruments).toEqual([]);
  });
});

describe('article market box', () => {
  const boxOf = async (articleIndex: number) => {
    const html = await (await get(`/articles/${f?.ids[articleIndex]}`)).text();
    return { html, hasBox: html.includes('class="mbox"') };
  };

  test('prices the subject instruments (most salient first), chips the rest, links to instrument pages', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'us:LMNB': { price: 41.5 }, 'hk:0777': { price: 12.34, currency: 'HKD', changePct: -2.5 }, 'crypto:BTC': { price: 90_000 } } }));
    const first = await boxOf(1);
    expect(first.hasBox).toBe(true);
    const order = [...first.html.matchAll(/class="mb-sym">([^<]+)</g)].map((m) => m[1]);
    expect(order).toEqual(['LMNB', '0777']);
    expect(first.html).toContain('data-price="41.5">$41.50<');
    expect(first.html).toContain('12.34 HKD');
    expect(first.html).toContain('−2.50%');
    expect(first.html).toContain('href="/instruments/hk:0777"');
    // A mention is never priced, but gets a chip to its page.
    const second = await boxOf(0);
    expect([...second.html.matchAll(/class="mb-sym">([^<]+)</g)].map((m) => m[1])).toEqual(['LMNB']);
    expect(second.html).toMatch(/<a class="chip" href="\/instruments\/crypto:BTC"/);
  });

  test('no box without a subject instrument, without a quote, or without a market service', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'us:LMNB': { price: 41.5 } } }));
    expect((await boxOf(3)).hasBox).toBe(false); // only a passing mention of LMNB
    expect((await boxOf(4)).hasBox).toBe(false); // no instruments
    expect((await boxOf(2)).hasBox).toBe(false); // subject ORCH has no quote
    await f.close();
    f = await createFixture();
    expect((await boxOf(0)).hasBox).toBe(false);
  });

  test('a market service that throws (a bug) costs the price, never the page', async () => {
    const broken: MarketService = {
      getQuote: () => Promise.reject(new Error('boom')),
      getCandles: () => Promise.reject(new Error('boom')),
      close: async () => undefined,
    };
    f = await createFixture(broken);
    const article = await get(`/articles/${f.ids[0]}`);
    expect(article.status).toBe(200);
    expect(await article.text()).not.toContain('class="mbox"');
    expect((await get('/instruments/us:LMNB')).status).toBe(200);
    expect(((await json<{ quote: unknown }>('/api/instruments/us:LMNB')).quote)).toBeNull();
  });

  test('a stale quote says so with its time; names are escaped', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'us:ORCH': { price: 7.5, stale: true, ageMs: 600_000, asOf: new Date(NOW.getTime() - 600_000) } } }));
    const { html, hasBox } = await boxOf(2);
    expect(hasBox).toBe(true);
    expect(html).toContain('Delayed: provider unreachable, as of 2026-11-25 11:50 UTC');
    expect(html).toContain('Orchard &lt;Growers&gt; &amp; Co');
    expect(html).not.toContain('Orchard <Growers>');
  });
});

describe('instrument page', () => {
  test('name, venue, price, chart with a marker per article in range, article list; under 100 KB', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'us:LMNB': { price: 41.5 } }, candleHours: 24 }));
    const res = await get('/instruments/us:LMNB?range=1d');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Lumen Bank <span class="sym">LMNB</span></h1>');
    expect(html).toContain('NYSE');
    expect(html).toContain('$41.50');
    const markers = [...html.matchAll(/<a class="marker[^"]*" href="\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(markers.sort()).toEqual([f.ids[0], f.ids[1], f.ids[3]].sort());
    expect(html).toContain('data-tip="Lumen Bank lifts its dividend &#60;again&#62; (2026-11-25 10:00 UTC)"');
    expect(html).toContain('<a href="/instruments/us:LMNB?range=1d" aria-current="true">1D</a>');
    expect(html).toContain('href="/instruments/us:LMNB/feed.xml"');
    const feed = await get('/instruments/us:LMNB/feed.xml');
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Lumen Bank lifts its dividend');
    expect(html).toContain('Largest moves (1D)');
    expect([...html.matchAll(/<ol class="moves">/g)]).toHaveLength(1);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  test('articles outside the chart range get no marker; no price history says so', async () => {
    f = await createFixture(scriptedMarket({ quotes: { 'crypto:BTC': { price: 90_000 } }, candleHours: 12 }));
    const html = await (await get('/instruments/crypto:BTC')).text();
    // "Bitcoin drifts" is 30 h old, before the 12 h of candles; the 2 h old mention is on the chart.
    expect([...html.matchAll(/<a class="marker/g)]).toHaveLength(1);
    await f.close();
    f = await createFixture();
    const bare = await (await get('/instruments/us:ORCH')).text();
    expect(bare).toContain('No price history available for this range.');
    expect(bare).toContain('No price available right now.');
    expect(bare).toContain('Orchard growers count frost damage');
  });

  test('unknown instrument and bad range are error pages', async () => {
    f = await createFixture();
    expect((await get('/instruments/us:NOPE')).status).toBe(404);
    expect((await get('/instruments/us:LMNB?range=forever')).status).toBe(400);
  });
});
