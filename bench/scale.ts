/**
 * Scale-out benchmark (issue 8), PostgreSQL beside SQLite in the same run:
 *
 * 1. Store throughput: inserting articles in feed-sized batches, walking the newest-first listing with
 *    cursors, and known-item checks — SQLite (file, WAL) is the baseline of each PostgreSQL figure.
 * 2. Ingest through the job queue: a loopback farm of hosts, feeds and pages; poll and page-fetch jobs
 *    run by 1, 2 and 4 worker processes on PostgreSQL (graphile-worker) beside 1 process on SQLite
 *    (jobs table). Timed from enqueueing the polls until every page is stored; worker start-up excluded.
 *
 * `node bin/run-ts.mjs bench/scale.ts` (env TICKERWIRE_TEST_PG picks the server; without a reachable
 * PostgreSQL the PostgreSQL rows are skipped with a message).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../src/log.ts';
import { hostQueue, pollKey } from '../src/queue/keys.ts';
import { openQueue } from '../src/queue/open.ts';
import { startFarm } from '../src/queue/testing/farm.ts';
import { buildArticle } from '../src/store/contract/fixtures.ts';
import { checkPostgres, dropSchema, freshPostgres, testPgUrl } from '../src/store/contract/harness.ts';
import { PostgresStore } from '../src/store/postgres/index.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import type { NewArticle } from '../src/model.ts';
import { parseSearchQuery } from '../src/web/search-query.ts';
import { rng, zipf } from './random.ts';
import { markdownTable, writeSection } from './report.ts';

/** Articles inserted per store, in batches the size of a busy feed. */
const INSERT_N = 20_000;
const INSERT_BATCH = 50;
/** Listing pages read (50 articles each) and known-item checks (50 items each). */
const LIST_PAGES = 400;
const PAGE = 50;
const KNOWN_CALLS = 400;
/** Repetitions of each store measurement; the median is reported. */
const REPEATS = 3;
/**
 * Ingest farms (hosts × feeds × items pages): pages answering at once (the queue's own overhead decides)
 * and network-like ones (each page waits 40 ms, many hosts: parallel workers decide).
 */
const FARMS = [
  { label: 'fast pages (5 ms, 8 hosts)', hosts: 8, feedsPerHost: 5, itemsPerFeed: 20, feedDelayMs: 5, pageDelayMs: 5 },
  { label: 'network-like pages (40 ms, 32 hosts)', hosts: 32, feedsPerHost: 2, itemsPerFeed: 12, feedDelayMs: 40, pageDelayMs: 40 },
];
type FarmSpec = (typeof FARMS)[number];
const WORKER_CONCURRENCY = 4;
/**
 * Idle poll of the workers. graphile-worker's claim locks every free named queue for the length of its
 * statement, so workers claiming at the same moment find nothing and sleep until their next poll: a short
 * poll (50 ms) roughly doubled 40 ms jobs' throughput over 200 ms in a quick probe (102 vs 51 jobs/s, 8 workers).
 */
