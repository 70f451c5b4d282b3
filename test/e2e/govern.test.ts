/**
 * Governance end to end: a takedown through the admin API removes an article and its syndicated copy
 * from the API, pages and search, and a later poll does not bring them back; the admin API refuses
 * requests without the token; a source takedown stops polling it. Also: a feed that answers but went
 * silent is flagged as stalled.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalEventBus } from '../../src/events.ts';
import { silentLogger } from '../../src/log.ts';
import { Enricher } from '../../src/pipeline/enrich.ts';
import { ingestSources } from '../../src/pipeline/ingest-all.ts';
import { createPipeline, type PipelineHandle } from '../../src/runtime/pipeline.ts';
import { SqliteStore } from '../../src/store/sqlite/index.ts';
import { createApp } from '../../src/web/app.ts';
import { type LoopbackServer, startLoopback } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const TOKEN = 'test-admin-token-0123456789';
const BODY = [
  'Harbour authorities approved a second container terminal on Tuesday after a two-year review, clearing the way for construction to start in the spring and doubling the port’s capacity by the end of the decade.',
  'The operator will invest about 1.2 billion euros, financed partly by green bonds, and has signed preliminary agreements with three shipping lines that want guaranteed berths for their largest vessels.',
  'Residents’ groups had objected to night-time crane noise and truck traffic; the approval includes a cap on night operations and a rail link that should take a third of the boxes off the roads.',
].join('\n\n');

const QUIET_TOPICS = ['tide tables', 'lighthouse repairs', 'ferry timetables', 'harbour dredging', 'pilot boats', 'fishing quotas', 'marina fees', 'buoy maintenance'];

/** A distinct short note per quiet-feed item (distinct texts: they are not copies of each other). */
function quietText(i: number): string {
  const topic = QUIET_TOPICS[i] ?? 'harbour news';
  return `The harbour office published its monthly note on ${topic}, number ${i}. Readers asked about ${topic} at the public meeting, and officials promised an update on ${topic} before the season starts. Nothing else about ${topic} changed this month, the note said, and the next review of ${topic} is scheduled for the spring.`;
}

function page(title: string, extra = '', body = BODY): string {
  const paragraphs = body.split('\n\n').map((p) => `<p>${p}</p>`).join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${title}</h1>${paragraphs}${extra}</article></main><footer>© Site</footer></body></html>`;
}

function rss(base: string, items: Array<{ path: string; title: string; date: Date }>): string {
  const entries = items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid><pubDate>${i.date.toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>${base}/</link>${entries}</channel></rss>`;
}

