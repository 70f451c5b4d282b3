import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, routes, startLoopback } from '../../test/helpers/loopback.ts';
import { silentLogger } from '../log.ts';
import { createFetcher } from './fetcher.ts';
import type { Fetcher, FetcherOptions } from './types.ts';

const BASE: FetcherOptions = {
  userAgent: 'tickerwire-test/1.0 (+https://example.org/bot)',
  timeoutMs: 3_000,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 3,
  perHostConcurrency: 4,
  allowHosts: ['127.0.0.1'],
  minHostIntervalMs: 0,
};

let servers: LoopbackServer[] = [];
let fetchers: Fetcher[] = [];

async function serve(handler: Parameters<typeof startLoopback>[0]): Promise<LoopbackServer> {
  const s = await startLoopback(handler);
  servers.push(s);
  return s;
}

function fetcher(opts: Partial<FetcherOptions> = {}): Fetcher {
  const f = createFetcher({ ...BASE, ...opts }, silentLogger);
  fetchers.push(f);
  return f;
}

afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  fetchers = [];
});

describe('createFetcher: basic exchange', () => {
  it('returns body, validators and headers, and sends UA and a feed Accept', async () => {
    const s = await serve(
      routes({ '/feed': { body: '<rss/>', type: 'application/rss+xml', headers: { etag: '"v1"', 'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT' } } }),
    );
    const res = await fetcher().fetch({ url: `${s.url}/feed`, purpose: 'feed' });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('<rss/>');
    expect(res.contentType).toBe('application/rss+xml');
    expect(res.etag).toBe('"v1"');
    expect(res.lastModified).toBe('Tue, 24 Nov 2026 10:00:00 GMT');
    expect(res.url).toBe(`${s.url}/feed`);
    expect(s.requests[0]?.headers['user-agent']).toBe(BASE.userAgent);
    expect(s.requests[0]?.headers.accept).toMatch(/^application\/rss\+xml/);
    expect(s.requests[0]?.headers['accept-encoding']).toContain('gzip');
  });

  it('sends If-None-Match / If-Modified-Since and returns 304 with an empty body', async () => {
    const s = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('etag', '"v1"');
      res.end('<feed/>');
    });
    const f = fetcher();
    const first = await f.fetch({ url: `${s.url}/f`, purpose: 'feed' });
    const second = await f.fetch({ url: `${s.url}/f`, purpose: 'feed', etag: first.etag, lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(s.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.requests[1]?.headers['if-modified-since']).toBe('Tue, 24 Nov 2026 10:00:00 GMT');
  });

  it('turns a 500 into http_status naming the URL', async () => {
    const s = await serve(routes({ '/x': { body: 'boom', status: 500 } }));
    const p = fetcher().fetch({ url: `${s.url}/x`, purpose: 'feed' });
    await expect(p).rejects.toMatchObject({ code: 'http_status', message: `GET ${s.url}/x answered 500`, details: { status: 500, retryAfterSec: null } });
  });

  it('spells network failures clearly', async () => {
    const s = await serve(routes({}));
    const dead = s.url;
    await s.close();
    servers = [];
    await expect(fetcher().fetch({ url: `${dead}/feed`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: `GET ${dead}/feed failed: connection refused (ECONNREFUSED)`,
    });
    const nx = fetcher({ resolver: async (host) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })) });
    await expect(nx.fetch({ url: 'https://nowhere.invalid/feed', purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: 'GET https://nowhere.invalid/feed failed: DNS lookup failed (ENOTFOUND)',
    });
  });
});

