import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadInstruments } from '../instruments/index.ts';
import { silentLogger } from '../log.ts';
import type { NewArticle } from '../model.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import { contentHash } from '../stories/index.ts';
import { Enricher, TOPICS_BACKFILL_SETTING } from './enrich.ts';

const ORIGINAL = [
  'Nvidia reported fiscal third-quarter revenue of 61.4 billion dollars on Wednesday, ahead of the 59.8 billion analysts had expected, as cloud providers kept buying its data-centre systems faster than the company could ship them.',
  'The chipmaker guided fourth-quarter revenue to about 67 billion dollars. Nvidia shares rose 4.2% in extended trading after the report, adding to a gain of almost 30% this year.',
  'Gross margin held near 75 percent despite the ramp of a new generation of accelerators, which the finance chief said would remain supply constrained into the first half of next year.',
].join('\n\n');

const COPY = `${ORIGINAL.replace('on Wednesday', 'late on Wednesday')}\n\nThe post Nvidia beats estimates as data-centre demand holds appeared first on Harbor Ledger.`;

const REWRITE = [
  'Nvidia’s quarterly sales beat Wall Street forecasts again, with data-centre revenue driving a total of 61.4 billion dollars, and the company projected about 67 billion for the current quarter.',
  'Investors pushed Nvidia stock up in late trading. Executives said demand from hyperscale cloud customers and AI labs still exceeds supply, and that the new accelerator generation is ramping on schedule.',
  'Analysts at several brokers raised their price targets after the call, citing the margin guidance and the size of the order backlog.',
].join('\n\n');

const UNRELATED = [
  'Copper miners climbed for a third session after exchange warehouse inventories fell for a sixth straight week, leaving little slack before the winter construction lull.',
  'Producers with smelting capacity outside the main consuming regions gained the most, helped by long-term contracts signed in the summer that lock in generous treatment charges.',
  'Fabricators said order books for the first quarter were steady but not strong, and several asked suppliers to defer deliveries by a month.',
].join('\n\n');

/** Background news on other topics: the clusterer's term weights are learned from the stream, as in production. */
const BACKGROUND = [
  ['Regional lenders trim deposit rates ahead of the holiday', 'Three regional lenders lowered the interest they pay on instant-access savings accounts this week, a sign banks expect borrowing costs to ease. Deposit brokers said fixed-term accounts still pay more than easy-access ones.'],
  ['Card networks schedule the last legacy payments cutover', 'The final window to move merchants off the old card-authorisation message format opens in March. Acquirers that miss the deadline will have transactions declined rather than converted.'],
  ['Stablecoin issuers move to monthly attestation reports', 'Two issuers of dollar-pegged tokens will publish reserve attestations every month instead of every quarter, responding to pressure from exchanges that list their coins.'],
  ['Oil slips as inventories build for a second week', 'Crude futures fell after government data showed stockpiles rose again, while refiners cut runs for seasonal maintenance and demand for heating fuel stayed mild.'],
  ['Airline shares climb as holiday bookings top forecasts', 'Carriers said advance bookings for the holiday season are running ahead of last year, and fuel costs have eased, supporting margins into the new year.'],
  ['Treasury yields edge lower ahead of Fed minutes', 'Government bond yields slipped and stock futures were flat as investors waited for the minutes of the central bank’s last meeting for clues about the pace of rate cuts.'],
] as const;

function buildArticle(sourceId: number, n: number, title: string, text: string, hoursAgo: number, originUrl: string | null = null): NewArticle {
  const url = `https://site${sourceId}.example/a/${n}`;
  return {
    sourceId,
    guid: `g${n}`,
    url,
    canonicalUrl: url,
    title,
    author: null,
    publishedAt: new Date(Date.UTC(2026, 10, 25, 12) - hoursAgo * 3_600_000),
    fetchedAt: new Date(Date.UTC(2026, 10, 25, 12)),
    excerpt: text.slice(0, 120),
    html: `<p>${text}</p>`,
    text,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    imageUrl: null,
    lang: 'en',
    contentHash: contentHash(text),
    originUrl,
    removed: [],
    warnings: [],
  };
}

