/**
 * @module stories/story-index — story centroids behind an inverted index: term → stories whose
 * centroid holds the term, so scoring an article touches only stories sharing one of its terms.
 * A centroid is the sum of its independent articles' unit vectors; copies have empty vectors.
 */
import type { ArticleState, StoryState, TermPosting } from './story-state.ts';
import type { TermVector } from './term-stats.ts';

/**
 * Similarity scale for a story whose instruments are all different from the article's: templated
 * price stubs about different companies read alike but are different stories.
 */
export const INSTRUMENT_CONFLICT_FACTOR = 0.3;

/** Candidates (best by scanned terms) whose cosine is completed with the article's unscanned terms. */
const COMPLETED_CANDIDATES = 32;

/** Stories an article matched, best first by cosine to the centroid. */
export interface StoryMatch<Id> {
  story: StoryState<Id>;
  /** Raw dot product of the article vector with the centroid sum. */
  dot: number;
  similarity: number;
}

/** Inverted index of story centroids with incremental updates. */
export class StoryIndex<Id> {
  /** term id → stories whose centroid has the term (stale entries are skipped, then swept). */
  readonly #postings: Array<Array<TermPosting<Id>>> = [];
  #scores = new Float64Array(1024);
  #slots = 0;

  /** A new empty story with its own score slot. */
  createStory(id: string, firstSeen: number, lastUpdate: number): StoryState<Id> {
    const slot = this.#slots++;
    if (slot >= this.#scores.length) {
      const grown = new Float64Array(this.#scores.length * 2);
      grown.set(this.#scores);
      this.#scores = grown;
    }
    return { id, slot, weights: new Map(), norm2: 0, instruments: new Map(), firstSeen, lastUpdate, articles: [], isMerged: false };
  }

  /**
   * Live stories sharing a scanned term (`scan[i]` = 1) with `vector` whose window admits `time`, with
   * cosine ≥ `minSimilarity`, best first. Unscanned terms still count in the cosine of stories found.
   * A story naming instruments, none of which the article names (`instruments`, term ids), has its
   * cosine scaled by INSTRUMENT_CONFLICT_FACTOR.
   */
  match(
    vector: TermVector,
    scan: Uint8Array,
    instruments: Int32Array,
    time: number,
    windowMs: number,
    minSimilarity: number,
  ): Array<StoryMatch<Id>> {
    const touched: Array<StoryState<Id>> = [];
    const scores = this.#scores;
    for (let i = 0; i < vector.terms.length; i++) {
      if (scan[i] === 0) continue;
      const term = vector.terms[i] ?? 0;
      const w = vector.weights[i] ?? 0;
      for (const posting of this.#postings[term] ?? []) {
        const story = posting.story;
        if (story.isMerged || time > story.lastUpdate + windowMs || time < story.firstSeen - windowMs) continue;
        if (scores[story.slot] === 0) touched.push(story);
        scores[story.slot] = (scores[story.slot] ?? 0) + w * posting.weight;
      }
    }
    const partial = touched.map((story) => {
      const dot = scores[story.slot] ?? 0;
      scores[story.slot] = 0;
      return { story, dot, cosine: dot / Math.sqrt(story.norm2) };
    });
    const hasUnscanned = scan.includes(0);
    // Unscanned terms are added only for the best candidates by scanned terms: the rest cannot win.
    if (hasUnscanned && partial.length > COMPLETED_CANDIDATES) partial.sort((a, b) => b.cosine - a.cosine);
    const matches: Array<StoryMatch<Id>> = [];
    for (let c = 0; c < partial.length; c++) {
      const candidate = partial[c];
      if (!candidate) continue;
      const story = candidate.story;
      let dot = candidate.dot;
      if (hasUnscanned && c < COMPLETED_CANDIDATES) {
        for (let i = 0; i < vector.terms.length; i++) {
          if (scan[i] === 0) dot += (vector.weights[i] ?? 0) * (story.weights.get(vector.terms[i] ?? 0)?.weight ?? 0);
        }
      }
      const conflict = instruments.length > 0 && story.instruments.size > 0 && !instruments.some((t) => story.instruments.has(t));
      const similarity = (dot / Math.sqrt(story.norm2)) * (conflict ? INSTRUMENT_CONFLICT_FACTOR : 1);
      if (similarity >= minSimilarity) matches.push({ story, dot, similarity });
    }
    return matches.sort((a, b) => b.similarity - a.similarity);
  }

  /** Dot product of a vector with a story's centroid sum. */
  dot(vector: TermVector, story: StoryState<Id>): number {
    let dot = 0;
    for (let i = 0; i < vector.terms.length; i++) {
      dot += (vector.weights[i] ?? 0) * (story.weights.get(vector.terms[i] ?? 0)?.weight ?? 0);
    }
    return dot;
  }

  /** Cosine between two story centroids. */
  centroidCosine(a: StoryState<Id>, b: StoryState<Id>): number {
    const [small, large] = a.weights.size < b.weights.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [t, p] of small.weights) dot += p.weight * (large.weights.get(t)?.weight ?? 0);
    const norms = Math.sqrt(a.norm2 * b.norm2);
    return norms > 0 ? dot / norms : 0;
  }

  /** Put an article into a story: list (by time), window bounds, centroid and postings. */
  attach(article: ArticleState<Id>, story: StoryState<Id>): void {
    const dot = this.dot(article.vector, story);
    article.story = story;
    insertByTime(story.articles, article);
    story.firstSeen = Math.min(story.firstSeen, article.time);
    story.lastUpdate = Math.max(story.lastUpdate, article.time);
    const { terms, weights } = article.vector;
    let self = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? 0;
      const w = weights[i] ?? 0;
      self += w * w;
      const posting = story.weights.get(term);
      if (posting) posting.weight += w;
      else {
        const created = { story, weight: w };
        story.weights.set(term, created);
        const list = this.#postings[term];
        if (list) list.push(created);
        else this.#postings[term] = [created];
      }
    }
    story.norm2 += 2 * dot + self;
    for (const t of article.instruments) story.instruments.set(t, (story.instruments.get(t) ?? 0) + 1);
  }

