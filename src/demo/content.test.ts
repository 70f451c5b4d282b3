import { describe, expect, test } from 'vitest';
import { DEMO_OUTLETS } from './content/index.ts';
import { bodyText } from './render-body.ts';

const articles = DEMO_OUTLETS.flatMap((outlet) => outlet.articles.map((article) => ({ outlet, article })));

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

describe('demo content', () => {
  test('at least four outlets, one per feed format', () => {
    expect(DEMO_OUTLETS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(DEMO_OUTLETS.map((o) => o.format))).toEqual(new Set(['rss', 'atom', 'json', 'rdf']));
  });

  test('16 to 24 articles of 300 to 900 words each', () => {
    expect(articles.length).toBeGreaterThanOrEqual(16);
    expect(articles.length).toBeLessThanOrEqual(24);
    for (const { outlet, article } of articles) {
      const count = words(bodyText(article.body));
      expect(count, `${outlet.key}/${article.slug}`).toBeGreaterThanOrEqual(300);
      expect(count, `${outlet.key}/${article.slug}`).toBeLessThanOrEqual(900);
    }
  });

  test('slugs and ids are unique within an outlet; paths and GUID hosts unique across outlets', () => {
    for (const outlet of DEMO_OUTLETS) {
      expect(new Set(outlet.articles.map((a) => a.slug)).size).toBe(outlet.articles.length);
      expect(new Set(outlet.articles.map((a) => a.id)).size).toBe(outlet.articles.length);
      for (const a of outlet.articles) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(DEMO_OUTLETS.map((o) => o.path)).size).toBe(DEMO_OUTLETS.length);
    expect(new Set(DEMO_OUTLETS.map((o) => o.guidHost)).size).toBe(DEMO_OUTLETS.length);
  });

  test('publication times spread over the last 48 hours', () => {
    const ages = articles.map(({ article }) => article.minutesAgo);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(48 * 60);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(36 * 60);
  });

  test('no two articles share a title or an opening paragraph, apart from the syndicated copy', () => {
    const originals = articles.filter(({ article }) => !article.syndicatedFrom);
    expect(new Set(originals.map(({ article }) => article.title)).size).toBe(originals.length);
    expect(new Set(originals.map(({ article }) => String(article.body[0]))).size).toBe(originals.length);
  });

  test('the syndicated copy keeps most of its original text with light edits', () => {
    const copies = articles.filter(({ article }) => article.syndicatedFrom);
    expect(copies).toHaveLength(1);
    for (const { article } of copies) {
      const from = article.syndicatedFrom;
      const original = DEMO_OUTLETS.find((o) => o.key === from?.outletKey)?.articles.find((a) => a.slug === from?.slug);
      expect(original).toBeDefined();
      const copyText = bodyText(article.body);
      const originalText = bodyText(original?.body ?? []);
      expect(copyText).not.toBe(originalText);
      expect(words(copyText) / words(originalText)).toBeGreaterThan(0.7);
      expect(article.minutesAgo).toBeLessThan(original?.minutesAgo ?? 0);
    }
  });

  test('labels name instruments as VENUE:SYMBOL, and traps occur in the text they label', () => {
    for (const { outlet, article } of articles) {
      for (const id of article.labels.instruments) expect(id).toMatch(/^[A-Z0-9]+:[A-Z0-9.]+$/);
      const text = `${article.title}\n${bodyText(article.body)}`;
      for (const trap of article.labels.traps ?? []) {
        const word = trap === 'AAPL' ? 'Apple' : trap;
        expect(new RegExp(`\\b${word}\\b`, 'i').test(text), `${outlet.key}/${article.slug}: ${trap}`).toBe(true);
      }
    }
  });
});
