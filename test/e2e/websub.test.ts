/**
 * WebSub end to end against a loopback hub: a polled feed advertising a hub leads to a subscription,
 * the hub's intent verification is answered, a signed push is stored at once (within a second), a
 * forged push is ignored and an unknown callback answers 410.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalEventBus } from '../../src/events.ts';
import { silentLogger } from '../../src/log.ts';
import { ingestSources } from '../../src/pipeline/ingest-all.ts';
import { createPipeline, type PipelineHandle } from '../../src/runtime/pipeline.ts';
import { startWebSub, type WebSubHandle } from '../../src/runtime/websub.ts';
import { SqliteStore } from '../../src/store/sqlite/index.ts';
import { createApp } from '../../src/web/app.ts';
import type { WebSubCallbacks } from '../../src/web/context.ts';
import { listen, type RunningServer } from '../../src/web/server.ts';
import { type LoopbackServer, startLoopback } from '../helpers/loopback.ts';
import { tempDir, testConfig } from '../helpers/temp.ts';

const TEXT = (topic: string) =>
  `<p>The city council voted on Monday to extend the ${topic} programme for another three years, after a review found that usage had doubled since the pilot began and that running costs came in below the original estimate.</p>` +
  `<p>Opposition members asked for an independent audit of the ${topic} contracts before the extension takes effect, and the council agreed to publish the auditor's findings in the spring.</p>`;

function feed(base: string, hub: string, items: string[]): string {
  const entries = items
    .map((slug) => `<item><title>Council extends the ${slug} programme</title><link>${base}/news/${slug}</link><guid>${base}/news/${slug}</guid><pubDate>${new Date().toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>City News</title><link>${base}/</link>
<atom:link rel="hub" href="${hub}"/><atom:link rel="self" href="${base}/news/feed.xml"/>${entries}</channel></rss>`;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WebSub push delivery', () => {
  let site: LoopbackServer;
  let hub: LoopbackServer;
  let web: RunningServer;
  let store: SqliteStore;
  let pipeline: PipelineHandle;
  let websub: WebSubHandle | undefined;
  const tmp = tempDir();
  const subscription: { callback?: string | undefined; topic?: string | undefined; secret?: string | undefined; verified?: { status: number; body: string } } = {};

  beforeAll(async () => {
    site = await startLoopback((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path === '/news/feed.xml') {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(feed(site.url, `${hub.url}/hub`, ['bike-share']));
      } else if (path.startsWith('/news/')) {
        res.setHeader('content-type', 'text/html');
        res.end(`<!doctype html><html><head><title>News</title></head><body><article><h1>Council news</h1>${TEXT(path.slice(6))}</article></body></html>`);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    hub = await startLoopback(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      const form = new URLSearchParams(raw);
      subscription.callback = form.get('hub.callback') ?? undefined;
      subscription.topic = form.get('hub.topic') ?? undefined;
      subscription.secret = form.get('hub.secret') ?? undefined;
      res.statusCode = 202;
      res.end();
      // Verify intent asynchronously, as hubs do.
      setTimeout(async () => {
        const url = new URL(subscription.callback ?? '');
        url.searchParams.set('hub.mode', 'subscribe');
        url.searchParams.set('hub.topic', subscription.topic ?? '');
        url.searchParams.set('hub.challenge', 'challenge-7f3a');
        url.searchParams.set('hub.lease_seconds', '3600');
        const r = await fetch(url);
        subscription.verified = { status: r.status, body: await r.text() };
      }, 20);
    });
    store = new SqliteStore(':memory:');
    await store.migrate();
    const callbacks: WebSubCallbacks = {
      verify: (id, q) => websub?.manager.verify(id, q) ?? Promise.resolve({ status: 404, body: '' }),
      push: (id, body, sig, type) => websub?.manager.push(id, body, sig, type) ?? Promise.resolve({ status: 410, body: '' }),
    };
    const baseConfig = testConfig(tmp.dir);
    const app = createApp({ store, config: baseConfig, log: silentLogger, now: () => new Date(), events: createLocalEventBus(), websub: callbacks });
    web = await listen(app, '127.0.0.1', 0);
    const config = testConfig(tmp.dir, { TICKERWIRE_PUBLIC_URL: web.url });
    pipeline = createPipeline(config, store, silentLogger);
    websub = startWebSub(config, pipeline, silentLogger, () => {});
    await store.insertSource({ url: `${site.url}/news/feed.xml` }, new Date());
    await ingestSources(await store.listSources(), pipeline.deps, 1);
    for (let i = 0; i < 100 && (subscription.verified === undefined || (await store.getWebSub(1))?.state !== 'active'); i++) await wait(20);
  });

  afterAll(async () => {
    await websub?.close();
    await pipeline.close();
    await web.close();
    await site.close();
    await hub.close();
    await store.close();
    tmp.remove();
  });

  test('subscribes to the advertised hub and answers its verification with the challenge', async () => {
    expect(subscription.callback).toBe(`${web.url}/websub/1`);
    expect(subscription.topic).toBe(`${site.url}/news/feed.xml`);
    expect(subscription.secret?.length).toBeGreaterThanOrEqual(32);
    expect(subscription.verified).toEqual({ status: 200, body: 'challenge-7f3a' });
    const sub = await store.getWebSub(1);
    expect(sub).toMatchObject({ state: 'active', leaseSeconds: 3600 });
    expect(sub?.renewAt?.getTime()).toBeGreaterThan(Date.now());
  });

  test('a signed push is stored within a second; a forged one is ignored', async () => {
    const body = feed(site.url, `${hub.url}/hub`, ['bike-share', 'tram-extension']);
    const signature = `sha256=${createHmac('sha256', subscription.secret ?? '').update(body).digest('hex')}`;
    const started = Date.now();
    const res = await fetch(subscription.callback ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': signature },
      body,
    });
    expect(res.status).toBe(202);
    const titles = (await store.listArticles({ limit: 10 })).items.map((a) => a.title);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(titles).toContain('Council extends the tram-extension programme');

    const forged = feed(site.url, `${hub.url}/hub`, ['bike-share', 'forged-item']);
    const bad = await fetch(subscription.callback ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': 'sha256=00ff' },
      body: forged,
    });
    expect(bad.status).toBe(202);
    expect((await store.listArticles({ limit: 10 })).items.map((a) => a.title)).not.toContain('Council extends the forged-item programme');
  });

  test('a push to an unknown subscription answers 410 so the hub stops', async () => {
    const res = await fetch(`${web.url}/websub/999`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(410);
    const verify = await fetch(`${web.url}/websub/999?hub.mode=subscribe&hub.topic=x&hub.challenge=y`);
    expect(verify.status).toBe(404);
  });
});
