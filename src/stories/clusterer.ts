/**
 * @module stories/clusterer — incremental story clustering. Each article becomes a unit TF-IDF vector
 * (title words weighted up, the lead, instruments and entities as extra terms; IDF learned as articles
 * arrive). It joins the story whose centroid is most similar (cosine ≥ threshold) among the stories
 * active in its time window, else opens a new story. When the article matches several stories whose
 * centroids are themselves close, those stories are merged (the article bridges one event reported
 * twice). Copies join their original's story without touching its centroid or source count.
 */
import { leadOf, storyTerms } from './story-terms.ts';
import { type ArticleState, centroidTerms, restoreSnapshot, type StoryState, toStory } from './story-state.ts';
import type { Story, StoryArticleInput, StoryAssignment, StoryClustererSnapshot } from './story-types.ts';
import { StoryIndex } from './story-index.ts';
import { type TermVector, TermStats } from './term-stats.ts';

/** Tunables of the clusterer; every field has a default in DEFAULT_CLUSTER_OPTIONS. */
export interface StoryClusterOptions {
  /** Cosine to a story's centroid at or above which a headline-only article joins it. */
  threshold: number;
  /** The same for an article with body text (its richer vector meets unrelated stories more often). */
  textThreshold: number;
  /** Centroid cosine at or above which two stories that both match an article are merged. */
  mergeThreshold: number;
  /** A story takes articles published within this many ms before its first or after its last article. */
  windowMs: number;
  /** Each title word counts this many times against one lead word. */
  titleWeight: number;
  /** Words of the body used as the lead. */
  leadWords: number;
  /** Weight (as a word count) of each instrument or entity. */
  tagWeight: number;
  /** Stories idle this long before the newest article are forgotten (the store keeps them). */
  retentionMs: number;
}

/** Defaults: `threshold`/`mergeThreshold` tuned on days 1–10 of the news-stories data, the text options on the labelled set (BENCHMARKS.md). */
export const DEFAULT_CLUSTER_OPTIONS: Readonly<StoryClusterOptions> = Object.freeze({
  threshold: 0.15,
  textThreshold: 0.22,
  mergeThreshold: 0.25,
  windowMs: 36 * 3_600_000,
  titleWeight: 2,
  leadWords: 60,
  tagWeight: 1,
  retentionMs: 7 * 86_400_000,
});

const EMPTY_VECTOR: TermVector = { terms: new Int32Array(0), weights: new Float64Array(0) };

/** Terms in more than this share of articles are not used to look stories up (see #scanMask). */
const COMMON_TERM_SHARE = 0.02;
/** At most this many of an article's heaviest terms are scanned through the postings (a headline has fewer). */
const SCAN_TERMS = 12;
/** Below this many articles every term is used (document shares are not yet meaningful). */
const MIN_DOCS_FOR_COMMON = 1_000;

/**
 * Stories idle for this many windows before the newest article leave the inverted index (not memory):
 * an article can still join a story up to one window later than the newest, and scans stay short.
 */
const INDEX_WINDOWS = 2;

/** How many adds between sweeps of stale and merged stories out of the inverted index. */
const SWEEP_EVERY = 2_000;

/** Incremental story clusterer. Article ids must be JSON-serialisable (numbers or strings). */
export class StoryClusterer<Id extends string | number = string> {
  readonly options: StoryClusterOptions;
  readonly #stats = new TermStats();
  readonly #index = new StoryIndex<Id>();
  readonly #articles = new Map<Id, ArticleState<Id>>();
  readonly #stories = new Map<string, StoryState<Id>>();
  #nextStory = 1;
  #newest = -Infinity;
  #addsSinceSweep = 0;

  constructor(options: Partial<StoryClusterOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  }

