/**
 * @module stories/term-stats — the vocabulary and document frequencies learned incrementally as
 * articles arrive, and the unit-length TF-IDF vectors built from them.
 */

/** A sparse unit-length vector: parallel arrays of term ids and weights. */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Vocabulary with document frequencies; IDF = ln((N + 1) / (df + 0.5)). */
export class TermStats {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #df: number[] = [];
  #docCount = 0;

  /** Number of documents observed. */
  get docCount(): number {
    return this.#docCount;
  }

  /** Id of a term, creating it on first sight. */
  idOf(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(term, id);
      this.#names.push(term);
      this.#df.push(0);
    }
    return id;
  }

  /** The term of an id. */
  nameOf(id: number): string {
    return this.#names[id] ?? '';
  }

  /** Count one document containing these distinct term ids. */
  observe(termIds: Iterable<number>): void {
    this.#docCount++;
    for (const id of termIds) this.#df[id] = (this.#df[id] ?? 0) + 1;
  }

  /** Inverse document frequency of a term id. */
  idf(id: number): number {
    return Math.log((this.#docCount + 1) / ((this.#df[id] ?? 0) + 0.5));
  }

  /** Share of observed documents containing a term id. */
  documentShare(id: number): number {
    return this.#docCount > 0 ? (this.#df[id] ?? 0) / this.#docCount : 0;
  }

  /** Unit-length vector with sublinear tf × idf weights from weighted term counts. */
  vectorize(counts: Map<number, number>): TermVector {
    const terms = new Int32Array(counts.size);
    const weights = new Float64Array(counts.size);
    let norm2 = 0;
    let i = 0;
    for (const [id, tf] of counts) {
      const w = (1 + Math.log(tf)) * this.idf(id);
      terms[i] = id;
      weights[i] = w;
      norm2 += w * w;
      i++;
    }
    const norm = Math.sqrt(norm2) || 1;
    for (let j = 0; j < weights.length; j++) weights[j] = (weights[j] ?? 0) / norm;
    return { terms, weights };
  }

  /** Document frequencies as [term, df] pairs (for persistence). */
  toPairs(): Array<[string, number]> {
    return this.#names.map((name, id) => [name, this.#df[id] ?? 0]);
  }

  /** Restore from persisted pairs and document count (replaces the current state's counts). */
  loadPairs(docCount: number, pairs: Array<[string, number]>): void {
    this.#docCount = docCount;
    for (const [term, df] of pairs) this.#df[this.idOf(term)] = df;
  }
}
