import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadMigrations } from './migrations.ts';
import { buildArticle } from './contract/fixtures.ts';
import { checkPostgres, type Dialect, type FreshStore, freshStore } from './contract/harness.ts';
import type { SearchQuery, Store } from './store.ts';
import { parseSearchQuery } from '../web/search-query.ts';
import { copyStore, exportLines, exportStore, importStore } from './transfer.ts';

const pgState = await checkPostgres();
const T0 = new Date('2026-04-01T08:30:00.456Z');
/** Crosses the export page (1,000) and import batch (500) sizes. */
const ARTICLES = 1_150;

/** A store with every kind of value: gaps in ids, health fields, nulls, unicode, JSON lists, settings. */
async function populate(store: Store): Promise<void> {
  const a = await store.insertSource({ url: 'https://a.example/feed', title: 'Åland Wire — “quotes”', demoKey: 'a' }, T0);
  const gone = await store.insertSource({ url: 'https://gone.example/feed' }, T0);
  const b = await store.insertSource(
    { url: 'https://b.example/sitemap.xml', kind: 'sitemap', isEnabled: false, policy: 'link', pollIntervalSec: 30 },
    T0,
  );
  await store.recordPoll(a.id, { ok: false, at: T0, code: 'http_status', message: 'answered 502', nextPollAt: T0 });
  await store.recordPoll(b.id, {
    ok: true,
    at: T0,
    etag: 'W/"9"',
    lastModified: 'Wed, 01 Apr 2026 08:30:00 GMT',
    siteUrl: 'https://b.example/',
    lastItemAt: T0,
    nextPollAt: new Date(T0.getTime() + 60_000),
  });
  await store.insertArticles([buildArticle(0, { sourceId: gone.id })]);
  await store.deleteSource(gone.id);
  const list = Array.from({ length: ARTICLES }, (_, i) =>
    buildArticle(i + 1, {
      sourceId: i % 3 === 0 ? b.id : a.id,
      title: i === 7 ? 'Zürich 株価 “rally” \\ "quoted" \n newline' : `Note ${i}`,
      publishedAt: new Date(T0.getTime() - (i % 50) * 1000),
    }),
  );
  const ids = (await store.insertArticles(list)).map((id) => id ?? -1);
  // Enrichment: a story, linked instruments, and a copy whose original has a higher id.
  const story = await store.insertStory({
    headline: 'Zürich rally',
    headlineArticleId: ids[7] ?? null,
    firstSeenAt: T0,
    lastUpdateAt: T0,
    sourceCount: 2,
    articleCount: 3,
  });
  for (const [k, id] of [ids[7], ids[8], ids[900]].entries()) {
    await store.saveEnrichment({
      articleId: id ?? -1,
      storyId: story,
      duplicateOf: null,
      sentiment: k === 0 ? 0.125 : -1 / 3,
      figures: [{ subject: null, metric: 'index', value: 1.5, unit: 'points', period: null, sentence: 'Up 1.5 points.' }],
      instruments: [
        { instrumentId: 'eq:NWND', symbol: 'NWND', name: 'Northwind', assetClass: 'equity', salience: 0.9, role: 'subject', mentions: 3, sentences: ['Northwind rose.'] },
        { instrumentId: 'cr:BLK', symbol: 'BLK', name: 'Blockcoin', assetClass: 'crypto', salience: 1 / 3, role: 'mention', mentions: 1, sentences: [] },
      ],
      fingerprint: k === 2 ? null : `[${k},2,3]`,
      // Strongest first: the stored order is not the alphabetical one, so a lossy move would show.
      topics: k === 0 ? ['stocks', 'macro', 'fx'] : k === 1 ? ['crypto'] : [],
      at: T0,
    });
  }
  await store.saveArticleTopics(ids[1000] ?? -1, ['regulation', 'crypto']);
  await store.setDuplicateOf([ids[8] ?? -1, ids[900] ?? -1], ids[900] ?? -1);
  // Governance: a stalled source and a takedown whose keys are not in sorted order.
  await store.recordPoll(b.id, { ok: true, at: T0, isStalled: true, nextPollAt: T0 });
  const doomed = await store.insertArticles([
    buildArticle(5001, { sourceId: a.id, canonicalUrl: 'https://news.example/z-removed' }),
    buildArticle(5002, { sourceId: a.id, canonicalUrl: 'https://news.example/a-removed' }),
  ]);
  await store.insertTakedown(
    { articleId: doomed[0] ?? null, sourceId: null, title: 'Removed', reason: 'request', requestedBy: 'desk' },
    [
      { id: doomed[0] ?? -1, canonicalUrl: 'https://news.example/z-removed', contentHash: 'hash-5001' },
      { id: doomed[1] ?? -1, canonicalUrl: 'https://news.example/a-removed', contentHash: 'hash-5002' },
    ],
    T0,
  );
  await store.saveWebSub({
    sourceId: a.id,
    hubUrl: 'https://hub.example/',
    topicUrl: 'https://a.example/feed',
    secret: 'made-up-secret',
    state: 'active',
    leaseSeconds: 3600,
    renewAt: T0,
    verifiedAt: T0,
    lastPushAt: null,
    lastError: null,
    updatedAt: T0,
  });
  await store.setSetting('theme', 'dark');
  await store.setSetting('empty', '');
}

