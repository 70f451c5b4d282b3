/**
 * @module stories/detector — the ingest-time duplicate check in one place: same canonical URL,
 * then same content hash, then a near-duplicate fingerprint. Copies point at the first-seen article
 * of their group (the group's root); which copy is the *original* is decided by chooseOriginal.
 */
import { DuplicateIndex, type FingerprintComparison } from './duplicate-index.ts';
import { type Fingerprint, fingerprintText, isDedupCandidate } from './fingerprint.ts';
import { contentHash } from './text.ts';
import { canonicalizeUrl } from './url.ts';

/** An article to check. */
export interface DedupInput<Id> {
  id: Id;
  url: string;
  /** The page's own canonical link when it has one (else the URL is canonicalised). */
  canonicalUrl?: string | null;
  text: string;
}

/** Everything the detector keeps per article: store these to rebuild it on restart (see `register`). */
export interface DedupKeys {
  canonicalUrl: string;
  contentHash: string;
  fingerprint: Fingerprint;
}

/** Outcome of a check. */
export type DuplicateVerdict<Id> =
  | { kind: 'unique'; keys: DedupKeys }
  | { kind: 'exact'; of: Id; by: 'canonical-url' | 'content-hash'; keys: DedupKeys }
  | ({ kind: 'near'; of: Id; keys: DedupKeys } & FingerprintComparison);

/** Exact and near-duplicate detection over the articles registered so far. */
export class DuplicateDetector<Id = string> {
  readonly #byUrl = new Map<string, Id>();
  readonly #byHash = new Map<string, Id>();
  readonly #root = new Map<Id, Id>();
  readonly #index = new DuplicateIndex<Id>();

  /** Compute the keys of an article without registering it. */
  keysOf(input: Omit<DedupInput<Id>, 'id'>): DedupKeys {
    return {
      canonicalUrl: canonicalizeUrl(input.canonicalUrl ?? input.url),
      contentHash: contentHash(input.text),
      fingerprint: fingerprintText(input.text),
    };
  }

  /** Check an article against those registered, then register it (as a copy of its match, if any). */
  check(input: DedupInput<Id>): DuplicateVerdict<Id> {
    const keys = this.keysOf(input);
    const verdict = this.#find(keys);
    this.register(input.id, keys, verdict.kind === 'unique' ? null : verdict.of);
    return verdict;
  }

  /** Register an article (also used to rebuild from stored keys); `duplicateOf` links it to its group. */
  register(id: Id, keys: DedupKeys, duplicateOf: Id | null): void {
    const root = duplicateOf === null ? id : (this.#root.get(duplicateOf) ?? duplicateOf);
    this.#root.set(id, root);
    if (!this.#byUrl.has(keys.canonicalUrl)) this.#byUrl.set(keys.canonicalUrl, id);
    if (isDedupCandidate(keys.fingerprint)) {
      if (!this.#byHash.has(keys.contentHash)) this.#byHash.set(keys.contentHash, id);
      this.#index.add(id, keys.fingerprint);
    }
  }

  /** First-seen article of an article's duplicate group (itself when unique). */
  rootOf(id: Id): Id | undefined {
    return this.#root.get(id);
  }

  #find(keys: DedupKeys): DuplicateVerdict<Id> {
    const root = (id: Id) => this.#root.get(id) ?? id;
    const sameUrl = this.#byUrl.get(keys.canonicalUrl);
    if (sameUrl !== undefined) return { kind: 'exact', of: root(sameUrl), by: 'canonical-url', keys };
    // Near-empty texts share hashes without being the same article (issue 5, "Bad input").
    if (!isDedupCandidate(keys.fingerprint)) return { kind: 'unique', keys };
    const sameHash = this.#byHash.get(keys.contentHash);
    if (sameHash !== undefined) return { kind: 'exact', of: root(sameHash), by: 'content-hash', keys };
    const [best] = this.#index.findNearDuplicates(keys.fingerprint);
    if (!best) return { kind: 'unique', keys };
    const { id, ...comparison } = best;
    return { kind: 'near', of: root(id), keys, ...comparison };
  }
}
