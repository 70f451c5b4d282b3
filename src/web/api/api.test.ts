import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../test/harness.ts';
import { saveHarnessTopics } from '../test/topics.ts';
import { openApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;

describe('JSON API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await saveHarnessTopics(h.store);
  });
  afterAll(() => h.close());
  const get = async (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });

  test('articles: topic filter, topics on every item and on one article, documented parameter', async () => {
    const res = await get('/api/articles?topic=macro');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ title: string; topics: string[] }>; nextCursor: string | null };
    expect(body.items.map((i) => i.title)).toEqual(['Central bank holds rates, signals patience', 'Inflationary pressure eases in November']);
    expect(body.items.every((i) => i.topics.includes('macro'))).toBe(true);
    const p1 = (await (await get('/api/articles?topic=crypto&limit=2')).json()) as { items: Array<{ id: number }>; nextCursor: string };
    const p2 = (await (await get(`/api/articles?topic=crypto&limit=2&cursor=${encodeURIComponent(p1.nextCursor)}`)).json()) as { items: Array<{ title: string }>; nextCursor: string | null };
    expect(p1.items).toHaveLength(2);
    expect(p2.items.map((i) => i.title)).toEqual(['Bitcoin miners expand as futures rally']);
    expect(p2.nextCursor).toBeNull();
    const all = (await (await get('/api/articles?limit=50')).json()) as { items: Array<{ title: string; topics: string[] }> };
    expect(all.items.find((i) => i.title.startsWith('Lumen Bank'))?.topics).toEqual(['stocks']);
    expect(((await (await get('/api/articles/2')).json()) as { topics: string[] }).topics).toEqual(['commodities']);
    const bad = await get('/api/articles?topic=Crypto');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('invalid topic') });
    const params = (openApiDocument('x').paths['/api/articles'] as { get: { parameters: Array<{ name: string; schema: { enum?: string[] } }> } }).get.parameters;
    expect(params.find((p) => p.name === 'topic')?.schema.enum).toContain('regulation');
  });

  test('search finds, ranks title matches first and highlights', async () => {
    const res = await get('/api/search?q=bitcoin%20futures');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; items: Array<{ title: string; snippetHtml: string; source: { id: number } }>; nextCursor: string | null };
    expect(body.query).toBe('bitcoin futures');
    expect(body.items.map((i) => i.title)).toContain('Bitcoin futures volume hits a record');
    expect(body.items[0]?.title).toMatch(/bitcoin|futures/i);
    expect(body.items.every((i) => /<mark>/i.test(i.snippetHtml))).toBe(true);
  });

  test('search: cashtag, exclusion, source filter, cursor', async () => {
    const btc = (await (await get('/api/search?q=%24BTC')).json()) as { items: Array<{ title: string }> };
    expect(btc.items.map((i) => i.title)).toEqual(['Traders pile into $BTC futures']);
    const ex = (await (await get('/api/search?q=bitcoin%20-miners')).json()) as { items: Array<{ title: string }> };
    expect(ex.items.some((i) => /miners/i.test(i.title))).toBe(false);
    const src = (await (await get(`/api/search?q=bitcoin&source=${h.sourceIds[1]}`)).json()) as { items: Array<{ source: { id: number } }> };
    expect(src.items.length).toBeGreaterThan(0);
    expect(src.items.every((i) => i.source.id === h.sourceIds[1])).toBe(true);
    const p1 = (await (await get('/api/search?q=bitcoin&limit=1')).json()) as { items: Array<{ id: number }>; nextCursor: string };
    expect(p1.nextCursor).toBeTruthy();
    const p2 = (await (await get(`/api/search?q=bitcoin&limit=1&cursor=${p1.nextCursor}`)).json()) as { items: Array<{ id: number }> };
    expect(p2.items[0]?.id).not.toBe(p1.items[0]?.id);
  });

  test('search: instrument filter by id, symbol or cashtag follows the linker; unknown instruments are a 400', async () => {
    const all = (await (await get('/api/search?q=bitcoin&limit=50')).json()) as { items: Array<{ id: number }> };
    expect(all.items.length).toBeGreaterThan(2);
    const linked = all.items.slice(0, 2).map((i) => i.id);
    for (const articleId of linked) {
      await h.store.saveEnrichment({
        articleId,
        storyId: null,
        duplicateOf: null,
        sentiment: null,
        figures: [],
        instruments: [{ instrumentId: 'crypto:BTC', symbol: 'BTC', name: 'Bitcoin', assetClass: 'crypto', salience: 0.9, role: 'subject', mentions: 2, sentences: [] }],
        fingerprint: null,
        at: new Date(),
      });
    }
    for (const filter of ['crypto:BTC', 'crypto:btc', 'BTC', '%24BTC', 'bitcoin']) {
      const body = (await (await get(`/api/search?q=bitcoin&instrument=${filter}`)).json()) as { items: Array<{ id: number }> };
      expect(body.items.map((i) => i.id).sort(), filter).toEqual([...linked].sort());
    }
    const feed = (await (await get('/search/feed.json?q=bitcoin&instrument=BTC')).json()) as { items: unknown[] };
    expect(feed.items).toHaveLength(2);
    for (const bad of ['nosuchthing', 'crypto:NOPE', 'bad id']) {
      const res = await get(`/api/search?q=bitcoin&instrument=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/instrument/);
    }
    const page = await (await get('/search?q=bitcoin&instrument=BTC&within=7d')).text();
    expect(page).toContain('value="BTC"');
    expect(page).toMatch(/<option value="7d" selected/);
    expect(page).toContain('href="/search/feed.xml?q=bitcoin&amp;instrument=BTC&amp;within=7d"');
    expect((await get('/search?q=bitcoin&within=2y')).status).toBe(400);
  });

  test('snippets are escaped: markup in text never reaches the HTML unescaped', async () => {
    // "raises" is only in the title ("… dividend & buyback"): the snippet is the marked title, escaped.
    const body = (await (await get('/api/search?q=raises')).json()) as { items: Array<{ snippetHtml: string }> };
    expect(body.items[0]?.snippetHtml).toContain('&#38;');
    expect(body.items[0]?.snippetHtml).toMatch(/<mark>raises<\/mark>/i);
  });

  test('bad input gets the consistent error body with the right status', async () => {
    for (const [path, status, code] of [
      ['/api/search', 400, 'bad_request'],
      ['/api/search?q=-only', 400, 'bad_request'],
      ['/api/search?q=x&cursor=zzz', 400, 'bad_request'],
      ['/api/articles/999999', 404, 'not_found'],
      ['/api/articles/999999/related', 404, 'not_found'],
      ['/api/nothing-here', 404, 'not_found'],
      ['/api/articles?since=yesterday', 400, 'bad_request'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, path).toBe(code);
      expect(body.error.message.length, path).toBeGreaterThan(0);
    }
  });

  test('reads carry a weak ETag and answer 304 to If-None-Match', async () => {
    const first = await get('/api/articles?limit=3');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await get('/api/articles?limit=3', { 'If-None-Match': tag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get('/api/articles?limit=2', { 'If-None-Match': tag ?? '' });
    expect(other.status).toBe(200);
  });

  test('no CORS headers unless configured', async () => {
    const res = await get('/api/sources', { Origin: 'https://elsewhere.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('related: never the article itself, only related pieces', async () => {
    const list = (await (await get('/api/search?q=%22record%22')).json()) as { items: Array<{ id: number }> };
    const id = list.items[0]?.id ?? 0;
    const body = (await (await get(`/api/articles/${id}/related`)).json()) as { items: Array<{ id: number; title: string }> };
    expect(body.items.map((i) => i.id)).not.toContain(id);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => /bitcoin|futures|halving/i.test(i.title) || /BTC/.test(i.title))).toBe(true);
  });

  test('the OpenAPI document covers exactly the API and feed routes of the route table', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { openapi: string; paths: Json };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.keys(doc.paths));
    const routed = new Set(
      h.app.routes
        .filter((r) => r.method === 'GET' && (r.path.startsWith('/api/') || r.path === '/healthz' || /feed\.\w+$/.test(r.path)) && r.path !== '/api/docs')
        .map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
    );
    expect([...routed].sort()).toEqual([...documented].sort());
    expect(openApiDocument('x').info.title).toBe('x API');
  });

  test('the docs page lists every documented path', async () => {
    const html = await (await get('/api/docs')).text();
    for (const path of Object.keys(openApiDocument('x').paths)) expect(html).toContain(path);
  });
});

describe('CORS when configured', () => {
  test('allows the configured origin and exposes ETag', async () => {
    const h = await createHarness({ TICKERWIRE_CORS_ORIGINS: 'https://app.example' });
    try {
      const ok = await h.app.request('/api/sources', { headers: { Origin: 'https://app.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
      const other = await h.app.request('/api/sources', { headers: { Origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await h.close();
    }
  });
});
