import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { NewArticle } from '../../model.ts';
import { SqliteStore } from './index.ts';

function buildArticle(over: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId: 1,
    guid: 'g1',
    url: 'https://ex.test/a',
    canonicalUrl: 'https://ex.test/a',
    title: 'Title',
    author: null,
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    fetchedAt: new Date('2026-01-01T00:01:00Z'),
    excerpt: 'Excerpt',
    html: '<p>Body</p>',
    text: 'Body',
    wordCount: 1,
    readingMinutes: 1,
    imageUrl: null,
    lang: 'en',
    contentHash: 'h',
    originUrl: null,
    removed: [{ rule: 'cta', reason: 'newsletter', text: 'Subscribe' }],
    warnings: [],
    ...over,
  };
}

describe('SqliteStore', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    await store.insertSource({ url: 'https://ex.test/feed' }, new Date());
  });
  afterEach(async () => store.close());

  test('migrations are recorded and not re-applied', async () => {
    expect(await store.migrate()).toEqual([]);
  });

  test('duplicate URL source is a conflict', async () => {
    await expect(store.insertSource({ url: 'https://ex.test/feed' }, new Date())).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  test('articles dedupe by guid per source and by canonical url', async () => {
    const ids = await store.insertArticles([
      buildArticle(),
      buildArticle({ url: 'https://ex.test/b', canonicalUrl: 'https://ex.test/b' }),
      buildArticle({ guid: 'g2' }),
      buildArticle({ guid: 'g3', url: 'https://ex.test/c', canonicalUrl: 'https://ex.test/c' }),
    ]);
    expect(ids.map((id) => id !== null)).toEqual([true, false, false, true]);
    const known = await store.listKnownItems(1, [
      { guid: 'g1', url: 'x' },
      { guid: null, url: 'https://ex.test/c' },
      { guid: 'new', url: 'https://ex.test/new' },
    ]);
    expect([...known]).toEqual(['g1', 'https://ex.test/c']);
    const a = await store.getArticle(ids[0] ?? 0);
    expect(a?.removed[0]?.rule).toBe('cta');
  });

  test('listing is newest first with a working cursor', async () => {
    const list = Array.from({ length: 5 }, (_, i) =>
      buildArticle({
        guid: `g${i}`,
        url: `https://ex.test/${i}`,
        canonicalUrl: `https://ex.test/${i}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 3))),
      }),
    );
    await store.insertArticles(list);
    const p1 = await store.listArticles({ limit: 2 });
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await store.listArticles({ limit: 2, cursor: p1.nextCursor ?? '' });
    const p3 = await store.listArticles({ limit: 2, cursor: p2.nextCursor ?? '' });
    const all = [...p1.items, ...p2.items, ...p3.items];
    expect(all).toHaveLength(5);
    expect(new Set(all.map((a) => a.id)).size).toBe(5);
    for (let i = 1; i < all.length; i++) {
      expect(all[i - 1]!.publishedAt.getTime()).toBeGreaterThanOrEqual(all[i]!.publishedAt.getTime());
    }
    expect(p3.nextCursor).toBeNull();
  });

  test('poll outcomes update health', async () => {
    const at = new Date('2026-02-01T00:00:00Z');
    await store.recordPoll(1, { ok: false, at, code: 'http_status', message: 'GET x answered 500', nextPollAt: at });
    await store.recordPoll(1, { ok: false, at, code: 'http_status', message: 'GET x answered 500', nextPollAt: at });
    let s = await store.getSource(1);
    expect(s?.consecutiveFailures).toBe(2);
    expect(s?.lastError).toContain('500');
    await store.recordPoll(1, { ok: true, at, etag: '"e1"', title: 'Feed', nextPollAt: at });
    s = await store.getSource(1);
    expect(s?.consecutiveFailures).toBe(0);
    expect(s?.etag).toBe('"e1"');
    expect(s?.title).toBe('Feed');
    expect(s?.lastSuccessAt?.getTime()).toBe(at.getTime());
  });

  test('deleting a source deletes its articles', async () => {
    await store.insertArticles([buildArticle()]);
    expect(await store.deleteSource(1)).toBe(true);
    expect(await store.countArticles()).toBe(0);
  });
});
