/**
 * Quote endpoint through the web app: `GET /api/instruments/:id` served by the real Hono app (routing, instrument
 * lookup in the full reference data, presenter, weak ETag) with quotes from the market service's cache, beside the
 * same app whose market service asks the provider (the demo market server on loopback) on every request.
 *
 * Run: `node bin/run-ts.mjs bench/market-web.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';
import { loadConfig } from '../src/config/index.ts';
import { createLocalEventBus } from '../src/events.ts';
import { loadInstruments } from '../src/instruments/index.ts';
import { silentLogger } from '../src/log.ts';
import { createDemoProvider, DEMO_INSTRUMENTS, startDemoMarketServer } from '../src/market/index.ts';
import { createMarketService } from '../src/runtime/market.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import { Hono } from 'hono';
import { createApp } from '../src/web/app.ts';
import { registerInstrumentRoutes } from '../src/web/instruments/routes.ts';
import type { MarketService } from '../src/web/instruments/types.ts';
import { listen } from '../src/web/server.ts';
import { markdownTable, writeSection } from './report.ts';

/** How long each HTTP measurement runs. */
const HTTP_MS = 3_000;
/** How long each in-process (app.request) measurement runs. */
const IN_PROCESS_MS = 1_500;
/** Concurrent requests in flight. */
const CONCURRENCY = 64;
/** Keep-alive connections and pipelining depth of the load generator (lowers client-side cost per request). */
const CONNECTIONS = 8;
const PIPELINING = 8;
/** Rounds per measurement; the median is reported. */
const ROUNDS = 3;

const IDS = Object.keys(DEMO_INSTRUMENTS);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Requests per second of `get` called by `concurrency` loops for `ms`. */
async function measure(ms: number, concurrency: number, get: (id: string) => Promise<void>): Promise<number> {
  let done = 0;
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      let k = w;
      while (performance.now() < end) {
        await get(IDS[k++ % IDS.length] ?? 'us:NVDA');
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

/** The web app with the demo market: the real market service (cached), or a provider asked on every request. */
async function buildApp(cached: boolean, bare = false) {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-mw-'));
  const config = loadConfig({ TICKERWIRE_DATA: dir, TICKERWIRE_DEMO: '1', TICKERWIRE_SEED_DEFAULTS: '0', TICKERWIRE_LOG_LEVEL: 'silent' });
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const index = loadInstruments();
  let market: MarketService;
  if (cached) {
    market = await createMarketService(config, silentLogger, { instruments: () => index });
  } else {
    // Baseline: a demo market server of its own, asked on every request (no cache in between).
    const server = await startDemoMarketServer();
    const provider = createDemoProvider(server.url);
    market = { getQuote: (id) => provider.getQuote(id).catch(() => null), getCandles: async () => null, close: () => server.close() };
  }
  for (const id of IDS) if (!(await market.getQuote(id))) throw new Error(`no demo quote for ${id}`);
  const deps = { store, config, log: silentLogger, now: () => new Date(), events: createLocalEventBus(), market, instruments: () => index };
  // Bare: only the instrument routes on a plain Hono app, to show what the shared middleware (ETag, CORS) costs.
  const app = bare ? new Hono() : createApp(deps);
  if (bare) registerInstrumentRoutes(app, deps);
  const close = async () => {
    await market.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, close };
}

/** Worker side: serve the app on loopback and report its URL. */
async function serveInWorker(data: { cached: boolean; bare: boolean }): Promise<void> {
  const { app } = await buildApp(data.cached, data.bare);
  const server = await listen(app, '127.0.0.1', 0);
  parentPort?.postMessage(server.url);
}

async function startWorker(cached: boolean, bare = false): Promise<{ url: string; worker: Worker }> {
  const boot = `(async () => { const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(import.meta.url)}); })();`;
  const worker = new Worker(boot, { eval: true, workerData: { cached, bare } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: unknown) => resolve(String(m)));
    worker.once('error', reject);
  });
  return { url, worker };
}

/** Run the benchmark, print the table and write the BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const inCached = await buildApp(true);
  const inUncached = await buildApp(false);
  const inBare = await buildApp(true, true);
  const viaApp = (app: typeof inCached.app) => async (id: string) => {
    const res = await app.request(`/api/instruments/${id}`);
    if (res.status !== 200) throw new Error(`GET /api/instruments/${id} answered ${res.status}`);
    await res.text();
  };
  const appCached: number[] = [];
  const appUncached: number[] = [];
  const appBare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    appUncached.push(await measure(IN_PROCESS_MS, 16, viaApp(inUncached.app)));
    appCached.push(await measure(IN_PROCESS_MS, 16, viaApp(inCached.app)));
    appBare.push(await measure(IN_PROCESS_MS, 16, viaApp(inBare.app)));
  }
  await inCached.close();
  await inUncached.close();
  await inBare.close();

  const cachedServer = await startWorker(true);
  const uncachedServer = await startWorker(false);
  const bareServer = await startWorker(true, true);
  const agent = new Agent({ connections: CONNECTIONS, pipelining: PIPELINING, keepAliveTimeout: 10_000 });
  const hit = (base: string) => async (id: string) => {
    const res = await request(`${base}/api/instruments/${id}`, { dispatcher: agent });
    if (res.statusCode !== 200) throw new Error(`GET /api/instruments/${id} answered ${res.statusCode}`);
    await res.body.text();
  };
  const httpCached: number[] = [];
  const httpUncached: number[] = [];
  const httpBare: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    httpUncached.push(await measure(HTTP_MS, CONCURRENCY, hit(uncachedServer.url)));
    httpCached.push(await measure(HTTP_MS, CONCURRENCY, hit(cachedServer.url)));
    httpBare.push(await measure(HTTP_MS, CONCURRENCY, hit(bareServer.url)));
  }
  await agent.close();
  await cachedServer.worker.terminate();
  await uncachedServer.worker.terminate();
  await bareServer.worker.terminate();

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(1)}×`;
  const http = `HTTP, app in a worker thread (${CONCURRENCY} in flight, ${CONNECTIONS} keep-alive connections, pipelining ${PIPELINING})`;
  const rows = [
    ['in-process app.request, whole app (16 in flight)', fmt(median(appCached)), fmt(median(appUncached)), ratio(appCached, appUncached)],
    ['in-process app.request, instrument routes alone (no ETag/CORS middleware)', fmt(median(appBare)), fmt(median(appUncached)), ratio(appBare, appUncached)],
    [`${http}, whole app`, fmt(median(httpCached)), fmt(median(httpUncached)), ratio(httpCached, httpUncached)],
    [`${http}, instrument routes alone`, fmt(median(httpBare)), fmt(median(httpUncached)), ratio(httpBare, httpUncached)],
  ];
  const body = [
    `\`GET /api/instruments/:id\` through the real web app (routing, lookup in the full reference data, presenter, weak ETag) for ${IDS.length} demo instruments. Median of ${ROUNDS} rounds.`,
    '',
    markdownTable(['path', 'quotes from the market service cache (req/s)', 'uncached: demo market server asked per request (req/s)', 'ratio'], rows),
    '',
    `Goal: ≥ 10,000 req/s from cache. Load generator and server share the machine (load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores).`,
  ].join('\n');
  console.log(body);
  writeSection('market-web', 'Market data: quote endpoint through the web app', 'node bin/run-ts.mjs bench/market-web.ts', body);
}

if (!isMainThread) await serveInWorker(workerData as { cached: boolean; bare: boolean });
else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
