/**
 * Contract cases for article topics (written by enrichment, read by the reader's topic filter),
 * registered inside contract.test.ts's describe.each so that every driver runs them.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { EnrichmentWrite } from '../enrich-store.ts';
import type { Store } from '../store.ts';
import { buildArticle } from './fixtures.ts';

const T0 = Date.UTC(2026, 5, 1, 9);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function enrichment(articleId: number, topics: string[] | undefined): EnrichmentWrite {
  return {
    articleId,
    storyId: null,
    duplicateOf: null,
    sentiment: null,
    figures: [],
    instruments: [],
    fingerprint: null,
    ...(topics ? { topics } : {}),
    at: at(500),
  };
}

/** Register the topic cases; `getStore` returns the current test's fresh store. */
export function topicCases(getStore: () => Store): void {
  describe('topics', () => {
    let store: Store;
    let a: number;
    let b: number;
    let ids: number[];
    beforeEach(async () => {
      store = getStore();
      a = (await store.insertSource({ url: 'https://a.example/feed' }, at(0))).id;
      b = (await store.insertSource({ url: 'https://b.example/feed' }, at(0))).id;
      // Eight articles; two share a publication time so the cursor's id tie-break is exercised.
      const inserted = await store.insertArticles(
        Array.from({ length: 8 }, (_, i) => buildArticle(i, { sourceId: i % 2 === 0 ? a : b, publishedAt: at(i === 5 ? 40 : i * 10) })),
      );
      ids = inserted.map((id) => id ?? -1);
    });

    test('saved with enrichment, strongest first; replaced, kept when absent, cleared when empty', async () => {
      await store.saveEnrichment(enrichment(ids[0]!, ['macro', 'fx']));
      await store.saveEnrichment(enrichment(ids[1]!, ['crypto', 'regulation', 'etfs']));
      expect(await store.listArticleTopics([ids[0]!, ids[1]!, ids[2]!])).toEqual(
        new Map([
          [ids[0]!, ['macro', 'fx']],
          [ids[1]!, ['crypto', 'regulation', 'etfs']],
        ]),
      );
      expect(await store.listArticleTopics([])).toEqual(new Map());
      await store.saveEnrichment(enrichment(ids[0]!, ['stocks']));
      await store.saveEnrichment(enrichment(ids[1]!, undefined));
      expect((await store.listArticleTopics([ids[0]!])).get(ids[0]!)).toEqual(['stocks']);
      expect((await store.listArticleTopics([ids[1]!])).get(ids[1]!)).toEqual(['crypto', 'regulation', 'etfs']);
      await store.saveArticleTopics(ids[1]!, []);
      expect(await store.listArticleTopics([ids[1]!])).toEqual(new Map());
      await store.saveArticleTopics(ids[2]!, ['commodities']);
      expect((await store.listArticleTopics([ids[2]!])).get(ids[2]!)).toEqual(['commodities']);
    });

    test('listArticles filters by topic, with the other filters and across pages', async () => {
      const crypto = [0, 2, 3, 4, 5, 7].map((i) => ids[i]!);
      for (const id of crypto) await store.saveEnrichment(enrichment(id, id === ids[3] ? ['regulation', 'crypto'] : ['crypto']));
      await store.saveEnrichment(enrichment(ids[1]!, ['macro']));
      const expected = [7, 5, 4, 3, 2, 0].map((i) => ids[i]!);
      const all = await store.listArticles({ topic: 'crypto', limit: 100 });
      expect(all.items.map((x) => x.id)).toEqual(expected);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.listArticles({ topic: 'crypto', limit: 2, ...(cursor === null ? {} : { cursor }) });
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(expected);
      expect((await store.listArticles({ topic: 'crypto', sourceId: a, since: at(20), limit: 100 })).items.map((x) => x.id)).toEqual(
        [4, 2].map((i) => ids[i]!),
      );
      expect((await store.listArticles({ topic: 'macro', limit: 100 })).items.map((x) => x.id)).toEqual([ids[1]]);
      expect((await store.listArticles({ topic: 'regulation', sourceId: b, limit: 100 })).items.map((x) => x.id)).toEqual([ids[3]]);
      expect((await store.listArticles({ topic: 'fx', limit: 100 })).items).toEqual([]);
    });

    test('walks enriched articles by id for the backfill; deleting an article removes its topics', async () => {
      for (const i of [1, 4, 6]) await store.saveEnrichment(enrichment(ids[i]!, ['stocks']));
      expect((await store.listEnrichedArticlesAfter(0, 2)).map((x) => x.id)).toEqual([ids[1], ids[4]]);
      expect((await store.listEnrichedArticlesAfter(ids[4]!, 10)).map((x) => x.id)).toEqual([ids[6]]);
      expect(await store.listEnrichedArticlesAfter(ids[6]!, 10)).toEqual([]);
      await store.deleteSource(b);
      expect((await store.listArticleTopics([ids[1]!, ids[4]!, ids[6]!])).size).toBe(2);
      expect((await store.listArticles({ topic: 'stocks', limit: 10 })).items.map((x) => x.id)).toEqual([ids[6], ids[4]]);
    });
  });
}
