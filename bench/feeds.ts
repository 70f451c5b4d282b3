/**
 * Feed parsing benchmark: our `parseFeed` (detect → feedsmith → adapt, dates normalised, URLs resolved)
 * beside feedsmith's own `parseFeed` on the same documents, for typical feeds (50 items with full
 * content) in each format, a 100,000-item feed capped at 200, hostile documents, and — when present —
 * feedparser's bad-input corpus. Every figure is a median over repeated runs, with the baseline's.
 *
 * Run: `node bin/run-ts.mjs bench/feeds.ts`
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { decodeText } from '../src/fetch/decode.ts';
import { parseFeed } from '../src/feeds/index.ts';
import { markdownTable, peakRssMb, writeSection } from './report.ts';

/** Items in a "typical" feed (real feeds carry 20–100). */
const TYPICAL_ITEMS = 50;
/** Timed runs per typical document (median reported). */
const TYPICAL_RUNS = 60;
/** Items in the hostile large feed and the cap applied to it. */
const HUGE_ITEMS = 100_000;
const HUGE_CAP = 200;
/** Timed runs for the large feed (each baseline run parses all 100,000 items). */
const HUGE_RUNS = 1;
const CORPUS = new URL('../../shared/datasets/badinput/feeds/', import.meta.url);
const FEED_URL = 'https://bench.example.test/feed';

/** A paragraph of our own filler text for content bodies. */
const PARAGRAPH =
  '<p>Dockside traders watched freight indices drift while metal inventories thinned &amp; buyers returned. ' +
  'Analysts at the fictional Harbor Street desk said the move reflected restocking rather than a change in demand.</p>';

