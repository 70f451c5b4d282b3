/**
 * @module demo/server — the loopback HTTP server behind the bundled demo sources. tickerwire starts it
 * itself so that, offline, the demo goes through the same HTTP ingest path as any real source.
 * Publication times are relative to the server's start, so the demo always looks fresh; every
 * response is rendered once at start-up and stays identical for the life of the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_OUTLETS } from './content/index.ts';
import { buildDemoRoutes, type DemoResponse } from './routes.ts';
import { buildSite } from './site.ts';
import type { DemoFeedFormat } from './types.ts';

/** One demo source, as tickerwire registers it. */
export interface DemoSourceSpec {
  /** Stable key (use it as the source's demoKey). */
  key: string;
  title: string;
  /** Feed URL on the running demo server. */
  url: string;
  siteUrl: string;
  format: DemoFeedFormat;
}

/** A running demo server. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  baseUrl: string;
  sources: DemoSourceSpec[];
  close(): Promise<void>;
}

/** How to start the demo server; every field is optional. */
export interface DemoServerOptions {
  /** Port to listen on; 0 (the default) picks a free ephemeral port. */
  port?: number;
  /** Interface to bind; defaults to the IPv4 loopback. */
  host?: string;
  /** Clock read once at start: article times are placed relative to it. */
  now?: () => Date;
}

/** Loopback only by default: the demo is for this machine's tickerwire, not the network. */
const DEFAULT_HOST = '127.0.0.1';

/** Whether the client's cached copy (If-None-Match, else If-Modified-Since) is still current. */
export function isNotModified(req: IncomingMessage, res: DemoResponse): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === res.etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(res.lastModified) <= since;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

function handle(routes: ReadonlyMap<string, DemoResponse>, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  const route = routes.get(path);
  if (!route) {
    // Like most CMSes, answer a missing trailing slash with a redirect to the real page.
    if (routes.has(`${path}/`)) sendText(res, 301, 'moved\n', { location: `${path}/` });
    else sendText(res, 404, `not found: ${path}\n`);
    return;
  }
  const validators = { etag: route.etag, 'last-modified': route.lastModified, 'cache-control': route.cacheControl };
  if (isNotModified(req, route)) {
    res.writeHead(304, validators);
    res.end();
    return;
  }
  res.writeHead(200, { ...validators, 'content-type': route.contentType, 'content-length': String(route.body.length) });
  res.end(req.method === 'HEAD' ? undefined : route.body);
}

function urlHost(host: string, address: AddressInfo): string {
  const shown = host === '0.0.0.0' || host === '::' ? address.address : host;
  if (shown === '0.0.0.0') return DEFAULT_HOST;
  if (shown === '::') return '[::1]';
  return shown.includes(':') ? `[${shown}]` : shown;
}

/**
 * Start the demo publications on a loopback HTTP server.
 * @throws the listen error (e.g. EADDRINUSE) when the port cannot be bound
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const startedAt = (opts.now ?? (() => new Date()))();
  let routes: ReadonlyMap<string, DemoResponse> = new Map();
  const server = createServer((req, res) => handle(routes, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${urlHost(host, address)}:${address.port}`;
  const sites = buildSite(DEMO_OUTLETS, baseUrl, startedAt);
  routes = buildDemoRoutes(sites, baseUrl, startedAt);
  return {
    baseUrl,
    sources: sites.map((site) => ({
      key: site.outlet.key,
      title: site.outlet.name,
      url: site.feedUrl,
      siteUrl: site.homeUrl,
      format: site.outlet.format,
    })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