describe('Enricher', () => {
  let store: SqliteStore;
  const now = () => new Date(Date.UTC(2026, 10, 25, 12));
  const newEnricher = () => new Enricher({ store, log: silentLogger, now, instruments: () => loadInstruments() });

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
    for (const n of [1, 2, 3, 4, 5]) await store.insertSource({ url: `https://site${n}.example/feed` }, now());
    await store.insertArticles(BACKGROUND.map(([title, text], i) => buildArticle(5, 100 + i, title, `${text}\n\n${text}`, 30 + i)));
  });
  afterEach(async () => store.close());

  test('a syndicated copy credits the original; a rewrite joins the story; unrelated news does not', async () => {
    const [orig, copy, rewrite, other] = await store.insertArticles([
      buildArticle(1, 1, 'Nvidia beats estimates as data-centre demand holds', ORIGINAL, 5),
      buildArticle(2, 2, 'Nvidia tops forecasts on data-centre demand', COPY, 4, 'https://site1.example/a/1'),
      buildArticle(3, 3, 'Nvidia quarterly sales beat forecasts as AI demand outruns supply', REWRITE, 3),
      buildArticle(4, 4, 'Copper miners rally as warehouse stocks thin out', UNRELATED, 2),
    ]);
    const outcomes = await newEnricher().enrichPending();
    expect(outcomes).toHaveLength(4 + BACKGROUND.length);
    const a = async (id: number | null | undefined) => {
      const found = await store.getArticle(id ?? 0);
      if (!found) throw new Error(`article ${id} missing`);
      return found;
    };
    expect((await a(copy)).duplicateOf).toBe(orig);
    expect((await a(orig)).duplicateOf).toBeNull();
    expect((await a(rewrite)).duplicateOf).toBeNull();
    expect((await a(rewrite)).storyId).toBe((await a(orig)).storyId);
    expect((await a(copy)).storyId).toBe((await a(orig)).storyId);
    expect((await a(other)).storyId).not.toBe((await a(orig)).storyId);

    const story = await store.getStory((await a(orig)).storyId ?? 0);
    expect(story?.articleCount).toBe(3);
    expect(story?.sourceCount).toBe(2);
    expect((await store.listCopies(orig ?? 0)).map((c) => c.id)).toEqual([copy]);

    const instruments = await store.listArticleInstruments([orig ?? 0, other ?? 0]);
    expect(instruments.get(orig ?? 0)?.map((i) => i.instrumentId)).toContain('us:NVDA');
    expect(instruments.get(other ?? 0) ?? []).toEqual([]);
    expect((await a(orig)).figures.some((f) => f.unit === '%' && f.value === 4.2)).toBe(true);
    expect((await store.listInstrumentArticles('us:NVDA', { limit: 10 })).items.map((x) => x.id)).not.toContain(copy);
    const { items } = await store.listArticles({ limit: 10, excludeCopies: true });
    expect(items.map((x) => x.id)).not.toContain(copy);
  });

  test('every enriched article is filed under its topics, from text and linked instruments', async () => {
    const [orig, other] = await store.insertArticles([
      buildArticle(1, 1, 'Nvidia beats estimates as data-centre demand holds', ORIGINAL, 5),
      buildArticle(4, 4, 'Copper miners rally as warehouse stocks thin out', UNRELATED, 2),
    ]);
    await newEnricher().enrichPending();
    const background = (await store.listArticles({ limit: 20, sourceId: 5 })).items;
    const byTitle = new Map(background.map((x) => [x.title, x.id]));
    const topics = await store.listArticleTopics([orig ?? 0, other ?? 0, ...byTitle.values()]);
    expect(topics.get(orig ?? 0)?.[0]).toBe('stocks');
    expect(topics.get(other ?? 0)).toEqual(['commodities']);
    expect(topics.get(byTitle.get('Oil slips as inventories build for a second week') ?? 0)).toEqual(['commodities']);
    expect(topics.get(byTitle.get('Treasury yields edge lower ahead of Fed minutes') ?? 0)?.[0]).toBe('macro');
    expect(topics.get(byTitle.get('Stablecoin issuers move to monthly attestation reports') ?? 0)).toContain('crypto');
    expect((await store.listArticles({ limit: 20, topic: 'commodities' })).items.map((x) => x.id).sort()).toEqual(
      [other, byTitle.get('Oil slips as inventories build for a second week')].sort(),
    );
  });

  test('articles enriched before topics existed are backfilled in passes, then the mark says done', async () => {
    const enricher = newEnricher();
    await enricher.enrichPending();
    const ids = (await store.listArticles({ limit: 20 })).items.map((x) => x.id);
    for (const id of ids) await store.saveArticleTopics(id, []);
    await store.setSetting(TOPICS_BACKFILL_SETTING, '0');
    // Batches are 100 articles: one pass covers these six and finds the end on the next batch.
    expect(await enricher.backfillTopics(1)).toBe(BACKGROUND.length);
    expect(await store.getSetting(TOPICS_BACKFILL_SETTING)).toBe(String(Math.max(...ids)));
    // Every background story but the card-network one has a topic.
    expect((await store.listArticleTopics(ids)).size).toBe(BACKGROUND.length - 1);
    expect(await enricher.backfillTopics()).toBe(0);
    expect(await store.getSetting(TOPICS_BACKFILL_SETTING)).toBe('done');
    await store.saveArticleTopics(ids[0] ?? 0, []);
    expect(await enricher.backfillTopics()).toBe(0);
    expect((await store.listArticleTopics([ids[0] ?? 0])).size).toBe(0);
  });

  test('a copy that arrives first is re-pointed when its original arrives', async () => {
    const [copy] = await store.insertArticles([buildArticle(2, 2, 'Nvidia tops forecasts', COPY, 4, 'https://site1.example/a/1')]);
    const enricher = newEnricher();
    await enricher.enrichPending();
    const [orig] = await store.insertArticles([buildArticle(1, 1, 'Nvidia beats estimates', ORIGINAL, 5)]);
    await enricher.enrichPending();
    expect((await store.getArticle(copy ?? 0))?.duplicateOf).toBe(orig);
    expect((await store.getArticle(orig ?? 0))?.duplicateOf).toBeNull();
  });

  test('state survives a restart: a new enricher rebuilds its indexes from the store', async () => {
    const [orig] = await store.insertArticles([buildArticle(1, 1, 'Nvidia beats estimates as data-centre demand holds', ORIGINAL, 5)]);
    await newEnricher().enrichPending();
    const [copy, rewrite] = await store.insertArticles([
      buildArticle(2, 2, 'Nvidia tops forecasts on data-centre demand', COPY, 4),
      buildArticle(3, 3, 'Nvidia quarterly sales beat forecasts as AI demand outruns supply', REWRITE, 3),
    ]);
    await newEnricher().enrichPending();
    const storyOf = async (id: number | null | undefined) => (await store.getArticle(id ?? 0))?.storyId;
    expect((await store.getArticle(copy ?? 0))?.duplicateOf).toBe(orig);
    expect(await storyOf(rewrite)).toBe(await storyOf(orig));
  });

  test('an admin split moves an article into a story of its own', async () => {
    const [orig, , rewrite] = await store.insertArticles([
      buildArticle(1, 1, 'Nvidia beats estimates as data-centre demand holds', ORIGINAL, 5),
      buildArticle(2, 2, 'Nvidia tops forecasts on data-centre demand', COPY, 4),
      buildArticle(3, 3, 'Nvidia quarterly sales beat forecasts as AI demand outruns supply', REWRITE, 3),
    ]);
    const enricher = newEnricher();
    await enricher.enrichPending();
    const before = (await store.getArticle(orig ?? 0))?.storyId;
    const newStory = await enricher.splitArticle(rewrite ?? 0);
    expect(newStory).toBeDefined();
    expect(newStory).not.toBe(before);
    expect((await store.getArticle(rewrite ?? 0))?.storyId).toBe(newStory);
    expect((await store.getStory(before ?? 0))?.articleCount).toBe(2);
  });
});
