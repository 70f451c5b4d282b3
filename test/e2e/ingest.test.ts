/**
 * End to end: loopback sites serve RSS 2.0, Atom, RDF and JSON Feed plus article pages with chrome;
 * one ingest pass stores the articles; the API and the HTML pages show them; broken sources are
 * recorded with their reasons while the others go on.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalEventBus } from '../../src/events.ts';
import { silentLogger } from '../../src/log.ts';
import { ingestSources } from '../../src/pipeline/ingest-all.ts';
import { createPipeline, type PipelineHandle } from '../../src/runtime/pipeline.ts';
import { SqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { createApp } from '../../src/web/app.ts';
import { PAGES, renderFixturePage } from '../fixtures/e2e/pages.ts';
import { type LoopbackServer, startLoopback } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const FEEDS: Record<string, { file: string; type: string; format: string }> = {
  '/quayside/feed.xml': { file: 'rss.xml', type: 'application/rss+xml', format: 'rss' },
  '/lantern/atom.xml': { file: 'atom.xml', type: 'application/atom+xml', format: 'atom' },
  '/ledgerline/index.rdf': { file: 'rdf.xml', type: 'application/rdf+xml', format: 'rdf' },
  '/paperboat/feed.json': { file: 'feed.json', type: 'application/feed+json', format: 'json' },
};

function fixture(file: string, base: string): string {
  return readFileSync(new URL(`../fixtures/e2e/${file}`, import.meta.url), 'utf8').replaceAll('{{BASE}}', base);
}

describe('ingest → store → API → HTML', () => {
  let server: LoopbackServer;
  let store: Store;
  let pipeline: PipelineHandle;
  let app: ReturnType<typeof createApp>;
  const tmp = tempDir();
  const sourceIds: Record<string, number> = {};

  beforeAll(async () => {
    server = await startLoopback((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const feed = FEEDS[path];
      const page = PAGES[path];
      if (feed) {
        res.setHeader('content-type', feed.type);
        res.end(fixture(feed.file, server.url));
      } else if (page) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(renderFixturePage(path, page, server.url));
      } else if (path === '/not-a-feed/feed.xml') {
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><html><body><h1>Welcome to our shop</h1></body></html>');
      } else if (path === '/down/feed.xml') {
        res.statusCode = 500;
        res.end('internal error');
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    const config = testConfig(tmp.dir);
    store = new SqliteStore(':memory:');
    await store.migrate();
    for (const path of [...Object.keys(FEEDS), '/not-a-feed/feed.xml', '/down/feed.xml']) {
      const s = await store.insertSource({ url: `${server.url}${path}` }, new Date());
      sourceIds[path] = s.id;
    }
    pipeline = createPipeline(config, store, silentLogger);
    app = createApp({ store, config, log: silentLogger, now: () => new Date('2026-11-24T12:00:00Z'), events: createLocalEventBus() });
    const { totals } = await ingestSources(await store.listSources(), pipeline.deps, 4);
    expect(totals.sources).toBe(6);
  });

  afterAll(async () => {
    await pipeline.close();
    await store.close();
    await server.close();
    tmp.remove();
  });

  test.each(Object.entries(FEEDS))('%s: articles from the %s feed are stored with their metadata', async (path) => {
    const res = await app.request(`/api/articles?source=${sourceIds[path]}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ id: number; title: string; author: string | null; readingMinutes: number }> };
    expect(body.items.length).toBeGreaterThanOrEqual(1);
    for (const item of body.items) {
      const page = Object.values(PAGES).find((p) => p.title === item.title);
      expect(page, `stored title "${item.title}" matches a fixture page`).toBeDefined();
      expect(item.author).toBe(page?.author);
      expect(item.readingMinutes).toBeGreaterThanOrEqual(1);
    }
  });

  test('article API returns sanitized body without page chrome', async () => {
    const list = (await (await app.request('/api/articles?limit=50')).json()) as { items: Array<{ id: number; title: string }> };
    const copper = list.items.find((i) => i.title.startsWith('Copper miners'));
    expect(copper).toBeDefined();
    const res = await app.request(`/api/articles/${copper?.id}`);
    const a = (await res.json()) as { html: string; text: string; excerpt: string; publishedAt: string; canonicalUrl: string };
    expect(a.text).toContain('warehouse inventories fell for a sixth straight week');
    expect(a.text).toContain('Fabricators, who buy refined metal');
    expect(a.text).not.toContain('Share on LinkedIn');
    expect(a.text).not.toContain('All rights reserved');
    expect(a.html).not.toContain('<script');
    expect(a.publishedAt).toBe('2026-11-24T09:15:00.000Z');
    expect(a.excerpt.length).toBeGreaterThan(40);
    expect(a.excerpt.startsWith('Copper miners rally')).toBe(false);
  });

  test('a repeated item is stored once and a second pass fetches no page again', async () => {
    const before = server.requests.length;
    const count = await store.countArticles();
    const { totals } = await ingestSources(await store.listSources(), pipeline.deps, 4);
    expect(totals.articlesAdded).toBe(0);
    expect(await store.countArticles()).toBe(count);
    const pagesRefetched = server.requests.slice(before).filter((r) => PAGES[r.path] !== undefined);
    expect(pagesRefetched).toEqual([]);
    const titles = ((await (await app.request('/api/articles?limit=50')).json()) as { items: Array<{ title: string }> }).items.map((i) => i.title);
    expect(titles.filter((t) => t.startsWith('Copper miners'))).toHaveLength(1);
  });

  test('broken sources are unhealthy with a specific reason; the others are healthy', async () => {
    const res = await app.request('/api/sources');
    const { items } = (await res.json()) as {
      items: Array<{ id: number; health: { status: string; lastErrorCode: string | null; lastError: string | null; consecutiveFailures: number } }>;
    };
    const byId = new Map(items.map((s) => [s.id, s]));
    const notFeed = byId.get(sourceIds['/not-a-feed/feed.xml'] ?? 0);
    expect(notFeed?.health.status).toBe('failing');
    expect(notFeed?.health.lastErrorCode).toBe('feed_unrecognized');
    const down = byId.get(sourceIds['/down/feed.xml'] ?? 0);
    expect(down?.health.lastErrorCode).toBe('http_status');
    expect(down?.health.lastError).toContain('500');
    expect(down?.health.consecutiveFailures).toBeGreaterThanOrEqual(1);
    for (const path of Object.keys(FEEDS)) expect(byId.get(sourceIds[path] ?? 0)?.health.status).toBe('ok');
  });

  test('home page lists the articles newest first with source and reading time', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const i = html.indexOf('Card networks schedule');
    const j = html.indexOf('Copper miners rally');
    const k = html.indexOf('Stablecoin issuers move');
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(j);
    expect(j).toBeLessThan(k);
    expect(html).toContain('min read');
    expect(html).toContain('Quayside Markets');
  });

  test('article page shows body, original link, author, time and attribution', async () => {
    const list = (await (await app.request('/api/articles?limit=50')).json()) as { items: Array<{ id: number; title: string }> };
    const chip = list.items.find((i) => i.title.startsWith('Chip designers'));
    const html = await (await app.request(`/articles/${chip?.id}`)).text();
    expect(html).toContain('<h1>Chip designers bet on smaller, cooler data-centre parts</h1>');
    expect(html).toContain(`${server.url}/lantern/cooler-chips`);
    expect(html).toContain('Sana Okafor');
    expect(html).toContain('min read');
    expect(html).toContain('Liquid loops that run directly over the processor');
    expect(html).toMatch(/request removal/i);
    expect(html).not.toContain('Subscribe to our newsletter');
  });

  test('errors are JSON with the right status on the API', async () => {
    const missing = await app.request('/api/articles/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'article 999999 not found' } });
    const bad = await app.request('/api/articles?since=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect((await app.request('/api/articles?cursor=zzz')).status).toBe(400);
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
