/**
 * Market-data benchmark: quotes served from the QuoteCache beside the same quotes fetched from the provider each
 * time (the demo market server on loopback), both in-process and through a minimal HTTP quote endpoint.
 *
 * Run: `node bin/run-ts.mjs bench/market.ts`
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';
import { toQuoteJson } from '../src/instruments/present.ts';
import { QuoteCache } from '../src/market/cache.ts';
import { createDemoProvider, DEMO_INSTRUMENTS, startDemoMarketServer } from '../src/market/demo-server.ts';
import type { Quote } from '../src/market/types.ts';
import { markdownTable, writeSection } from './report.ts';

/** How long each in-process measurement runs. */
const IN_PROCESS_MS = 1_000;
/** How long each HTTP measurement runs. */
const HTTP_MS = 3_000;
/** Concurrent requests in flight during HTTP measurements. */
const CONCURRENCY = 64;
/** Keep-alive connections and HTTP/1.1 pipelining depth of the load generator (lowers client-side cost per request). */
const CONNECTIONS = 8;
const PIPELINING = 8;
/** Rounds per measurement; the median is reported. */
const ROUNDS = 3;

const SYMBOLS = Object.keys(DEMO_INSTRUMENTS);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Requests per second of `get` called by `concurrency` loops for `ms`. */
async function measure(ms: number, concurrency: number, get: (symbol: string) => Promise<unknown>): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      let k = w;
      while (performance.now() < end) {
        await get(SYMBOLS[k++ % SYMBOLS.length] ?? 'us:NVDA');
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

/** A minimal quote endpoint like the web API's: GET /quote?symbol=… → JSON (404 when no quote). */
async function startQuoteEndpoint(getQuote: (symbol: string) => Promise<Quote | null>): Promise<{ url: string; server: Server }> {
  const server: Server = createServer((req, res) => {
    const symbol = new URL(req.url ?? '/', 'http://x').searchParams.get('symbol') ?? '';
    getQuote(symbol).then(
      (q) => {
        res.statusCode = q ? 200 : 404;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(q ? toQuoteJson(q) : { error: { code: 'not_found' } }));
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Run a quote endpoint in a worker thread (its own event loop, as a server process would have). */
async function startEndpointWorker(marketUrl: string, cached: boolean): Promise<{ url: string; worker: Worker }> {
  // The worker registers the tsx loader itself, then loads this file (which serves when not on the main thread).
  const boot = `(async () => { const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(import.meta.url)}); })();`;
  const worker = new Worker(boot, { eval: true, workerData: { marketUrl, cached } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: unknown) => resolve(String(m)));
    worker.once('error', reject);
  });
  return { url, worker };
}

/** Worker side: serve GET /quote from a QuoteCache (or straight from the provider) and report the URL. */
async function serveInWorker(data: { marketUrl: string; cached: boolean }): Promise<void> {
  const provider = createDemoProvider(data.marketUrl);
  const cache = new QuoteCache(provider, { ttlMs: 60 * 60_000 });
  if (data.cached) for (const s of SYMBOLS) await cache.getQuote(s);
  const endpoint = await startQuoteEndpoint(data.cached ? (s) => cache.getQuote(s) : (s) => provider.getQuote(s).catch(() => null));
  parentPort?.postMessage(endpoint.url);
}

/** Run the benchmark, print the table and write the BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const market = await startDemoMarketServer();
  const provider = createDemoProvider(market.url);
  const cache = new QuoteCache(provider, { ttlMs: 60 * 60_000 });
  for (const s of SYMBOLS) await cache.getQuote(s);

  const uncached: number[] = [];
  const cached: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    uncached.push(await measure(IN_PROCESS_MS, 16, (s) => provider.getQuote(s)));
    cached.push(await measure(IN_PROCESS_MS, 16, (s) => cache.getQuote(s)));
  }

  const agent = new Agent({ connections: CONNECTIONS, pipelining: PIPELINING, keepAliveTimeout: 10_000 });
  const hit = (base: string) => async (symbol: string) => {
    const res = await request(`${base}/quote?symbol=${encodeURIComponent(symbol)}`, { dispatcher: agent });
    await res.body.text();
  };
  const cachedEndpoint = await startEndpointWorker(market.url, true);
  const uncachedEndpoint = await startEndpointWorker(market.url, false);
  const httpCached: number[] = [];
  const httpUncached: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    httpUncached.push(await measure(HTTP_MS, CONCURRENCY, hit(uncachedEndpoint.url)));
    httpCached.push(await measure(HTTP_MS, CONCURRENCY, hit(cachedEndpoint.url)));
  }
  await agent.close();
  await cachedEndpoint.worker.terminate();
  await uncachedEndpoint.worker.terminate();
  await market.close();

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const rows = [
    ['in-process getQuote', fmt(median(cached)), fmt(median(uncached)), `${(median(cached) / median(uncached)).toFixed(0)}×`],
    ['HTTP quote endpoint (64 in flight, 8 keep-alive connections, pipelining 8)', fmt(median(httpCached)), fmt(median(httpUncached)), `${(median(httpCached) / median(httpUncached)).toFixed(1)}×`],
  ];
  const body = [
    `Quotes for ${SYMBOLS.length} demo instruments from the demo market server (Binance shape, loopback). Median of ${ROUNDS} rounds.`,
    '',
    markdownTable(['path', 'served from QuoteCache (req/s)', 'uncached: provider each time (req/s)', 'ratio'], rows),
    '',
    `Goal: the quote endpoint serves ≥ 10,000 req/s from cache. The endpoint runs in its own worker thread; load generator and demo server share the main thread; all share the machine (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores).`,
  ].join('\n');
  console.log(body);
  writeSection('market', 'Market data: quote cache', 'node bin/run-ts.mjs bench/market.ts', body);
}

if (!isMainThread) await serveInWorker(workerData as { marketUrl: string; cached: boolean });
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