  /**
   * Assign an article to a story. Adding a known id again returns its current story. When
   * `merged` is non-empty, those stories were folded into `storyId`: re-point their articles.
   */
  add(input: StoryArticleInput<Id>): StoryAssignment {
    const known = this.#articles.get(input.id);
    if (known) return { storyId: known.story.id, isNew: false, similarity: 1, merged: [] };
    const time = typeof input.publishedAt === 'number' ? input.publishedAt : input.publishedAt.getTime();
    this.#newest = Math.max(this.#newest, time);
    this.#maybeSweep();
    const original = input.duplicateOf === undefined ? undefined : this.#articles.get(input.duplicateOf);
    if (original) {
      const copy = this.#file(input, time, EMPTY_VECTOR, original.story);
      copy.duplicateOf = original.id;
      return { storyId: original.story.id, isNew: false, similarity: 1, merged: [] };
    }
    const vector = this.#vectorize(input);
    const instruments = this.#instrumentIds(input);
    const minSimilarity = input.text?.trim() ? this.options.textThreshold : this.options.threshold;
    const matches = this.#index.match(vector, this.#scanMask(vector), instruments, time, this.options.windowMs, minSimilarity);
    const best = matches[0];
    if (!best) {
      const story = this.#openStory(time);
      this.#file(input, time, vector, story, instruments);
      return { storyId: story.id, isNew: true, similarity: 0, merged: [] };
    }
    this.#file(input, time, vector, best.story, instruments);
    const merged: string[] = [];
    let survivor = best.story;
    for (const other of matches.slice(1)) {
      if (this.#index.centroidCosine(survivor, other.story) < this.options.mergeThreshold) continue;
      // The bigger story survives, so fewer articles change story.
      const [from, into] = other.story.articles.length > survivor.articles.length ? [survivor, other.story] : [other.story, survivor];
      this.#index.merge(from, into);
      this.#stories.delete(from.id);
      merged.push(from.id);
      survivor = into;
    }
    return { storyId: survivor.id, isNew: false, similarity: best.similarity, merged };
  }

  /**
   * File an article in a known story without matching (rebuilding from stored assignments after a
   * restart: pass the stored story id). The IDF and the story's centroid learn from it as from `add`;
   * the story is created when new. Copies (`duplicateOf` known) count for nothing, as in `add`.
   */
  place(input: StoryArticleInput<Id>, storyId: string): StoryAssignment {
    const known = this.#articles.get(input.id);
    if (known) return { storyId: known.story.id, isNew: false, similarity: 1, merged: [] };
    const time = typeof input.publishedAt === 'number' ? input.publishedAt : input.publishedAt.getTime();
    this.#newest = Math.max(this.#newest, time);
    this.#maybeSweep();
    let story = this.#stories.get(storyId);
    const isNew = story === undefined;
    if (!story) {
      story = this.#index.createStory(storyId, time, time);
      this.#stories.set(storyId, story);
    }
    const original = input.duplicateOf === undefined ? undefined : this.#articles.get(input.duplicateOf);
    if (original) this.#file(input, time, EMPTY_VECTOR, story).duplicateOf = original.id;
    else this.#file(input, time, this.#vectorize(input), story, this.#instrumentIds(input));
    return { storyId, isNew, similarity: 1, merged: [] };
  }

  /** The story of an article, if known. */
  storyOf(articleId: Id): string | undefined {
    return this.#articles.get(articleId)?.story.id;
  }

  /** A story by id (undefined once merged into another). */
  getStory(storyId: string): Story<Id> | undefined {
    const state = this.#stories.get(storyId);
    return state ? toStory(state) : undefined;
  }

  /** All stories, most recently updated first. */
  listStories(): Array<Story<Id>> {
    return [...this.#stories.values()].sort((a, b) => b.lastUpdate - a.lastUpdate).map((s) => toStory(s));
  }

  /**
   * Admin split: move an article (with its copies) out of its story into a new story of its own.
   * Returns the new story id, the current one when the article is already alone, undefined if unknown.
   */
  split(articleId: Id): string | undefined {
    const article = this.#articles.get(articleId);
    if (!article) return undefined;
    const from = article.story;
    const moving = from.articles.filter((a) => a === article || a.duplicateOf === articleId);
    if (moving.length === from.articles.length) return from.id;
    const to = this.#openStory(article.time);
    for (const a of moving) {
      this.#index.detach(a);
      a.story = to;
      this.#index.attach(a, to);
    }
    return to.id;
  }

  /** The persistable state: learned IDF counts, stories and article vectors. */
  snapshot(): StoryClustererSnapshot<Id> {
    const termOf = (t: number) => this.#stats.nameOf(t);
    return {
      version: 1,
      docCount: this.#stats.docCount,
      documentFrequency: this.#stats.toPairs(),
      nextStoryNumber: this.#nextStory,
      stories: [...this.#stories.values()].map((s) => ({
        id: s.id,
        firstSeen: s.firstSeen,
        lastUpdate: s.lastUpdate,
        centroidTerms: centroidTerms(s, this.#stats),
      })),
      articles: [...this.#articles.values()].map((a) => ({
        id: a.id,
        storyId: a.story.id,
        title: a.title,
        publishedAt: a.time,
        sourceKey: a.sourceKey,
        duplicateOf: a.duplicateOf,
        vector: [...a.vector.terms].map((t, i): [string, number] => [termOf(t), a.vector.weights[i] ?? 0]),
      })),
    };
  }

  /** A clusterer rebuilt from a snapshot: stories keep their ids, centroids are recomputed. */
  static restore<Id extends string | number>(
    snapshot: StoryClustererSnapshot<Id>,
    options: Partial<StoryClusterOptions> = {},
  ): StoryClusterer<Id> {
    const clusterer = new StoryClusterer<Id>(options);
    restoreSnapshot(snapshot, {
      stats: clusterer.#stats,
      openStory: (id, firstSeen, lastUpdate) => {
        const story = clusterer.#index.createStory(id, firstSeen, lastUpdate);
        clusterer.#stories.set(id, story);
        return story;
      },
      attach: (article) => {
        clusterer.#articles.set(article.id, article);
        clusterer.#index.attach(article, article.story);
        clusterer.#newest = Math.max(clusterer.#newest, article.time);
      },
    });
    clusterer.#nextStory = snapshot.nextStoryNumber;
    return clusterer;
  }

  #vectorize(input: StoryArticleInput<Id>): TermVector {
    const counts = new Map<number, number>();
    const bump = (term: string, by: number) => {
      const id = this.#stats.idOf(term);
      counts.set(id, (counts.get(id) ?? 0) + by);
    };
    for (const t of storyTerms(input.title)) bump(t, this.options.titleWeight);
    if (input.text) for (const t of storyTerms(leadOf(input.text, this.options.leadWords))) bump(t, 1);
    for (const s of input.instruments ?? []) bump(instrumentTerm(s), this.options.tagWeight);
    for (const e of input.entities ?? []) bump(`@${e.toLowerCase()}`, this.options.tagWeight);
    this.#stats.observe(counts.keys());
    return this.#stats.vectorize(counts);
  }

  /**
   * Which of a vector's terms are scanned through the postings: its SCAN_TERMS heaviest, and not those
   * in more than COMMON_TERM_SHARE of all articles (once MIN_DOCS_FOR_COMMON are seen), whose postings
   * hold most live stories. Unscanned terms still count in the cosine of the stories found.
   */
  #scanMask(vector: TermVector): Uint8Array {
    const n = vector.terms.length;
    const mask = new Uint8Array(n).fill(1);
    if (this.#stats.docCount >= MIN_DOCS_FOR_COMMON) {
      for (let i = 0; i < n; i++) if (this.#stats.documentShare(vector.terms[i] ?? 0) > COMMON_TERM_SHARE) mask[i] = 0;
    }
    if (n > SCAN_TERMS) {
      // Only the heaviest terms find candidates; the rest still count in their cosine.
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (vector.weights[b] ?? 0) - (vector.weights[a] ?? 0));
      for (const i of order.slice(SCAN_TERMS)) mask[i] = 0;
    }
    return mask;
  }

  #instrumentIds(input: StoryArticleInput<Id>): Int32Array {
    return Int32Array.from((input.instruments ?? []).map((s) => this.#stats.idOf(instrumentTerm(s))));
  }

  /** Create the article's state and file it in `story`. */
  #file(
    input: StoryArticleInput<Id>,
    time: number,
    vector: TermVector,
    story: StoryState<Id>,
    instruments: Int32Array = new Int32Array(0),
  ): ArticleState<Id> {
    const article: ArticleState<Id> = {
      id: input.id,
      title: input.title,
      time,
      sourceKey: input.sourceKey ?? null,
      duplicateOf: null,
      vector,
      instruments,
      story,
    };
    this.#articles.set(article.id, article);
    this.#index.attach(article, story);
    return article;
  }

  #openStory(time: number): StoryState<Id> {
    const story = this.#index.createStory(`s${this.#nextStory++}`, time, time);
    this.#stories.set(story.id, story);
    return story;
  }

  /** Every SWEEP_EVERY adds: forget stories idle beyond retentionMs (the store keeps them) and their articles. */
  #maybeSweep(): void {
    if (++this.#addsSinceSweep < SWEEP_EVERY) return;
    this.#addsSinceSweep = 0;
    this.#index.sweep(this.#newest - INDEX_WINDOWS * this.options.windowMs);
    const horizon = this.#newest - this.options.retentionMs;
    for (const [id, story] of this.#stories) {
      if (story.lastUpdate >= horizon) continue;
      this.#stories.delete(id);
      for (const a of story.articles) this.#articles.delete(a.id);
    }
  }
}

/** The term standing for an instrument symbol. */
function instrumentTerm(symbol: string): string {
  return `$${symbol.toUpperCase()}`;
}
