/**
 * @module stories/story-types — the inputs, outputs and persistable records of the story clusterer.
 * Records are plain JSON (times as epoch ms, term vectors as [term, weight] pairs).
 */

/** An article as the clusterer sees it. */
export interface StoryArticleInput<Id> {
  id: Id;
  title: string;
  /** Body text; only its lead (first words) is used. */
  text?: string;
  publishedAt: Date | number;
  /** Instrument symbols linked to the article (e.g. "AAPL", "BTC"). */
  instruments?: string[];
  /** Named entities (companies, people) linked to the article. */
  entities?: string[];
  /** The publisher (feed or host): independent sources are counted by this key. */
  sourceKey?: string;
  /** When the article is a copy of another one: it joins that article's story and counts for nothing. */
  duplicateOf?: Id;
}

/** Where an added article went. */
export interface StoryAssignment {
  storyId: string;
  isNew: boolean;
  /** Cosine similarity to the story it joined (1 for a copy, 0 for a new story). */
  similarity: number;
  /** Stories folded into `storyId` by this add (their articles now belong to `storyId`). */
  merged: string[];
}

/** One article of a story, in publication order. */
export interface StoryArticle<Id> {
  id: Id;
  title: string;
  publishedAt: Date;
  sourceKey: string | null;
  isCopy: boolean;
}

/** A story as shown to readers. */
export interface Story<Id> {
  id: string;
  /** Title of its most representative independent article. */
  headline: string;
  headlineArticleId: Id | null;
  firstSeen: Date;
  lastUpdate: Date;
  /** Distinct publishers among the independent (non-copy) articles. */
  sourceCount: number;
  articles: Array<StoryArticle<Id>>;
}

/** Persistable per-article record: enough to rebuild the clusterer (the term vector is unit-length). */
export interface StoryArticleRecord<Id> {
  id: Id;
  storyId: string;
  title: string;
  publishedAt: number;
  sourceKey: string | null;
  /** Id of the article this one copies, null for an independent article. */
  duplicateOf: Id | null;
  vector: Array<[string, number]>;
}

/** Persistable per-story record. */
export interface StoryRecord {
  id: string;
  firstSeen: number;
  lastUpdate: number;
  /** Heaviest centroid terms, for display and debugging; the centroid itself is rebuilt from article vectors. */
  centroidTerms: Array<[string, number]>;
}

/** Everything needed to restore a clusterer after a restart. */
export interface StoryClustererSnapshot<Id> {
  version: 1;
  docCount: number;
  /** Document frequency of every term seen (the incrementally learned IDF). */
  documentFrequency: Array<[string, number]>;
  nextStoryNumber: number;
  stories: StoryRecord[];
  articles: Array<StoryArticleRecord<Id>>;
}
