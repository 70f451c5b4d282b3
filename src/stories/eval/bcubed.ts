/**
 * @module stories/eval/bcubed — clustering quality: B-cubed precision/recall/F1 (Bagga & Baldwin 1998)
 * and pairwise precision/recall/F1, from parallel arrays of gold and predicted labels.
 */

/** Precision, recall and their harmonic mean. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** B-cubed P/R/F1 of predicted clusters against gold clusters (same length arrays, one label per item). */
export function bcubed(gold: string[], predicted: string[]): PRF {
  if (gold.length !== predicted.length) throw new RangeError('bcubed: label arrays differ in length');
  if (gold.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const both = countBy(gold.map((g, i) => `${g}\u0000${predicted[i]}`));
  const byGold = countBy(gold);
  const byPred = countBy(predicted);
  let p = 0;
  let r = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] ?? '';
    const c = predicted[i] ?? '';
    const shared = both.get(`${g}\u0000${c}`) ?? 0;
    p += shared / (byPred.get(c) ?? 1);
    r += shared / (byGold.get(g) ?? 1);
  }
  const precision = p / gold.length;
  const recall = r / gold.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Pairwise P/R/F1: over all item pairs, "same cluster" predicted vs gold. */
export function pairwise(gold: string[], predicted: string[]): PRF {
  const pairs = (counts: Map<string, number>) => [...counts.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const truePairs = pairs(countBy(gold.map((g, i) => `${g}\u0000${predicted[i]}`)));
  const predPairs = pairs(countBy(predicted));
  const goldPairs = pairs(countBy(gold));
  const precision = predPairs > 0 ? truePairs / predPairs : 1;
  const recall = goldPairs > 0 ? truePairs / goldPairs : 1;
  return { precision, recall, f1: f1Of(precision, recall) };
}
