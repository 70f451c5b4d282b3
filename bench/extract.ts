/**
 * Benchmark for issue 3: article-body extraction quality and speed on the dev half of the
 * article-extraction benchmark (../shared/datasets/article-extraction/dev/), tickerwire vs
 * Mozilla Readability on linkedom measured in the same run.
 *
 * Each extractor runs alone in a child process pinned to one core (its heap, garbage and peak RSS are
 * its own): one warm-up pass over all pages (its output is what gets scored), then TIMED_PASSES timed
 * passes; PAIRS pairs of processes alternate so that load from other work hits both. Scoring is the benchmark's metric (word-4-gram shingles, macro P/R, F1 of the averages,
 * exact-match accuracy), ported below and cross-checked against ../shared/tools/extraction-score.mjs.
 *
 * Run: npm run bench:extract   (or: node bin/run-ts.mjs bench/extract.ts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cleanupContent } from '../src/extract/cleanup.ts';
import { findMainContent } from '../src/extract/content.ts';
import { extractArticle } from '../src/extract/index.ts';
import { readMetadata } from '../src/extract/metadata.ts';
import { readabilityExtract } from '../src/extract/readability.ts';
import { DEFAULT_RULES } from '../src/extract/rules.ts';
import { sanitizeArticleHtml } from '../src/extract/sanitize.ts';
import { blockText } from '../src/extract/text.ts';
import { parseHtml, serialize, tidyTree } from '../src/extract/tree.ts';
import { markdownTable, peakRssMb, writeSection } from './report.ts';

const DATASET = fileURLToPath(new URL('../../shared/datasets/article-extraction/dev/', import.meta.url));
const REFERENCE_SCORER = fileURLToPath(new URL('../../shared/tools/extraction-score.mjs', import.meta.url));
/** Timed passes over the whole set per child process (after one warm-up pass). */
const TIMED_PASSES = 2;
/** Child-process pairs (Readability, tickerwire), alternating order, so load drift hits both. */
const PAIRS = 3;
/** Each child process is killed after this long (bounds the benchmark's run time). */
const CHILD_TIMEOUT_MS = 240_000;

type ExtractorName = 'tickerwire' | 'readability';

interface Doc {
  id: string;
  url: string;
  html: string;
  truth: string;
}

interface ChildResult {
  name: ExtractorName;
  predictions: Record<string, string>;
  /** docs/s of each timed pass. */
  passes: number[];
  peakRssMb: number;
  phasesMs: Record<string, number> | null;
}

