import { expect, test } from 'vitest';
import { extractArticle } from './index.ts';

const PARAGRAPHS = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the report explains how the harbour authority will pay for the new berths, which contractors bid, and why the schedule slipped by two months after the winter storms.</p>`,
).join('');

test('a "listen to this article" player is not part of the text', () => {
  const html = `<!doctype html><html lang="en"><head><title>Harbour berths</title></head><body><article><h1>Harbour berths</h1>
<div class="audio-player" role="region" aria-label="Audio"><button type="button">▶ Listen to this article</button> <span class="audio-duration">2 min</span> <span class="audio-credit">Voiced by a synthetic narrator</span></div>
${PARAGRAPHS}</article></body></html>`;
  const result = extractArticle(html, 'https://port.example/berths');
  expect(result.kind).toBe('article');
  if (result.kind !== 'article') return;
  expect(result.article.text).not.toContain('Voiced by');
  expect(result.article.text).not.toContain('Listen to this article');
  expect(result.article.text.startsWith('Paragraph 1')).toBe(true);
  expect(result.article.removed.some((r) => r.rule === 'audio-player')).toBe(true);
});

test('an editorial standards line under the body is not part of the text', () => {
  const html = `<!doctype html><html lang="en"><head><title>Harbour berths</title></head><body><article><h1>Harbour berths</h1>${PARAGRAPHS}
<p class="standards-note"><a href="#standards">Our Standards: The Northwind Trust Principles.</a></p></article></body></html>`;
  const result = extractArticle(html, 'https://port.example/berths');
  expect(result.kind).toBe('article');
  if (result.kind !== 'article') return;
  expect(result.article.text).not.toContain('Trust Principles');
  expect(result.article.text).toContain('Paragraph 5');
});
