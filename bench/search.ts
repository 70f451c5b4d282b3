/**
 * Search benchmark (issue 7): 1,000,000 generated articles (our own word lists, Zipf-distributed words,
 * invented tickers) inserted through the SQLite store with its FTS5 triggers, then typical queries
 * through `store.searchArticles` (ranking, snippets and article rows included).
 *
 * Baselines measured in the same run: inserting the first 100k articles without the FTS index (indexing
 * cost), FTS5 ranked naively (`ORDER BY bm25 LIMIT 20` over every match, the query DEPS.md pitfall 16
 * warns about) and `LIKE '%term%'` over a 100k-article slice.
 *
 * `node bin/run-ts.mjs bench/search.ts` (env SEARCH_BENCH_N to change the size, SEARCH_BENCH_KEEP=1 to
 * keep the database in its temp dir, SEARCH_BENCH_DIR=DIR to build into DIR once and reuse it after: the
 * indexing figures measured by the build are kept beside the database and reported again).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NewArticle } from '../src/model.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import { saveEnrichment } from '../src/store/sqlite/enrich.ts';
import { compileMatch, searchArticles } from '../src/store/sqlite/search.ts';
import type { SearchQuery } from '../src/store/store.ts';
import { parseSearchQuery } from '../src/web/search-query.ts';
import { rng, zipf } from './random.ts';
import { markdownTable, writeSection } from './report.ts';

/** Articles generated (env SEARCH_BENCH_N overrides). */
const ARTICLES = Number(process.env.SEARCH_BENCH_N ?? 1_000_000);
/** Articles inserted per transaction. */
const BATCH = 10_000;
/** Size of the slice used by the baselines that cannot run on the whole corpus. */
const SLICE = 100_000;
/** Timed queries per query type (after warm-up), and for the slow baselines. */
const RUNS = 60;
const BASELINE_RUNS = 12;
const SOURCES = 200;
const SPAN_MS = 365 * 86_400_000;
const NOW = Date.UTC(2026, 10, 25);

// Our own vocabulary: market words, then syllable-built pseudo-words for the long tail.
const MARKET_WORDS = `market markets stock stocks shares bond bonds yield yields rate rates inflation bank banks central
 dividend earnings revenue profit loss guidance outlook quarter forecast analyst analysts investor investors fund funds
 token tokens crypto bitcoin ether exchange exchanges trading traders volume price prices rally slump surge drop gain
 gains index futures options oil gold copper wheat dollar euro yen currency policy regulator regulators lawsuit merger
 acquisition deal buyback debt credit lender lenders mortgage housing jobs payrolls wages consumer retail factory
 output supply demand shipping freight energy power grid chip chips semiconductor software cloud startup venture
 valuation listing offering stake board chief executive officer filing report record higher lower steady volatile
 treasury auction spread default rating upgrade downgrade tariff trade exports imports growth recession`.split(/\s+/).filter(Boolean);
const SYLLABLES = 'ka lo mi ne ru ta vo zi pa se dor len mar qui tor bel fin gra hol jun'.split(' ');
const TICKERS = Array.from({ length: 120 }, (_, i) => `${SYLLABLES[i % 20]}${SYLLABLES[(i * 7) % 20]}`.toUpperCase().slice(0, 4));

export function makeVocabulary(): string[] {
  const words = [...MARKET_WORDS];
  for (let i = 0; words.length < 30_000; i++) {
    const n = 2 + (i % 3);
    let w = '';
    for (let k = 0, x = i; k < n; k++, x = Math.floor(x / 20)) w += SYLLABLES[(x + k * 7) % 20];
    words.push(`${w}${i % 11 === 0 ? 's' : ''}`);
  }
  return [...new Set(words)];
}

export function generator(vocab: string[]) {
  const random = rng(42);
  const pick = zipf(vocab.length, random);
  const words = (n: number) => Array.from({ length: n }, () => vocab[pick()] ?? 'market');
  return (n: number): NewArticle => {
    const title = words(6 + Math.floor(random() * 5));
    if (random() < 0.2) title.splice(1, 0, `$${TICKERS[Math.floor(random() * TICKERS.length)]}`);
    const body = words(60 + Math.floor(random() * 40));
    if (random() < 0.3) body.splice(10, 0, `$${TICKERS[Math.floor(random() * TICKERS.length)]}`);
    const text = `${body.join(' ')}.`;
    const published = NOW - SPAN_MS + Math.floor((n / ARTICLES) * SPAN_MS) - Math.floor(random() * 6 * 3_600_000);
    return {
      sourceId: 1 + (n % SOURCES),
      guid: `g${n}`,
      url: `https://bench.example/${n}`,
      canonicalUrl: `https://bench.example/${n}`,
      title: title.join(' '),
      author: null,
      publishedAt: new Date(published),
      fetchedAt: new Date(published),
      excerpt: text.slice(0, 140),
      html: `<p>${text}</p>`,
      text,
      wordCount: body.length,
      readingMinutes: 1,
      imageUrl: null,
      lang: 'en',
      contentHash: `h${n}`,
      originUrl: null,
      removed: [],
      warnings: [],
    };
  };
}

