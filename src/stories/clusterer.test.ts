import { describe, expect, test } from 'vitest';
import { StoryClusterer } from './clusterer.ts';
import type { StoryArticleInput } from './story-types.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-11-24T08:00:00Z');

function article(id: string, title: string, hours: number, over: Partial<StoryArticleInput<string>> = {}): StoryArticleInput<string> {
  return { id, title, publishedAt: T0 + hours * H, sourceKey: `${id}.example`, ...over };
}

/** Background headlines so the learned IDF looks like a news day, not a three-article corpus. */
function warm(c: StoryClusterer<string>): void {
  const filler = [
    'Retail sales climb as shoppers return to malls',
    'Drugmaker wins approval for asthma inhaler',
    'Carmaker recalls sedans over faulty airbags',
    'Gold steadies as dollar weakens against yen',
    'Tech firm opens research lab in Toronto',
    'Airline cancels flights as storm hits coast',
    'Insurer posts loss on hurricane claims',
    'Mining group sells coal assets to rival',
  ];
  filler.forEach((title, i) => {
    c.add(article(`bg${i}`, title, -30 + i));
  });
}

describe('StoryClusterer', () => {
  test('reports of one event with different headlines join one story; an unrelated one does not', () => {
    const c = new StoryClusterer<string>();
    warm(c);
    const a = c.add(article('a', 'Copperline Rail wins order for forty battery trains', 0));
    const b = c.add(article('b', 'Battery trains order: Copperline Rail to build forty units', 1));
    const x = c.add(article('x', 'Central bank leaves interest rates unchanged', 1.5));
    expect(a.isNew).toBe(true);
    expect(b).toMatchObject({ storyId: a.storyId, isNew: false });
    expect(b.similarity).toBeGreaterThan(0.15);
    expect(x.storyId).not.toBe(a.storyId);
  });

  test('a story has its headline, times, independent source count and articles in order; copies do not count', () => {
    const c = new StoryClusterer<string>();
    warm(c);
    const first = c.add(article('a', 'Copperline Rail wins order for forty battery trains', 2, { sourceKey: 'wire' }));
    c.add(article('b', 'Copperline Rail battery trains order confirmed', 3, { sourceKey: 'daily' }));
    const copy = c.add(article('c', 'Copperline Rail wins order for forty battery trains', 4, { sourceKey: 'mirror', duplicateOf: 'a' }));
    c.add(article('d', 'Forty battery trains for Copperline Rail', 1, { sourceKey: 'daily' }));
    expect(copy).toMatchObject({ storyId: first.storyId, similarity: 1 });
    const story = c.getStory(first.storyId);
    expect(story?.articles.map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(story?.articles.find((x) => x.id === 'c')?.isCopy).toBe(true);
    expect(story?.sourceCount).toBe(2);
    expect(story?.firstSeen.getTime()).toBe(T0 + 1 * H);
    expect(story?.lastUpdate.getTime()).toBe(T0 + 4 * H);
    expect(story?.headline).toMatch(/Copperline Rail/);
    expect(story?.headlineArticleId).not.toBe('c');
  });

  test('articles outside the time window open a new story; a late article inside it joins', () => {
    const c = new StoryClusterer<string>({ windowMs: 24 * H });
    warm(c);
    const a = c.add(article('a', 'Copperline Rail wins order for forty battery trains', 0));
    const late = c.add(article('late', 'Copperline Rail battery train order details', -10));
    const far = c.add(article('far', 'Copperline Rail wins order for forty battery trains', 80));
    expect(late.storyId).toBe(a.storyId);
    expect(far.storyId).not.toBe(a.storyId);
    expect(c.getStory(a.storyId)?.firstSeen.getTime()).toBe(T0 - 10 * H);
  });

  test('articles naming different instruments need far stronger text evidence', () => {
    const c = new StoryClusterer<string>();
    warm(c);
    const stub = (id: string, name: string, symbol: string) =>
      article(id, `${name} (${symbol}) shares up in morning trading`, 1, {
        instruments: [symbol],
        text: `Shares of ${name} (${symbol}) rose in morning trading, according to price data. Volume was above the 30-day average.`,
      });
    const a = c.add(stub('p', 'Pellham Retail', 'PLHM'));
    const b = c.add(stub('q', 'Quarry Lane Mining', 'QLMN'));
    expect(b.storyId).not.toBe(a.storyId);
    const sameInstrument = c.add(stub('p2', 'Pellham Retail', 'PLHM'));
    expect(sameInstrument.storyId).toBe(a.storyId);
  });

  test('re-adding a known id returns its story without changing anything', () => {
    const c = new StoryClusterer<string>();
    const a = c.add(article('a', 'Copperline Rail wins order', 0));
    expect(c.add(article('a', 'Copperline Rail wins order', 0))).toMatchObject({ storyId: a.storyId, isNew: false });
    expect(c.getStory(a.storyId)?.articles).toHaveLength(1);
  });

  test('split moves an article and its copies into a new story', () => {
    const c = new StoryClusterer<string>();
    warm(c);
    const a = c.add(article('a', 'Copperline Rail wins order for forty battery trains', 0));
    c.add(article('b', 'Copperline Rail battery trains order confirmed', 1));
    c.add(article('b-copy', 'Copperline Rail battery trains order confirmed', 2, { duplicateOf: 'b' }));
    const moved = c.split('b');
    expect(moved).toBeDefined();
    expect(moved).not.toBe(a.storyId);
    expect(c.storyOf('b')).toBe(moved);
    expect(c.storyOf('b-copy')).toBe(moved);
    expect(c.getStory(a.storyId)?.articles.map((x) => x.id)).toEqual(['a']);
    expect(c.split('a')).toBe(a.storyId);
    expect(c.split('nope')).toBeUndefined();
  });

  test('an article bridging two stories of one event merges them and reports it', () => {
    const c = new StoryClusterer<string>({ threshold: 0.3, mergeThreshold: 0.2 });
    warm(c);
    const a = c.add(article('a', 'Copperline Rail wins battery trains contract', 0));
    const b = c.add(article('b', 'Northern provinces sign regional rolling stock deal', 1));
    expect(b.storyId).not.toBe(a.storyId);
    const bridge = c.add(article('c', 'Copperline Rail battery trains contract: northern provinces sign regional rolling stock deal', 2));
    expect(bridge.merged).toHaveLength(1);
    expect(c.storyOf('a')).toBe(bridge.storyId);
    expect(c.storyOf('b')).toBe(bridge.storyId);
    expect(c.getStory(bridge.merged[0] ?? '')).toBeUndefined();
  });

  test('snapshot → JSON → restore keeps stories and goes on assigning the same way', () => {
    const c = new StoryClusterer<string>();
    warm(c);
    const a = c.add(article('a', 'Copperline Rail wins order for forty battery trains', 0, { instruments: ['CPRL'] }));
    c.add(article('a-copy', 'Copperline Rail wins order for forty battery trains', 0.5, { duplicateOf: 'a' }));
    const snapshot = JSON.parse(JSON.stringify(c.snapshot())) as ReturnType<typeof c.snapshot>;
    const restored = StoryClusterer.restore(snapshot);
    expect(restored.getStory(a.storyId)).toEqual(c.getStory(a.storyId));
    expect(restored.listStories().length).toBe(c.listStories().length);
    const next = article('b', 'Copperline Rail battery trains order confirmed', 1, { instruments: ['CPRL'] });
    expect(restored.add(next)).toEqual(c.add(next));
    expect(restored.add(article('z', 'Insurer posts loss on storm claims', 2)).storyId).toMatch(/^s\d+$/);
  });
});

describe('StoryClusterer.place and retention', () => {
  test('place rebuilds stored assignments, and later articles match the placed stories', () => {
    const c = new StoryClusterer<number>();
    const titles = ['Retail sales climb as shoppers return', 'Gold steadies as dollar weakens', 'Airline cancels flights as storm hits'];
    titles.forEach((title, i) => {
      c.place({ id: 100 + i, title, publishedAt: T0 }, `stored-${i}`);
    });
    expect(c.place({ id: 1, title: 'Copperline Rail wins battery trains contract', publishedAt: T0 }, '42')).toMatchObject({ storyId: '42', isNew: true });
    expect(c.place({ id: 2, title: 'Copperline Rail contract copy', publishedAt: T0, duplicateOf: 1 }, '42').isNew).toBe(false);
    expect(c.getStory('42')?.articles.map((a) => a.isCopy)).toEqual([false, true]);
    expect(c.add({ id: 3, title: 'Copperline Rail battery trains contract confirmed', publishedAt: T0 + H }).storyId).toBe('42');
  });

  test('stories idle beyond the retention are forgotten (the store keeps them)', () => {
    const c = new StoryClusterer<number>({ retentionMs: 2 * 86_400_000 });
    const first = c.add({ id: 0, title: 'Copperline Rail wins battery trains contract', publishedAt: T0 });
    for (let i = 1; i <= 2_100; i++) c.add({ id: i, title: 'Insurer posts loss on storm claims', publishedAt: T0 + 5 * 86_400_000 });
    expect(c.getStory(first.storyId)).toBeUndefined();
    expect(c.storyOf(0)).toBeUndefined();
    expect(c.storyOf(2_100)).toBeDefined();
  });
});
