/**
 * End-to-end ingest benchmark (issue 2): a loopback farm of 200 feeds × 20 items with article pages of
 * 20–150 KB, served by a separate process, one host per feed. Measures articles committed and visible
 * in the API per second and peak RSS, for tickerwire and, in the same run, a naive sequential ingester
 * (Readability on linkedom on the main thread, one INSERT per article) on a subset of the farm.
 * Run: `npm run bench -- ingest` or `node bin/run-ts.mjs bench/ingest.ts [FEEDS] [ITEMS]`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { markdownTable, writeSection } from './report.ts';

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
/** Feeds the naive baseline ingests (it is slow; its rate is what we compare). */
const NAIVE_FEEDS = 15;

interface RunResult {
  mode: string;
  articles: number;
  seconds: number;
  visible: boolean;
  peakRssMb: number;
  workers: number;
  concurrency: number;
}

function startFarm(feeds: number, items: number): Promise<{ urls: string[]; pageMb: number; stop(): void }> {
  const child = spawn(process.execPath, [RUN_TS, fileURLToPath(new URL('./farm/server.ts', import.meta.url)), String(feeds), String(items)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`farm exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const parsed = JSON.parse(line) as { feeds: string[]; pageMb: number };
      resolve({ urls: parsed.feeds, pageMb: parsed.pageMb, stop: () => child.kill() });
    });
  });
}

function runMode(mode: 'tickerwire' | 'naive', urls: string[], dir: string, env: Record<string, string> = {}): Promise<RunResult> {
  const file = join(dir, `${mode}-${Object.keys(env).length}-feeds.json`);
  writeFileSync(file, JSON.stringify(urls));
  const data = join(dir, `${mode}-${Object.keys(env).length}`);
  const child = spawn(process.execPath, [RUN_TS, fileURLToPath(new URL('./ingest-run.ts', import.meta.url)), mode, file, data], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${mode} run failed (exit ${code}): ${out}`));
      else resolve(JSON.parse(line) as RunResult);
    });
  });
}

/** Run the benchmark and write its BENCHMARKS.md section. */
export async function run(feeds = 200, items = 20): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-ingest-'));
  const farm = await startFarm(feeds, items);
  try {
    console.log(`farm: ${farm.urls.length} feeds × ${items} items, ${farm.pageMb} MB of pages`);
    const ours = await runMode('tickerwire', farm.urls, dir);
    const impolite = await runMode('tickerwire', farm.urls, dir, { TICKERWIRE_HOST_INTERVAL_MS: '0', TICKERWIRE_PER_HOST_CONCURRENCY: '8' });
    const naive = await runMode('naive', farm.urls.slice(0, NAIVE_FEEDS), dir);
    const rate = (r: RunResult) => r.articles / r.seconds;
    const label = (r: RunResult, what: string) => `tickerwire, ${what} (${r.workers} extractor thread${r.workers === 1 ? '' : 's'}, ${r.concurrency} sources at once)`;
    const line = (name: string, feeds: number, r: RunResult) => [name, feeds, r.articles, r.seconds.toFixed(1), rate(r).toFixed(0), r.peakRssMb, `${(rate(r) / rate(naive)).toFixed(1)}×`];
    const rows = [
      line(label(ours, 'polite defaults: ≤ 4 requests and 100 ms apart per host, robots.txt'), farm.urls.length, ours),
      line(label(impolite, 'politeness relaxed for comparison: 8 per host, no spacing'), farm.urls.length, impolite),
      line('baseline: naive sequential (Readability+linkedom, row inserts, no politeness)', NAIVE_FEEDS, naive),
    ];
    const table = markdownTable(['ingester', 'feeds', 'articles stored', 'seconds', 'articles/s', 'peak RSS MB', 'vs baseline'], rows);
    console.log(table);
    if (!ours.visible) throw new Error('articles were not visible in the API after ingest');
    writeSection(
      'ingest',
      'End-to-end ingest (issue 2)',
      'npm run bench -- ingest',
      `Loopback farm in a separate process: ${farm.urls.length} RSS feeds × ${items} items, one host per feed, article pages 20–150 KB ` +
        `(${farm.pageMb} MB in all) with navigation, scripts, share bars, a newsletter box and related links. "articles/s" counts ` +
        `articles committed to SQLite and readable through \`GET /api/articles\`, from first feed request to last commit. ` +
        `Goal: ≥ 200 articles/s with peak RSS ≤ 300 MB.\n\n${table}`,
    );
  } finally {
    farm.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [feeds, items] = process.argv.slice(2).map(Number);
  await run(feeds || 200, items || 20);
}
