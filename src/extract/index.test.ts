import { describe, expect, test } from 'vitest';
import { extractArticle } from './index.ts';
import { ARTICLE_PARAGRAPHS, buildPage, PAGE_URL } from './testdata/page.ts';

const NOW = new Date('2026-03-20T00:00:00Z');

function article(html: string, url = PAGE_URL) {
  const r = extractArticle(html, url, { now: NOW });
  if (r.kind !== 'article') throw new Error(`expected an article, got ${r.reason}: ${r.message}`);
  return r.article;
}

describe('extractArticle', () => {
  test('extracts body and metadata from a page with chrome', () => {
    const a = article(buildPage());
    expect(a.title).toBe('Harbor approves electric cranes');
    expect(a.byline).toBe('Maren Ostrowski');
    expect(a.publishedAt?.toISOString()).toBe('2026-03-14T08:30:00.000Z');
    expect(a.modifiedAt?.toISOString()).toBe('2026-03-14T12:00:00.000Z');
    expect(a.canonicalUrl).toBe('https://news.example.com/2026/03/14/harbor-cranes?id=7');
    expect(a.imageUrl).toBe('https://news.example.com/img/cranes.jpg');
    expect(a.lang).toBe('en');
    expect(a.siteName).toBe('Lindenhaven Ledger');
    for (const p of ARTICLE_PARAGRAPHS) expect(a.text).toContain(p);
    expect(a.text).not.toMatch(/Most read|Privacy|cookies|tracking/);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(a.html).not.toMatch(/<script|<nav|<footer/);
    expect(a.wordCount).toBeGreaterThan(100);
    expect(a.readingMinutes).toBe(1);
    expect(a.excerpt.length).toBeLessThanOrEqual(260);
    expect(a.excerpt.startsWith('The port authority of Lindenhaven')).toBe(true);
    expect(a.excerpt.endsWith('…')).toBe(true);
  });

  test('never puts a date in the future', () => {
    const html = buildPage().replaceAll('2026-03-14T09:30:00+01:00', '2031-01-01T00:00:00Z');
    expect(article(html).publishedAt?.toISOString()).toBe('2026-03-14T00:00:00.000Z'); // from the URL
  });

  test('skips binary, empty and non-HTML input with a reason', () => {
    expect(extractArticle('\u0000\u0001\u0002\u0003PK\u0003\u0004'.repeat(50), PAGE_URL)).toMatchObject({ kind: 'skipped', reason: 'not-html' });
    expect(extractArticle('', PAGE_URL)).toMatchObject({ kind: 'skipped', reason: 'not-html' });
    expect(extractArticle('%PDF-1.7 rest', PAGE_URL)).toMatchObject({ kind: 'skipped', reason: 'not-html' });
    expect(extractArticle(buildPage(), PAGE_URL, { contentType: 'image/png' })).toMatchObject({ kind: 'skipped', reason: 'not-html' });
  });

  test('skips a page without an article', () => {
    const r = extractArticle('<html><body><nav><a href="/">Home</a></nav><p>Nothing here.</p></body></html>', PAGE_URL);
    expect(r.kind).toBe('skipped');
  });

  test('survives malformed HTML and truncated pages', () => {
    const page = buildPage();
    for (let cut = 0; cut < page.length; cut += 97) {
      const r = extractArticle(page.slice(0, cut), PAGE_URL);
      expect(['article', 'skipped']).toContain(r.kind);
    }
    const broken = page.replaceAll('</p>', '').replaceAll('<div', '<div <<').replace('</article>', '</section></table>');
    expect(extractArticle(broken, PAGE_URL).kind).toBe('article');
  });

  test('truncates pages over 5 MB with a warning, in bounded time', () => {
    const padding = `<div class="filler">${'<span>x</span>'.repeat(400_000)}</div>`;
    const started = Date.now();
    const r = extractArticle(buildPage() + padding, PAGE_URL);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.kind).toBe('article');
    if (r.kind === 'article') expect(r.article.warnings.join(' ')).toMatch(/truncated/);
  });

  test('deeply nested markup is flattened, not a stack overflow', () => {
    const deep = `${'<div>'.repeat(200_000)}${'<span>'.repeat(100_000)}`;
    const started = Date.now();
    const after = extractArticle(buildPage().replace('</main>', `</main>${deep}`), PAGE_URL);
    expect(after.kind).toBe('article');
    if (after.kind === 'article') expect(after.article.warnings.join(' ')).toMatch(/flattened/);
    const before = extractArticle(buildPage().replace('<main>', `<main>${deep}`), PAGE_URL);
    expect(['article', 'skipped']).toContain(before.kind);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a bad page URL does not throw', () => {
    expect(['article', 'skipped']).toContain(extractArticle(buildPage(), 'not a url').kind);
  });
});