describe('createFetcher: redirects', () => {
  it('follows redirects (relative and absolute) and reports the final URL', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/a') {
        res.writeHead(301, { location: '/b' });
        res.end();
      } else if (req.url === '/b') {
        res.writeHead(302, { location: `http://127.0.0.1:${(req.socket.localPort ?? 0).toString()}/c` });
        res.end('moved');
      } else res.end('final');
    });
    const res = await fetcher().fetch({ url: `${s.url}/a`, purpose: 'feed' });
    expect(res.body.toString()).toBe('final');
    expect(res.url).toBe(`${s.url}/c`);
  });

  it('stops a redirect loop', async () => {
    const s = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/one' ? '/two' : '/one' });
      res.end();
    });
    await expect(fetcher().fetch({ url: `${s.url}/one`, purpose: 'feed' })).rejects.toMatchObject({ code: 'fetch_failed', message: /redirect loop/ });
  });

  it('stops after maxRedirects', async () => {
    const s = await serve((req, res) => {
      const n = Number((req.url ?? '/0').slice(1));
      res.writeHead(307, { location: `/${n + 1}` });
      res.end();
    });
    await expect(fetcher({ maxRedirects: 2 }).fetch({ url: `${s.url}/0`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: /more than 2 redirects/,
    });
    expect(s.requests).toHaveLength(3);
  });

  it('refuses a redirect to a private or metadata address that is not allowlisted', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    await expect(fetcher().fetch({ url: `${s.url}/feed`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_blocked',
      message: `GET ${s.url}/feed refused: 169.254.169.254 is a cloud metadata endpoint (add it to TICKERWIRE_ALLOW_HOSTS to allow it)`,
    });
  });

  it('refuses a redirect to a host name resolving to loopback (DNS checked at connect)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: `http://sneaky.example:${s.port}/` });
      res.end();
    });
    // 127.0.0.1 (the first hop) is allowlisted; sneaky.example resolves to 127.0.0.2, which is not.
    const f = fetcher({ resolver: async () => [{ address: '127.0.0.2', family: 4 }] });
    await expect(f.fetch({ url: `${s.url}/`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_blocked',
      message: `GET ${s.url}/ refused: sneaky.example resolves to 127.0.0.2, a loopback address (add it to TICKERWIRE_ALLOW_HOSTS to allow it)`,
    });
    expect(s.requests).toHaveLength(1);
  });

  it('refuses a loopback literal when nothing is allowlisted, before any connection', async () => {
    const s = await serve(routes({ '/': { body: 'secret' } }));
    await expect(fetcher({ allowHosts: [] }).fetch({ url: `${s.url}/`, purpose: 'feed' })).rejects.toMatchObject({ code: 'fetch_blocked' });
    expect(s.requests).toHaveLength(0);
  });

  it('refuses non-http schemes in Location', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    await expect(fetcher().fetch({ url: `${s.url}/`, purpose: 'feed' })).rejects.toMatchObject({ code: 'fetch_blocked', message: /file: URLs are not fetched/ });
  });
});

describe('createFetcher: limits', () => {
  it('stops reading a body past maxBodyBytes (no Content-Length)', async () => {
    const s = await serve((_req, res) => {
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 10_000) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const started = Date.now();
    await expect(fetcher().fetch({ url: `${s.url}/big`, purpose: 'page' })).rejects.toMatchObject({ code: 'fetch_too_large', message: /larger than 65536 bytes/ });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses at once when Content-Length is over the limit, and honours a per-request maxBytes', async () => {
    const s = await serve(routes({ '/big': { body: Buffer.alloc(100_000) }, '/small': { body: Buffer.alloc(2_000) } }));
    const f = fetcher({ respectRobots: false });
    await expect(f.fetch({ url: `${s.url}/big`, purpose: 'page' })).rejects.toMatchObject({ code: 'fetch_too_large', message: /Content-Length 100000/ });
    await expect(f.fetch({ url: `${s.url}/small`, purpose: 'page', maxBytes: 1_000 })).rejects.toMatchObject({ code: 'fetch_too_large' });
  });

  it('decodes gzip, deflate and br', async () => {
    const text = '<rss>compressed feed text</rss>';
    const s = await serve((req, res) => {
      const enc = (req.url ?? '').slice(1);
      const body = enc === 'gzip' ? gzipSync(text) : enc === 'deflate' ? deflateSync(text) : brotliCompressSync(text);
      res.setHeader('content-encoding', enc);
      res.end(body);
    });
    const f = fetcher();
    for (const enc of ['gzip', 'deflate', 'br']) {
      const res = await f.fetch({ url: `${s.url}/${enc}`, purpose: 'feed' });
      expect(res.body.toString()).toBe(text);
    }
  });

  it('reports a corrupt or unknown Content-Encoding and a reset connection as fetch_failed', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/reset') {
        req.socket.destroy();
        return;
      }
      res.setHeader('content-encoding', req.url === '/corrupt' ? 'gzip' : 'zstd-ish');
      res.end('plain bytes, not compressed');
    });
    const f = fetcher();
    await expect(f.fetch({ url: `${s.url}/corrupt`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: `GET ${s.url}/corrupt failed: corrupt gzip body (Z_DATA_ERROR)`,
    });
    await expect(f.fetch({ url: `${s.url}/odd`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: `GET ${s.url}/odd failed: unsupported Content-Encoding "zstd-ish"`,
    });
    await expect(f.fetch({ url: `${s.url}/reset`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_failed',
      message: `GET ${s.url}/reset failed: connection closed by the server (UND_ERR_SOCKET)`,
    });
  });

  it('refuses a gzip bomb (small on the wire, huge decoded)', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const s = await serve((_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(bomb);
    });
    await expect(fetcher().fetch({ url: `${s.url}/bomb`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_too_large',
      message: /expands past 65536 bytes when decompressed/,
    });
  });

  it('times out a server that trickles bytes forever', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const t = setInterval(() => res.write('<'), 50);
      res.on('close', () => clearInterval(t));
    });
    const started = Date.now();
    await expect(fetcher({ timeoutMs: 400 }).fetch({ url: `${s.url}/slow`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'fetch_timeout',
      message: `GET ${s.url}/slow timed out after 400 ms`,
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out a server that never answers', async () => {
    const s = await serve(() => undefined);
    await expect(fetcher({ timeoutMs: 300 }).fetch({ url: `${s.url}/`, purpose: 'feed' })).rejects.toMatchObject({ code: 'fetch_timeout' });
  });
});
