import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseSearchQuery } from '../../web/search-query.ts';
import { buildArticle } from '../contract/fixtures.ts';
import type { SearchQuery } from '../store.ts';
import { SqliteStore } from './index.ts';
import { parseSnippet } from '../snippet.ts';
import { compileMatch } from './search.ts';

const NOW = new Date(Date.UTC(2026, 0, 2));

describe('sqlite search', () => {
  let store: SqliteStore;
  const q = (text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({
    clauses: parseSearchQuery(text),
    offset: 0,
    limit: 10,
    now: NOW,
    ...over,
  });
  const ids = async (text: string, over: Partial<SearchQuery> = {}) =>
    (await store.searchArticles(q(text, over))).hits.map((h) => h.article.canonicalUrl.split('/').pop());

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    const s1 = await store.insertSource({ url: 'https://a.example/rss' }, NOW);
    const s2 = await store.insertSource({ url: 'https://b.example/rss' }, NOW);
    const rows = [
      { title: 'Lumen Bank raises its dividend', text: 'The board of Lumen Bank approved a higher quarterly dividend.' },
      { title: 'Copper prices slide', text: 'Copper fell as warehouse stocks grew; miners like Lumen Bank lenders watched.' },
      { title: 'Traders pile into $BTC', text: 'Bitcoin futures volume jumped while $ETH lagged behind.' },
      { title: 'Berkshire class B shares', text: 'BRK.B rose two percent after the filing.' },
      { title: 'Central bank holds rates', text: 'The central bank kept rates unchanged and signalled patience with inflation.' },
      { title: 'Inflationary pressure eases', text: 'Prices cooled across categories, easing inflationary pressure.' },
    ];
    await store.insertArticles(
      rows.map((r, i) =>
        buildArticle(i + 1, { ...r, sourceId: i % 2 === 0 ? s1.id : s2.id, publishedAt: new Date(Date.UTC(2026, 0, 1, i)) }),
      ),
    );
  });
  afterEach(() => store.close());

  test('words are ANDed and the title match ranks first', async () => {
    expect(await ids('lumen bank')).toEqual(['1', '2']);
    expect(await ids('dividend board')).toEqual(['1']);
  });

  test('stemming: "raise" finds "raises"', async () => {
    expect(await ids('raise')).toEqual(['1']);
  });

  test('phrases must be consecutive', async () => {
    expect(await ids('"central bank"')).toEqual(['5']);
    expect(await ids('"bank central"')).toEqual([]);
  });

  test('prefix queries', async () => {
    expect((await ids('infla*')).sort()).toEqual(['5', '6']);
  });

  test('exclusion', async () => {
    expect(await ids('bank -dividend')).toEqual(['5', '2']);
    expect(await ids('bank -copper -dividend')).toEqual(['5']);
  });

  test('cashtags and dotted tickers', async () => {
    expect(await ids('$BTC')).toEqual(['3']);
    expect(await ids('eth')).toEqual(['3']);
    expect(await ids('BRK.B')).toEqual(['4']);
  });

  test('source and date filters', async () => {
    const sources = await store.listSources();
    const second = sources.find((s) => s.url.startsWith('https://b.'));
    expect(await ids('bank', { sourceId: second?.id ?? 0 })).toEqual(['2']);
    expect(await ids('bank', { since: new Date(Date.UTC(2026, 0, 1, 3)) })).toEqual(['5']);
    expect(await ids('bank', { until: new Date(Date.UTC(2026, 0, 1, 1)) })).toEqual(['1']);
  });

  test('snippets mark the matches', async () => {
    const [hit] = (await store.searchArticles(q('copper'))).hits;
    expect(hit?.snippet.highlights.length).toBeGreaterThan(0);
    const [s, e] = hit?.snippet.highlights[0] ?? [0, 0];
    expect(hit?.snippet.text.slice(s, e).toLowerCase()).toBe('copper');
  });

  test('each hit gets its own snippet', async () => {
    const hits = (await store.searchArticles(q('bank'))).hits;
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(`${h.article.title} ${h.article.text}`).toContain(h.snippet.text.replace(/…/g, '').trim().slice(0, 20));
  });

  test('pagination by offset', async () => {
    const first = await store.searchArticles(q('bank', { limit: 1 }));
    const second = await store.searchArticles(q('bank', { limit: 1, offset: 1 }));
    expect(first.hasMore).toBe(true);
    expect(first.hits[0]?.article.id).not.toBe(second.hits[0]?.article.id);
  });

  test('the index follows updates and deletes', async () => {
    await store.deleteSource((await store.listSources())[0]?.id ?? 0);
    expect(await ids('dividend')).toEqual([]);
    expect(await ids('copper')).toEqual(['2']);
  });

  test('similar articles share distinctive terms and never include the article itself', async () => {
    const similar = await store.listSimilarArticles(1, 5);
    expect(similar.map((s) => s.article.id)).not.toContain(1);
    expect(similar[0]?.article.id).toBe(2);
  });
});

describe('compileMatch and parseSnippet', () => {
  test('quotes every token so punctuation cannot inject syntax', () => {
    expect(compileMatch(parseSearchQuery('a" OR "b NEAR(x'))).toBe('{title text} : ("b near x")');
    expect(compileMatch(parseSearchQuery('"rate cut" -hike infl*'))).toBe('{title text} : (("rate cut" AND "infl"*) NOT ("hike"))');
  });
  test('prefixes need 3 letters: shorter ones are words', () => {
    expect(parseSearchQuery('bi*').map((c) => c.kind)).toEqual(['word']);
    expect(parseSearchQuery('inf*').map((c) => c.kind)).toEqual(['prefix']);
  });
  test('parses marker ranges', () => {
    expect(parseSnippet('a \u0002bc\u0003 d')).toEqual({ text: 'a bc d', highlights: [[2, 4]] });
  });
});
