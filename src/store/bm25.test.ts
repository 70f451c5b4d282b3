import { expect, test } from 'vitest';
import { parseSearchQuery } from '../web/search-query.ts';
import { bm25Scores } from './bm25.ts';

const rank = (docs: Array<[number, string, string]>, q: string) => {
  const scores = bm25Scores(docs.map(([id, title, text]) => ({ id, title, text })), parseSearchQuery(q), 8);
  return [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
};

test('a title match outranks body mentions; more mentions beat fewer; a short body beats a long one', () => {
  const filler = 'the desk covered other markets that day as well. '.repeat(20);
  expect(rank([[1, 'Grain prices', 'Copper rose.'], [2, 'Copper rises', 'Metals were firm.']], 'copper')).toEqual([2, 1]);
  expect(rank([[1, 'Metals', 'Copper rose. Copper traders bought.'], [2, 'Metals', 'Copper rose.']], 'copper')).toEqual([1, 2]);
  expect(rank([[1, 'Metals', `Copper rose. ${filler}`], [2, 'Metals', 'Copper rose.']], 'copper')).toEqual([2, 1]);
});

test('phrases count only as consecutive words, and every clause adds', () => {
  const docs: Array<[number, string, string]> = [
    [1, 'Update', 'The central bank held rates.'],
    [2, 'Update', 'The bank in the central square held an auction.'],
  ];
  const scores = bm25Scores(docs.map(([id, title, text]) => ({ id, title, text })), parseSearchQuery('"central bank"'), 8);
  expect(scores.get(1)).toBeGreaterThan(0);
  expect(scores.get(2)).toBe(0);
  const both = bm25Scores([{ id: 1, title: 'x', text: 'gold and silver' }], parseSearchQuery('gold silver'), 8).get(1) ?? 0;
  const one = bm25Scores([{ id: 1, title: 'x', text: 'gold and silver' }], parseSearchQuery('gold'), 8).get(1) ?? 0;
  expect(both).toBeGreaterThan(one);
});
