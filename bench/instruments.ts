/**
 * Instrument linking benchmark: precision/recall on our labelled set (src/instruments/fixtures/labelled.json) and on
 * the real-news sets in ../shared/datasets/nlp (FinEntity → ric_linking.jsonl, tweets → cashtag_linking.jsonl), each
 * beside a naive exact-name matcher run on the same inputs; linking time per article; RSS added by the reference data;
 * sentiment accuracy beside a majority-class baseline.
 *
 * Run: `node bin/run-ts.mjs bench/instruments.ts`
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { linkInstruments } from '../src/instruments/link.ts';
import { type InstrumentIndex, loadInstruments } from '../src/instruments/load.ts';
import { scoreSentiment } from '../src/instruments/sentiment.ts';
import { tokenize } from '../src/instruments/text.ts';
import { markdownTable, writeSection } from './report.ts';

const NLP = new URL('../../shared/datasets/nlp/', import.meta.url);
const LABELLED = new URL('../src/instruments/fixtures/labelled.json', import.meta.url);
/** Paragraphs glued into one synthetic article for timing (~4 k chars; real articles are 2–6 k chars). */
const PARAGRAPHS_PER_ARTICLE = 20;
/** Start a new synthetic article every this many paragraphs (overlapping windows give ~100 articles). */
const ARTICLE_STRIDE = 4;
/** Timed passes over the synthetic articles. */
const TIMING_PASSES = 10;
/** Argument that makes this file only measure the reference data's memory (in a child process). */
const RSS_PROBE_FLAG = '--rss-probe';

type Linker = (title: string, text: string, lang?: string) => string[];

interface LabelledCase {
  id: string;
  kind: 'article' | 'trap';
  title: string;
  text: string;
  lang?: string;
  subjects: string[];
  mentions: string[];
  traps: string[];
}