  /** Take an article out of its story's list, centroid and postings (the caller attaches it elsewhere). */
  detach(article: ArticleState<Id>): void {
    const story = article.story;
    story.articles = story.articles.filter((a) => a !== article);
    const { terms, weights } = article.vector;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? 0;
      const posting = story.weights.get(term);
      if (!posting) continue;
      posting.weight -= weights[i] ?? 0;
      if (posting.weight <= 1e-9) {
        story.weights.delete(term);
        this.#postings[term] = (this.#postings[term] ?? []).filter((p) => p !== posting);
      }
    }
    story.norm2 = 0;
    for (const p of story.weights.values()) story.norm2 += p.weight * p.weight;
    for (const t of article.instruments) {
      const left = (story.instruments.get(t) ?? 0) - 1;
      if (left > 0) story.instruments.set(t, left);
      else story.instruments.delete(t);
    }
    const times = story.articles.map((a) => a.time);
    story.firstSeen = Math.min(...times);
    story.lastUpdate = Math.max(...times);
  }

  /** Move every article of `from` into `into`; `from` is marked merged and leaves the index at the next sweep. */
  merge(from: StoryState<Id>, into: StoryState<Id>): void {
    from.isMerged = true;
    for (const article of from.articles) this.attach(article, into);
    from.articles = [];
    from.weights.clear();
    from.instruments.clear();
  }

  /** Drop merged stories and stories last updated before `horizon` from the postings. */
  sweep(horizon: number): void {
    for (let t = 0; t < this.#postings.length; t++) {
      const posting = this.#postings[t];
      if (posting?.some((p) => p.story.isMerged || p.story.lastUpdate < horizon)) {
        this.#postings[t] = posting.filter((p) => !p.story.isMerged && p.story.lastUpdate >= horizon);
      }
    }
  }
}

function insertByTime<T extends { time: number }>(list: T[], item: T): void {
  let i = list.length;
  while (i > 0 && (list[i - 1]?.time ?? 0) > item.time) i--;
  list.splice(i, 0, item);
}
