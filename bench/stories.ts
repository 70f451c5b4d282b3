/**
 * Duplicates and stories (issue 5): (1) on our labelled set, duplicate-detection precision/recall,
 * original choice and story BCubed P/R/F1, beside exact-match-only dedup and a one-pass TF-IDF
 * clusterer; (2) on the shared news-stories headlines (days 1–30, shuffled within day, seed 42),
 * per-day BCubed F1 and headlines/s per core of our StoryClusterer beside the same baseline, run in
 * the same process; (3) CPU cost per article of dedup + clustering with 100,000 articles indexed.
 * `node bin/run-ts.mjs bench/stories.ts` (also part of `npm run bench`).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StoryClusterer } from '../src/stories/clusterer.ts';
import { bcubed, pairwise, type PRF } from '../src/stories/eval/bcubed.ts';
import { evaluateLabelled } from '../src/stories/eval/labelled.ts';
import { loadNewsStories, seededRandom, type StoryRow } from '../src/stories/eval/news-stories.ts';
import { DuplicateDetector } from '../src/stories/detector.ts';
import { loadLabelledSet } from '../src/stories/fixtures/labelled-set.ts';
import { contentHash } from '../src/stories/text.ts';
import { canonicalizeUrl } from '../src/stories/url.ts';
import { markdownTable, writeSection } from './report.ts';

const DATASET = fileURLToPath(new URL('../../shared/datasets/news-stories/news-aggregator-stories.tsv.gz', import.meta.url));
/** Days 1–30 of the file, as issue 5 and the dataset README specify. */
const DAYS = 30;
/** Timed repetitions per clusterer (the machine is shared: report the median). */
const RUNS = 3;
const DAY_MS = 86_400_000;

// --- Baseline: the README's one-pass TF-IDF cosine clusterer (τ = 0.10, 1-day window) ---------------

const BASELINE_TAU = 0.1;
const BASELINE_STOP = new Set(
  'a an the and or but of to in on at for with by from as is are was were be been it its this that these those has have had not no will would can could'.split(
    ' ',
  ),
);

interface BaselineCluster {
  slot: number;
  sum: Map<number, number>;
  norm2: number;
  last: number;
}

