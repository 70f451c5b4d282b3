/**
 * @module stories — duplicates and stories: canonical URLs, content hashes, near-duplicate
 * fingerprints with an LSH index, choosing the original among copies, and incremental story clustering.
 * Pure library: no I/O, no store; every state is persistable as plain JSON records.
 */
export { canonicalizeUrl, hostOf } from './url.ts';
export { contentHash, stripWrappers, isWrapperLine } from './text.ts';
export { INSTRUMENT_CONFLICT_FACTOR } from './story-index.ts';
export {
  type Fingerprint,
  type FingerprintRecord,
  fingerprintText,
  isDedupCandidate,
  toFingerprintRecord,
  fromFingerprintRecord,
  estimateJaccard,
  simhashDistance,
} from './fingerprint.ts';
export {
  DuplicateIndex,
  type NearDuplicate,
  type FingerprintComparison,
  compareFingerprints,
} from './duplicate-index.ts';
export {
  DuplicateDetector,
  type DedupInput,
  type DedupKeys,
  type DuplicateVerdict,
} from './detector.ts';
export { chooseOriginal, type CopyCandidate, type OriginalChoice, type OriginalReason } from './original.ts';
export { StoryClusterer, type StoryClusterOptions, DEFAULT_CLUSTER_OPTIONS } from './clusterer.ts';
export type {
  Story,
  StoryArticle,
  StoryArticleInput,
  StoryAssignment,
  StoryArticleRecord,
  StoryRecord,
  StoryClustererSnapshot,
} from './story-types.ts';