describe('takedowns, admin auth and stall detection', () => {
  let server: LoopbackServer;
  let store: SqliteStore;
  let pipeline: PipelineHandle;
  let app: ReturnType<typeof createApp>;
  let enricher: Enricher;
  const tmp = tempDir();
  const now = new Date();

  beforeAll(async () => {
    server = await startLoopback((req, res) => {
      const base = server.url;
      const routes: Record<string, [string, string]> = {
        '/port/feed.xml': ['application/rss+xml', rss(base, [{ path: '/port/terminal', title: 'Port approves second terminal', date: new Date(now.getTime() - 3_600_000) }])],
        '/port/terminal': ['text/html', page('Port approves second terminal')],
        '/aggregator/feed.xml': ['application/rss+xml', rss(base, [{ path: '/aggregator/terminal-copy', title: 'Second terminal approved at the port', date: new Date(now.getTime() - 1_800_000) }])],
        '/aggregator/terminal-copy': ['text/html', page('Second terminal approved at the port', `<p>The post Port approves second terminal appeared first on Port News.</p>`)],
        '/quiet/feed.xml': [
          'application/rss+xml',
          rss(
            base,
            Array.from({ length: 8 }, (_, i) => ({ path: `/quiet/${i}`, title: `Quiet note ${i}`, date: new Date(now.getTime() - (40 + i) * 86_400_000) })),
          ),
        ],
      };
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const route = routes[path] ?? (path.startsWith('/quiet/') ? (['text/html', page(`Quiet note ${path.slice(7)}`, '', quietText(Number(path.slice(7))))] as [string, string]) : undefined);
      if (!route) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', route[0]);
      res.end(route[1]);
    });
    const config = testConfig(tmp.dir, { TICKERWIRE_ADMIN_TOKEN: TOKEN });
    store = new SqliteStore(':memory:');
    await store.migrate();
    for (const path of ['/port/feed.xml', '/aggregator/feed.xml', '/quiet/feed.xml']) await store.insertSource({ url: `${server.url}${path}` }, now);
    pipeline = createPipeline(config, store, silentLogger);
    enricher = new Enricher({ store, log: silentLogger, now: () => new Date(), instruments: () => null });
    app = createApp({ store, config, log: silentLogger, now: () => new Date(), events: createLocalEventBus(), splitArticle: (id) => enricher.splitArticle(id) });
    const first = await ingestSources(await store.listSources(), pipeline.deps, 4);
    expect(first.totals.failed).toBe(0);
    await enricher.enrichPending();
  });

  afterAll(async () => {
    await pipeline.close();
    await store.close();
    await server.close();
    tmp.remove();
  });

  const admin = (path: string, body: unknown, token: string | null = TOKEN) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  test('the admin API refuses requests without the right token', async () => {
    expect((await admin('/api/admin/takedowns', { articleId: 1, reason: 'x' }, null)).status).toBe(401);
    const wrong = await admin('/api/admin/takedowns', { articleId: 1, reason: 'x' }, 'not-the-token-at-all-xx');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await admin('/api/admin/takedowns', { reason: 'no target' })).status).toBe(400);
  });

  test('a takedown removes the article and its copy everywhere, and they do not come back', async () => {
    const list = (await (await app.request('/api/articles?limit=50')).json()) as { items: Array<{ id: number; title: string }> };
    const original = list.items.find((i) => i.title === 'Port approves second terminal');
    const copy = list.items.find((i) => i.title === 'Second terminal approved at the port');
    expect(original && copy).toBeTruthy();
    expect((await store.getArticle(copy?.id ?? 0))?.duplicateOf).toBe(original?.id);
    const found = (await (await app.request('/api/search?q=terminal')).json()) as { items: unknown[] };
    expect(found.items.length).toBeGreaterThan(0);

    const res = await admin('/api/admin/takedowns', { articleId: copy?.id, reason: 'rights holder request #42', requestedBy: 'legal@port.example' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ articlesRemoved: 2, reason: 'rights holder request #42' });
    for (const id of [original?.id, copy?.id]) {
      expect((await app.request(`/api/articles/${id}`)).status).toBe(404);
      expect((await app.request(`/articles/${id}`)).status).toBe(404);
    }
    const after = (await (await app.request('/api/articles?limit=50')).json()) as { items: Array<{ title: string }> };
    expect(after.items.map((i) => i.title)).not.toContain('Port approves second terminal');
    const search = await app.request('/api/search?q=terminal');
    expect(search.status).toBe(200);
    expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);

    const again = await ingestSources(await store.listSources(), pipeline.deps, 4);
    expect(again.totals.articlesAdded).toBe(0);
    const takedowns = await store.listTakedowns();
    expect(takedowns[0]).toMatchObject({ articlesRemoved: 2, requestedBy: 'legal@port.example' });
  });

  test('a feed that answers but went silent for weeks is flagged as stalled', async () => {
    const sources = (await (await app.request('/api/sources')).json()) as { items: Array<{ url: string; id: number }> };
    const quiet = sources.items.find((s) => s.url.endsWith('/quiet/feed.xml'));
    expect((await store.getSource(quiet?.id ?? 0))?.isStalled).toBe(true);
    const port = sources.items.find((s) => s.url.endsWith('/port/feed.xml'));
    expect((await store.getSource(port?.id ?? 0))?.isStalled).toBe(false);
  });

  test('a source takedown removes its articles and stops polling it', async () => {
    const sources = (await (await app.request('/api/sources')).json()) as { items: Array<{ url: string; id: number }> };
    const quiet = sources.items.find((s) => s.url.endsWith('/quiet/feed.xml'));
    const res = await admin('/api/admin/takedowns', { sourceId: quiet?.id, reason: 'publisher opted out' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { articlesRemoved: number }).articlesRemoved).toBe(8);
    expect(await store.countArticles(quiet?.id)).toBe(0);
    expect((await store.getSource(quiet?.id ?? 0))?.isEnabled).toBe(false);
  });
});