const WORKER_POLL_MS = 50;
const PG_PROCESSES = [1, 2, 4];
/** Give up on one ingest run after this long. */
const INGEST_TIMEOUT_MS = 120_000;
const ROOT = new URL('../', import.meta.url).pathname;
/** Articles in the search corpus of both stores (env SCALE_SEARCH_N; the target is 1,000,000). */
const SEARCH_N = Number(process.env.SCALE_SEARCH_N ?? 100_000);
const SEARCH_BATCH = 1_000;
/** Timed runs per query (after 3 warm-up runs); p50 and p99 are reported. */
const SEARCH_RUNS = 40;
/** Parts to run (env SCALE_PARTS, comma-separated: store,ingest,search); all by default. */
const PARTS = new Set((process.env.SCALE_PARTS ?? 'store,ingest,search').split(','));
const SEARCH_NOW = Date.UTC(2026, 10, 25);
const SEARCH_SPAN_MS = 365 * 86_400_000;
/** Queries of increasing difficulty: common word, mid and rare words, phrase, short prefix, filtered. */
const SEARCH_QUERIES = [
  { label: 'common word', text: 'market' },
  { label: 'two mid-frequency words', text: 'copper freight' },
  { label: 'rare word', text: 'zolvane' },
  { label: 'phrase', text: '"central bank"' },
  { label: 'prefix (3 letters)', text: 'inf*' },
  { label: 'word + source filter', text: 'market', sourceId: 3 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface StoreFigures {
  insertPerSec: number;
  listPagesPerSec: number;
  knownPerSec: number;
}

async function measureStore(open: () => Promise<{ store: Store; dispose(): Promise<void> }>): Promise<StoreFigures> {
  const runs: StoreFigures[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const { store, dispose } = await open();
    try {
      const sources = await Promise.all(
        [0, 1, 2, 3].map((i) => store.insertSource({ url: `https://bench${i}.example/feed` }, new Date())),
      );
      let t = performance.now();
      for (let i = 0; i < INSERT_N; i += INSERT_BATCH) {
        const batch = Array.from({ length: INSERT_BATCH }, (_, k) =>
          buildArticle(i + k, { sourceId: sources[(i + k) % 4]?.id ?? 1, publishedAt: new Date(Date.UTC(2026, 0, 1) + (i + k) * 1000) }),
        );
        await store.insertArticles(batch);
      }
      const insertPerSec = INSERT_N / ((performance.now() - t) / 1000);
      t = performance.now();
      let cursor: string | null = null;
      for (let p = 0; p < LIST_PAGES; p++) {
        const page = await store.listArticles(cursor === null ? { limit: PAGE } : { limit: PAGE, cursor });
        cursor = p % 20 === 19 ? null : page.nextCursor;
      }
      const listPagesPerSec = LIST_PAGES / ((performance.now() - t) / 1000);
      t = performance.now();
      for (let c = 0; c < KNOWN_CALLS; c++) {
        const items = Array.from({ length: PAGE }, (_, k) => {
          const n = (c * 37 + k * 101) % (INSERT_N * 2); // half of them stored
          return { guid: `guid-${n}`, url: `https://news.example/story/${n}` };
        });
        await store.listKnownItems(sources[c % 4]?.id ?? 1, items);
      }
      const knownPerSec = KNOWN_CALLS / ((performance.now() - t) / 1000);
      runs.push({ insertPerSec, listPagesPerSec, knownPerSec });
    } finally {
      await dispose();
    }
  }
  return {
    insertPerSec: median(runs.map((x) => x.insertPerSec)),
    listPagesPerSec: median(runs.map((x) => x.listPagesPerSec)),
    knownPerSec: median(runs.map((x) => x.knownPerSec)),
  };
}

async function openSqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'tw-scale-'));
  const store = new SqliteStore(join(dir, 'tw.db'));
  await store.migrate();
  return {
    store,
    path: join(dir, 'tw.db'),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
}

function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'src/queue/testing/worker-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.includes('"ready"')) resolve();
      });
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, ready, exited };
}

