/**
 * Contract cases for governance (takedowns) and source stall flags, registered inside contract.test.ts's
 * describe.each so that every driver runs them.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Article } from '../../model.ts';
import type { StoryWrite } from '../enrich-store.ts';
import type { Store } from '../store.ts';
import { buildArticle } from './fixtures.ts';

const T0 = Date.UTC(2026, 5, 1, 12);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const key = (a: Article) => ({ id: a.id, canonicalUrl: a.canonicalUrl, contentHash: a.contentHash });

function story(headline: string, headlineArticleId: number | null, articleCount: number): StoryWrite {
  return { headline, headlineArticleId, firstSeenAt: at(0), lastUpdateAt: at(5), sourceCount: 2, articleCount };
}

/** Register the governance cases; `getStore` returns the current test's fresh store. */
export function governCases(getStore: () => Store): void {
  describe('governance', () => {
    let store: Store;
    let a: number;
    let b: number;
    let articles: Article[];
    beforeEach(async () => {
      store = getStore();
      a = (await store.insertSource({ url: 'https://a.example/feed' }, at(0))).id;
      b = (await store.insertSource({ url: 'https://b.example/feed' }, at(0))).id;
      const ids = await store.insertArticles(
        Array.from({ length: 5 }, (_, i) => buildArticle(i, { sourceId: i < 3 ? a : b, publishedAt: at(i) })),
      );
      articles = [];
      for (const id of ids) {
        const article = await store.getArticle(id ?? -1);
        if (article) articles.push(article);
      }
    });

    test('a source is not stalled until a poll says so; a poll without a verdict keeps it', async () => {
      expect((await store.getSource(a))?.isStalled).toBe(false);
      await store.recordPoll(a, { ok: true, at: at(1), isStalled: true, nextPollAt: at(2) });
      expect((await store.getSource(a))?.isStalled).toBe(true);
      await store.recordPoll(a, { ok: true, at: at(2), nextPollAt: at(3) });
      expect((await store.getSource(a))?.isStalled).toBe(true);
      await store.recordPoll(a, { ok: false, at: at(3), code: 'http_status', message: 'answered 500', nextPollAt: at(4) });
      expect((await store.getSource(a))?.isStalled).toBe(true);
      await store.recordPoll(a, { ok: true, at: at(4), isStalled: false, nextPollAt: at(5) });
      expect((await store.getSource(a))?.isStalled).toBe(false);
    });

    test('a takedown deletes the articles, records itself and keeps their keys out', async () => {
      const [first, second] = articles;
      if (!first || !second) throw new Error('fixture articles missing');
      const t = await store.insertTakedown(
        { articleId: first.id, sourceId: null, title: first.title, reason: 'copyright request', requestedBy: 'legal@example.test' },
        [key(first), key(second)],
        at(10),
      );
      expect(t).toEqual({
        id: t.id,
        articleId: first.id,
        sourceId: null,
        title: first.title,
        reason: 'copyright request',
        requestedBy: 'legal@example.test',
        articlesRemoved: 2,
        createdAt: at(10),
      });
      expect(await store.getArticle(first.id)).toBeUndefined();
      expect(await store.countArticles()).toBe(3);
      expect(await store.isTakenDown({ canonicalUrl: first.canonicalUrl })).toBe(true);
      expect(await store.isTakenDown({ contentHash: second.contentHash })).toBe(true);
      expect(await store.isTakenDown({ canonicalUrl: 'https://news.example/other', contentHash: 'other' })).toBe(false);
      expect(await store.isTakenDown({})).toBe(false);
      // The feed item of a taken-down page counts as known, so it is never fetched again.
      const known = await store.listKnownItems(b, [
        { guid: null, url: first.canonicalUrl },
        { guid: 'fresh', url: 'https://news.example/fresh' },
      ]);
      expect([...known]).toEqual([first.canonicalUrl]);
      const later = await store.insertTakedown(
        { articleId: null, sourceId: b, title: 'Source B', reason: 'publisher asked', requestedBy: '' },
        [],
        at(20),
      );
      expect((await store.listTakedowns()).map((x) => x.id)).toEqual([later.id, t.id]);
      expect(later.articlesRemoved).toBe(0);
    });

    test('a takedown repairs the stories it touches: counts, headline, empty ones deleted', async () => {
      const [x0, x1, x2, x3, x4] = articles;
      if (!x0 || !x1 || !x2 || !x3 || !x4) throw new Error('fixture articles missing');
      const kept = await store.insertStory(story('Kept story', x0.id, 3));
      const emptied = await store.insertStory(story('Emptied story', x3.id, 1));
      const save = (id: number, storyId: number) =>
        store.saveEnrichment({
          articleId: id,
          storyId,
          duplicateOf: null,
          sentiment: null,
          figures: [],
          instruments: [],
          fingerprint: null,
          at: at(6),
        });
      await save(x0.id, kept);
      await save(x1.id, kept);
      await save(x4.id, kept);
      await save(x3.id, emptied);
      await store.insertTakedown(
        { articleId: x0.id, sourceId: null, title: '', reason: 'request', requestedBy: '' },
        [key(x0), key(x3)],
        at(10),
      );
      expect(await store.getStory(emptied)).toBeUndefined();
      expect(await store.getStory(kept)).toMatchObject({
        articleCount: 2,
        sourceCount: 2,
        headlineArticleId: x1.id,
        headline: x1.title,
      });
      expect((await store.listStoryArticles(kept)).map((x) => x.id)).toEqual([x1.id, x4.id]);
    });
  });
}
