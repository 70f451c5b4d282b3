/**
 * @module web/instruments/fixture — an app over an in-memory store with invented, linked articles, a small
 * instrument index and a scripted market service, for the instrument route tests (no sockets).
 */
import { loadConfig } from '../../config/index.ts';
import { createLocalEventBus } from '../../events.ts';
import { buildInstrumentIndex, type Instrument } from '../../instruments/index.ts';
import { silentLogger } from '../../log.ts';
import type { Candle, Quote } from '../../market/types.ts';
import type { ArticleInstrument, NewArticle } from '../../model.ts';
import { SqliteStore } from '../../store/sqlite/index.ts';
import { createApp } from '../app.ts';
import type { WebDeps } from '../context.ts';
import type { CandleSeriesView, MarketService } from './types.ts';

export const NOW = new Date(Date.UTC(2026, 10, 25, 12));
const HOUR = 3_600_000;

const inst = (id: string, symbol: string, name: string, assetClass: Instrument['assetClass'], currency: string, exchange: string): Instrument => ({
  id,
  symbol,
  name,
  assetClass,
  currency,
  exchange,
  tickers: {},
  aliases: [{ text: name, strength: 'strong' }],
  rank: 3,
});

/** Invented instruments (names ours, for tests only). */
export const INSTRUMENTS = [
  inst('us:LMNB', 'LMNB', 'Lumen Bank', 'stock', 'USD', 'NYSE'),
  inst('us:ORCH', 'ORCH', 'Orchard <Growers> & Co', 'stock', 'USD', 'NASDAQ'),
  inst('hk:0777', '0777', 'Harbour Tower Holdings', 'stock', 'HKD', 'HKEX'),
  inst('crypto:BTC', 'BTC', 'Bitcoin', 'crypto', 'USD', 'CRYPTO'),
];

const link = (i: Instrument, salience: number, role: ArticleInstrument['role']): ArticleInstrument => ({
  instrumentId: i.id,
  symbol: i.symbol,
  name: i.name,
  assetClass: i.assetClass,
  salience,
  role,
  mentions: 1,
  sentences: [],
});
const [LMNB, ORCH, HT, BTC] = INSTRUMENTS as [Instrument, Instrument, Instrument, Instrument];

/** Invented articles: title, hours before NOW, links. */
export const ARTICLES: Array<{ title: string; hours: number; links: ArticleInstrument[] }> = [
  { title: 'Lumen Bank lifts its dividend <again>', hours: 2, links: [link(LMNB, 0.9, 'subject'), link(BTC, 0.2, 'mention')] },
  { title: 'Lumen Bank and Harbour Tower agree a tie-up', hours: 5, links: [link(HT, 0.7, 'subject'), link(LMNB, 0.8, 'subject')] },
  { title: 'Orchard growers count frost damage', hours: 8, links: [link(ORCH, 0.8, 'subject')] },
  { title: 'Banks mentioned in passing', hours: 9, links: [link(LMNB, 0.2, 'mention')] },
  { title: 'Rates hold steady', hours: 12, links: [] },
  { title: 'Bitcoin drifts', hours: 30, links: [link(BTC, 0.9, 'subject')] },
];

/** What the scripted market answers per instrument id (absent = no quote). */
export interface MarketScript {
  quotes: Record<string, Partial<Quote> & { price: number }>;
  /** Hourly candles of the last N hours per instrument. */
  candleHours?: number;
}

function candlesFor(hours: number, base: number): Candle[] {
  return Array.from({ length: hours }, (_, i) => {
    const time = NOW.getTime() - (hours - i) * HOUR;
    const close = base * (1 + 0.01 * Math.sin(i / 3));
    return { time, open: close, high: close, low: close, close, volume: 1 };
  });
}

/** A market service answering from a script, counting calls. */
export function scriptedMarket(script: MarketScript): MarketService & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async getQuote(id) {
      calls.push(`quote ${id}`);
      const q = script.quotes[id];
      if (!q) return null;
      return { symbol: id, changePct: 1.5, changeWindow: 'session', open: null, high: null, low: null, volume: null, currency: 'USD', asOf: NOW, provider: 'testfeed', stale: false, ageMs: 0, ...q };
    },
    async getCandles(id, range): Promise<CandleSeriesView | null> {
      calls.push(`candles ${id} ${range}`);
      const q = script.quotes[id];
      if (!q) return null;
      return { range, candles: candlesFor(script.candleHours ?? 48, q.price), provider: 'testfeed', stale: false, ageMs: 0 };
    },
    close: async () => undefined,
  };
}

export interface Fixture {
  app: ReturnType<typeof createApp>;
  store: SqliteStore;
  deps: WebDeps;
  /** Article ids in ARTICLES order. */
  ids: number[];
  close(): Promise<void>;
}

/** Build the app with `market` (or none). */
export async function createFixture(market?: MarketService): Promise<Fixture> {
  const config = loadConfig({ TICKERWIRE_DATA: '/nonexistent-tw-test', TICKERWIRE_DEMO: '0', TICKERWIRE_SEED_DEFAULTS: '0', TICKERWIRE_LOG_LEVEL: 'silent' });
  const store = new SqliteStore(':memory:');
  await store.migrate();
  const source = await store.insertSource({ url: 'https://desk.example/rss', title: 'Desk Example', policy: 'full' }, NOW);
  const rows: NewArticle[] = ARTICLES.map((a, i) => ({
    sourceId: source.id,
    guid: `g${i}`,
    url: `https://desk.example/a/${i}`,
    canonicalUrl: `https://desk.example/a/${i}`,
    title: a.title,
    author: null,
    publishedAt: new Date(NOW.getTime() - a.hours * HOUR),
    fetchedAt: NOW,
    excerpt: a.title,
    html: `<p>${a.title.replace(/[<>&]/g, '')}</p>`,
    text: a.title,
    wordCount: 6,
    readingMinutes: 1,
    imageUrl: null,
    lang: 'en',
    contentHash: `h${i}`,
    originUrl: null,
    removed: [],
    warnings: [],
  }));
  const ids = (await store.insertArticles(rows)).map((id) => id ?? 0);
  for (const [i, a] of ARTICLES.entries()) {
    await store.saveEnrichment({ articleId: ids[i] ?? 0, storyId: null, duplicateOf: null, sentiment: null, figures: [], instruments: a.links, fingerprint: null, at: NOW });
  }
  const index = buildInstrumentIndex({ version: 1, builtAt: '2026-11-25', sources: [], ambiguousWords: [], instruments: INSTRUMENTS });
  const deps: WebDeps = {
    store,
    config,
    log: silentLogger,
    now: () => NOW,
    events: createLocalEventBus(),
    instruments: () => index,
    ...(market ? { market } : {}),
  };
  return { app: createApp(deps), store, deps, ids, close: () => store.close() };
}