/** Pages stored per second by `processes` workers on the store behind `env`. */
async function measureIngest(
  spec: FarmSpec,
  processes: number,
  setup: () => Promise<{ store: Store; env: Record<string, string>; dispose(): Promise<void>; workerSchema?: string }>,
): Promise<number> {
  const farm = await startFarm(spec);
  const ctx = await setup();
  const workers: Worker[] = [];
  try {
    const queue = await openQueue(ctx.store, silentLogger, ctx.workerSchema === undefined ? {} : { workerSchema: ctx.workerSchema });
    const env = { ...ctx.env, TW_CONCURRENCY: String(WORKER_CONCURRENCY), TW_POLL_MS: String(WORKER_POLL_MS) };
    for (let i = 0; i < processes; i++) workers.push(spawnWorker(env));
    await Promise.all(workers.map((w) => w.ready));
    const sources = [];
    for (const url of farm.feeds) sources.push({ id: (await ctx.store.insertSource({ url }, new Date())).id, url });
    const started = performance.now();
    for (const s of sources) {
      await queue.enqueue({ task: 'poll_feed', payload: { sourceId: s.id, url: s.url }, key: pollKey(s.id), queue: hostQueue(s.url) });
    }
    const total = farm.pages.length;
    const deadline = Date.now() + INGEST_TIMEOUT_MS;
    while ((await ctx.store.countArticles()) < total) {
      if (Date.now() > deadline) throw new Error(`ingest with ${processes} process(es) timed out`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    await queue.close();
    return total / seconds;
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await ctx.dispose();
    await farm.close();
  }
}

async function sqliteIngestSetup() {
  const s = await openSqliteFile();
  return { store: s.store, env: { TW_DATABASE_URL: `sqlite:${s.path}` }, dispose: s.dispose };
}

async function pgIngestSetup() {
  const fresh = await freshPostgres();
  const schema = fresh.schema ?? '';
  const url = new URL(testPgUrl());
  url.searchParams.set('schema', schema);
  const workerSchema = `${schema}_gw`;
  return {
    store: fresh.store,
    workerSchema,
    env: { TW_DATABASE_URL: url.toString(), TW_WORKER_SCHEMA: workerSchema },
    dispose: async () => {
      await fresh.dispose();
      await dropSchema(testPgUrl(), workerSchema);
    },
  };
}

/** Invented market vocabulary, Zipf-distributed (rank r drawn with weight 1/r), plus syllable pseudo-words. */
function articleMaker(): (n: number) => NewArticle {
  const base = `market markets bank central rates inflation shares stock bond yield copper freight oil gold
    dollar earnings revenue profit guidance outlook futures traders investors index crypto token exchange
    rally slump policy tariff supply demand shipping energy chip software lender mortgage housing jobs`.split(/\s+/);
  const syllables = 'ka lo mi ne ru ta vo zi pa se dor len mar qui tor bel fin gra hol jun'.split(' ');
  const vocab = [...base.filter(Boolean)];
  for (let i = 0; vocab.length < 20_000; i++) {
    vocab.push(`${syllables[i % 20]}${syllables[Math.floor(i / 20) % 20]}${syllables[Math.floor(i / 400) % 20]}`);
  }
  vocab.push('zolvane');
  const rank = zipf(vocab.length, rng(7), 1);
  const word = () => vocab[rank()] ?? 'market';
  return (n) => {
    const title = Array.from({ length: 7 }, word).join(' ');
    const text = `${Array.from({ length: 80 }, word).join(' ')}.`;
    const at = new Date(SEARCH_NOW - SEARCH_SPAN_MS + Math.floor((n / SEARCH_N) * SEARCH_SPAN_MS));
    return buildArticle(n, { sourceId: 1 + (n % 5), title, text, excerpt: text.slice(0, 140), html: `<p>${text}</p>`, publishedAt: at, fetchedAt: at });
  };
}

/** p50/p99 search latency per query on a store holding SEARCH_N generated articles. */
async function measureSearch(open: () => Promise<{ store: Store; dispose(): Promise<void> }>) {
  const { store, dispose } = await open();
  try {
    for (let i = 0; i < 5; i++) await store.insertSource({ url: `https://search${i}.example/feed` }, new Date());
    const make = articleMaker();
    const started = performance.now();
    for (let i = 0; i < SEARCH_N; i += SEARCH_BATCH) {
      await store.insertArticles(Array.from({ length: Math.min(SEARCH_BATCH, SEARCH_N - i) }, (_, k) => make(i + k)));
    }
    const insertSeconds = (performance.now() - started) / 1000;
    if (store instanceof PostgresStore) await store.pool.query('ANALYZE articles');
    const results: Array<{ label: string; p50: number; p99: number; hits: number }> = [];
    for (const q of SEARCH_QUERIES) {
      const query = {
        clauses: parseSearchQuery(q.text),
        offset: 0,
        limit: 20,
        now: new Date(SEARCH_NOW),
        ...(q.sourceId === undefined ? {} : { sourceId: q.sourceId }),
      };
      const ms: number[] = [];
      let hits = 0;
      for (let r = 0; r < SEARCH_RUNS + 3; r++) {
        const t = performance.now();
        const res = await store.searchArticles?.(query);
        if (r >= 3) ms.push(performance.now() - t);
        hits = res?.hits.length ?? 0;
      }
      ms.sort((x, y) => x - y);
      results.push({ label: q.label, p50: median(ms), p99: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] ?? 0, hits });
    }
    return { insertSeconds, results };
  } finally {
    await dispose();
  }
}

/** Run the benchmark, print its tables and rewrite its BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const pg = await checkPostgres();
  const hasPg = pg.state === 'ready';
  if (pg.state !== 'ready') console.log(`scale: PostgreSQL rows skipped — ${pg.reason}`);

  const ratio = (a: number | undefined, b: number) => (a === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
  const sections: string[] = [];

  if (PARTS.has('store')) {
    const sqlite = await measureStore(openSqliteFile);
    const postgres = hasPg ? await measureStore(freshPostgres) : undefined;
    const row = (label: string, pick: (f: StoreFigures) => number) => [
      label,
      fmt(pick(sqlite)),
      postgres ? fmt(pick(postgres)) : 'n/a',
      ratio(postgres && pick(postgres), pick(sqlite)),
    ];
    const storeTable = markdownTable(
      ['operation (median of 3)', 'SQLite (baseline)', 'PostgreSQL', 'PG / SQLite'],
      [
        row('insert articles/s (batches of 50)', (f) => f.insertPerSec),
        row('list pages/s (50 newest, cursor walk)', (f) => f.listPagesPerSec),
        row('known-item checks/s (50 items)', (f) => f.knownPerSec),
      ],
    );
    console.log(storeTable);
    sections.push(
      `Store throughput through the Store API: ${fmt(INSERT_N)} articles inserted in batches of ${INSERT_BATCH}, ` +
        `${LIST_PAGES} listing pages, ${KNOWN_CALLS} known-item checks; SQLite on a WAL file, PostgreSQL 15 on ` +
        `loopback, same machine.\n\n${storeTable}`,
    );
  }

  if (PARTS.has('ingest')) {
    const ingestRows: string[][] = [];
    for (const spec of FARMS) {
      const baseline = await measureIngest(spec, 1, sqliteIngestSetup);
      const pages = spec.hosts * spec.feedsPerHost * spec.itemsPerFeed;
      ingestRows.push([spec.label, `${pages}`, 'SQLite, 1 process (baseline)', fmt(baseline), '1.00×']);
      for (const n of hasPg ? PG_PROCESSES : []) {
        const rate = await measureIngest(spec, n, pgIngestSetup);
        ingestRows.push([spec.label, `${pages}`, `PostgreSQL, ${n} process${n > 1 ? 'es' : ''}`, fmt(rate), ratio(rate, baseline)]);
      }
    }
    const ingestTable = markdownTable(['farm', 'pages', 'workers', 'pages stored/s', 'vs SQLite 1 process'], ingestRows);
    console.log(ingestTable);
    sections.push(
      `Ingest through the job queue (poll jobs enqueue one page job per new item; one serial queue per host; ` +
        `${WORKER_CONCURRENCY} jobs at once per worker process), timed from enqueueing the polls until every page ` +
        `is stored, worker start-up excluded. With pages that answer at once the queue's own cost decides: ` +
        `graphile-worker pays several PostgreSQL commits per job (claim, queue lock, completion; ~2.7 ms per ` +
        `fsync'd commit here), and workers that claim at the same moment miss each other's locked queues and wait ` +
        `for their next poll (${WORKER_POLL_MS} ms here), where the SQLite jobs table claims in-process. With ` +
        `network-like pages the number of jobs in flight decides, and worker processes add them. The machine has ` +
        `2 cores shared with the farm, the database and other work (load average ~10 during the run), so figures ` +
        `are noisy.\n\n${ingestTable}`,
    );
  }

  if (PARTS.has('search')) {
    const sqliteSearch = await measureSearch(openSqliteFile);
    const pgSearch = hasPg ? await measureSearch(freshPostgres) : undefined;
    const ms = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(1));
    const searchRows = sqliteSearch.results.map((r, i) => {
      const p = pgSearch?.results[i];
      return [r.label, `${r.hits}`, ms(r.p50), ms(r.p99), ms(p?.p50), ms(p?.p99), ratio(p?.p99, r.p99)];
    });
    searchRows.push([
      `load ${fmt(SEARCH_N)} articles (s)`,
      '',
      sqliteSearch.insertSeconds.toFixed(1),
      '',
      pgSearch ? pgSearch.insertSeconds.toFixed(1) : 'n/a',
      '',
      ratio(pgSearch?.insertSeconds, sqliteSearch.insertSeconds),
    ]);
    const searchTable = markdownTable(
      ['query (page of 20, ranked)', 'hits', 'SQLite p50 ms (baseline)', 'SQLite p99 ms', 'PostgreSQL p50 ms', 'PostgreSQL p99 ms', 'PG / SQLite p99'],
      searchRows,
    );
    console.log(searchTable);
    sections.push(
      `Search through \`store.searchArticles\` on ${fmt(SEARCH_N)} generated articles (Zipf-distributed invented ` +
        `words, 80-word bodies; env SCALE_SEARCH_N sets the size, 1,000,000 is the issue's target), ${SEARCH_RUNS} ` +
        `timed runs per query: FTS5 beside tsvector + GIN.\n\n${searchTable}`,
    );
  }

  // A partial run (SCALE_PARTS) prints only: the section always holds every part from one run. A
  // search-only run at another size has a section of its own (the 1,000,000-article run takes long).
  if (PARTS.size === 3 && sections.length === 3) {
    writeSection('scale', 'Scale-out: PostgreSQL beside SQLite', 'node bin/run-ts.mjs bench/scale.ts', sections.join('\n\n'));
  } else if (PARTS.size === 1 && PARTS.has('search') && sections.length === 1 && SEARCH_N >= 1_000_000) {
    writeSection(
      'scale-search-1m',
      `Search at ${fmt(SEARCH_N)} articles: PostgreSQL beside SQLite`,
      `SCALE_PARTS=search SCALE_SEARCH_N=${SEARCH_N} node bin/run-ts.mjs bench/scale.ts`,
      sections.join('\n\n'),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
