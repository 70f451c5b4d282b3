/**
 * Contract cases for full-text search, registered inside contract.test.ts's describe.each so that every
 * driver runs them. Scores differ between engines (BM25 vs ts_rank); matches, order and snippets must not.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { loadRelatedSet, scoreRelated } from '../../web/fixtures/related-set.ts';
import { computeRelated, RELATED_LIMIT } from '../../web/related.ts';
import { parseSearchQuery } from '../../web/search-query.ts';
import type { SearchQuery, Store } from '../store.ts';
import { buildArticle } from './fixtures.ts';

const NOW = new Date(Date.UTC(2026, 0, 2));

/** Invented headlines and bodies; `n` is the article's number in results. */
const ROWS = [
  { title: 'Lumen Bank raises its dividend', text: 'The board of Lumen Bank approved a higher quarterly dividend.' },
  { title: 'Copper prices slide', text: 'Copper fell as warehouse stocks grew; miners like Lumen Bank lenders watched.' },
  { title: 'Traders pile into $BTC', text: 'Bitcoin futures volume jumped while $ETH lagged behind.' },
  { title: 'Berkshire class B shares', text: 'BRK.B rose two percent after the filing.' },
  { title: 'Central bank holds rates', text: 'The central bank kept rates unchanged and signalled patience with inflation.' },
  { title: 'Inflationary pressure eases', text: 'Prices cooled across categories, easing inflationary pressure.' },
];