function rssDoc(items: number, withContent = true): string {
  const body = Array.from({ length: items }, (_, i) =>
    `<item><title>Market note ${i} &amp; more</title><link>/notes/${i}</link><guid isPermaLink="false">n-${i}</guid>` +
    `<pubDate>Mon, 23 Nov 2026 ${String(i % 24).padStart(2, '0')}:15:00 EST</pubDate><dc:creator>Desk ${i % 7}</dc:creator>` +
    `<description>Short summary ${i}.</description>${withContent ? `<content:encoded><![CDATA[${PARAGRAPH.repeat(8)}]]></content:encoded>` : ''}` +
    `<media:content url="https://cdn.bench.example.test/${i}.jpg" medium="image"/></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Bench</title><link>https://bench.example.test/</link><description>d</description>${body}</channel></rss>`;
}

function atomDoc(items: number): string {
  const body = Array.from({ length: items }, (_, i) =>
    `<entry><id>tag:bench.example.test,2026:${i}</id><title type="html">Entry ${i} &lt;b&gt;bold&lt;/b&gt;</title>` +
    `<link rel="alternate" href="entries/${i}"/><published>2026-11-23T10:${String(i % 60).padStart(2, '0')}:00+01:00</published>` +
    `<updated>2026-11-23T11:00:00Z</updated><author><name>Desk</name></author><summary>Summary ${i}</summary>` +
    `<content type="html">${PARAGRAPH.repeat(8).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry>`,
  ).join('');
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://bench.example.test/"><title>Bench</title><id>bench</id><updated>2026-11-23T11:00:00Z</updated><link href="/"/>${body}</feed>`;
}

function jsonDoc(items: number): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench',
    home_page_url: 'https://bench.example.test/',
    items: Array.from({ length: items }, (_, i) => ({
      id: `j-${i}`,
      url: `/j/${i}`,
      title: `JSON item ${i}`,
      content_html: PARAGRAPH.repeat(8),
      date_published: '2026-11-23T10:00:00Z',
      authors: [{ name: 'Desk' }],
    })),
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Warm-up runs before timing (JIT, inline caches). */
const WARMUP_RUNS = 5;

function attempt(fn: () => unknown): number {
  const start = performance.now();
  try {
    fn();
  } catch {
    // Rejections are outcomes here; their time is what is measured.
  }
  return performance.now() - start;
}

/**
 * Median milliseconds of `ours` and `base` over `runs` runs each, interleaved so that both see the
 * same machine load (the 2 cores are shared), after a warm-up of both.
 */
function timePair(ours: () => unknown, base: () => unknown, runs: number): [number, number] {
  for (let i = 0; i < Math.min(WARMUP_RUNS, runs); i++) {
    attempt(ours);
    attempt(base);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate who goes first, so neither always pays the other's garbage collection.
    if (i % 2 === 0) {
      a.push(attempt(ours));
      b.push(attempt(base));
    } else {
      b.push(attempt(base));
      a.push(attempt(ours));
    }
  }
  return [median(a), median(b)];
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 0);
const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}×`;

function corpusRow(): Array<string | number> | null {
  const manifest = new URL('manifest.json', CORPUS);
  if (!existsSync(manifest)) {
    console.log(`skipping the feedparser corpus: ${manifest.pathname} not found`);
    return null;
  }
  const entries = (JSON.parse(readFileSync(manifest, 'utf8')) as { entries: Array<{ file: string; serve_headers?: Record<string, string> }> }).entries;
  const texts = entries.map((e) => decodeText(readFileSync(new URL(e.file, CORPUS)), e.serve_headers?.['Content-Type'] ?? null, 'xml'));
  let parsedOurs = 0;
  let parsedBase = 0;
  const all = (parse: (t: string) => unknown, count: () => void) => () => {
    for (const text of texts) {
      try {
        parse(text);
        count();
      } catch {
        // a rejection: counted by its absence
      }
    }
  };
  all((t) => parseFeed(t, FEED_URL), () => parsedOurs++)();
  all((t) => feedsmithParse(t), () => parsedBase++)();
  const [ours, base] = timePair(all((t) => parseFeed(t, FEED_URL), () => {}), all((t) => feedsmithParse(t), () => {}), 5);
  return [`feedparser corpus (${texts.length} files): all files`, ms(ours), ms(base), ratio(ours, base), `ours read ${parsedOurs}, feedsmith ${parsedBase}`];
}

/** Run the benchmark, print the table and write the `feeds` section of BENCHMARKS.md. */
export async function run(): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  const typical: Array<[string, string]> = [
    ['RSS 2.0', rssDoc(TYPICAL_ITEMS)],
    ['Atom 1.0', atomDoc(TYPICAL_ITEMS)],
    ['JSON Feed 1.1', jsonDoc(TYPICAL_ITEMS)],
  ];
  for (const [label, doc] of typical) {
    const [ours, base] = timePair(() => parseFeed(doc, FEED_URL), () => feedsmithParse(doc), TYPICAL_RUNS);
    rows.push([`${label}, ${TYPICAL_ITEMS} items, ${Math.round(doc.length / 1024)} KB`, ms(ours), ms(base), ratio(ours, base), `${Math.round(1000 / ours)} feeds/s`]);
  }

  const huge = rssDoc(HUGE_ITEMS, false);
  const [hugeOurs, hugeBase] = timePair(() => parseFeed(huge, FEED_URL, { maxItems: HUGE_CAP }), () => feedsmithParse(huge, { maxItems: HUGE_CAP }), HUGE_RUNS);
  rows.push([`RSS, ${HUGE_ITEMS.toLocaleString('en')} items (${Math.round(huge.length / 1048576)} MB), maxItems ${HUGE_CAP}`, ms(hugeOurs), ms(hugeBase), ratio(hugeOurs, hugeBase), `ours cuts the text: first and last ${HUGE_CAP} parsed`]);

  const laughs = `<!DOCTYPE rss [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]><rss version="2.0"><channel><title>&l9;</title><item><title>&l9;</title><link>https://bench.example.test/x</link></item></channel></rss>`;
  const [laughsOurs, laughsBase] = timePair(() => parseFeed(laughs, FEED_URL), () => feedsmithParse(laughs), 20);
  rows.push(['billion laughs (not expanded)', ms(laughsOurs), ms(laughsBase), ratio(laughsOurs, laughsBase), 'parsed, entities left as text']);
  const depth = 200_000;
  const nested = `<rss version="2.0"><channel><title>n</title><item><title>x</title><link>https://bench.example.test/x</link><x>${'<d>'.repeat(depth)}${'</d>'.repeat(depth)}</x></item></channel></rss>`;
  const [nestedOurs, nestedBase] = timePair(() => parseFeed(nested, FEED_URL), () => feedsmithParse(nested), 5);
  rows.push([`nesting depth ${depth.toLocaleString('en')} (refused)`, ms(nestedOurs), ms(nestedBase), ratio(nestedOurs, nestedBase), 'feed_invalid, no stack overflow']);

  const corpus = corpusRow();
  if (corpus !== null) rows.push(corpus);

  const table = markdownTable(['document', 'parseFeed ms (median)', 'feedsmith.parseFeed ms (baseline)', 'ratio', 'notes'], rows);
  const peak = peakRssMb();
  console.log(table);
  console.log(`peak RSS ${peak} MB`);
  writeSection(
    'feeds',
    'Feed parsing',
    'node bin/run-ts.mjs bench/feeds.ts',
    `${table}\n\nBaseline: feedsmith 3's own \`parseFeed\` on the same string in the same run (no date normalisation, URL resolution or item adaptation; it parses every item even with \`maxItems\`). Peak RSS of the benchmark process: ${peak} MB.`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
