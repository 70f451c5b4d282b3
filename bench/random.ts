/** Deterministic randomness for the generated benchmark corpora: a seeded PRNG and a Zipf sampler. */

/** Deterministic PRNG (mulberry32): numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Zipf sampler over ranks 0..size-1: rank r drawn with weight 1 / (r + 1)^s. */
export function zipf(size: number, random: () => number, s = 1.05): () => number {
  const cum = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cum[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
