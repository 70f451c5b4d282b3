import { describe, expect, test } from 'vitest';
import { parseSearchQuery } from '../web/search-query.ts';
import { makeSnippet } from './snippet.ts';
import { lightStem } from './text-match.ts';

const marks = (text: string, q: string) => {
  const s = makeSnippet(text, parseSearchQuery(q));
  return s ? s.highlights.map(([a, b]) => s.text.slice(a, b)) : null;
};

describe('makeSnippet', () => {
  test('marks words by their light stem, phrases and adjacent matches as one highlight, prefixes by their start', () => {
    expect(marks('The bank raised rates twice; rate rises hurt lenders.', 'raise rate')).toEqual(['raised rates', 'rate']);
    expect(marks('Analysts said the central bank kept the central rate.', '"central bank"')).toEqual(['central bank']);
    expect(marks('Inflationary pressure and inflation eased.', 'infla*')).toEqual(['Inflationary', 'inflation']);
    expect(marks('Traders bought $BTC and BRK.B shares.', '$BTC')).toEqual(['BTC']);
    expect(marks('Copper slid.', 'gold')).toBeNull();
  });

  test('picks the window holding the most clauses, with ellipses where it cuts', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = `Copper opened the day. ${filler} Copper and zinc fell together. ${filler}`;
    const s = makeSnippet(text, parseSearchQuery('copper zinc'));
    expect(s?.text.startsWith('…')).toBe(true);
    expect(s?.text.endsWith('…')).toBe(true);
    expect(s?.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Copper', 'zinc']);
    expect(s?.text.split(' ').length).toBeLessThanOrEqual(30);
  });

  test('collapses whitespace and keeps highlight offsets right', () => {
    const s = makeSnippet('Gold\n\nrallied   as the  dollar fell.', parseSearchQuery('dollar'));
    expect(s?.text).toBe('Gold rallied as the dollar fell.');
    expect(s?.highlights).toEqual([[20, 26]]);
  });

  test('negated clauses are not marked', () => {
    expect(marks('Oil rose while gas fell.', 'oil -gas')).toEqual(['Oil']);
  });

  test('light stems', () => {
    expect(['rallies', 'rallied', 'rally'].map(lightStem)).toEqual(['rally', 'rally', 'rally']);
    expect(lightStem('rating')).toBe(lightStem('rates'));
    expect(lightStem('inflationary')).not.toBe(lightStem('inflation'));
    expect(lightStem('bus')).toBe('bus');
  });
});
