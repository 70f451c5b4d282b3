/**
 * Contract cases for the enrichment part of the Store (duplicates, instruments, stories), registered
 * inside contract.test.ts's describe.each so that every driver runs them.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { ArticleInstrument } from '../../model.ts';
import type { EnrichmentWrite, StoryWrite } from '../enrich-store.ts';
import type { Store } from '../store.ts';
import { parseSearchQuery } from '../../web/search-query.ts';
import { buildArticle } from './fixtures.ts';

const T0 = Date.UTC(2026, 4, 1, 9);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function instrument(id: string, salience: number, role: ArticleInstrument['role'] = 'subject'): ArticleInstrument {
  return {
    instrumentId: id,
    symbol: id.split(':')[1] ?? id,
    name: `Company ${id}`,
    assetClass: 'equity',
    salience,
    role,
    mentions: 2,
    sentences: [`${id} was mentioned.`],
  };
}

function enrichment(articleId: number, over: Partial<EnrichmentWrite> = {}): EnrichmentWrite {
  return {
    articleId,
    storyId: null,
    duplicateOf: null,
    sentiment: 0.25,
    figures: [{ subject: 'eq:NWND', metric: 'shares', value: -4.5, unit: '%', period: 'day', sentence: 'Shares fell 4.5%.' }],
    instruments: [],
    fingerprint: '[1,2,3]',
    at: at(100),
    ...over,
  };
}

function story(headline: string, lastUpdate: number, over: Partial<StoryWrite> = {}): StoryWrite {
  return {
    headline,
    headlineArticleId: null,
    firstSeenAt: at(0),
    lastUpdateAt: at(lastUpdate),
    sourceCount: 1,
    articleCount: 1,
    ...over,
  };
}

/** Register the enrichment cases; `getStore` returns the current test's fresh store. */
export function enrichmentCases(getStore: () => Store): void {
  describe('enrichment', () => {
    let store: Store;
    let a: number;
    let b: number;
    let ids: number[];
    beforeEach(async () => {
      store = getStore();
      a = (await store.insertSource({ url: 'https://a.example/feed' }, at(0))).id;
      b = (await store.insertSource({ url: 'https://b.example/feed' }, at(0))).id;
      const inserted = await store.insertArticles(
        Array.from({ length: 6 }, (_, i) =>
          buildArticle(i, { sourceId: i % 2 === 0 ? a : b, publishedAt: at(i * 10), contentHash: `hash-${i % 3}` }),
        ),
      );
      ids = inserted.map((id) => id ?? -1);
    });

    test('pending articles, oldest id first, until enrichment is saved', async () => {
      expect((await store.listPendingEnrichment(10)).map((x) => x.id)).toEqual(ids);
      expect((await store.listPendingEnrichment(2)).map((x) => x.id)).toEqual(ids.slice(0, 2));
      await store.saveEnrichment(
        enrichment(ids[0]!, { instruments: [instrument('eq:ZETA', 0.4, 'mention'), instrument('eq:NWND', 0.9), instrument('eq:ALFA', 0.4)] }),
      );
      expect((await store.listPendingEnrichment(10)).map((x) => x.id)).toEqual(ids.slice(1));
      const article = await store.getArticle(ids[0]!);
      expect(article).toMatchObject({ storyId: null, duplicateOf: null, sentiment: 0.25 });
      expect(article?.figures).toEqual(enrichment(0).figures);
      const links = await store.listArticleInstruments([ids[0]!, ids[1]!]);
      expect([...links.keys()]).toEqual([ids[0]]);
      expect(links.get(ids[0]!)?.map((i) => i.instrumentId)).toEqual(['eq:NWND', 'eq:ALFA', 'eq:ZETA']);
      expect(links.get(ids[0]!)?.[0]).toEqual(instrument('eq:NWND', 0.9));
      expect(await store.listArticleInstruments([])).toEqual(new Map());
      // Saving again replaces the links.
      await store.saveEnrichment(enrichment(ids[0]!, { sentiment: -0.5, instruments: [instrument('eq:BETA', 0.3)] }));
      expect((await store.listArticleInstruments([ids[0]!])).get(ids[0]!)?.map((i) => i.instrumentId)).toEqual(['eq:BETA']);
      expect((await store.getArticle(ids[0]!))?.sentiment).toBe(-0.5);
    });

    test('enrichment state of enriched articles since a time, oldest id first', async () => {
      const s1 = await store.insertStory(story('One', 5));
      for (const [i, id] of ids.entries()) {
        if (i === 5) continue; // not enriched
        await store.saveEnrichment(
          enrichment(id, {
            storyId: i < 3 ? s1 : null,
            fingerprint: i === 4 ? null : `fp-${i}`,
            instruments: i === 2 ? [instrument('eq:NWND', 0.9), instrument('eq:ALFA', 0.6), instrument('eq:CHIP', 0.2, 'mention')] : [],
          }),
        );
      }
      const state = await store.listEnrichmentState(at(20));
      expect(state.map((x) => x.id)).toEqual([ids[2], ids[3], ids[4]]);
      expect(state[0]).toMatchObject({ sourceId: a, storyId: s1, duplicateOf: null, fingerprint: 'fp-2', publishedAt: at(20) });
      expect(state[0]?.lead).toBe(buildArticle(2).text.slice(0, 600));
      expect([...(state[0]?.subjectInstruments ?? [])].sort()).toEqual(['eq:ALFA', 'eq:NWND']);
      expect(state[2]).toMatchObject({ fingerprint: null, subjectInstruments: [] });
    });

    test('content hash lookup finds the oldest other article', async () => {
      expect(await store.findArticleByContentHash('hash-0', ids[3]!)).toBe(ids[0]);
      expect(await store.findArticleByContentHash('hash-0', ids[0]!)).toBe(ids[3]);
      expect(await store.findArticleByContentHash('hash-9', ids[0]!)).toBeUndefined();
    });

    test('copies: marked, listed oldest first, left out of listings on request, unmarked again', async () => {
      await store.setDuplicateOf([ids[4]!, ids[1]!, ids[0]!], ids[0]!);
      expect((await store.getArticle(ids[0]!))?.duplicateOf).toBeNull();
      expect((await store.listCopies(ids[0]!)).map((x) => x.id)).toEqual([ids[1], ids[4]]);
      const all = await store.listArticles({ limit: 10 });
      expect(all.items).toHaveLength(6);
      const originals = await store.listArticles({ limit: 10, excludeCopies: true });
      expect(originals.items.map((x) => x.id)).toEqual([ids[5], ids[3], ids[2], ids[0]]);
      await store.setDuplicateOf([ids[4]!], null);
      expect((await store.listCopies(ids[0]!)).map((x) => x.id)).toEqual([ids[1]]);
      await store.setDuplicateOf([], ids[0]!);
      // Deleting the original (with its source) frees the copy from the other source.
      await store.deleteSource(a);
      expect(await store.countArticles()).toBe(3);
      expect((await store.getArticle(ids[1]!))?.duplicateOf).toBeNull();
    });

    test('articles of an instrument: newest first, copies left out, cursor-paged', async () => {
      for (const id of ids) await store.saveEnrichment(enrichment(id, { instruments: [instrument('eq:NWND', 0.5)] }));
      await store.setDuplicateOf([ids[1]!], ids[0]!);
      const p1 = await store.listInstrumentArticles('eq:NWND', { limit: 3 });
      expect(p1.items.map((x) => x.id)).toEqual([ids[5], ids[4], ids[3]]);
      const p2 = await store.listInstrumentArticles('eq:NWND', { limit: 3, cursor: p1.nextCursor ?? '' });
      expect(p2.items.map((x) => x.id)).toEqual([ids[2], ids[0]]);
      expect(p2.nextCursor).toBeNull();
      expect((await store.listInstrumentArticles('eq:NONE', { limit: 3 })).items).toEqual([]);
      // Deleting a source removes its articles' links.
      await store.deleteSource(b);
      expect((await store.listArticleInstruments(ids)).size).toBe(3);
    });

    test('stories: insert, read, update, list newest update first with filters and cursor', async () => {
      const s1 = await store.insertStory(story('Freight rates climb', 30, { headlineArticleId: ids[0]! }));
      const s2 = await store.insertStory(story('Chip output slows', 50));
      const s3 = await store.insertStory(story('Grain futures drift', 50));
      expect(await store.getStory(s1)).toEqual({
        id: s1,
        headline: 'Freight rates climb',
        headlineArticleId: ids[0],
        firstSeenAt: at(0),
        lastUpdateAt: at(30),
        sourceCount: 1,
        articleCount: 1,
      });
      expect(await store.getStory(s3 + 100)).toBeUndefined();
      await store.updateStory(s1, story('Freight rates climb again', 60, { sourceCount: 2, articleCount: 3 }));
      expect(await store.getStory(s1)).toMatchObject({ headline: 'Freight rates climb again', lastUpdateAt: at(60), articleCount: 3 });
      const page1 = await store.listStories({ limit: 2 });
      expect(page1.items.map((s) => s.id)).toEqual([s1, s3]);
      const page2 = await store.listStories({ limit: 2, cursor: page1.nextCursor ?? '' });
      expect(page2.items.map((s) => s.id)).toEqual([s2]);
      expect(page2.nextCursor).toBeNull();

      await store.saveEnrichment(enrichment(ids[0]!, { storyId: s2, instruments: [instrument('eq:CHIP', 0.8)] }));
      await store.saveEnrichment(enrichment(ids[1]!, { storyId: s3 }));
      expect((await store.listStories({ limit: 10, instrumentId: 'eq:CHIP' })).items.map((s) => s.id)).toEqual([s2]);
      expect((await store.listStories({ limit: 10, sourceId: b })).items.map((s) => s.id)).toEqual([s3]);
      expect((await store.listStories({ limit: 10, sourceId: a, instrumentId: 'eq:NONE' })).items).toEqual([]);
    });

    test('story articles in publication order; merges move articles and delete the merged stories', async () => {
      const s1 = await store.insertStory(story('One', 10));
      const s2 = await store.insertStory(story('Two', 20));
      const s3 = await store.insertStory(story('Three', 30));
      await store.saveEnrichment(enrichment(ids[3]!, { storyId: s1 }));
      await store.saveEnrichment(enrichment(ids[1]!, { storyId: s1 }));
      await store.saveEnrichment(enrichment(ids[2]!, { storyId: s2 }));
      await store.saveEnrichment(enrichment(ids[4]!, { storyId: s3 }));
      expect((await store.listStoryArticles(s1)).map((x) => x.id)).toEqual([ids[1], ids[3]]);
      await store.mergeStories([s2, s3, s1], s1);
      expect((await store.listStoryArticles(s1)).map((x) => x.id)).toEqual([ids[1], ids[2], ids[3], ids[4]]);
      expect(await store.getStory(s2)).toBeUndefined();
      expect(await store.getStory(s3)).toBeUndefined();
      expect(await store.getStory(s1)).toBeDefined();
      await store.mergeStories([], s1);
      expect(await store.listStoryArticles(s2)).toEqual([]);
    });

    test('moving an article deletes the story it leaves empty, not one still in use', async () => {
      const s1 = await store.insertStory(story('One', 10));
      const s2 = await store.insertStory(story('Two', 20));
      const s3 = await store.insertStory(story('Three', 30));
      await store.saveEnrichment(enrichment(ids[0]!, { storyId: s1 }));
      await store.saveEnrichment(enrichment(ids[1]!, { storyId: s1 }));
      await store.saveEnrichment(enrichment(ids[2]!, { storyId: s2 }));
      await store.moveArticleToStory(ids[0]!, s3);
      expect(await store.getStory(s1)).toBeDefined();
      await store.moveArticleToStory(ids[2]!, s3);
      expect(await store.getStory(s2)).toBeUndefined();
      expect((await store.listStoryArticles(s3)).map((x) => x.id)).toEqual([ids[0], ids[2]]);
      await store.moveArticleToStory(ids[5]!, s1);
      expect((await store.listStoryArticles(s1)).map((x) => x.id)).toEqual([ids[1], ids[5]]);
      // Deleting a source leaves the stories of other sources' articles alone.
      await store.deleteSource(a);
      expect((await store.getArticle(ids[1]!))?.storyId).toBe(s1);
      expect(await store.getStory(s3)).toBeDefined();
    });

    test('search filtered by instrument follows enrichment, alone and with a source filter', async () => {
      if (!store.searchArticles) throw new Error(`${store.dialect} has no searchArticles`);
      const search = store.searchArticles.bind(store);
      const hits = async (text: string, over: { instrumentId?: string; sourceId?: number } = {}) =>
        (await search({ clauses: parseSearchQuery(text), offset: 0, limit: 10, now: at(100), ...over })).hits
          .map((h) => ids.indexOf(h.article.id))
          .sort();
      const dotted = 'eq:BRK.B';
      await store.saveEnrichment(enrichment(ids[0]!, { instruments: [instrument('eq:NWND', 0.9), instrument(dotted, 0.2, 'mention')] }));
      await store.saveEnrichment(enrichment(ids[1]!, { instruments: [instrument('eq:NWND', 0.8)] }));
      await store.saveEnrichment(enrichment(ids[2]!, { instruments: [instrument(dotted, 0.7)] }));
      expect(await hits('container', { instrumentId: 'eq:NWND' })).toEqual([0, 1]);
      expect(await hits('container', { instrumentId: dotted })).toEqual([0, 2]);
      expect(await hits('container', { instrumentId: 'eq:NWND', sourceId: b })).toEqual([1]);
      expect(await hits('container', { instrumentId: 'eq:NONE' })).toEqual([]);
      expect(await hits('"made-up index" -harbor', { instrumentId: 'eq:NWND' })).toEqual([]);
      // Enrichment saved again with other instruments: the filter follows, the old link is gone.
      await store.saveEnrichment(enrichment(ids[0]!, { instruments: [instrument('eq:ZETA', 0.9)] }));
      expect(await hits('container', { instrumentId: 'eq:NWND' })).toEqual([1]);
      expect(await hits('container', { instrumentId: 'eq:ZETA' })).toEqual([0]);
      // The filter is never reachable from the query text itself.
      expect(await hits('tws1')).toEqual([]);
      expect(await hits('container -twi65713a5a45544130')).toHaveLength(6);
    });
  });
}
