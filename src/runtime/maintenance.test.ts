import { describe, expect, test } from 'vitest';
import { buildArticle } from '../store/contract/fixtures.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import { parseSearchQuery } from '../web/search-query.ts';
import { silentLogger } from '../log.ts';
import { startIndexMaintenance } from './maintenance.ts';

describe('search index upkeep (SQLite)', () => {
  test('drain merges the segments small commits leave behind, and search finds the same rows after', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const source = await store.insertSource({ url: 'https://upkeep.example/rss' }, new Date());
    // One commit per article: each leaves a segment; automerge = 16 lets them pile up.
    for (let i = 0; i < 60; i++) await store.insertArticles([buildArticle(i, { sourceId: source.id })]);
    const segments = () => Number(store.db.prepare('SELECT COUNT(DISTINCT segid) FROM articles_fts_idx').pluck().get());
    const search = async () =>
      (await store.searchArticles({ clauses: parseSearchQuery('container'), offset: 0, limit: 100, now: new Date() })).hits.length;
    const before = segments();
    expect(before).toBeGreaterThanOrEqual(4);
    expect(await search()).toBe(60);
    const upkeep = startIndexMaintenance(store, silentLogger);
    expect(upkeep).toBeDefined();
    expect(await upkeep?.drain()).toBeGreaterThan(0);
    upkeep?.stop();
    expect(segments()).toBeLessThan(before);
    expect(segments()).toBeLessThan(4);
    expect(await store.maintainSearchIndex()).toBe(false);
    expect(await search()).toBe(60);
    await store.close();
  });
});