function dirSizeMb(dir: string): number {
  return readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1_048_576;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function timeAll(fn: (i: number) => unknown, runs: number): { p50: number; p99: number } {
  for (let i = 0; i < 3; i++) fn(i + runs);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

interface Rate {
  /** Articles per wall-clock second. */
  wall: number;
  /** Articles per second of this process's CPU time (less sensitive to other load on the machine). */
  cpu: number;
}

export async function insertAll(store: SqliteStore, make: (n: number) => NewArticle, from: number, to: number): Promise<Rate> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let n = from; n < to; n += BATCH) {
    const batch: NewArticle[] = [];
    for (let k = n; k < Math.min(to, n + BATCH); k++) batch.push(make(k));
    await store.insertArticles(batch);
    if ((n / BATCH) % 10 === 9) process.stdout.write(`\r  inserted ${n.toLocaleString('en')} / ${to.toLocaleString('en')}`);
  }
  process.stdout.write('\n');
  const used = process.cpuUsage(cpu);
  return {
    wall: ((to - from) / (performance.now() - started)) * 1000,
    cpu: ((to - from) / (used.user + used.system)) * 1e6,
  };
}

export async function openBenchStore(dir: string, withFts: boolean): Promise<SqliteStore> {
  const store = new SqliteStore(join(dir, 'bench.db'));
  await store.migrate();
  if (!withFts) store.db.exec('DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update;');
  store.db.pragma('cache_size = -200000');
  store.db.transaction(() => {
    for (let s = 1; s <= SOURCES; s++) {
      store.db.prepare("INSERT INTO sources (id, url, title, created_at) VALUES (?, ?, ?, 0)").run(s, `https://bench.example/feed/${s}`, `Source ${s}`);
    }
  })();
  return store;
}

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));

