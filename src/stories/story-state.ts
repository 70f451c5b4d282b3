/**
 * @module stories/story-state — the clusterer's in-memory story and article state, and the
 * conversions between it, the reader-facing {@link Story} and the persisted snapshot.
 */
import type { Story, StoryClustererSnapshot } from './story-types.ts';
import type { TermStats, TermVector } from './term-stats.ts';

/** Centroid terms kept in a StoryRecord. */
const RECORD_CENTROID_TERMS = 12;

/** An article inside the clusterer. */
export interface ArticleState<Id> {
  id: Id;
  title: string;
  time: number;
  sourceKey: string | null;
  duplicateOf: Id | null;
  vector: TermVector;
  /** Term ids of its instruments (a subset of the vector's terms). */
  instruments: Int32Array;
  story: StoryState<Id>;
}

/** A story inside the clusterer: its centroid is the sum of its independent articles' unit vectors. */
export interface StoryState<Id> {
  id: string;
  /** Index into the clusterer's score scratch array. */
  slot: number;
  /** Centroid: term id → its posting (shared with the inverted index, so a scan reads weights directly). */
  weights: Map<number, TermPosting<Id>>;
  /** Squared length of the centroid sum. */
  norm2: number;
  /** Instrument term id → number of its articles naming it. */
  instruments: Map<number, number>;
  firstSeen: number;
  lastUpdate: number;
  /** In publication order. */
  articles: Array<ArticleState<Id>>;
  /** Folded into another story: skipped by lookups until swept out of the index. */
  isMerged: boolean;
}

/** One entry of the inverted index: a story and the weight of the term in its centroid sum. */
export interface TermPosting<Id> {
  story: StoryState<Id>;
  weight: number;
}

/** The most representative independent article: highest dot with the centroid, earliest on ties. */
function headlineArticle<Id>(story: StoryState<Id>): ArticleState<Id> | undefined {
  let best: ArticleState<Id> | undefined;
  let bestScore = -1;
  for (const a of story.articles) {
    if (a.duplicateOf !== null) continue;
    let score = 0;
    for (let i = 0; i < a.vector.terms.length; i++) {
      score += (a.vector.weights[i] ?? 0) * (story.weights.get(a.vector.terms[i] ?? 0)?.weight ?? 0);
    }
    if (score > bestScore + 1e-12) [best, bestScore] = [a, score];
  }
  return best ?? story.articles[0];
}

/** The reader-facing view of a story. */
export function toStory<Id>(state: StoryState<Id>): Story<Id> {
  const head = headlineArticle(state);
  const independent = state.articles.filter((a) => a.duplicateOf === null);
  const sources = new Set(independent.map((a) => a.sourceKey ?? `article:${String(a.id)}`));
  return {
    id: state.id,
    headline: head?.title ?? '',
    headlineArticleId: head?.id ?? null,
    firstSeen: new Date(state.firstSeen),
    lastUpdate: new Date(state.lastUpdate),
    sourceCount: sources.size,
    articles: state.articles.map((a) => ({
      id: a.id,
      title: a.title,
      publishedAt: new Date(a.time),
      sourceKey: a.sourceKey,
      isCopy: a.duplicateOf !== null,
    })),
  };
}

/** The heaviest terms of a story's centroid, as [term, weight] pairs. */
export function centroidTerms<Id>(story: StoryState<Id>, stats: TermStats): Array<[string, number]> {
  return [...story.weights]
    .sort((a, b) => b[1].weight - a[1].weight)
    .slice(0, RECORD_CENTROID_TERMS)
    .map(([t, p]): [string, number] => [stats.nameOf(t), Math.round(p.weight * 1e4) / 1e4]);
}

/** Hooks into the clusterer that a restore needs. */
export interface RestoreTarget<Id> {
  stats: TermStats;
  openStory(id: string, firstSeen: number, lastUpdate: number): StoryState<Id>;
  /** File an article (its `story` already set) in that story. */
  attach(article: ArticleState<Id>): void;
}

/** Replay a snapshot into an empty clusterer: IDF counts, stories, then articles (originals before copies). */
export function restoreSnapshot<Id>(snapshot: StoryClustererSnapshot<Id>, target: RestoreTarget<Id>): void {
  target.stats.loadPairs(snapshot.docCount, snapshot.documentFrequency);
  const stories = new Map<string, StoryState<Id>>();
  for (const s of snapshot.stories) stories.set(s.id, target.openStory(s.id, s.firstSeen, s.lastUpdate));
  for (const record of snapshot.articles) {
    const story = stories.get(record.storyId);
    if (!story) continue;
    const terms = new Int32Array(record.vector.length);
    const instruments = record.vector.filter(([term]) => term.startsWith('$')).map(([term]) => target.stats.idOf(term));
    const weights = new Float64Array(record.vector.length);
    record.vector.forEach(([term, w], i) => {
      terms[i] = target.stats.idOf(term);
      weights[i] = w;
    });
    const article: ArticleState<Id> = {
      id: record.id,
      title: record.title,
      time: record.publishedAt,
      sourceKey: record.sourceKey,
      duplicateOf: record.duplicateOf,
      vector: { terms, weights },
      instruments: Int32Array.from(instruments),
      story,
    };
    target.attach(article);
  }
}
