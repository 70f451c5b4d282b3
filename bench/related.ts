/**
 * "You may also like" benchmark (issue 7). Quality: the labelled set of src/web/fixtures/related-set.ts
 * (invented articles in nine topics, confusers, same-story pairs, instrument links) through the related
 * ranking, beside the baseline measured in the same run: plain BM25 "more like this" top 5 (the OR query
 * of the article's distinctive words, best BM25 first, no rescoring, floor or story filter). Speed: the
 * store's `listSimilarArticles` plus the ranking on RELATED_BENCH_N generated articles (bench/search.ts's
 * generator; 1,000,000 by default, the scale), beside the plain BM25 step alone.
 *
 * `node bin/run-ts.mjs bench/related.ts` (env RELATED_BENCH_N to change the size; 0 skips the speed part).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../src/model.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import { bm25MoreLikeThis } from '../src/store/sqlite/similar.ts';
import { loadRelatedSet, RELATED_SET, type RelatedScore, scoreRelated } from '../src/web/fixtures/related-set.ts';
import { computeRelated, RELATED_LIMIT } from '../src/web/related.ts';
import { markdownTable, writeSection } from './report.ts';
import { generator, insertAll, makeVocabulary, openBenchStore } from './search.ts';

const ARTICLES = Number(process.env.RELATED_BENCH_N ?? 1_000_000);
/** Timed look-ups (after warm-up), each for a different article. */
const RUNS = 200;
const NOW = new Date(Date.UTC(2026, 10, 25));

async function quality(): Promise<{ ours: RelatedScore; baseline: RelatedScore }> {
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const ids = await loadRelatedSet(store, NOW);
  const ours: number[][] = [];
  const baseline: number[][] = [];
  for (const id of ids) {
    const article = (await store.getArticle(id)) as Article;
    ours.push((await computeRelated(store, article, NOW, RELATED_LIMIT)).map((r) => ids.indexOf(r.article.id)));
    baseline.push(bm25MoreLikeThis(store.db, article, RELATED_LIMIT).map((x) => ids.indexOf(x)));
  }
  await store.close();
  return { ours: scoreRelated(ours), baseline: scoreRelated(baseline) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(fn: (i: number) => unknown): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await fn(RUNS + i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

async function speed(): Promise<{ ours: { p50: number; p99: number }; baseline: { p50: number; p99: number }; loadS: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-related-'));
  try {
    const store = await openBenchStore(dir, true);
    const started = performance.now();
    await insertAll(store, generator(makeVocabulary()), 0, ARTICLES);
    const loadS = (performance.now() - started) / 1000;
    // Articles spread over the whole id range, the same ones for both.
    const pick = (i: number) => 1 + Math.floor(((i * 7919) % RUNS) * (ARTICLES / RUNS));
    const articles = new Map<number, Article>();
    for (let i = 0; i < RUNS + 5; i++) {
      const a = await store.getArticle(pick(i));
      if (a) articles.set(i, a);
    }
    const baseline = await time((i) => {
      const a = articles.get(i);
      return a && bm25MoreLikeThis(store.db, a, RELATED_LIMIT);
    });
    const ours = await time(async (i) => {
      const a = articles.get(i);
      return a && computeRelated(store, a, NOW, RELATED_LIMIT);
    });
    await store.close();
    return { ours, baseline, loadS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run the benchmark, print its tables and write its BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const q = await quality();
  const row = (name: string, s: RelatedScore) => [
    name,
    s.precision.toFixed(3),
    `${s.unrelatedLists} / ${RELATED_SET.length}`,
    `${s.shortLists} / ${RELATED_SET.length}`,
    s.meanLength.toFixed(2),
  ];
  const qualityTable = markdownTable(
    ['ranking', 'precision@5', 'lists with a clearly unrelated article or the same story', 'lists with < min(4, available) related', 'mean list length'],
    [row('tickerwire (cosine similarity, floor, instruments, stories, sources)', q.ours), row('baseline: plain BM25 more-like-this top 5', q.baseline)],
  );
  console.log(qualityTable);
  let speedTable = '';
  if (ARTICLES > 0) {
    const s = await speed();
    const fmt = (n: number) => n.toFixed(2);
    speedTable = markdownTable(
      ['per article page', 'p50 ms', 'p99 ms'],
      [
        [`tickerwire: listSimilarArticles(30) + ranking`, fmt(s.ours.p50), fmt(s.ours.p99)],
        ['baseline: plain BM25 more-like-this (term look-ups + OR query)', fmt(s.baseline.p50), fmt(s.baseline.p99)],
      ],
    );
    console.log(speedTable);
    speedTable = `Speed on ${ARTICLES.toLocaleString('en')} generated articles (bench/search.ts's generator, SQLite, loaded in ${Math.round(s.loadS)} s), ${RUNS} articles across the id range:\n\n${speedTable}`;
  }
  writeSection(
    'related',
    '"You may also like" (issue 7)',
    'node bin/run-ts.mjs bench/related.ts',
    `Goal: of the top 5, at least 4 related and none clearly unrelated. Quality on the labelled set of
src/web/fixtures/related-set.ts (${RELATED_SET.length} invented articles in nine topics, with confusers sharing
market boilerplate, same-story pairs and instrument links), SQLite, both rankings in the same run:

${qualityTable}

${speedTable}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