/** Run the benchmark, print its table and write its BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const vocab = makeVocabulary();
  const make = generator(vocab);
  const reuse = process.env.SEARCH_BENCH_DIR;
  const dir = reuse ?? mkdtempSync(join(tmpdir(), 'tw-search-bench-'));
  const reusing = reuse !== undefined && existsSync(join(reuse, 'bench.db'));
  try {
    console.log(`search bench: ${ARTICLES.toLocaleString('en')} articles in ${dir}${reusing ? ' (reused: indexing not measured)' : ''}`);
    let plainRate: Rate = { wall: Number.NaN, cpu: Number.NaN };
    let rate: Rate = plainRate;
    let optimizeS = Number.NaN;
    let linkRate = Number.NaN;
    let store: SqliteStore;
    const built = join(dir, 'indexing.json');
    if (reusing) {
      store = new SqliteStore(join(dir, 'bench.db'));
      store.db.pragma('cache_size = -200000');
      // Indexing figures measured when this database was built (by this benchmark).
      if (existsSync(built)) ({ rate, plainRate, optimizeS, linkRate } = JSON.parse(readFileSync(built, 'utf8')) as { rate: Rate; plainRate: Rate; optimizeS: number; linkRate: number });
    } else {
      // Baseline: the same inserts without the FTS index (first slice only, separate database).
      const plainDir = mkdtempSync(join(tmpdir(), 'tw-search-plain-'));
      const plain = await openBenchStore(plainDir, false);
      plainRate = await insertAll(plain, make, 0, Math.min(SLICE, ARTICLES));
      await plain.close();
      rmSync(plainDir, { recursive: true, force: true });
      store = await openBenchStore(dir, true);
      rate = await insertAll(store, make, 0, ARTICLES);
    }
    // Instrument links, as enrichment writes them: every article of the newest slice whose title carries a
    // cashtag gets that instrument (each write re-indexes the row with its new tag).
    const linked = linkInstruments(store, SLICE);
    if (!reusing) {
      linkRate = linked.rate;
      // The upkeep a running tickerwire does in idle time (store.maintainSearchIndex), to the end.
      const t = performance.now();
      while (await store.maintainSearchIndex()) {}
      optimizeS = (performance.now() - t) / 1000;
      writeFileSync(built, JSON.stringify({ rate, plainRate, optimizeS, linkRate, at: new Date().toISOString() }));
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeMb = dirSizeMb(dir);
    let ftsMb = Number.NaN;
    try {
      ftsMb = Number(store.db.prepare("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'").pluck().get()) / 1_048_576;
    } catch {
      // dbstat is not compiled in: the total size is still reported.
    }

    const random = rng(7);
    const pickFrom = (list: string[]) => list[Math.floor(random() * list.length)] ?? 'market';
    const common = vocab.slice(5, 60);
    const mid = vocab.slice(300, 5_000);
    const titles = (store.db.prepare('SELECT title FROM articles WHERE id % 997 = 0 LIMIT 200').pluck().all() as string[]).map((s) =>
      s.split(' ').filter((w) => !w.startsWith('$')),
    );
    const phrase = () => {
      const words = titles[Math.floor(random() * titles.length)] ?? ['market', 'rally'];
      const i = Math.floor(random() * (words.length - 1));
      return `"${words[i]} ${words[i + 1]}"`;
    };
    const queries: Array<{ name: string; make: () => { text: string; over?: Partial<SearchQuery> } }> = [
      { name: 'common word', make: () => ({ text: pickFrom(common) }) },
      { name: 'mid-frequency word', make: () => ({ text: pickFrom(mid) }) },
      { name: 'two words', make: () => ({ text: `${pickFrom(common)} ${pickFrom(mid)}` }) },
      { name: 'phrase', make: () => ({ text: phrase() }) },
      { name: 'prefix (4 chars)', make: () => ({ text: `${pickFrom(mid.filter((w) => w.length >= 6)).slice(0, 4)}*` }) },
      { name: 'cashtag', make: () => ({ text: `$${pickFrom(TICKERS)}` }) },
      { name: 'word − exclusion', make: () => ({ text: `${pickFrom(common)} -${pickFrom(common)}` }) },
      { name: 'word, one source', make: () => ({ text: pickFrom(mid), over: { sourceId: 1 + Math.floor(random() * SOURCES) } }) },
      { name: 'word, one instrument', make: () => ({ text: pickFrom(common), over: { instrumentId: `bench:${pickFrom(linked.tickers)}` } }) },
      { name: 'word, last 7 days', make: () => ({ text: pickFrom(common), over: { since: new Date(NOW - 7 * 86_400_000) } }) },
    ];
    const naive = store.db.prepare(
      'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 8, 1) LIMIT 20',
    );
    const maxId = Number(store.db.prepare('SELECT MAX(id) FROM articles').pluck().get());
    const like = store.db.prepare(
      'SELECT id FROM articles WHERE id > ? AND (title LIKE ? OR text LIKE ?) ORDER BY published_at DESC LIMIT 20',
    );
    const rows: Array<Array<string | number>> = [];
    const all: number[] = [];
    for (const qt of queries) {
      const inputs = Array.from({ length: RUNS + 3 }, qt.make);
      let hits = 0;
      const ours = timeAll((i) => {
        const input = inputs[i % inputs.length] ?? { text: 'market' };
        const clauses = parseSearchQuery(input.text);
        hits += searchArticles(store.db, { clauses, offset: 0, limit: 20, now: new Date(NOW), ...input.over }).hits.length;
      }, RUNS);
      hits = 0;
      for (const input of inputs.slice(0, RUNS)) {
        hits += searchArticles(store.db, { clauses: parseSearchQuery(input.text), offset: 0, limit: 20, now: new Date(NOW), ...input.over }).hits.length;
      }
      const matchOf = (i: number) => {
        const input = inputs[i % inputs.length] ?? { text: 'market' };
        return input.text;
      };
      const base = timeAll((i) => naive.all(naiveMatch(matchOf(i))), BASELINE_RUNS);
      const likeTerm = (i: number) => `%${matchOf(i).replace(/["*$-]/g, '').split(' ')[0]}%`;
      const lk = timeAll((i) => like.all(maxId - SLICE, likeTerm(i), likeTerm(i)), BASELINE_RUNS);
      all.push(ours.p50, ours.p99);
      rows.push([qt.name, fmt(ours.p50), fmt(ours.p99), fmt(base.p50), fmt(base.p99), fmt(lk.p50), fmt(base.p50 / ours.p50), Math.round(hits / RUNS)]);
    }
    await store.close();

    const header = ['query', 'p50 ms', 'p99 ms', 'naive bm25 p50', 'naive bm25 p99', `LIKE 100k p50`, 'speed-up p50', 'hits/query'];
    const table = markdownTable(header, rows);
    const summary = markdownTable(
      ['metric', 'tickerwire', 'baseline', 'ratio'],
      [
        ['indexing, articles/s wall clock (store.insertArticles, FTS5 triggers)', fmt(rate.wall), `${fmt(plainRate.wall)} (no FTS, first 100k)`, (rate.wall / plainRate.wall).toFixed(2)],
        ['indexing, articles per CPU-second', fmt(rate.cpu), `${fmt(plainRate.cpu)} (no FTS, first 100k)`, (rate.cpu / plainRate.cpu).toFixed(2)],
        ['instrument links written (enrichment re-indexes the row), articles/s', fmt(linkRate), `${linked.count.toLocaleString('en')} articles linked`, ''],
        ['database size (MB, articles + FTS5)', fmt(sizeMb), Number.isNaN(ftsMb) ? 'n/a' : `${fmt(ftsMb)} of it FTS5`, ''],
        ['idle-time index upkeep after the bulk load, run to the end (s)', fmt(optimizeS), '', ''],
      ],
    );
    console.log(summary);
    console.log(table);
    if (reusing && Number.isNaN(rate.wall)) return; // no indexing figures for this database: keep BENCHMARKS.md as it is
    writeSection(
      'search',
      `Search — ${ARTICLES.toLocaleString('en')} generated articles (SQLite FTS5)`,
      'node bin/run-ts.mjs bench/search.ts',
      `Goal: p50 ≤ 5 ms and p99 ≤ 50 ms for typical queries, indexing ≥ 5,000 articles/s. Times are for
\`store.searchArticles\` (limit 20, ranking, snippets and article rows), ${RUNS} queries per type with
random words; baselines in the same run: FTS5 ranked by \`ORDER BY bm25 LIMIT 20\` over every match,
and \`LIKE '%term%'\` over the newest 100k articles (${BASELINE_RUNS} queries each). The store opens
as tickerwire does (WAL, memory-mapped reads); FTS5 merges segments at 16 per level while writing and the
idle-time upkeep (\`store.maintainSearchIndex\`) runs to the end after the load, as a running server
would. Source and instrument filters are tag terms inside the index; instruments are linked through
\`saveEnrichment\` on the cashtag articles of the newest 100k. The no-FTS baseline is the machine's
own speed of the same inserts: compare ratios across runs, not absolute rates.

${summary}

${table}`,
    );
  } finally {
    if (process.env.SEARCH_BENCH_KEEP !== '1' && !reuse) rmSync(dir, { recursive: true, force: true });
  }
}

/** Link the cashtag in each title of the newest `slice` articles as an instrument, through saveEnrichment. */
function linkInstruments(store: SqliteStore, slice: number): { rate: number; count: number; tickers: string[] } {
  const maxId = Number(store.db.prepare('SELECT MAX(id) FROM articles').pluck().get());
  const rows = store.db.prepare("SELECT id, title FROM articles WHERE id > ? AND title LIKE '%$%'").all(maxId - slice) as Array<{ id: number; title: string }>;
  const tickers = new Set<string>();
  const started = performance.now();
  let count = 0;
  for (const r of rows) {
    const symbol = /\$([A-Z]+)/.exec(r.title)?.[1];
    if (!symbol) continue;
    const instrumentId = `bench:${symbol}`;
    if (store.db.prepare('SELECT 1 FROM article_instruments WHERE article_id = ? AND instrument_id = ?').get(r.id, instrumentId)) continue;
    tickers.add(symbol);
    saveEnrichment(store.db, {
      articleId: r.id,
      storyId: null,
      duplicateOf: null,
      sentiment: null,
      figures: [],
      instruments: [{ instrumentId, symbol, name: symbol, assetClass: 'equity', salience: 1, role: 'subject', mentions: 1, sentences: [] }],
      fingerprint: null,
      at: new Date(NOW),
    });
    count++;
  }
  const known = store.db.prepare("SELECT DISTINCT symbol FROM article_instruments WHERE instrument_id LIKE 'bench:%'").pluck().all() as string[];
  const linked = Number(store.db.prepare("SELECT COUNT(DISTINCT article_id) FROM article_instruments WHERE instrument_id LIKE 'bench:%'").pluck().get());
  return { rate: count > 0 ? (count / (performance.now() - started)) * 1000 : Number.NaN, count: linked, tickers: [...new Set([...tickers, ...known])] };
}

/** The naive baseline's MATCH string: the same compiled query, only ranked differently. */
function naiveMatch(text: string): string {
  return compileMatch(parseSearchQuery(text)) ?? '"market"';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
