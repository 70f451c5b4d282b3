import { expect, test } from 'vitest';
import { extractFigures } from './figures.ts';
import { linkInstruments } from './link.ts';
import { loadInstruments } from './load.ts';
import { scoreSentiment } from './sentiment.ts';

const index = loadInstruments();

test('empty, garbage and very long inputs return values without throwing', () => {
  const garbage = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
  for (const text of ['', ' ', '$', '$$$', '....', 'HKEX:', '(', garbage, '\u0000\uFFFD\uD800']) {
    expect(Array.isArray(linkInstruments(index, { title: text, text }))).toBe(true);
    expect(Array.isArray(extractFigures(text, { index }))).toBe(true);
    expect(['positive', 'negative', 'neutral']).toContain(scoreSentiment(text).label);
  }
});

test('a 200 KB article links in well under a second and counts every mention', () => {
  const para = 'Nvidia rose 3% while Apple shares fell 1% and bitcoin was flat. ';
  const text = para.repeat(3_200);
  const t = performance.now();
  const links = linkInstruments(index, { title: 'Markets', text });
  expect(performance.now() - t).toBeLessThan(1_000);
  expect(links.find((l) => l.instrumentId === 'us:NVDA')?.mentions).toBe(3_200);
  expect(links[0]?.sentences.length).toBeLessThanOrEqual(3);
});
