/** Builders of test articles (invented text) for store tests. */
import type { Article, NewArticle } from '../../model.ts';

/** A complete article for source `sourceId`; `n` makes guid and URLs distinct. */
export function buildArticle(n: number, over: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId: 1,
    guid: `guid-${n}`,
    url: `https://news.example/story/${n}?utm=feed`,
    canonicalUrl: `https://news.example/story/${n}`,
    title: `Harbor freight index edges up, note ${n}`,
    author: n % 2 === 0 ? 'Desk Writer' : null,
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, n)),
    fetchedAt: new Date(Date.UTC(2026, 0, 2, 0, 0, 0, n)),
    excerpt: `Container rates rose for a third week (${n}).`,
    html: `<p>Container rates rose for a third week, according to the made-up index ${n}.</p>`,
    text: `Container rates rose for a third week, according to the made-up index ${n}.`,
    wordCount: 13,
    readingMinutes: 1,
    imageUrl: n % 3 === 0 ? `https://news.example/img/${n}.png` : null,
    lang: 'en',
    contentHash: `hash-${n}`,
    originUrl: null,
    removed: [{ rule: 'cta', reason: 'newsletter box', text: 'Sign up for the morning brief' }],
    warnings: n % 2 === 0 ? ['no byline date'] : [],
    ...over,
  };
}

/** What the store gives back for `input` inserted as `id`: enrichment fields start empty. */
export function stored(input: NewArticle, id: number): Article {
  return { ...input, id, storyId: null, duplicateOf: null, sentiment: null, figures: [] };
}
