import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoServer, startDemoServer } from './server.ts';
import { xmlProblems } from './xml-check.ts';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

/** A raw request (fetch cannot send arbitrary methods and follows redirects). */
function raw(method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${demo.baseUrl}${path}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('demo server', () => {
  test('listens on a loopback ephemeral port by default', () => {
    expect(demo.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.baseUrl).not.toMatch(/:0$/);
  });

  test('feeds answer a conditional GET with 304 (ETag and Last-Modified)', async () => {
    for (const source of demo.sources) {
      const first = await fetch(source.url);
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      expect(first.status).toBe(200);
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(Number.isNaN(Date.parse(lastModified ?? ''))).toBe(false);
      await first.arrayBuffer();

      const byTag = await fetch(source.url, { headers: { 'if-none-match': etag ?? '' } });
      expect(byTag.status).toBe(304);
      expect(await byTag.text()).toBe('');

      const byDate = await fetch(source.url, { headers: { 'if-modified-since': lastModified ?? '' } });
      expect(byDate.status).toBe(304);
    }
  });

  test('a stale validator gets the full feed again', async () => {
    const url = demo.sources[0]?.url ?? '';
    const staleTag = await fetch(url, { headers: { 'if-none-match': '"not-the-current-tag"' } });
    expect(staleTag.status).toBe(200);
    expect((await staleTag.text()).length).toBeGreaterThan(1000);
    const oldDate = await fetch(url, { headers: { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' } });
    expect(oldDate.status).toBe(200);
    await oldDate.arrayBuffer();
  });

  test('If-None-Match wins over If-Modified-Since and accepts weak and listed tags', async () => {
    const url = demo.sources[1]?.url ?? '';
    const first = await fetch(url);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const mismatch = await fetch(url, {
      headers: { 'if-none-match': '"other"', 'if-modified-since': new Date(Date.now() + 3_600_000).toUTCString() },
    });
    expect(mismatch.status).toBe(200);
    await mismatch.arrayBuffer();
    const listed = await fetch(url, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(listed.status).toBe(304);
  });

  test('robots.txt allows everything', async () => {
    const res = await fetch(`${demo.baseUrl}/robots.txt`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).not.toMatch(/^Disallow: \S/m);
  });

  test('unknown paths are 404, other methods 405, a missing trailing slash redirects', async () => {
    expect((await raw('GET', '/no/such/page')).status).toBe(404);
    expect((await raw('GET', '/harbor-ledger/feed/extra')).status).toBe(404);
    const post = await raw('POST', demo.sources[0]?.url.slice(demo.baseUrl.length) ?? '/');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const redirect = await raw('GET', '/harbor-ledger');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/harbor-ledger/');
  });

  test('HEAD returns the headers without a body', async () => {
    const head = await raw('HEAD', '/robots.txt');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body).toBe('');
  });

  test('each publication home page advertises its feed for autodiscovery', async () => {
    for (const source of demo.sources) {
      const html = await (await fetch(source.siteUrl)).text();
      const alternate = html.match(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">/);
      expect(alternate?.[3]).toBe(source.url);
      expect(alternate?.[2]).toBe(source.title.replace(/&/g, '&amp;'));
      expect(html).toMatch(/<ul class="river">/);
    }
  });

  test('every navigation link of a publication leads to a section page', async () => {
    for (const source of demo.sources) {
      const html = await (await fetch(source.siteUrl)).text();
      const nav = html.match(/<nav [^>]*aria-label="Primary"><ul>(.*?)<\/ul><\/nav>/)?.[1] ?? '';
      const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(links.length).toBeGreaterThanOrEqual(5);
      for (const link of links) {
        const res = await fetch(`${demo.baseUrl}${link}`);
        expect(res.status, link).toBe(200);
        await res.arrayBuffer();
      }
    }
  });

  test('the root page lists every publication', async () => {
    const html = await (await fetch(`${demo.baseUrl}/`)).text();
    for (const source of demo.sources) expect(html).toContain(source.url);
  });

  test('lead images are SVG documents served by the demo itself', async () => {
    const rss = await (await fetch(demo.sources[0]?.url ?? '')).text();
    const images = [...rss.matchAll(/<media:content url="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(images.length).toBeGreaterThan(0);
    for (const url of images) {
      expect(url.startsWith(demo.baseUrl)).toBe(true);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(xmlProblems(await res.text())).toEqual([]);
    }
  });

  test('the sitemap lists every article page and is well-formed', async () => {
    const xml = await (await fetch(`${demo.baseUrl}/sitemap.xml`)).text();
    expect(xmlProblems(xml)).toEqual([]);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThanOrEqual(16);
    const res = await fetch(locs[0] ?? '');
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  test('a busy port is reported as an error, not a hang', async () => {
    const port = Number(new URL(demo.baseUrl).port);
    await expect(startDemoServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
