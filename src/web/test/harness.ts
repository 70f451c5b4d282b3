/** A web app over an in-memory SQLite store with invented articles, for route tests (no sockets). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/index.ts';
import { createLocalEventBus, type EventBus, type TickerEvent } from '../../events.ts';
import { silentLogger } from '../../log.ts';
import type { NewArticle } from '../../model.ts';
import { SqliteStore } from '../../store/sqlite/index.ts';
import { createApp } from '../app.ts';
import type { WebDeps } from '../context.ts';

export const NOW = new Date(Date.UTC(2026, 10, 25, 12));

/** Invented articles: [title, text, source index, hours before NOW]. */
const ARTICLES: Array<[string, string, number, number]> = [
  ['Lumen Bank raises its dividend & buyback', 'The board of Lumen Bank approved a higher quarterly dividend and a share buyback worth two billion.', 0, 1],
  ['Copper slides as warehouse stocks swell', 'Copper fell for a third session as warehouse stocks grew and demand from builders cooled.', 1, 2],
  ['Traders pile into $BTC futures', 'Bitcoin futures volume jumped on the exchange while ether lagged; traders cited the halving.', 2, 3],
  ['Bitcoin futures volume hits a record', 'Volume in bitcoin futures reached a record as traders added positions before the halving.', 0, 4],
  ['Central bank holds rates, signals patience', 'The central bank kept rates unchanged and signalled patience with inflation still above target.', 1, 5],
  ['Inflationary pressure eases in November', 'Prices cooled across categories in November, easing inflationary pressure on households.', 2, 6],
  ['Bitcoin miners expand as futures rally', 'Bitcoin miners added capacity while futures rallied and the halving approached.', 1, 30],
];

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: SqliteStore;
  deps: WebDeps;
  sourceIds: number[];
  /** Current number of event subscribers. */
  subscribers(): number;
  close(): Promise<void>;
}

function countingBus(inner: EventBus): { bus: EventBus; count: () => number } {
  let n = 0;
  return {
    count: () => n,
    bus: {
      publish: (e: TickerEvent) => inner.publish(e),
      subscribe(listener) {
        n++;
        const off = inner.subscribe(listener);
        let done = false;
        return () => {
          if (!done) n--;
          done = true;
          return off();
        };
      },
      close: () => inner.close(),
    },
  };
}

export async function createHarness(env: Record<string, string> = {}, heartbeatMs = 50): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-web-'));
  const config = loadConfig({ TICKERWIRE_DATA: dir, TICKERWIRE_DEMO: '0', TICKERWIRE_SEED_DEFAULTS: '0', TICKERWIRE_LOG_LEVEL: 'silent', ...env });
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const sources = [
    await store.insertSource({ url: 'https://harbor.example/rss', title: 'Harbor <Daily> & Co', policy: 'full' }, NOW),
    await store.insertSource({ url: 'https://ledger.example/atom', title: 'Ledger Wire', policy: 'excerpt' }, NOW),
    await store.insertSource({ url: 'https://tape.example/feed.json', title: 'Tape Notes', policy: 'link' }, NOW),
  ];
  const rows: NewArticle[] = ARTICLES.map(([title, text, s, hours], i) => ({
    sourceId: sources[s]?.id ?? 0,
    guid: `g${i}`,
    url: `https://src${s}.example/a/${i}`,
    canonicalUrl: `https://src${s}.example/a/${i}`,
    title,
    author: i % 2 ? 'Ana Desk' : null,
    publishedAt: new Date(NOW.getTime() - hours * 3_600_000),
    fetchedAt: new Date(NOW.getTime() - hours * 3_600_000 + 60_000),
    excerpt: text.slice(0, 60),
    html: `<p>${text}</p>`,
    text,
    wordCount: text.split(' ').length,
    readingMinutes: 1,
    imageUrl: null,
    lang: 'en',
    contentHash: `h${i}`,
    originUrl: null,
    removed: [],
    warnings: [],
  }));
  await store.insertArticles(rows);
  const counting = countingBus(createLocalEventBus());
  const deps: WebDeps = { store, config, log: silentLogger, now: () => NOW, events: counting.bus };
  return {
    app: createApp(deps, { heartbeatMs }),
    store,
    deps,
    sourceIds: sources.map((s) => s.id),
    subscribers: counting.count,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
