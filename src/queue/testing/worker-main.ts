/**
 * A worker process for the multi-process queue tests: polls farm feeds and fetches their pages as jobs,
 * storing one article per page. Prints `{"event":"start"|"done","task","url","pid"}` lines on stdout.
 * Environment: TW_DATABASE_URL, TW_WORKER_SCHEMA (PostgreSQL), TW_CONCURRENCY, TW_LEASE_MS, TW_POLL_MS.
 * Run with `node bin/run-ts.mjs src/queue/testing/worker-main.ts`.
 */
import { request } from 'undici';
import { createLogger } from '../../log.ts';
import { openStore } from '../../store/open.ts';
import { hostQueue, pageKey } from '../keys.ts';
import { openQueue } from '../open.ts';
import type { FarmItem } from './farm.ts';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const log = createLogger({ level: 'warn', format: 'json' });
const store = await openStore(env('TW_DATABASE_URL'));
const workerSchema = process.env.TW_WORKER_SCHEMA;
const queue = await openQueue(store, log, workerSchema === undefined ? {} : { workerSchema });
const say = (event: string, task: string, url: string) =>
  process.stdout.write(`${JSON.stringify({ event, task, url, pid: process.pid })}\n`);

async function get(url: string): Promise<string> {
  const res = await request(url);
  const body = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}`);
  return body;
}

const worker = await queue.work(
  {
    poll_feed: async (payload) => {
      const { sourceId, url } = payload as { sourceId: number; url: string };
      say('start', 'poll_feed', url);
      const { items } = JSON.parse(await get(url)) as { items: FarmItem[] };
      const known = await store.listKnownItems(sourceId, items);
      for (const item of items.filter((i) => !known.has(i.guid))) {
        await queue.enqueue({
          task: 'fetch_page',
          payload: { sourceId, ...item },
          key: pageKey(sourceId, item.url),
          queue: hostQueue(item.url),
        });
      }
      say('done', 'poll_feed', url);
    },
    fetch_page: async (payload) => {
      const item = payload as FarmItem & { sourceId: number };
      say('start', 'fetch_page', item.url);
      const html = await get(item.url);
      const now = new Date();
      await store.insertArticles([
        {
          sourceId: item.sourceId,
          guid: item.guid,
          url: item.url,
          canonicalUrl: item.url,
          title: item.title,
          author: null,
          publishedAt: now,
          fetchedAt: now,
          excerpt: item.title,
          html,
          text: item.title,
          wordCount: item.title.split(' ').length,
          readingMinutes: 1,
          imageUrl: null,
          lang: 'en',
          contentHash: item.guid,
          originUrl: null,
          removed: [],
          warnings: [],
        },
      ]);
      say('done', 'fetch_page', item.url);
    },
  },
  {
    log,
    concurrency: Number(env('TW_CONCURRENCY', '2')),
    leaseMs: Number(env('TW_LEASE_MS', '60000')),
    pollMs: Number(env('TW_POLL_MS', '1000')),
  },
);
process.stdout.write(`${JSON.stringify({ event: 'ready', pid: process.pid })}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await queue.close();
    await store.close();
    process.exit(0);
  })();
});
