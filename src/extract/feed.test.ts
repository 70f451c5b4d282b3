import { describe, expect, test } from 'vitest';
import { extractFeedContent, isLikelyTeaser } from './feed.ts';

const ITEM_URL = 'https://blog.example.net/2026/05/tide-gauges?utm_source=rss';
const BODY = '<p>The city installed four new tide gauges along the river mouth this spring, replacing instruments that had drifted out of calibration after years of storms.</p><p>Engineers said the readings would be published every ten minutes, so that harbour pilots and fishing crews can plan around the highest tides.</p>';

describe('extractFeedContent', () => {
  test('removes the syndication footer, keeps its link as originUrl, sanitizes', () => {
    const html = `${BODY}<p onclick="x()">Share: <a href="/s">Share this story</a></p><script>alert(1)</script><p>The post <a href="https://origin.example.org/tide-gauges">New tide gauges</a> appeared first on <a href="https://origin.example.org/">Origin News</a>.</p>`;
    const r = extractFeedContent(html, ITEM_URL, { title: 'New tide gauges' });
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    expect(r.article.originUrl).toBe('https://origin.example.org/tide-gauges');
    expect(r.article.text).not.toMatch(/appeared first on|alert/);
    expect(r.article.html).not.toMatch(/<script|onclick|appeared first/);
    expect(r.article.removed.map((x) => x.rule)).toContain('syndication');
    expect(r.article.canonicalUrl).toBe('https://blog.example.net/2026/05/tide-gauges');
    expect(r.article.excerpt.startsWith('The city installed')).toBe(true);
  });

  test('empty or garbage content is a clear outcome', () => {
    expect(extractFeedContent('', ITEM_URL)).toMatchObject({ kind: 'skipped', reason: 'too-short' });
    expect(['article', 'skipped']).toContain(extractFeedContent('<<<>>>&&&', ITEM_URL).kind);
  });
});

describe('isLikelyTeaser', () => {
  test('short or truncated summaries are teasers', () => {
    expect(isLikelyTeaser('A short summary of the story.')).toBe(true);
    expect(isLikelyTeaser(`${'word '.repeat(300)}Continue reading`)).toBe(true);
    expect(isLikelyTeaser(`${'word '.repeat(300)}end.`)).toBe(false);
  });
});