function loadDocs(): Doc[] {
  const truth = JSON.parse(readFileSync(`${DATASET}ground-truth.json`, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const docs: Doc[] = [];
  for (const file of readdirSync(`${DATASET}html`).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const gt = truth[id];
    if (gt === undefined) continue;
    docs.push({ id, url: gt.url, html: gunzipSync(readFileSync(`${DATASET}html/${file}`)).toString('utf8'), truth: gt.articleBody });
  }
  return docs;
}

const EXTRACTORS: Record<ExtractorName, (d: Doc) => string> = {
  tickerwire: (d) => {
    const r = extractArticle(d.html, d.url);
    return r.kind === 'article' ? r.article.text : '';
  },
  readability: (d) => readabilityExtract(d.html, d.url)?.text ?? '',
};

/** Passes of the per-stage profile; the median pass of each stage is reported. */
const PHASE_PASSES = 3;

/** Time spent per stage of our extractor, mean ms per page, median over PHASE_PASSES passes. */
function profilePhases(docs: Doc[]): Record<string, number> {
  const passes = Array.from({ length: PHASE_PASSES }, () => profilePass(docs));
  const out: Record<string, number> = {};
  for (const key of Object.keys(passes[0] ?? {})) out[key] = median(passes.map((p) => p[key] ?? 0));
  return out;
}

function profilePass(docs: Doc[]): Record<string, number> {
  const t: Record<string, number> = { parse: 0, metadata: 0, content: 0, cleanup: 0, text: 0, serialize: 0, sanitize: 0 };
  const lap = (key: string, start: number): number => {
    const now = performance.now();
    t[key] = (t[key] ?? 0) + now - start;
    return now;
  };
  const now = new Date();
  for (const d of docs) {
    let s = performance.now();
    const page = parseHtml(d.html);
    s = lap('parse', s);
    const meta = readMetadata(page, d.url, now);
    s = lap('metadata', s);
    const found = findMainContent(page, d.html, d.url);
    s = lap('content', s);
    if (found === null) continue;
    cleanupContent(found.node, { title: meta.title ?? '', lang: meta.lang, pageUrl: d.url, rules: DEFAULT_RULES, description: meta.description });
    s = lap('cleanup', s);
    blockText(found.node);
    s = lap('text', s);
    tidyTree(found.node);
    const html = serialize(found.node);
    s = lap('serialize', s);
    sanitizeArticleHtml(html, d.url);
    lap('sanitize', s);
  }
  for (const k of Object.keys(t)) t[k] = Math.round(((t[k] ?? 0) / docs.length) * 100) / 100;
  return t;
}

/**
 * One extractor alone in this process (no other library's heap or garbage): a warm-up pass whose
 * output is scored by the parent, then TIMED_PASSES timed passes; its peak RSS.
 */
function runChild(name: ExtractorName): ChildResult {
  const docs = loadDocs();
  const extract = EXTRACTORS[name];
  const predictions: Record<string, string> = {};
  for (const d of docs) predictions[d.id] = extract(d);
  const passes: number[] = [];
  for (let r = 0; r < TIMED_PASSES; r++) {
    const start = performance.now();
    for (const d of docs) extract(d);
    passes.push(docs.length / ((performance.now() - start) / 1000));
  }
  return { name, predictions, passes, peakRssMb: peakRssMb(), phasesMs: name === 'tickerwire' ? profilePhases(docs) : null };
}

// ---------------------------------------------------------------- metric (benchmark's, ported) ---

const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
const tokenize = (s: string): string[] => s.match(TOKEN_RE) ?? [];

function shingles(s: string): Map<string, number> {
  const tokens = tokenize(s);
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const starts = Math.max(1, tokens.length - 3);
  for (let i = 0; i < starts; i++) {
    const k = tokens.slice(i, i + 4).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  perDoc: Array<{ id: string; precision: number; recall: number }>;
}

/** Macro precision/recall over pages, F1 of the two averages, exact token-sequence accuracy. */
export function score(docs: Doc[], predictions: Record<string, string>): Scores {
  const ps: number[] = [];
  const rs: number[] = [];
  let exact = 0;
  const perDoc: Scores['perDoc'] = [];
  for (const d of docs) {
    const pred = predictions[d.id] ?? '';
    const t = shingles(d.truth);
    const p = shingles(pred);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [k, c] of t) {
      const pc = p.get(k) ?? 0;
      tp += Math.min(c, pc);
      fn += Math.max(0, c - pc);
    }
    for (const [k, c] of p) fp += Math.max(0, c - (t.get(k) ?? 0));
    const sum = tp + fp + fn || 1;
    [tp, fp, fn] = [tp / sum, fp / sum, fn / sum];
    const both = fp === 0 && fn === 0;
    const precision = both ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = both ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
    if (tp + fp > 0) ps.push(precision);
    if (tp + fn > 0) rs.push(recall);
    perDoc.push({ id: d.id, precision, recall });
    if (tokenize(d.truth).join(' ') === tokenize(pred).join(' ')) exact += 1;
  }
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: exact / docs.length, perDoc };
}

interface ReferenceModule {
  evaluate(gt: Map<string, string>, pred: Map<string, string>, opts: { bootstrap: number }): { metrics: { f1: number; precision: number; recall: number; accuracy: number } };
}

async function referenceF1(docs: Doc[], predictions: Record<string, string>): Promise<number | null> {
  if (!existsSync(REFERENCE_SCORER)) return null;
  const mod = (await import(pathToFileURL(REFERENCE_SCORER).href)) as ReferenceModule;
  const gt = new Map(docs.map((d) => [d.id, d.truth]));
  const pred = new Map(docs.map((d) => [d.id, predictions[d.id] ?? '']));
  return mod.evaluate(gt, pred, { bootstrap: 0 }).metrics.f1;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const f3 = (x: number): string => x.toFixed(3);

function spawnChild<T>(args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const runTs = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
  // taskset pins the child to one core when available ("docs/s on one core").
  const hasTaskset = existsSync('/usr/bin/taskset');
  const node = [process.execPath, runTs, script, '--child', ...args];
  const [cmd, argv] = hasTaskset ? ['taskset', ['-c', '0', ...node]] : [process.execPath, node.slice(1)];
  const out = execFileSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: CHILD_TIMEOUT_MS });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

/** Run the benchmark: print the table and write the BENCHMARKS.md section. */
export async function run(): Promise<void> {
  if (!existsSync(`${DATASET}ground-truth.json`)) {
    console.log(`bench:extract skipped: dataset not found at ${DATASET}`);
    return;
  }
  const docs = loadDocs();
  const runs: ChildResult[] = [];
  for (let p = 0; p < PAIRS; p++) {
    const order: ExtractorName[] = p % 2 === 0 ? ['readability', 'tickerwire'] : ['tickerwire', 'readability'];
    for (const name of order) runs.push(spawnChild<ChildResult>([name]));
  }
  const rateOf = (r: ChildResult): number => median(r.passes);
  const pairRatios: number[] = [];
  for (let p = 0; p < PAIRS; p++) {
    const pair = runs.slice(p * 2, p * 2 + 2);
    const base = pair.find((r) => r.name === 'readability');
    const ours = pair.find((r) => r.name === 'tickerwire');
    if (base !== undefined && ours !== undefined) pairRatios.push(rateOf(ours) / rateOf(base));
  }
  const rows: Array<Array<string | number>> = [];
  for (const name of ['readability', 'tickerwire'] as const) {
    const mine = runs.filter((r) => r.name === name);
    const first = mine[0];
    if (first === undefined) continue;
    const s = score(docs, first.predictions);
    const ref = await referenceF1(docs, first.predictions);
    const rate = median(mine.flatMap((r) => r.passes));
    const ratio = name === 'readability' ? 1 : median(pairRatios);
    rows.push([name, f3(s.precision), f3(s.recall), f3(s.f1), ref === null ? 'n/a' : f3(ref), f3(s.accuracy), rate.toFixed(1), `${ratio.toFixed(2)}×`, Math.max(...mine.map((r) => r.peakRssMb))]);
    if (process.argv.includes('--verbose')) {
      for (const d of s.perDoc.filter((x) => x.precision < 0.9 || x.recall < 0.9)) console.log(`${name} ${d.id.slice(0, 12)} P=${f3(d.precision)} R=${f3(d.recall)} ${docs.find((x) => x.id === d.id)?.url ?? ''}`);
    }
  }
  console.log(`per-pair speed ratios: ${pairRatios.map((x) => x.toFixed(2)).join(', ')}`);
  const table = markdownTable(['extractor', 'precision', 'recall', 'F1', 'F1 (reference scorer)', 'accuracy', 'docs/s (1 core, median)', 'speed vs Readability (median of per-pair ratios)', 'peak RSS MB'], rows);
  const phases = runs.find((r) => r.phasesMs !== null)?.phasesMs ?? {};
  const phaseTable = markdownTable(['stage', 'ms per page (mean)'], Object.entries(phases).map(([k, v]) => [k, v]));
  console.log(table);
  console.log(`\nWhere the time goes (tickerwire, one pass):\n${phaseTable}`);
  writeSection(
    'extract',
    'Article extraction (issue 3)',
    'npm run bench:extract',
    `${docs.length} pages of the article-extraction benchmark's dev half (../shared/datasets/article-extraction/dev). Quality: the benchmark's shingle metric (macro P/R over pages, F1 of the averages), cross-checked with ../shared/tools/extraction-score.mjs. Speed: each extractor alone in a child process pinned to one core (warm-up pass, then ${TIMED_PASSES} timed passes); ${PAIRS} pairs of such processes in alternating order, so load from other work on the shared machine hits both; docs/s is the median pass, the ratio the median of per-pair ratios. Peak RSS: the highest of an extractor's processes.\n\n${table}\n\nWhere the time goes (tickerwire, mean ms per page, median of ${PHASE_PASSES} passes; "serialize" includes tidying):\n\n${phaseTable}`,
  );
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const result = runChild(process.argv[childIndex + 1] as ExtractorName);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
