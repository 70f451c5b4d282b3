import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSearchQuery } from '../../web/search-query.ts';
import { buildArticle } from '../contract/fixtures.ts';
import { checkPostgres, freshPostgres, type FreshStore } from '../contract/harness.ts';
import type { PostgresStore } from './index.ts';
import { estimateMatches, forgetSearchStats } from './search-plan.ts';

const pgState = await checkPostgres();

describe('PostgreSQL search plan statistics', () => {
  let fresh: FreshStore<PostgresStore> | undefined;
  const N = 400;
  beforeAll(async () => {
    if (pgState.state !== 'ready') return;
    fresh = await freshPostgres();
    const store = fresh.store;
    const source = await store.insertSource({ url: 'https://plan.example/rss' }, new Date());
    await store.insertArticles(
      Array.from({ length: N }, (_, i) =>
        buildArticle(i, {
          sourceId: source.id,
          title: i % 100 === 0 ? `Zinc smelter note ${i}` : `Harbor freight index edges up, note ${i}`,
          text: `Container rates rose for a third week${i % 2 === 0 ? ' as harbor cranes idled' : ''}. Index ${i}.`,
        }),
      ),
    );
  });
  afterAll(async () => fresh?.dispose());

  test('with ANALYZE, common and rare lexemes are told apart, and search finds the same whatever the plan', async (ctx) => {
    if (pgState.state === 'skip') ctx.skip();
    if (pgState.state === 'fail') throw new Error(pgState.reason);
    const store = fresh?.store;
    if (!store) throw new Error('no store');
    const now = Date.now();
    forgetSearchStats(store.pool);
    const before = await estimateMatches(store.pool, 'tw_english', parseSearchQuery('container'), now);
    await store.pool.query('ANALYZE articles');
    forgetSearchStats(store.pool);
    const estimate = (q: string) => estimateMatches(store.pool, 'tw_english', parseSearchQuery(q), now);
    const common = await estimate('container');
    const half = await estimate('cranes');
    const rare = await estimate('zinc');
    const phrase = await estimate('"harbor cranes"');
    expect(before === null || before > 0).toBe(true);
    expect(common).toBeGreaterThan(N * 0.8);
    expect(half).toBeGreaterThan(N * 0.3);
    expect(half).toBeLessThan(N * 0.7);
    expect(rare).toBeLessThan(N * 0.05);
    expect(phrase).toBeLessThanOrEqual(half ?? 0);
    // Whatever the plan, the matches are the same.
    const ids = async (q: string) =>
      (await store.searchArticles({ clauses: parseSearchQuery(q), offset: 0, limit: 200, now: new Date() })).hits.length;
    expect(await ids('zinc')).toBe(4);
    expect(await ids('cranes')).toBe(N / 2);
    expect(await ids('container')).toBe(200);
  });
});
