import { expect, test } from 'vitest';
import { loadLabelledSet } from '../fixtures/labelled-set.ts';
import { evaluateLabelled } from './labelled.ts';

const set = loadLabelledSet();

test('the labelled set is the size issue 5 asks for, with copies, rewrites and hard negatives', () => {
  expect(set.length).toBeGreaterThanOrEqual(40);
  expect(new Set(set.map((a) => a.story)).size).toBeGreaterThanOrEqual(12);
  expect(set.filter((a) => a.duplicateOf).length).toBeGreaterThanOrEqual(12);
});

test('duplicates and stories on the labelled set meet the issue 5 goals', () => {
  const r = evaluateLabelled(set);
  expect(r.duplicates.precision, r.mistakes.join('\n')).toBeGreaterThanOrEqual(0.99);
  expect(r.duplicates.recall, r.mistakes.join('\n')).toBeGreaterThanOrEqual(0.97);
  expect(r.originals.correct, r.mistakes.join('\n')).toBe(r.originals.total);
  expect(r.stories.f1, r.mistakes.join('\n')).toBeGreaterThanOrEqual(0.9);
});
