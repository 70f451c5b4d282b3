import { expect, test } from 'vitest';
import { bcubed, pairwise } from './bcubed.ts';

test('perfect clustering scores 1', () => {
  expect(bcubed(['a', 'a', 'b'], ['x', 'x', 'y'])).toEqual({ precision: 1, recall: 1, f1: 1 });
});

test('one cluster for everything: recall 1, precision by cluster purity', () => {
  const r = bcubed(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x']);
  expect(r.recall).toBe(1);
  expect(r.precision).toBeCloseTo(0.5);
});

test('all singletons: precision 1, recall by gold size', () => {
  const r = bcubed(['a', 'a', 'a', 'b'], ['1', '2', '3', '4']);
  expect(r.precision).toBe(1);
  expect(r.recall).toBeCloseTo((1 / 3 + 1 / 3 + 1 / 3 + 1) / 4);
});

test('pairwise counts same-cluster pairs', () => {
  const r = pairwise(['a', 'a', 'a', 'b'], ['x', 'x', 'y', 'y']);
  expect(r.precision).toBeCloseTo(1 / 2);
  expect(r.recall).toBeCloseTo(1 / 3);
  expect(() => bcubed(['a'], [])).toThrow(RangeError);
});
