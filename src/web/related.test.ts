import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Article } from '../model.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import type { SimilarArticle } from '../store/store.ts';
import { loadRelatedSet, RELATED_SET, scoreRelated } from './fixtures/related-set.ts';
import { findRelated, isSamePiece, rankRelated } from './related.ts';
import { createHarness } from './test/harness.ts';

const NOW = new Date(Date.UTC(2026, 10, 25));

describe('related articles on a labelled set', () => {
  let store: SqliteStore;
  let ids: number[] = [];
  beforeAll(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    ids = await loadRelatedSet(store, NOW);
  });
  afterAll(() => store.close());

  test('of the top 5: at least min(4, available) related, none clearly unrelated, never the same story', async () => {
    const h = await createHarness();
    const deps = { ...h.deps, store, now: () => NOW };
    const shown: number[][] = [];
    for (const id of ids) {
      const article = (await store.getArticle(id)) as Article;
      shown.push((await findRelated(deps, article, 5)).map((r) => ids.indexOf(r.article.id)));
    }
    const score = scoreRelated(shown);
    console.info(
      `related (${RELATED_SET.length} articles): precision@5 ${score.precision.toFixed(3)}; lists with a clearly unrelated article ${score.unrelatedLists}; short lists ${score.shortLists}; mean length ${score.meanLength.toFixed(2)}`,
    );
    expect(score.unrelatedLists, score.failures.join('\n')).toBe(0);
    // Measured 2026-11-25: 0 unrelated, 1 short list of 60, which shows 3 related articles and nothing else
    // ("Home prices edge up despite fewer sales": its 4th housing article is below the floor). Guarded there.
    expect(score.shortLists, score.failures.join('\n')).toBeLessThanOrEqual(1);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    await h.close();
  });

  test('an article linked to an instrument finds the instrument\'s other articles without shared words', async () => {
    const cfo = RELATED_SET.findIndex((a) => a.title === 'Veltrix names a new finance chief');
    const similar = (await store.listSimilarArticles?.(ids[cfo] ?? 0, 30)) ?? [];
    const titles = similar.map((s) => s.article.title);
    expect(titles).toContain('Chipmaker revenue beats on data-center demand');
    expect(titles).toContain('Veltrix shares hit a record as accelerator demand surges');
  });
});

describe('rankRelated', () => {
  const base = (id: number, over: Partial<Article> = {}): Article => ({
    id,
    sourceId: id,
    guid: null,
    url: `https://x.example/${id}`,
    canonicalUrl: `https://x.example/${id}`,
    title: `Title ${id}`,
    author: null,
    publishedAt: NOW,
    fetchedAt: NOW,
    excerpt: '',
    html: '',
    text: '',
    wordCount: 1,
    readingMinutes: 1,
    imageUrl: null,
    lang: null,
    contentHash: `h${id}`,
    originUrl: null,
    removed: [],
    warnings: [],
    storyId: null,
    duplicateOf: null,
    sentiment: null,
    figures: [],
    ...over,
  });

  const cand = (article: Article, score: number, sharedTerms = 5): SimilarArticle => ({ article, score, sharedTerms });

  test('never the article, a copy, the same story or the same headline; at most 2 per source', () => {
    const me = base(1, { storyId: 9 });
    const candidates = [
      base(1),
      base(2, { duplicateOf: 1 }),
      base(3, { storyId: 9 }),
      base(4, { title: 'title 1!' }),
      base(5, { contentHash: 'h1' }),
      base(6, { sourceId: 50 }),
      base(7, { sourceId: 50 }),
      base(8, { sourceId: 50 }),
      base(10),
    ].map((article, i) => cand(article, 0.9 - i * 0.05));
    const out = rankRelated(me, candidates, NOW, 3).map((r) => r.article.id);
    expect(out).toEqual([6, 7, 10]);
    expect(isSamePiece(me, base(11, { duplicateOf: 1 }))).toBe(true);
  });

  test('a third article of one source only when no other source has a related one', () => {
    const me = base(1);
    const candidates = [2, 3, 4].map((id) => cand(base(id, { sourceId: 50 }), 0.5));
    expect(rankRelated(me, candidates, NOW, 5).map((r) => r.article.id)).toEqual([4, 3, 2]);
  });

  test('an absolute floor: a short list rather than one padded with a weak candidate', () => {
    const me = base(1);
    const strong = cand(base(2), 0.3);
    // Above the strong floor alone; above the weak floor only with enough distinctive terms in common.
    const weakButTopical = cand(base(3), 0.08, 4);
    const weakAndGeneric = cand(base(4), 0.08, 1);
    const faint = cand(base(5), 0.03, 6);
    const out = rankRelated(me, [strong, weakButTopical, weakAndGeneric, faint], NOW, 5).map((r) => r.article.id);
    expect(out).toEqual([2, 3]);
    // The floor is absolute: the same weak candidates alone (no strong one to compare with) stay out too.
    expect(rankRelated(me, [weakAndGeneric, faint], NOW, 5)).toEqual([]);
  });

  test('a subject instrument in common is enough, and lifts a candidate', () => {
    const me = base(1);
    const a = cand(base(2), 0.3);
    const b = cand(base(3), 0.25);
    const c = cand(base(4), 0.01, 0);
    expect(rankRelated(me, [a, b, c], NOW, 3).map((r) => r.article.id)).toEqual([2, 3]);
    expect(rankRelated(me, [a, b, c], NOW, 3, new Set([3, 4])).map((r) => r.article.id)).toEqual([3, 2, 4]);
  });

  test('recency breaks ties, it does not outweigh similarity', () => {
    const me = base(1);
    const old = cand(base(2, { publishedAt: new Date(NOW.getTime() - 30 * 86_400_000) }), 0.3);
    const fresh = cand(base(3), 0.3);
    const freshWeaker = cand(base(4), 0.2);
    expect(rankRelated(me, [old, fresh, freshWeaker], NOW, 3).map((r) => r.article.id)).toEqual([3, 2, 4]);
  });
});