/** Everything observable through the Store API. */
async function snapshot(store: Store) {
  const sources = await store.listSources();
  const articles = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles(cursor === null ? { limit: 400 } : { limit: 400, cursor });
    articles.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const stories = await store.listStories({ limit: 100 });
  const storyArticles = await Promise.all(stories.items.map((st) => store.listStoryArticles(st.id)));
  const instruments = await store.listArticleInstruments(articles.map((a) => a.id));
  const topics = await store.listArticleTopics(articles.map((a) => a.id));
  const byTopic = await store.listArticles({ topic: 'crypto', limit: 100 });
  const pending = await store.listPendingEnrichment(5);
  const state = await store.listEnrichmentState(new Date(0));
  return {
    sources,
    articles,
    stories,
    storyArticles,
    instruments,
    topics,
    byTopic: byTopic.items.map((a) => a.id),
    pending,
    state,
    takedowns: await store.listTakedowns(),
    webSubs: await Promise.all(sources.map((x) => store.getWebSub(x.id))),
    takenDown: await store.isTakenDown({ canonicalUrl: 'https://news.example/a-removed' }),
    theme: await store.getSetting('theme'),
    empty: await store.getSetting('empty'),
    // Search filters are derived (SQLite keeps them as tags in its index): they must survive the move.
    byInstrument: await searchIds(store, { instrumentId: 'cr:BLK' }),
    bySource: await searchIds(store, { sourceId: sources[1]?.id ?? 0 }),
  };
}

/** Ids of articles matching "container" under a filter, sorted. */
async function searchIds(store: Store, filter: Partial<SearchQuery>): Promise<number[]> {
  const result = await store.searchArticles?.({ clauses: parseSearchQuery('container'), offset: 0, limit: 1000, now: T0, ...filter });
  return (result?.hits ?? []).map((h) => h.article.id).sort((x, y) => x - y);
}

async function collect(store: Store): Promise<string[]> {
  const lines: string[] = [];
  await exportStore(store, (line) => {
    lines.push(line);
  });
  return lines;
}

const withoutHeader = (lines: string[]) => lines.slice(1);

const pairs: Array<[Dialect, Dialect]> = [
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
  ['sqlite', 'sqlite'],
];

