/**
 * API throughput with 1 and 2 web processes (issue 8): real `tickerwire web` processes on one database
 * (PostgreSQL; SQLite single process for comparison), loaded by a separate load-generator process with a
 * read mix (listing 50 %, one article 40 %, sources 10 %). One web process is the baseline.
 * Run: `npm run bench -- api` or `node bin/run-ts.mjs bench/api.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildArticle } from '../src/store/contract/fixtures.ts';
import { checkPostgres, dropSchema, testPgUrl, uniqueSchema } from '../src/store/contract/harness.ts';
import { openStore } from '../src/store/open.ts';
import { markdownTable, writeSection } from './report.ts';

const ARTICLES = 5_000;
const SOURCES = 10;
const SECONDS = 6;
const CONNECTIONS = 16;
const RUN_TS = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/tickerwire.mjs', import.meta.url));

interface Load {
  requests: number;
  errors: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

async function seed(databaseUrl: string): Promise<void> {
  const store = await openStore(databaseUrl);
  try {
    for (let s = 1; s <= SOURCES; s++) await store.insertSource({ url: `https://site${s}.example/feed.xml`, title: `Site ${s}` }, new Date());
    for (let i = 0; i < ARTICLES; i += 500) {
      await store.insertArticles(
        Array.from({ length: 500 }, (_, k) => {
          const n = i + k;
          return buildArticle(n, {
            sourceId: 1 + (n % SOURCES),
            url: `https://site${1 + (n % SOURCES)}.example/a/${n}`,
            canonicalUrl: `https://site${1 + (n % SOURCES)}.example/a/${n}`,
            publishedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000),
          });
        }),
      );
    }
  } finally {
    await store.close();
  }
}

function startWeb(databaseUrl: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'web', '--port', '0'], {
    env: {
      ...process.env,
      TICKERWIRE_DATABASE_URL: databaseUrl,
      TICKERWIRE_DATA: dataDir,
      TICKERWIRE_DEMO: '0',
      TICKERWIRE_SEED_DEFAULTS: '0',
      TICKERWIRE_MARKET: '0',
      TICKERWIRE_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`web process exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /running at (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve({ url: m[1], child });
    });
  });
}

function load(urls: string[]): Promise<Load> {
  const child = spawn(process.execPath, [RUN_TS, fileURLToPath(new URL('./api-load.ts', import.meta.url)), String(SECONDS), String(CONNECTIONS), String(ARTICLES), ...urls], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim()) as Load) : reject(new Error(`load generator exited with ${code}`))));
  });
}

async function measure(databaseUrl: string, processes: number, dataDir: string): Promise<Load> {
  const webs = await Promise.all(Array.from({ length: processes }, () => startWeb(databaseUrl, dataDir)));
  try {
    await load(webs.map((w) => w.url).slice(0, 1)).catch(() => undefined); // warm-up
    return await load(webs.map((w) => w.url));
  } finally {
    for (const w of webs) w.child.kill('SIGTERM');
  }
}

/** Run the benchmark and write its BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-api-'));
  const rows: Array<Array<string | number>> = [];
  const row = (label: string, r: Load, base: Load) =>
    rows.push([label, Math.round(r.requests / r.seconds), r.p50Ms.toFixed(1), r.p99Ms.toFixed(1), r.errors, `${(r.requests / r.seconds / (base.requests / base.seconds)).toFixed(2)}×`]);
  try {
    const sqliteUrl = `sqlite:${join(dir, 'api.db')}`;
    await seed(sqliteUrl);
    const sqlite = await measure(sqliteUrl, 1, dir);
    const pg = await checkPostgres();
    if (pg.state !== 'ready') {
      console.log(`PostgreSQL rows skipped: ${pg.reason}`);
      row('SQLite, 1 web process', sqlite, sqlite);
    } else {
      const schema = uniqueSchema('tw_api');
      const url = new URL(testPgUrl());
      url.searchParams.set('schema', schema);
      try {
        await seed(url.href);
        const one = await measure(url.href, 1, dir);
        const two = await measure(url.href, 2, dir);
        row('PostgreSQL, 1 web process (baseline)', one, one);
        row('PostgreSQL, 2 web processes', two, one);
        row('SQLite, 1 web process', sqlite, one);
      } finally {
        await dropSchema(testPgUrl(), schema);
      }
    }
    const table = markdownTable(['deployment', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs 1 PostgreSQL web process'], rows);
    console.log(table);
    writeSection(
      'api',
      'API throughput: 1 and 2 web processes (issue 8)',
      'npm run bench -- api',
      `${ARTICLES} articles from ${SOURCES} sources; real \`tickerwire web\` processes; a separate load-generator process with ` +
        `${CONNECTIONS} connections per web process for ${SECONDS} s (after a warm-up), read mix: newest-20 listing 50 %, one article 40 %, sources 10 %. ` +
        `The machine has 2 cores shared by the web processes, the load generator and the database, so a second web process ` +
        `can only help as far as a core is free.\n\n${table}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