/** One pass: each headline joins the most similar cluster updated within a day if cosine ≥ τ. */
function runBaseline(rows: StoryRow[]): string[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const postings: BaselineCluster[][] = [];
  const clusters: BaselineCluster[] = [];
  const scores = new Float64Array(rows.length + 1);
  let n = 0;
  return rows.map((row) => {
    const tf = new Map<number, number>();
    for (const tok of row.title.toLowerCase().match(/[a-z0-9][a-z0-9'&.-]*/g) ?? []) {
      if (tok.length < 2 || BASELINE_STOP.has(tok)) continue;
      let id = ids.get(tok);
      if (id === undefined) {
        id = ids.size;
        ids.set(tok, id);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    n++;
    for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    const vec: Array<[number, number]> = [];
    let norm = 0;
    for (const [id, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log((n + 1) / ((df[id] ?? 0) + 0.5));
      vec.push([id, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const touched: BaselineCluster[] = [];
    for (const [id, w] of vec) {
      for (const c of postings[id] ?? []) {
        if (row.time - c.last > DAY_MS) continue;
        if (scores[c.slot] === 0) touched.push(c);
        scores[c.slot] = (scores[c.slot] ?? 0) + (w / norm) * (c.sum.get(id) ?? 0);
      }
    }
    let best: BaselineCluster | undefined;
    let bestSim = BASELINE_TAU;
    for (const c of touched) {
      const sim = (scores[c.slot] ?? 0) / Math.sqrt(c.norm2);
      scores[c.slot] = 0;
      if (sim >= bestSim) [best, bestSim] = [c, sim];
    }
    const cluster = best ?? { slot: clusters.length, sum: new Map(), norm2: 0, last: row.time };
    if (!best) clusters.push(cluster);
    for (const [id, w] of vec) {
      const old = cluster.sum.get(id);
      if (old === undefined) {
        const list = postings[id];
        if (list) list.push(cluster);
        else postings[id] = [cluster];
      }
      cluster.sum.set(id, (old ?? 0) + w / norm);
    }
    cluster.norm2 = 0;
    for (const v of cluster.sum.values()) cluster.norm2 += v * v;
    cluster.last = Math.max(cluster.last, row.time);
    return `b${cluster.slot}`;
  });
}

// --- Ours -----------------------------------------------------------------------------------------

function runOurs(rows: StoryRow[]): string[] {
  const clusterer = new StoryClusterer<number>();
  // As the pipeline does: keep each assignment, and follow merges (a merged story's articles move along).
  const mergedInto = new Map<string, string>();
  const assigned = rows.map((row, i) => {
    const a = clusterer.add({ id: i, title: row.title, publishedAt: row.time, sourceKey: row.host });
    for (const m of a.merged) mergedInto.set(m, a.storyId);
    return a.storyId;
  });
  const resolve = (id: string): string => {
    let current = id;
    for (let next = mergedInto.get(current); next !== undefined; next = mergedInto.get(current)) current = next;
    return current;
  };
  return assigned.map(resolve);
}

// --- Scoring --------------------------------------------------------------------------------------

interface Timed {
  labels: string[];
  docsPerSec: number;
}

function timeRuns(rows: StoryRow[], run: (rows: StoryRow[]) => string[]): Timed {
  const rates: number[] = [];
  let labels: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    // CPU time of this (single-threaded) process, not wall time: the 2 shared cores are busy with other work.
    const started = process.cpuUsage();
    labels = run(rows);
    const used = process.cpuUsage(started);
    rates.push(rows.length / ((used.user + used.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  return { labels, docsPerSec: rates[Math.floor(rates.length / 2)] ?? 0 };
}

/** Days of the slice that have headlines (the crawl skipped some calendar days). */
function crawlDays(rows: StoryRow[]): number[] {
  return [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
}

function perDay(rows: StoryRow[], labels: string[]): PRF[] {
  return crawlDays(rows).map((d) => {
    const idx = rows.flatMap((r, i) => (r.day === d ? [i] : []));
    return bcubed(idx.map((i) => rows[i]?.story ?? ''), idx.map((i) => labels[i] ?? ''));
  });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const f3 = (x: number) => x.toFixed(3);

function labelledSection(): string {
  const set = loadLabelledSet();
  const ours = evaluateLabelled(set);
  const firstByKey = new Map<string, string>();
  const exactGroups = set.map((a) => {
    const keys = [`u:${canonicalizeUrl(a.url)}`, `h:${contentHash(a.text)}`];
    const group = keys.map((k) => firstByKey.get(k)).find((g) => g !== undefined) ?? a.id;
    for (const k of keys) if (!firstByKey.has(k)) firstByKey.set(k, group);
    return group;
  });
  const goldGroups = set.map((a) => a.duplicateOf ?? a.id);
  const exactOnly = pairwise(goldGroups, exactGroups);
  const rowsOf = set.map((a, day) => ({ title: a.title, host: a.sourceHost, story: a.story, time: a.publishedAt.getTime(), day }));
  const baseline = bcubed(set.map((a) => a.story), runBaseline(rowsOf));
  const stories = new Set(set.map((a) => a.story)).size;
  const copies = set.filter((a) => a.duplicateOf).length;
  console.log(`labelled set: ${set.length} articles, ${stories} stories, ${copies} copies`);
  const table = markdownTable(
    ['measure', 'ours', 'baseline', 'baseline is'],
    [
      ['duplicates: pairwise precision', f3(ours.duplicates.precision), f3(exactOnly.precision), 'canonical URL + content hash only'],
      ['duplicates: pairwise recall', f3(ours.duplicates.recall), f3(exactOnly.recall), 'canonical URL + content hash only'],
      ['originals chosen right', `${ours.originals.correct}/${ours.originals.total}`, '–', ''],
      ['stories: BCubed precision', f3(ours.stories.precision), f3(baseline.precision), 'one-pass TF-IDF on titles, τ 0.10'],
      ['stories: BCubed recall', f3(ours.stories.recall), f3(baseline.recall), 'one-pass TF-IDF on titles, τ 0.10'],
      ['stories: BCubed F1', f3(ours.stories.f1), f3(baseline.f1), 'one-pass TF-IDF on titles, τ 0.10'],
    ],
  );
  console.log(table);
  if (ours.mistakes.length > 0) console.log(`mistakes:\n  ${ours.mistakes.join('\n  ')}`);
  return `### Labelled set (src/stories/fixtures: ${set.length} articles, ${stories} stories, ${copies} synthetic copies)\n\n${table}\n\nGoals (issue 5): duplicates P ≥ 0.99, R ≥ 0.97; stories BCubed F1 ≥ 0.90. The text options (textThreshold, leadWords) were tuned on this set, so its story score is optimistic.`;
}

async function realSection(): Promise<string> {
  const rows = await loadNewsStories(DATASET, DAYS);
  if (!rows) {
    const msg = `news-stories dataset not found at ${DATASET}: real-data part skipped`;
    console.log(msg);
    return `### News-stories headlines\n\n${msg}.`;
  }
  const base = timeRuns(rows, runBaseline);
  const ours = timeRuns(rows, runOurs);
  const days = crawlDays(rows);
  const baseDays = perDay(rows, base.labels);
  const ourDays = perDay(rows, ours.labels);
  const summary = markdownTable(
    ['clusterer', 'per-day B3 P', 'per-day B3 R', `per-day B3 F1 (mean of ${days.length} crawl days)`, 'whole-stream B3 F1', 'pairwise F1', 'headlines/s per core (median of 3)'],
    [
      ['baseline: one-pass TF-IDF, τ 0.10, 1-day window', ...scoreCells(rows, base, baseDays)],
      ['ours: StoryClusterer defaults', ...scoreCells(rows, ours, ourDays)],
      ['ours ÷ baseline', '', '', f3(mean(ourDays.map((d) => d.f1)) / mean(baseDays.map((d) => d.f1))), '', '', (ours.docsPerSec / base.docsPerSec).toFixed(2)],
    ],
  );
  const daily = markdownTable(
    ['day', 'headlines', 'stories', 'baseline F1', 'ours F1'],
    ourDays.map((d, i) => {
      const dayRows = rows.filter((r) => r.day === days[i]);
      return [(days[i] ?? 0) + 1, dayRows.length, new Set(dayRows.map((r) => r.story)).size, f3(baseDays[i]?.f1 ?? 0), f3(d.f1)];
    }),
  );
  console.log(summary);
  console.log(daily);
  return `### News-stories headlines (UCI News Aggregator, days 1–30: ${rows.length.toLocaleString('en')} headlines)\n\nProtocol from the dataset README: rows shuffled within each crawl day (seed 42) and streamed; title only; B-cubed per crawl day, then the mean over days. Goal (issue 5): ≥ 0.75 at ≥ 5,000 headlines/s per core. Throughput is headlines per CPU-second of the clustering loop (single thread; file reading excluded), median of ${RUNS} runs. Days are calendar days from the first crawl day; days without crawled headlines are skipped.\n\n${summary}\n\n<details><summary>Per-day BCubed F1</summary>\n\n${daily}\n\n</details>`;
}

function scoreCells(rows: StoryRow[], timed: Timed, days: PRF[]): string[] {
  const gold = rows.map((r) => r.story);
  return [
    f3(mean(days.map((d) => d.precision))),
    f3(mean(days.map((d) => d.recall))),
    f3(mean(days.map((d) => d.f1))),
    f3(bcubed(gold, timed.labels).f1),
    f3(pairwise(gold, timed.labels).f1),
    Math.round(timed.docsPerSec).toLocaleString('en'),
  ];
}

// --- Ingest cost at scale --------------------------------------------------------------------------

/** Stored articles the dedup and story indexes hold before timing (issue 5: "at 100,000 stored articles"). */
const STORED = 100_000;
/** Stored articles per story in the prefilled clusterer. */
const STORY_SIZE = 4;
/** Articles timed through dedup + clustering. */
const TIMED = 2_000;

/** Size of the synthetic vocabulary (pseudo-words drawn with Zipf frequencies, like real text). */
const VOCABULARY = 40_000;
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(' ');

/** A seeded generator of random texts with a Zipf (s = 1) word distribution over pseudo-words. */
function textGenerator(seed: number): (words: number) => string {
  const random = seededRandom(seed);
  const syllable = () => SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'x';
  const vocabulary = Array.from({ length: VOCABULARY }, () => syllable() + syllable() + syllable());
  const cdf = new Float64Array(VOCABULARY);
  let total = 0;
  for (let r = 0; r < VOCABULARY; r++) cdf[r] = total += 1 / (r + 1);
  const pick = () => {
    const u = random() * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < u) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] ?? '';
  };
  return (words) => Array.from({ length: words }, pick).join(' ');
}

/** CPU ms per article of DuplicateDetector.check + StoryClusterer.add, with `stored` articles already indexed. */
function ingestCost(stored: number): number {
  const detector = new DuplicateDetector<number>();
  const clusterer = new StoryClusterer<number>();
  const t0 = Date.parse('2026-11-20T00:00:00Z');
  const generate = textGenerator(1);
  for (let i = 0; i < stored; i++) {
    const time = t0 + Math.floor((i / Math.max(1, stored)) * 6 * DAY_MS);
    detector.register(i, detector.keysOf({ url: `https://s${i % 500}.example/a/${i}`, text: generate(80) }), null);
    // Stored articles come back as stored assignments (as after a restart), STORY_SIZE per story.
    const article = { id: i, title: generate(9), text: generate(40), publishedAt: time, sourceKey: `s${i % 500}` };
    clusterer.place(article, `stored-${Math.floor(i / STORY_SIZE)}`);
  }
  const fresh = Array.from({ length: TIMED }, () => ({ title: generate(9), text: generate(300) }));
  const started = process.cpuUsage();
  fresh.forEach(({ title, text }, j) => {
    const id = stored + j;
    const verdict = detector.check({ id, url: `https://new.example/a/${id}`, text });
    clusterer.add({
      id,
      title,
      text,
      publishedAt: t0 + 6 * DAY_MS,
      ...(verdict.kind === 'unique' ? {} : { duplicateOf: verdict.of }),
    });
  });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / TIMED;
}

function scaleSection(): string {
  const empty = ingestCost(0);
  const full = ingestCost(STORED);
  const table = markdownTable(
    ['indexes hold', 'CPU ms per article (dedup + clustering, 300-word text)', 'articles/s per core'],
    [
      ['0 articles (baseline)', empty.toFixed(3), Math.round(1000 / empty).toLocaleString('en')],
      [`${STORED.toLocaleString('en')} articles`, full.toFixed(3), Math.round(1000 / full).toLocaleString('en')],
      ['ratio', (full / empty).toFixed(2), ''],
    ],
  );
  console.log(table);
  return `### Dedup + clustering cost per article at ${STORED.toLocaleString('en')} stored articles

Synthetic texts of seeded random pseudo-words with Zipf frequencies (40,000-word vocabulary), spread over 6 days and placed in stories of 4 with \`place\` (as rebuilt after a restart); ${TIMED.toLocaleString('en')} new 300-word articles timed through \`DuplicateDetector.check\` and \`StoryClusterer.add\`, beside the same with empty indexes. The pipeline's ingest benchmark measures the end-to-end on/off ratio.

${table}`;
}

/** Run both parts and write the "stories" section of BENCHMARKS.md. */
export async function run(): Promise<void> {
  const labelled = labelledSection();
  const real = await realSection();
  const scale = scaleSection();
  writeSection('stories', 'Duplicates and stories (issue 5)', 'node bin/run-ts.mjs bench/stories.ts', `${labelled}\n\n${real}\n\n${scale}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