describe.each(pairs)('transfer %s → %s', (from, to) => {
  let src: FreshStore | undefined;
  let dst: FreshStore | undefined;
  beforeEach(async (ctx) => {
    if ((from === 'postgres' || to === 'postgres') && pgState.state !== 'ready') {
      if (pgState.state === 'skip') ctx.skip(pgState.reason);
      throw new Error(pgState.reason);
    }
    src = await freshStore(from);
    dst = await freshStore(to);
  });
  afterEach(async () => {
    await src?.dispose();
    await dst?.dispose();
  });

  test('round trip is lossless: same API view, same export, ids continue after the imported ones', async () => {
    const source = src!.store;
    const target = dst!.store;
    await populate(source);
    const lines = await collect(source);
    expect(lines).toHaveLength(1 + 2 + 1 + ARTICLES + 6 + 6 + 1 + 2 + 1 + 2 + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'header', dialect: from, migrations: loadMigrations(from).map((m) => m.version) });
    const summary = await importStore(target, lines);
    expect(summary.counts).toEqual({
      sources: 2,
      stories: 1,
      articles: ARTICLES,
      article_instruments: 6,
      article_topics: 6,
      takedowns: 1,
      takedown_keys: 2,
      websub_subscriptions: 1,
      settings: 2,
    });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(withoutHeader(await collect(target))).toEqual(withoutHeader(lines));
    const before = await snapshot(source);
    expect(before.state).toHaveLength(3);
    expect(before.byInstrument).toHaveLength(3);
    expect([...before.topics.values()]).toEqual([['stocks', 'macro', 'fx'], ['crypto'], ['regulation', 'crypto']]);
    expect(before.byTopic).toHaveLength(2);
    expect(before.bySource.length).toBeGreaterThan(0);
    expect(before.takenDown).toBe(true);
    expect(before.webSubs.filter(Boolean)).toHaveLength(1);
    expect(before.sources.map((x) => x.isStalled)).toEqual([false, true]);
    const copies = before.articles.filter((x) => x.duplicateOf !== null);
    expect(copies.map((x) => (x.duplicateOf ?? 0) > x.id)).toEqual([true]); // the copy precedes its original
    expect((await target.listCopies(copies[0]?.duplicateOf ?? 0)).map((x) => x.id)).toEqual([copies[0]?.id]);
    const maxSource = Math.max(...before.sources.map((s) => s.id));
    const maxArticle = Math.max(...before.articles.map((x) => x.id));
    const next = await target.insertSource({ url: 'https://new.example/feed' }, T0);
    expect(next.id).toBe(maxSource + 1);
    const [articleId] = await target.insertArticles([buildArticle(9999, { sourceId: next.id })]);
    expect(articleId).toBe(maxArticle + 1);
  });

  test('copyStore streams one store into another', async () => {
    await populate(src!.store);
    expect((await copyStore(src!.store, dst!.store)).counts.articles).toBe(ARTICLES);
    expect(await snapshot(dst!.store)).toEqual(await snapshot(src!.store));
  });

  test('a truncated or corrupted export imports nothing', async () => {
    await populate(src!.store);
    const lines = await collect(src!.store);
    await expect(importStore(dst!.store, lines.slice(0, -1))).rejects.toMatchObject({ code: 'bad_request' });
    expect(await dst!.store.countArticles()).toBe(0);
    const dropped = [...lines.slice(0, 5), ...lines.slice(6)];
    await expect(importStore(dst!.store, dropped)).rejects.toThrow(/differ from the export/);
    await expect(importStore(dst!.store, [lines[0]!, '{not json'])).rejects.toThrow(/line 2 is not JSON/);
    await expect(importStore(dst!.store, lines.slice(1))).rejects.toThrow(/not a tickerwire export/);
    await expect(importStore(dst!.store, [])).rejects.toThrow(/empty/);
    expect(await dst!.store.listSources()).toEqual([]);
    expect(await dst!.store.getSetting('theme')).toBeUndefined();
    expect((await importStore(dst!.store, lines)).counts.sources).toBe(2);
  });

  test('refuses a non-empty target and a different migration level', async () => {
    await populate(src!.store);
    const lines = await collect(src!.store);
    await dst!.store.setSetting('mine', 'x');
    await expect(importStore(dst!.store, lines)).rejects.toThrow(/not empty \(table settings/);
    const header = { ...JSON.parse(lines[0]!), migrations: [1, 2, 3] };
    await expect(importStore(dst!.store, [JSON.stringify(header), ...lines.slice(1)])).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/migrate both/),
    });
  });
});

test('an export fails loudly on a table it does not cover', async () => {
  const fresh = await freshStore('sqlite');
  try {
    const store = fresh.store as import('./sqlite/index.ts').SqliteStore;
    store.db.exec('CREATE TABLE watchlists (id INTEGER PRIMARY KEY, name TEXT)');
    const lines: string[] = [];
    await expect(
      (async () => {
        for await (const line of exportLines(store)) lines.push(line);
      })(),
    ).rejects.toMatchObject({ code: 'store_failed', message: expect.stringMatching(/watchlists/) });
    expect(lines).toEqual([]);
  } finally {
    await fresh.dispose();
  }
});