/** The baseline: every name, alias and symbol matched exactly (case-sensitive, whole tokens), no disambiguation. */
function naiveLinker(index: InstrumentIndex): Linker {
  const byFirst = new Map<string, Array<{ toks: string[]; id: string }>>();
  const add = (text: string, id: string) => {
    const toks = tokenize(text).map((t) => t.text);
    const first = toks[0];
    if (!first) return;
    const list = byFirst.get(first) ?? [];
    list.push({ toks, id });
    byFirst.set(first, list);
  };
  for (const inst of index.byId.values()) {
    add(inst.name, inst.id);
    for (const a of inst.aliases) add(a.text, inst.id);
    if (inst.symbol.length >= 2 && /^[A-Z]/.test(inst.symbol)) add(inst.symbol, inst.id);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  return (title, text) => {
    const found = new Set<string>();
    const toks = tokenize(`${title}\n${text}`).map((t) => t.text);
    for (let i = 0; i < toks.length; i++) {
      for (const e of byFirst.get(toks[i] ?? '') ?? []) {
        if (e.toks.every((t, k) => toks[i + k] === t)) {
          found.add(e.id);
          i += e.toks.length - 1;
          break;
        }
      }
    }
    return [...found];
  };
}

function ourLinker(index: InstrumentIndex): Linker {
  return (title, text, lang) => linkInstruments(index, lang ? { title, text, lang } : { title, text }).map((l) => l.instrumentId);
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f3 = (n: number) => n.toFixed(3);

/** Labelled set: precision over all links, recall over subject instruments, trap hits. */
function scoreLabelled(cases: LabelledCase[], link: Linker) {
  let tp = 0;
  let predicted = 0;
  let subjectsFound = 0;
  let subjects = 0;
  let trapHits = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = new Set(link(c.title, c.text, c.lang));
    const gold = new Set([...c.subjects, ...c.mentions]);
    predicted += got.size;
    for (const id of got) {
      if (gold.has(id)) tp++;
      else misses.push(`${c.id}: +${id}`);
      if (c.traps.includes(id) || (c.kind === 'trap' && !gold.has(id))) trapHits++;
    }
    subjects += c.subjects.length;
    for (const s of c.subjects) {
      if (got.has(s)) subjectsFound++;
      else misses.push(`${c.id}: -${s}`);
    }
  }
  return { precision: ratio(tp, predicted), recall: ratio(subjectsFound, subjects), trapHits, predicted, misses };
}

/** How well `role` separates subjects from passing mentions on the labelled set. */
function scoreRoles(index: InstrumentIndex, cases: LabelledCase[]) {
  let subjects = 0;
  let subjectAsSubject = 0;
  let predictedSubjects = 0;
  let predictedSubjectsGold = 0;
  for (const c of cases) {
    const links = linkInstruments(index, c.lang ? { title: c.title, text: c.text, lang: c.lang } : { title: c.title, text: c.text });
    subjects += c.subjects.length;
    for (const l of links.filter((x) => x.role === 'subject')) {
      predictedSubjects++;
      if (c.subjects.includes(l.instrumentId)) predictedSubjectsGold++;
    }
    for (const s of c.subjects) if (links.some((l) => l.instrumentId === s && l.role === 'subject')) subjectAsSubject++;
  }
  return { subjects, subjectAsSubject, predictedSubjects, predictedSubjectsGold };
}

interface RicItem {
  text: string;
  gold: Array<{ ric: string; kind: string; exchange: string | null; symbol: string; mention: string | null }>;
}

/** Gold instrument ids we can score (US and HK equities, shipped indices); the rest only excuse matching predictions. */
function ricGold(index: InstrumentIndex, item: RicItem) {
  const byRic = new Map<string, string>();
  for (const inst of index.byId.values()) if (inst.tickers.ric) byRic.set(inst.tickers.ric, inst.id);
  const scored = new Set<string>();
  const excused: string[] = [];
  for (const g of item.gold) {
    let id: string | undefined;
    if (g.kind === 'equity' && (g.exchange === 'NYSE' || g.exchange === 'NASDAQ')) id = `us:${g.symbol}`;
    else if (g.kind === 'equity' && g.exchange === 'HKEX') id = `hk:${g.symbol.replace(/\.HK$/, '').replace(/^0+/, '').padStart(4, '0')}`;
    else if (g.kind === 'index') id = byRic.get(g.ric);
    if (id && index.byId.has(id)) scored.add(id);
    else excused.push((g.mention ?? g.symbol).toLowerCase());
  }
  return { scored, excused };
}

/** Same issuer (share classes share a CIK: GOOGL/GOOG). */
function sameIssuer(index: InstrumentIndex, a: string, b: string): boolean {
  if (a === b) return true;
  const x = index.byId.get(a);
  const y = index.byId.get(b);
  return x?.cik !== undefined && x.cik === y?.cik;
}

function scoreRic(index: InstrumentIndex, items: RicItem[], link: Linker) {
  let tp = 0;
  let fp = 0;
  let found = 0;
  let gold = 0;
  for (const item of items) {
    const { scored, excused } = ricGold(index, item);
    const got = link('', item.text);
    gold += scored.size;
    for (const g of scored) if (got.some((p) => sameIssuer(index, p, g))) found++;
    for (const p of got) {
      if ([...scored].some((g) => sameIssuer(index, p, g))) tp++;
      else {
        const inst = index.byId.get(p);
        const names = [inst?.name ?? '', ...(inst?.aliases.map((a) => a.text) ?? [])].map((n) => n.toLowerCase());
        if (!excused.some((m) => names.some((n) => n.length > 2 && m.includes(n)))) fp++;
      }
    }
  }
  return { precision: ratio(tp, tp + fp), recall: ratio(found, gold), gold };
}

interface CashtagItem {
  text: string;
  gold_tickers: string[];
  tickers_in_2026_us_listings: boolean[];
}

function scoreCashtag(items: CashtagItem[], link: Linker) {
  let tp = 0;
  let predicted = 0;
  let found = 0;
  let gold = 0;
  let foundResolvable = 0;
  let goldResolvable = 0;
  for (const item of items) {
    const got = new Set(link('', item.text).map((id) => id.replace(/^us:/, '')));
    predicted += got.size;
    const goldSet = new Set(item.gold_tickers);
    for (const g of got) if (goldSet.has(g)) tp++;
    item.gold_tickers.forEach((t, k) => {
      gold++;
      const hit = got.has(t);
      if (hit) found++;
      if (item.tickers_in_2026_us_listings[k]) {
        goldResolvable++;
        if (hit) foundResolvable++;
      }
    });
  }
  return { precision: ratio(tp, predicted), recall: ratio(found, gold), recallResolvable: ratio(foundResolvable, goldResolvable) };
}

function readJsonl<T>(url: URL): T[] | undefined {
  if (!existsSync(url)) return undefined;
  return readFileSync(url, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Wall-clock and CPU time per article. On the shared 2-core machine wall-clock p99 mostly measures waiting for a
 * core, so CPU time (process user+system, µs resolution) is reported beside it.
 */
function timeLinker(link: Linker, articles: string[]) {
  for (const a of articles.slice(0, 50)) link('', a);
  const wall: number[] = [];
  const cpu: number[] = [];
  const passP99: number[] = [];
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const passWall: number[] = [];
    for (const a of articles) {
      const c = process.cpuUsage();
      const t = performance.now();
      link('Markets wrap', a);
      passWall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    passWall.sort((x, y) => x - y);
    passP99.push(percentile(passWall, 99));
    wall.push(...passWall);
  }
  wall.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  passP99.sort((x, y) => x - y);
  return {
    p50: percentile(wall, 50),
    p99: percentile(wall, 99),
    medianPassP99: percentile(passP99, 50),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
  };
}

/** Sentiment on the tweet validation split: accuracy and macro-F1 of scoreSentiment vs always-neutral. */
function scoreSentimentSet(): { n: number; acc: number; f1: number; majorityAcc: number; majorityF1: number } | undefined {
  const file = new URL('twitter_financial_news/sent_valid.csv', NLP);
  if (!existsSync(file)) return undefined;
  const rows = readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean).map((line) => {
    const cut = line.lastIndexOf(',');
    return { text: line.slice(0, cut).replace(/^"|"$/g, ''), label: Number(line.slice(cut + 1)) };
  }).filter((r) => r.label === 0 || r.label === 1 || r.label === 2); // rows broken by quoted line breaks carry no label
  const names = ['negative', 'positive', 'neutral'];
  const evaluate = (predict: (t: string) => string) => {
    const confusion = names.map(() => names.map(() => 0));
    let correct = 0;
    for (const r of rows) {
      const p = names.indexOf(predict(r.text));
      const row = confusion[r.label];
      if (row && p >= 0) row[p] = (row[p] ?? 0) + 1;
      if (p === r.label) correct++;
    }
    const f1s = names.map((_, k) => {
      const tp = confusion[k]?.[k] ?? 0;
      const fp = confusion.reduce((n, row, i) => n + (i === k ? 0 : (row[k] ?? 0)), 0);
      const fn = (confusion[k] ?? []).reduce((n, v, j) => n + (j === k ? 0 : v), 0);
      return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    });
    return { acc: correct / rows.length, f1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
  };
  const ours = evaluate((t) => scoreSentiment(t).label);
  const majority = evaluate(() => 'neutral');
  return { n: rows.length, acc: ours.acc, f1: ours.f1, majorityAcc: majority.acc, majorityF1: majority.f1 };
}

/** In a fresh process: RSS before and after loading the reference data, and the load time (printed as JSON). */
function probeRss(): void {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  loadInstruments();
  const loadMs = performance.now() - t0;
  global.gc?.();
  console.log(JSON.stringify({ beforeMb: before / 1e6, addedMb: (process.memoryUsage().rss - before) / 1e6, loadMs }));
}

/** Run the RSS probe in a child process, so data already loaded by other benchmarks cannot hide the cost. */
function measureLoad(): { beforeMb: number; addedMb: number; loadMs: number } {
  const script = fileURLToPath(import.meta.url);
  const runner = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', runner, script, RSS_PROBE_FLAG], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`RSS probe failed: ${child.stderr.slice(0, 300)}`);
  return JSON.parse(line) as { beforeMb: number; addedMb: number; loadMs: number };
}

/** Run the benchmark, print the tables and write the BENCHMARKS.md section. */
export async function run(): Promise<void> {
  const load = measureLoad();
  const index = loadInstruments();

  const ours = ourLinker(index);
  const naive = naiveLinker(index);
  const sections: string[] = [];
  const out = (s: string) => {
    console.log(s);
    sections.push(s);
  };

  const cases = JSON.parse(readFileSync(LABELLED, 'utf8')) as LabelledCase[];
  const lo = scoreLabelled(cases, ours);
  const ln = scoreLabelled(cases, naive);
  out(`### Our labelled set (${cases.length} articles, ${cases.filter((c) => c.kind === 'trap').length} of them traps)\n`);
  out(markdownTable(['linker', 'precision', 'subject recall', 'trap hits', 'links'], [
    ['tickerwire', f3(lo.precision), f3(lo.recall), lo.trapHits, lo.predicted],
    ['naive exact-name baseline', f3(ln.precision), f3(ln.recall), ln.trapHits, ln.predicted],
  ]));
  const roles = scoreRoles(index, cases);
  out(`\nRole check (ours): ${roles.subjectAsSubject}/${roles.subjects} gold subjects got role \`subject\`; ${roles.predictedSubjectsGold}/${roles.predictedSubjects} links with role \`subject\` are gold subjects (the rest are gold passing mentions or wrong).`);
  out('\nGoals: precision ≥ 0.97, subject recall ≥ 0.90, zero trap hits.');
  if (lo.misses.length) out(`\nErrors (ours): ${lo.misses.join('; ')}`);

  const ric = readJsonl<RicItem>(new URL('finentity/ric_linking.jsonl', NLP));
  let articles: string[] = cases.map((c) => c.text);
  if (ric) {
    const ro = scoreRic(index, ric, ours);
    const rn = scoreRic(index, ric, naive);
    out(`\n### FinEntity ric_linking (${ric.length} paragraphs, ${ro.gold} scorable gold instruments: US/HK equities and shipped indices)\n`);
    out(markdownTable(['linker', 'precision', 'recall'], [
      ['tickerwire', f3(ro.precision), f3(ro.recall)],
      ['naive exact-name baseline', f3(rn.precision), f3(rn.recall)],
    ]));
    out('\nGoal: precision ≥ 0.85, recall ≥ 0.90. Predictions matching a non-scorable gold mention (non-US venues, commodities) are neither right nor wrong.');
    const texts = ric.map((r) => r.text);
    articles = [];
    for (let i = 0; i + PARAGRAPHS_PER_ARTICLE <= texts.length; i += ARTICLE_STRIDE) articles.push(texts.slice(i, i + PARAGRAPHS_PER_ARTICLE).join('\n\n'));
  } else out('\n(ric_linking.jsonl not found in ../shared/datasets/nlp — skipped)');

  const tweets = readJsonl<CashtagItem>(new URL('twitter_financial_news/cashtag_linking.jsonl', NLP));
  if (tweets) {
    const co = scoreCashtag(tweets, ours);
    const cn = scoreCashtag(tweets, naive);
    out(`\n### cashtag_linking (${tweets.length} headlines, cashtags removed)\n`);
    out(markdownTable(['linker', 'precision', 'recall (all)', 'recall (tickers still listed in 2026)'], [
      ['tickerwire', f3(co.precision), f3(co.recall), f3(co.recallResolvable)],
      ['naive exact-name baseline', f3(cn.precision), f3(cn.recall), f3(cn.recallResolvable)],
    ]));
    out('\nRecall-oriented set: brokers named in the text are not gold, so precision is under-estimated.');
  } else out('\n(cashtag_linking.jsonl not found — skipped)');

  const chars = Math.round(articles.reduce((n, a) => n + a.length, 0) / Math.max(1, articles.length));
  const to = timeLinker(ours, articles);
  const tn = timeLinker(naive, articles);
  out(`\n### Speed and memory (${articles.length} articles of ~${chars} chars, ${TIMING_PASSES} passes, ${index.size} instruments loaded)\n`);
  out(markdownTable(['linker', 'wall p50 ms', 'wall p99 ms', 'wall p99, median of passes', 'CPU p50 ms', 'CPU p99 ms'], [
    ['tickerwire', to.p50.toFixed(3), to.p99.toFixed(3), to.medianPassP99.toFixed(3), to.cpuP50.toFixed(3), to.cpuP99.toFixed(3)],
    ['naive exact-name baseline', tn.p50.toFixed(3), tn.p99.toFixed(3), tn.medianPassP99.toFixed(3), tn.cpuP50.toFixed(3), tn.cpuP99.toFixed(3)],
  ]));
  out(`\nLoad average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores (wall-clock p99 includes waiting for a core).`);
  out(
    `\nReference data (measured in a fresh process): loaded in ${load.loadMs.toFixed(0)} ms; RSS ${load.beforeMb.toFixed(1)} MB before → +${load.addedMb.toFixed(1)} MB after loading (goal ≤ 100 MB added). Goal for linking: ≤ 2 ms per article at p99.`,
  );

  const sent = scoreSentimentSet();
  if (sent) {
    out(`\n### Sentiment (tweet validation split, ${sent.n} headlines)\n`);
    out(markdownTable(['scorer', 'accuracy', 'macro-F1'], [
      ['scoreSentiment (sentiment + AFINN financial)', f3(sent.acc), f3(sent.f1)],
      ['majority class (neutral)', f3(sent.majorityAcc), f3(sent.majorityF1)],
    ]));
  }
  writeSection('instruments', 'Instrument linking', 'node bin/run-ts.mjs bench/instruments.ts', sections.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes(RSS_PROBE_FLAG)) probeRss();
  else await run();
}
