/**
 * One measured ingest run, in its own process so peak RSS is its own:
 * `node bin/run-ts.mjs bench/ingest-run.ts MODE FEED_URLS_JSON_FILE DATA_DIR`
 * MODE `tickerwire`: the real pipeline (worker-thread extraction, concurrent sources, batched writes).
 * MODE `naive`: the common approach — one feed and one page at a time, Readability on linkedom on the
 * main thread, sanitize, one INSERT per article. Prints one JSON line with the result.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config/index.ts';
import { readabilityExtract } from '../src/extract/readability.ts';
import { excerptOf, sanitizeArticleHtml } from '../src/extract/index.ts';
import { countWords, readingMinutesOf } from '../src/extract/excerpt.ts';
import { decodeText } from '../src/fetch/decode.ts';
import { parseFeed } from '../src/feeds/index.ts';
import { createLocalEventBus } from '../src/events.ts';
import { silentLogger } from '../src/log.ts';
import { contentHash } from '../src/stories/index.ts';
import { ingestSources } from '../src/pipeline/ingest-all.ts';
import { createPipeline } from '../src/runtime/pipeline.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import { createApp } from '../src/web/app.ts';
import { peakRssMb } from './report.ts';

const [mode, feedsFile, dataDir] = process.argv.slice(2);
if (!mode || !feedsFile || !dataDir) throw new Error('usage: ingest-run.ts MODE FEEDS_FILE DATA_DIR');
const feeds = JSON.parse(readFileSync(feedsFile, 'utf8')) as string[];
// TICKERWIRE_* variables of the environment pass through, so settings can be compared (e.g. WORKERS).
const passed = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('TICKERWIRE_')));
const config = loadConfig({
  ...passed,
  TICKERWIRE_DATA: dataDir,
  TICKERWIRE_DEMO: '0',
  TICKERWIRE_SEED_DEFAULTS: '0',
  TICKERWIRE_ALLOW_HOSTS: '127.0.0.0/8',
  TICKERWIRE_LOG_LEVEL: 'silent',
});
const store = new SqliteStore(`${dataDir}/bench.db`);
await store.migrate();
for (const url of feeds) await store.insertSource({ url }, new Date());

async function naive(): Promise<void> {
  const { request } = await import('undici');
  const get = async (url: string) => {
    const res = await request(url);
    return { body: Buffer.from(await res.body.arrayBuffer()), type: String(res.headers['content-type'] ?? '') };
  };
  for (const source of await store.listSources()) {
    const feedRes = await get(source.url);
    const feed = parseFeed(decodeText(feedRes.body, feedRes.type, 'xml'), source.url);
    for (const item of feed.items) {
      const page = await get(item.url);
      const r = readabilityExtract(decodeText(page.body, page.type, 'html'), item.url);
      if (!r) continue;
      const html = sanitizeArticleHtml(r.html, item.url);
      const words = countWords(r.text);
      await store.insertArticles([
        {
          sourceId: source.id,
          guid: item.guid,
          url: item.url,
          canonicalUrl: item.url,
          title: item.title ?? r.title,
          author: item.author,
          publishedAt: item.publishedAt ?? new Date(),
          fetchedAt: new Date(),
          excerpt: excerptOf(r.text, r.title),
          html,
          text: r.text,
          wordCount: words,
          readingMinutes: readingMinutesOf(words),
          imageUrl: null,
          lang: null,
          contentHash: contentHash(r.text),
          originUrl: null,
          removed: [],
          warnings: [],
        },
      ]);
    }
  }
}

const started = performance.now();
if (mode === 'tickerwire') {
  const pipeline = createPipeline(config, store, silentLogger);
  await ingestSources(await store.listSources(), pipeline.deps, config.concurrency);
  await pipeline.close();
} else {
  await naive();
}
const seconds = (performance.now() - started) / 1000;
// "Visible in the API": read the newest page through the real route table.
const app = createApp({ store, config, log: silentLogger, now: () => new Date(), events: createLocalEventBus() });
const api = (await (await app.request('/api/articles?limit=1')).json()) as { items: unknown[] };
const articles = await store.countArticles();
await store.close();
process.stdout.write(
  `${JSON.stringify({ mode, articles, seconds, visible: api.items.length > 0, peakRssMb: peakRssMb(), workers: config.workers, concurrency: config.concurrency })}\n`,
);
