/**
 * The store contract: one suite, run against every driver. A behaviour either driver differs on is a bug
 * in that driver. PostgreSQL is never skipped silently (see contract/harness.ts checkPostgres).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadMigrations } from './migrations.ts';
import { enrichmentCases } from './contract/enrich-cases.ts';
import { buildArticle, stored } from './contract/fixtures.ts';
import { governCases } from './contract/govern-cases.ts';
import { searchCases } from './contract/search-cases.ts';
import { topicCases } from './contract/topic-cases.ts';
import { webSubCases } from './contract/websub-cases.ts';
import { checkPostgres, type Dialect, type FreshStore, freshStore } from './contract/harness.ts';
import type { Store } from './store.ts';

const pgState = await checkPostgres();
if (pgState.state === 'skip') console.warn(`store contract: SKIPPING PostgreSQL — ${pgState.reason}`);

test('PostgreSQL is reachable for the contract suite', () => {
  if (pgState.state === 'fail') throw new Error(pgState.reason);
  expect(pgState.state === 'ready' || process.env.TICKERWIRE_SKIP_PG === '1').toBe(true);
});

test('both dialects have the same migration versions', () => {
  const versions = (d: Dialect) => loadMigrations(d).map((m) => `${m.version}_${m.name}`);
  expect(versions('postgres')).toEqual(versions('sqlite'));
  expect(versions('sqlite').length).toBeGreaterThan(0);
});

const T0 = new Date('2026-03-01T12:00:00.123Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each<Dialect>(['sqlite', 'postgres'])('store contract: %s', (dialect) => {
  let fresh: FreshStore | undefined;
  let store: Store;
  beforeEach(async (ctx) => {
    if (dialect === 'postgres' && pgState.state === 'skip') ctx.skip(pgState.reason);
    if (dialect === 'postgres' && pgState.state === 'fail') throw new Error(pgState.reason);
    fresh = await freshStore(dialect);
    store = fresh.store;
  });
  afterEach(async () => {
    await fresh?.dispose();
    fresh = undefined;
  });

  describe('migrations', () => {
    test('are recorded and not re-applied', async () => {
      expect(store.dialect).toBe(dialect);
      expect(await store.migrate()).toEqual([]);
      expect(await store.migrate()).toEqual([]);
    });
  });

  describe('sources', () => {
    test('insert fills defaults and reads back identically by id, URL and demo key', async () => {
      const s = await store.insertSource({ url: 'https://wire.example/feed.xml' }, T0);
      expect(s).toEqual({
        id: s.id,
        url: 'https://wire.example/feed.xml',
        kind: 'feed',
        title: '',
        siteUrl: null,
        demoKey: null,
        isEnabled: true,
        policy: 'full',
        createdAt: T0,
        etag: null,
        lastModified: null,
        pollIntervalSec: 900,
        nextPollAt: null,
        lastAttemptAt: null,
        lastSuccessAt: null,
        lastErrorAt: null,
        lastErrorCode: null,
        lastError: null,
        consecutiveFailures: 0,
        lastItemAt: null,
        isStalled: false,
        articleCount: 0,
      });
      expect(typeof s.id).toBe('number');
      expect(await store.getSource(s.id)).toEqual(s);
      expect(await store.getSourceByUrl(s.url)).toEqual(s);
      expect(await store.getSource(s.id + 1000)).toBeUndefined();
      expect(await store.getSourceByUrl('https://wire.example/none')).toBeUndefined();
    });

    test('insert keeps every given field', async () => {
      const s = await store.insertSource(
        {
          url: 'https://maps.example/sitemap.xml',
          kind: 'sitemap',
          title: 'Maps',
          siteUrl: 'https://maps.example/',
          demoKey: 'maps',
          isEnabled: false,
          policy: 'excerpt',
          pollIntervalSec: 60,
        },
        T0,
      );
      expect(s).toMatchObject({
        kind: 'sitemap',
        title: 'Maps',
        siteUrl: 'https://maps.example/',
        demoKey: 'maps',
        isEnabled: false,
        policy: 'excerpt',
        pollIntervalSec: 60,
      });
      expect(await store.getSourceByDemoKey('maps')).toEqual(s);
      expect(await store.getSourceByDemoKey('other')).toBeUndefined();
    });

    test('a duplicate URL is an AppError conflict and changes nothing', async () => {
      await store.insertSource({ url: 'https://wire.example/feed.xml' }, T0);
      await expect(store.insertSource({ url: 'https://wire.example/feed.xml', title: 'Again' }, T0)).rejects.toMatchObject({
        name: 'AppError',
        code: 'conflict',
      });
      expect(await store.listSources()).toHaveLength(1);
    });

    test('list is ordered by id and counts articles', async () => {
      const a = await store.insertSource({ url: 'https://a.example/feed' }, T0);
      const b = await store.insertSource({ url: 'https://b.example/feed' }, T0);
      await store.insertArticles([buildArticle(1, { sourceId: b.id }), buildArticle(2, { sourceId: b.id })]);
      const list = await store.listSources();
      expect(list.map((s) => s.id)).toEqual([a.id, b.id]);
      expect(list.map((s) => s.articleCount)).toEqual([0, 2]);
      expect((await store.getSource(b.id))?.articleCount).toBe(2);
    });

    test('update patches only the given fields', async () => {
      const s = await store.insertSource({ url: 'https://wire.example/feed.xml', title: 'Wire' }, T0);
      const u = await store.updateSource(s.id, {
        siteUrl: 'https://wire.example/',
        isEnabled: false,
        policy: 'link',
        pollIntervalSec: 120,
        nextPollAt: at(5),
      });
      expect(u).toEqual({
        ...s,
        siteUrl: 'https://wire.example/',
        isEnabled: false,
        policy: 'link',
        pollIntervalSec: 120,
        nextPollAt: at(5),
      });
      const v = await store.updateSource(s.id, { nextPollAt: null, isEnabled: true, url: 'https://wire.example/rss' });
      expect(v).toMatchObject({ nextPollAt: null, isEnabled: true, url: 'https://wire.example/rss', title: 'Wire' });
      expect(await store.updateSource(s.id, {})).toEqual(v);
      expect(await store.updateSource(s.id + 1000, { title: 'x' })).toBeUndefined();
    });

    test('updating to another source URL is rejected', async () => {
      await store.insertSource({ url: 'https://a.example/feed' }, T0);
      const b = await store.insertSource({ url: 'https://b.example/feed' }, T0);
      await expect(store.updateSource(b.id, { url: 'https://a.example/feed' })).rejects.toThrow();
      expect((await store.getSource(b.id))?.url).toBe('https://b.example/feed');
    });

    test('due sources: enabled, never polled first, then soonest, ties by id, limited', async () => {
      const ids: number[] = [];
      for (const [i, next] of [at(3), null, at(-10), at(1), at(-10), null].entries()) {
        const s = await store.insertSource({ url: `https://due${i}.example/feed` }, T0);
        await store.updateSource(s.id, { nextPollAt: next });
        ids.push(s.id);
      }
      const disabled = await store.insertSource({ url: 'https://off.example/feed', isEnabled: false }, T0);
      expect(disabled.nextPollAt).toBeNull();
      const due = await store.listDueSources(at(1), 10);
      expect(due.map((s) => s.id)).toEqual([ids[1], ids[5], ids[2], ids[4], ids[3]]);
      expect((await store.listDueSources(at(1), 2)).map((s) => s.id)).toEqual([ids[1], ids[5]]);
      expect((await store.listDueSources(at(10), 10)).map((s) => s.id)).toContain(ids[0]);
    });

    test('poll failures count up and a success resets them', async () => {
      const s = await store.insertSource({ url: 'https://wire.example/feed.xml' }, T0);
      const fail = { ok: false as const, code: 'http_status', message: 'GET feed answered 503' };
      await store.recordPoll(s.id, { ...fail, at: at(1), nextPollAt: at(6) });
      await store.recordPoll(s.id, { ...fail, at: at(6), nextPollAt: at(16) });
      let r = await store.getSource(s.id);
      expect(r).toMatchObject({
        consecutiveFailures: 2,
        lastAttemptAt: at(6),
        lastErrorAt: at(6),
        lastErrorCode: 'http_status',
        lastError: 'GET feed answered 503',
        lastSuccessAt: null,
        nextPollAt: at(16),
      });
      await store.recordPoll(s.id, {
        ok: true,
        at: at(16),
        etag: '"v1"',
        lastModified: 'Sun, 01 Mar 2026 12:00:00 GMT',
        title: 'Wire Feed',
        siteUrl: 'https://wire.example/',
        lastItemAt: at(-30),
        nextPollAt: at(31),
      });
      r = await store.getSource(s.id);
      expect(r).toMatchObject({
        consecutiveFailures: 0,
        lastAttemptAt: at(16),
        lastSuccessAt: at(16),
        lastErrorAt: at(6),
        lastErrorCode: 'http_status',
        etag: '"v1"',
        lastModified: 'Sun, 01 Mar 2026 12:00:00 GMT',
        title: 'Wire Feed',
        siteUrl: 'https://wire.example/',
        lastItemAt: at(-30),
        nextPollAt: at(31),
      });
    });

    test('a success keeps validators, title, site and newer item time it is not given', async () => {
      const s = await store.insertSource({ url: 'https://wire.example/feed.xml', title: 'Mine' }, T0);
      await store.recordPoll(s.id, { ok: true, at: at(1), nextPollAt: at(2) });
      expect((await store.getSource(s.id))?.lastItemAt).toBeNull();
      await store.recordPoll(s.id, {
        ok: true,
        at: at(2),
        etag: '"v1"',
        siteUrl: 'https://first.example/',
        lastItemAt: at(0),
        nextPollAt: at(3),
      });
      await store.recordPoll(s.id, {
        ok: true,
        at: at(3),
        etag: null,
        title: 'Theirs',
        siteUrl: 'https://second.example/',
        lastItemAt: at(-5),
        nextPollAt: at(4),
      });
      expect(await store.getSource(s.id)).toMatchObject({
        etag: '"v1"',
        title: 'Mine',
        siteUrl: 'https://first.example/',
        lastItemAt: at(0),
        lastSuccessAt: at(3),
      });
    });

    test('delete removes the source and its articles only', async () => {
      const a = await store.insertSource({ url: 'https://a.example/feed' }, T0);
      const b = await store.insertSource({ url: 'https://b.example/feed' }, T0);
      await store.insertArticles([buildArticle(1, { sourceId: a.id }), buildArticle(2, { sourceId: b.id })]);
      expect(await store.deleteSource(a.id)).toBe(true);
      expect(await store.deleteSource(a.id)).toBe(false);
      expect(await store.getSource(a.id)).toBeUndefined();
      expect(await store.countArticles()).toBe(1);
      expect(await store.countArticles(b.id)).toBe(1);
      expect(await store.countArticles(a.id)).toBe(0);
    });
  });

  describe('articles', () => {
    let a: number;
    let b: number;
    beforeEach(async () => {
      a = (await store.insertSource({ url: 'https://a.example/feed' }, T0)).id;
      b = (await store.insertSource({ url: 'https://b.example/feed' }, T0)).id;
    });

    test('insert returns ids in input order and reads back every field', async () => {
      expect(await store.insertArticles([])).toEqual([]);
      const input = [buildArticle(1, { sourceId: a }), buildArticle(2, { sourceId: a, guid: null })];
      const ids = await store.insertArticles(input);
      expect(ids).toHaveLength(2);
      expect(ids.every((id) => typeof id === 'number')).toBe(true);
      expect(ids[1]).toBeGreaterThan(ids[0]!);
      expect(await store.getArticle(ids[0]!)).toEqual(stored(input[0]!, ids[0]!));
      expect(await store.getArticle(ids[1]!)).toEqual(stored(input[1]!, ids[1]!));
      expect(await store.getArticle(ids[1]! + 1000)).toBeUndefined();
    });

    test('dedupe: GUID per source, canonical URL across sources, also within one batch', async () => {
      const ids = await store.insertArticles([
        buildArticle(1, { sourceId: a }),
        buildArticle(2, { sourceId: a, guid: 'guid-1' }), // same GUID, same source
        buildArticle(3, { sourceId: b, guid: 'guid-1' }), // same GUID, other source: kept
        buildArticle(4, { sourceId: b, canonicalUrl: 'https://news.example/story/1' }), // same canonical URL
        buildArticle(5, { sourceId: a, guid: null }),
        buildArticle(6, { sourceId: a, guid: null }),
        buildArticle(7, { sourceId: a, guid: null, canonicalUrl: 'https://news.example/story/6' }),
      ]);
      expect(ids.map((id) => id !== null)).toEqual([true, false, true, false, true, true, false]);
      const again = await store.insertArticles([buildArticle(1, { sourceId: a }), buildArticle(8, { sourceId: a })]);
      expect(again[0]).toBeNull();
      expect(again[1]).toEqual(expect.any(Number));
      expect(await store.countArticles()).toBe(5);
    });

    test('known items: GUID of this source, or URL / canonical URL of any article', async () => {
      await store.insertArticles([buildArticle(1, { sourceId: a }), buildArticle(2, { sourceId: b })]);
      const known = await store.listKnownItems(a, [
        { guid: 'new-guid', url: 'https://elsewhere.example/x' },
        { guid: 'guid-1', url: 'https://elsewhere.example/y' },
        { guid: 'guid-2', url: 'https://elsewhere.example/z' }, // GUID of the other source only
        { guid: null, url: 'https://news.example/story/2' }, // canonical URL of b's article
        { guid: 'other', url: 'https://news.example/story/1?utm=feed' }, // url of a's article
      ]);
      expect([...known]).toEqual(['guid-1', 'https://news.example/story/2', 'other']);
      expect(await store.listKnownItems(a, [])).toEqual(new Set());
    });

    test('listing is newest first, ties broken by id, and the cursor walks every row once', async () => {
      const input = Array.from({ length: 7 }, (_, i) =>
        buildArticle(i, { sourceId: i % 2 === 0 ? a : b, publishedAt: at(i % 3) }),
      );
      const ids = await store.insertArticles(input);
      const expected = input
        .map((x, i) => ({ id: ids[i]!, t: x.publishedAt.getTime() }))
        .sort((x, y) => y.t - x.t || y.id - x.id)
        .map((x) => x.id);
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.listArticles(cursor === null ? { limit: 3 } : { limit: 3, cursor });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);
      const exact = await store.listArticles({ limit: 7 });
      expect(exact.items).toHaveLength(7);
      expect(exact.nextCursor).toBeNull();
      expect(exact.items[0]).toEqual(stored(input[ids.indexOf(expected[0]!)]!, expected[0]!));
    });

    test('filters by source and time window, also across pages', async () => {
      const input = Array.from({ length: 10 }, (_, i) => buildArticle(i, { sourceId: i < 6 ? a : b, publishedAt: at(i) }));
      await store.insertArticles(input);
      const onlyA = await store.listArticles({ sourceId: a, limit: 100 });
      expect(onlyA.items.map((x) => x.guid)).toEqual(['guid-5', 'guid-4', 'guid-3', 'guid-2', 'guid-1', 'guid-0']);
      const window = await store.listArticles({ since: at(2), until: at(8), limit: 100 });
      expect(window.items.map((x) => x.guid)).toEqual(['guid-7', 'guid-6', 'guid-5', 'guid-4', 'guid-3', 'guid-2']);
      const p1 = await store.listArticles({ sourceId: a, since: at(1), limit: 2 });
      expect(p1.items.map((x) => x.guid)).toEqual(['guid-5', 'guid-4']);
      const p2 = await store.listArticles({ sourceId: a, since: at(1), limit: 2, cursor: p1.nextCursor ?? '' });
      expect(p2.items.map((x) => x.guid)).toEqual(['guid-3', 'guid-2']);
      const p3 = await store.listArticles({ sourceId: a, since: at(1), limit: 2, cursor: p2.nextCursor ?? '' });
      expect(p3.items.map((x) => x.guid)).toEqual(['guid-1']);
      expect(p3.nextCursor).toBeNull();
      expect((await store.listArticles({ sourceId: a + b + 1000, limit: 5 })).items).toEqual([]);
    });

    test('a forged cursor is a bad_request', async () => {
      await expect(store.listArticles({ limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'bad_request' });
    });

    test('counts are total and per source', async () => {
      await store.insertArticles([
        buildArticle(1, { sourceId: a }),
        buildArticle(2, { sourceId: a }),
        buildArticle(3, { sourceId: b }),
      ]);
      expect(await store.countArticles()).toBe(3);
      expect(await store.countArticles(a)).toBe(2);
      expect(await store.countArticles(b)).toBe(1);
      expect(await store.countArticles(a + b + 1000)).toBe(0);
    });
  });

  enrichmentCases(() => store);
  searchCases(() => store);
  topicCases(() => store);
  governCases(() => store);
  webSubCases(() => store);

  describe('settings', () => {
    test('get, set and overwrite', async () => {
      expect(await store.getSetting('theme')).toBeUndefined();
      await store.setSetting('theme', 'dark');
      await store.setSetting('digest', '');
      expect(await store.getSetting('theme')).toBe('dark');
      expect(await store.getSetting('digest')).toBe('');
      await store.setSetting('theme', 'light');
      expect(await store.getSetting('theme')).toBe('light');
    });
  });
});
