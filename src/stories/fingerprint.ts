/**
 * @module stories/fingerprint — locality-sensitive fingerprints of an article's cleaned text:
 * a 64-bit SimHash (Charikar) and a 128-value MinHash signature (Broder) over word shingles, plus
 * the LSH keys under which an index files the article so near-duplicates are found by key lookups.
 */
import { fmix32, fnv1a32, hex32, popcount32 } from './hash.ts';
import { cleanTokens } from './text.ts';

/** Words per shingle: 3 keeps lightly edited copies similar while unrelated texts share almost none. */
export const SHINGLE_WORDS = 3;
/** MinHash signature length. */
export const MINHASH_SIZE = 128;
/** LSH rows per band; bands = MINHASH_SIZE / LSH_ROWS. 2 rows × 64 bands finds pairs from Jaccard ≈ 0.15 up, so trimmed copies surface too. */
export const LSH_ROWS = 2;
/** SimHash is split into this many 16-bit blocks: two hashes within 3 bits share at least one block. */
export const SIMHASH_BLOCKS = 4;
/** Fewer distinct shingles than this (≈ 25 words) is too little text to call two articles copies. */
export const MIN_DEDUP_SHINGLES = 24;

/** Fingerprint of one article's text, in memory. */
export interface Fingerprint {
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  /** MinHash signature: MINHASH_SIZE unsigned 32-bit minima (all 0xffffffff for empty text). */
  minhash: Uint32Array;
  /** Number of distinct shingles (the set size, for containment estimates). */
  shingleCount: number;
  /** LSH keys ("m<band>:<hex>", "s<block>:<hex>"); empty when the text is too short to dedupe. */
  bandKeys: string[];
}

/** The persistable form of a {@link Fingerprint}: plain JSON. */
export interface FingerprintRecord {
  simhash: string;
  /** The signature as MINHASH_SIZE × 8 hex digits. */
  minhash: string;
  shingleCount: number;
  bandKeys: string[];
}

/** Distinct shingle hashes of a token list (a lone short text yields one shingle of all its words). */
function shingleHashes(tokens: string[]): Uint32Array {
  const seen = new Set<number>();
  const last = Math.max(1, tokens.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last && tokens.length > 0; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, tokens.length); j++) h = fnv1a32(` ${tokens[j]}`, h);
    seen.add(fmix32(h));
  }
  return Uint32Array.from(seen);
}

/** 64-bit SimHash of the shingle hashes, as [high, low] 32-bit words. */
function simhash64(shingles: Uint32Array): [number, number] {
  const votes = new Int32Array(64);
  for (const s of shingles) {
    const hi = fmix32(s ^ 0x9e3779b9);
    const lo = fmix32(s ^ 0x7f4a7c15);
    for (let b = 0; b < 32; b++) {
      votes[b] = (votes[b] ?? 0) + ((hi >>> b) & 1 ? 1 : -1);
      votes[b + 32] = (votes[b + 32] ?? 0) + ((lo >>> b) & 1 ? 1 : -1);
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if ((votes[b] ?? 0) > 0) hi |= 1 << b;
    if ((votes[b + 32] ?? 0) > 0) lo |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

/** MinHash: the i-th value is the minimum over shingles of hash_i = fmix32(h1 + i·h2) (double hashing). */
function minhash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    const h2 = fmix32(s ^ 0x5bd1e995) | 1;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32((s + Math.imul(i, h2)) | 0);
      if (v < (sig[i] ?? 0)) sig[i] = v;
    }
  }
  return sig;
}

function lshKeys(sig: Uint32Array, hi: number, lo: number): string[] {
  const keys: string[] = [];
  for (let band = 0; band < MINHASH_SIZE / LSH_ROWS; band++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32(h ^ (sig[band * LSH_ROWS + r] ?? 0)) ^ r;
    keys.push(`m${band}:${hex32(h)}`);
  }
  const blocks = [hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff];
  blocks.forEach((v, i) => {
    keys.push(`s${i}:${v.toString(16).padStart(4, '0')}`);
  });
  return keys;
}

/**
 * Fingerprint an article's text (wrappers stripped first, see text.ts). Texts with fewer than
 * MIN_DEDUP_SHINGLES shingles get no LSH keys, so they never match anything as near-duplicates.
 */
export function fingerprintText(text: string): Fingerprint {
  const shingles = shingleHashes(cleanTokens(text));
  const [hi, lo] = simhash64(shingles);
  const sig = minhash(shingles);
  const usable = shingles.length >= MIN_DEDUP_SHINGLES;
  return {
    simhash: hex32(hi) + hex32(lo),
    minhash: sig,
    shingleCount: shingles.length,
    bandKeys: usable ? lshKeys(sig, hi, lo) : [],
  };
}

/** True when the text is long enough for near-duplicate (and content-hash) matching. */
export function isDedupCandidate(fingerprint: Fingerprint): boolean {
  return fingerprint.bandKeys.length > 0;
}

/** The persistable record of a fingerprint. */
export function toFingerprintRecord(fp: Fingerprint): FingerprintRecord {
  let minhashHex = '';
  for (const v of fp.minhash) minhashHex += hex32(v);
  return { simhash: fp.simhash, minhash: minhashHex, shingleCount: fp.shingleCount, bandKeys: [...fp.bandKeys] };
}

/** Rebuild a fingerprint from its stored record. */
export function fromFingerprintRecord(record: FingerprintRecord): Fingerprint {
  const sig = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) sig[i] = Number.parseInt(record.minhash.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return { simhash: record.simhash, minhash: sig, shingleCount: record.shingleCount, bandKeys: [...record.bandKeys] };
}

/** Hamming distance between two 16-hex-digit SimHashes. */
export function simhashDistance(a: string, b: string): number {
  const x = Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16);
  const y = Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16);
  return popcount32(x) + popcount32(y);
}

/** Estimated Jaccard similarity of the two shingle sets: the share of equal MinHash values. */
export function estimateJaccard(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.minhash[i] === b.minhash[i]) same++;
  return same / MINHASH_SIZE;
}