/** Register the search cases; `getStore` returns the current test's fresh store. */
export function searchCases(getStore: () => Store): void {
  describe('search', () => {
    let store: Store;
    let sourceB: number;
    const query = (text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({
      clauses: parseSearchQuery(text),
      offset: 0,
      limit: 10,
      now: NOW,
      ...over,
    });
    const search = async (text: string, over: Partial<SearchQuery> = {}) => {
      if (!store.searchArticles) throw new Error(`${store.dialect} has no searchArticles`);
      return store.searchArticles(query(text, over));
    };
    const numbers = async (text: string, over: Partial<SearchQuery> = {}) =>
      (await search(text, over)).hits.map((h) => h.article.canonicalUrl.split('/').pop());

    beforeEach(async () => {
      store = getStore();
      const a = await store.insertSource({ url: 'https://a.example/rss' }, NOW);
      sourceB = (await store.insertSource({ url: 'https://b.example/rss' }, NOW)).id;
      await store.insertArticles(
        ROWS.map((r, i) =>
          buildArticle(i + 1, { ...r, sourceId: i % 2 === 0 ? a.id : sourceB, publishedAt: new Date(Date.UTC(2026, 0, 1, i)) }),
        ),
      );
    });

    test('words are ANDed and the title match ranks first', async () => {
      expect(await numbers('lumen bank')).toEqual(['1', '2']);
      expect(await numbers('dividend board')).toEqual(['1']);
      expect(await numbers('dividend copper')).toEqual([]);
    });

    test('stemming, phrases, prefixes and exclusion', async () => {
      expect(await numbers('raise')).toEqual(['1']);
      expect(await numbers('"central bank"')).toEqual(['5']);
      expect(await numbers('"bank central"')).toEqual([]);
      expect((await numbers('infla*')).sort()).toEqual(['5', '6']);
      expect(await numbers('bank -dividend')).toEqual(['5', '2']);
      expect(await numbers('bank -copper -dividend')).toEqual(['5']);
    });

    test('cashtags, dotted tickers and words the index must not drop', async () => {
      expect(await numbers('$BTC')).toEqual(['3']);
      expect(await numbers('eth')).toEqual(['3']);
      expect(await numbers('BRK.B')).toEqual(['4']);
      expect(await numbers('"the board"')).toEqual(['1']);
    });

    test('source and date filters', async () => {
      expect(await numbers('bank', { sourceId: sourceB })).toEqual(['2']);
      expect(await numbers('bank', { since: new Date(Date.UTC(2026, 0, 1, 3)) })).toEqual(['5']);
      expect(await numbers('bank', { until: new Date(Date.UTC(2026, 0, 1, 1)) })).toEqual(['1']);
    });

    test('snippets mark the matches; hits carry whole articles and positive scores', async () => {
      const [hit] = (await search('copper')).hits;
      expect(hit?.snippet.highlights.length).toBeGreaterThan(0);
      const [s, e] = hit?.snippet.highlights[0] ?? [0, 0];
      expect(hit?.snippet.text.slice(s, e).toLowerCase()).toBe('copper');
      expect(hit?.article.title).toBe('Copper prices slide');
      expect(hit?.score).toBeGreaterThan(0);
    });

    test('pagination by offset', async () => {
      const first = await search('bank', { limit: 1 });
      const second = await search('bank', { limit: 1, offset: 1 });
      const third = await search('bank', { limit: 1, offset: 2 });
      expect(first.hasMore).toBe(true);
      expect(third.hasMore).toBe(false);
      const seen = [first, second, third].map((r) => r.hits[0]?.article.id);
      expect(new Set(seen).size).toBe(3);
    });

    test('the index follows deletes', async () => {
      await store.deleteSource((await store.listSources())[0]?.id ?? 0);
      expect(await numbers('dividend')).toEqual([]);
      expect(await numbers('copper')).toEqual(['2']);
    });

    test('similar articles share distinctive terms and never include the article itself', async () => {
      if (!store.listSimilarArticles) throw new Error(`${store.dialect} has no listSimilarArticles`);
      const first = (await store.listArticles({ limit: 10 })).items.find((x) => x.canonicalUrl.endsWith('/1'));
      const similar = await store.listSimilarArticles(first?.id ?? 0, 5);
      expect(similar.map((s) => s.article.id)).not.toContain(first?.id);
      expect(similar[0]?.article.canonicalUrl.split('/').pop()).toBe('2');
      expect(await store.listSimilarArticles(999_999, 5)).toEqual([]);
    });

    test('similar articles: a normalised similarity (0..1, most similar first) and the distinctive terms in common', async () => {
      if (!store.listSimilarArticles) throw new Error(`${store.dialect} has no listSimilarArticles`);
      const byNumber = new Map((await store.listArticles({ limit: 10 })).items.map((a) => [a.canonicalUrl.split('/').pop(), a.id]));
      const similar = await store.listSimilarArticles(byNumber.get('5') ?? 0, 5);
      expect(similar[0]?.article.canonicalUrl.split('/').pop()).toBe('1');
      for (const s of similar) {
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
      }
      expect(similar.map((s) => s.score)).toEqual(similar.map((s) => s.score).sort((a, b) => b - a));
      expect(similar[0]?.sharedTerms).toBeGreaterThanOrEqual(1);
    });

    test('similar articles include those sharing a subject instrument, even without words in common', async () => {
      if (!store.listSimilarArticles) throw new Error(`${store.dialect} has no listSimilarArticles`);
      const byNumber = new Map((await store.listArticles({ limit: 10 })).items.map((a) => [a.canonicalUrl.split('/').pop(), a.id]));
      const link = (n: string, role: 'subject' | 'mention') =>
        store.saveEnrichment({
          articleId: byNumber.get(n) ?? 0,
          storyId: null,
          duplicateOf: null,
          sentiment: null,
          figures: [],
          instruments: [{ instrumentId: 'eq:BRKB', symbol: 'BRK.B', name: 'Berkshire B', assetClass: 'equity', salience: 0.9, role, mentions: 1, sentences: [] }],
          fingerprint: null,
          at: NOW,
        });
      await link('4', 'subject');
      await link('3', 'subject');
      await link('1', 'mention');
      const similar = await store.listSimilarArticles(byNumber.get('4') ?? 0, 5);
      const numbers = similar.map((s) => s.article.canonicalUrl.split('/').pop());
      expect(numbers).toContain('3');
      expect(numbers).not.toContain('1');
    });
  });

  describe('related articles on the labelled set', () => {
    test('no list shows a clearly unrelated article, and every driver ranks alike', async () => {
      const store = getStore();
      const ids = await loadRelatedSet(store, NOW);
      const shown: number[][] = [];
      for (const id of ids) {
        const article = await store.getArticle(id);
        if (article) shown.push((await computeRelated(store, article, NOW, RELATED_LIMIT)).map((r) => ids.indexOf(r.article.id)));
      }
      const score = scoreRelated(shown);
      expect(score.unrelatedLists, score.failures.join('\n')).toBe(0);
      expect(score.precision).toBeGreaterThanOrEqual(0.9);
      // Lists measured on SQLite 2026-11-25 (PostgreSQL gave the same 60 lists): one per topic here.
      const expected: Record<number, number[]> = {
        0: [29, 2, 3, 5, 4],
        12: [32, 15, 14, 17, 13],
        24: [35, 27, 23, 26],
        36: [41, 39, 38, 37, 40],
        42: [43, 46, 47, 44, 45],
        48: [49, 53, 51, 52, 50],
        54: [55, 58, 57, 56, 59],
      };
      for (const [i, list] of Object.entries(expected)) expect(shown[Number(i)], `article ${i}`).toEqual(list);
    });
  });
}
