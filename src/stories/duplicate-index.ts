/**
 * @module stories/duplicate-index — near-duplicate lookups by LSH key: an article is filed under
 * its fingerprint's band keys; a lookup gathers the articles sharing any key and verifies each by
 * MinHash (Jaccard and containment) and SimHash distance. No pairwise scan over the index.
 */
import { estimateJaccard, type Fingerprint, isDedupCandidate, simhashDistance } from './fingerprint.ts';

/** Estimated Jaccard at or above this is a near-duplicate (lightly edited copies sit ≈ 0.6–0.9, rewrites < 0.2). */
export const NEAR_DUP_JACCARD = 0.5;
/**
 * Share of the shorter text's shingles found in the longer one at or above this is a (trimmed)
 * copy; the shorter text must still have MIN_CONTAINED_SHINGLES shingles.
 */
export const NEAR_DUP_CONTAINMENT = 0.75;
/** Trimmed copies shorter than this many shingles are not matched by containment alone. */
export const MIN_CONTAINED_SHINGLES = 40;
/** SimHash Hamming distance at or below this is a near-duplicate (Manku et al. 2007 use k = 3). */
export const SIMHASH_MAX_DISTANCE = 3;

/** How two fingerprints compare. */
export interface FingerprintComparison {
  jaccard: number;
  /** Estimated share of the smaller shingle set contained in the larger. */
  containment: number;
  hammingDistance: number;
  isNearDuplicate: boolean;
}

/** Compare two fingerprints; texts too short to dedupe are never near-duplicates. */
export function compareFingerprints(a: Fingerprint, b: Fingerprint): FingerprintComparison {
  const jaccard = estimateJaccard(a, b);
  const smaller = Math.min(a.shingleCount, b.shingleCount);
  const intersection = (jaccard * (a.shingleCount + b.shingleCount)) / (1 + jaccard);
  const containment = smaller > 0 ? Math.min(1, intersection / smaller) : 0;
  const hammingDistance = simhashDistance(a.simhash, b.simhash);
  const usable = isDedupCandidate(a) && isDedupCandidate(b);
  const isNearDuplicate =
    usable &&
    (jaccard >= NEAR_DUP_JACCARD ||
      hammingDistance <= SIMHASH_MAX_DISTANCE ||
      (containment >= NEAR_DUP_CONTAINMENT && smaller >= MIN_CONTAINED_SHINGLES));
  return { jaccard, containment, hammingDistance, isNearDuplicate };
}

/** A near-duplicate found by {@link DuplicateIndex.findNearDuplicates}. */
export interface NearDuplicate<Id> extends FingerprintComparison {
  id: Id;
}

/**
 * In-memory LSH index of article fingerprints. Rebuild it on start from stored
 * FingerprintRecords (`add(id, fromFingerprintRecord(rec))`), or query band keys in a table instead.
 */
export class DuplicateIndex<Id = string> {
  readonly #buckets = new Map<string, Id[]>();
  readonly #fingerprints = new Map<Id, Fingerprint>();

  /** Number of fingerprints held. */
  get size(): number {
    return this.#fingerprints.size;
  }

  /** File a fingerprint under its LSH keys (replaces an earlier one for the same id). */
  add(id: Id, fingerprint: Fingerprint): void {
    if (this.#fingerprints.has(id)) this.remove(id);
    this.#fingerprints.set(id, fingerprint);
    for (const key of fingerprint.bandKeys) {
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(id);
      else this.#buckets.set(key, [id]);
    }
  }

  /** Forget an id; true when it was present. */
  remove(id: Id): boolean {
    const fp = this.#fingerprints.get(id);
    if (!fp) return false;
    this.#fingerprints.delete(id);
    for (const key of fp.bandKeys) {
      const bucket = this.#buckets.get(key);
      if (!bucket) continue;
      const rest = bucket.filter((other) => other !== id);
      if (rest.length > 0) this.#buckets.set(key, rest);
      else this.#buckets.delete(key);
    }
    return true;
  }

  /** Near-duplicates of a fingerprint among the indexed ones, most similar first. */
  findNearDuplicates(fingerprint: Fingerprint): Array<NearDuplicate<Id>> {
    const candidates = new Set<Id>();
    for (const key of fingerprint.bandKeys) for (const id of this.#buckets.get(key) ?? []) candidates.add(id);
    const found: Array<NearDuplicate<Id>> = [];
    for (const id of candidates) {
      const other = this.#fingerprints.get(id);
      if (!other) continue;
      const comparison = compareFingerprints(fingerprint, other);
      if (comparison.isNearDuplicate) found.push({ id, ...comparison });
    }
    return found.sort((a, b) => b.jaccard - a.jaccard || b.containment - a.containment);
  }
}
