/**
 * The part of the Store that enrichment (duplicates, stories, instruments) reads and writes.
 * Kept beside store.ts so each driver implements it in its own file.
 */
import type { Article, ArticleFigure, ArticleInstrument, Page, StorySummary } from '../model.ts';

/** What enrichment decided for one article; written in one transaction by `saveEnrichment`. */
export interface EnrichmentWrite {
  articleId: number;
  storyId: number | null;
  duplicateOf: number | null;
  sentiment: number | null;
  figures: ArticleFigure[];
  instruments: ArticleInstrument[];
  /** Topics (src/topics/), strongest first; replace the stored ones. Absent: the stored topics are kept. */
  topics?: string[];
  /** Serialised near-duplicate fingerprint (JSON), null when the text is too short to fingerprint. */
  fingerprint: string | null;
  at: Date;
}

/** What the enricher needs to rebuild its in-memory indexes after a restart. */
export interface EnrichmentState {
  id: number;
  sourceId: number;
  title: string;
  /** The start of the text (the clusterer only reads the lead). */
  lead: string;
  publishedAt: Date;
  storyId: number | null;
  duplicateOf: number | null;
  fingerprint: string | null;
  /** Ids of the instruments the article is mainly about. */
  subjectInstruments: string[];
}

/** Story fields that enrichment maintains. */
export interface StoryWrite {
  headline: string;
  headlineArticleId: number | null;
  firstSeenAt: Date;
  lastUpdateAt: Date;
  sourceCount: number;
  articleCount: number;
}

/** Filters for listing stories, most recently updated first. */
export interface StoryQuery {
  limit: number;
  cursor?: string;
  /** Only stories with an article linked to this instrument. */
  instrumentId?: string;
  /** Only stories with an article from this source. */
  sourceId?: number;
}

export interface EnrichStore {
  /** Stored articles not enriched yet, oldest id first. */
  listPendingEnrichment(limit: number): Promise<Article[]>;
  /** Enriched articles published since `since`, oldest id first (to rebuild the indexes). */
  listEnrichmentState(since: Date): Promise<EnrichmentState[]>;
  /** Another article with exactly this content hash, if any (the oldest). */
  findArticleByContentHash(hash: string, excludeId: number): Promise<number | undefined>;
  saveEnrichment(write: EnrichmentWrite): Promise<void>;
  /** Point these articles at `originalId` as copies (null makes them independent). */
  setDuplicateOf(articleIds: number[], originalId: number | null): Promise<void>;
  /** Copies of an article, oldest first. */
  listCopies(articleId: number): Promise<Article[]>;
  /** Linked instruments per article, most salient first. */
  listArticleInstruments(articleIds: number[]): Promise<Map<number, ArticleInstrument[]>>;
  /** Topics per article, strongest first (articles without topics are absent from the map). */
  listArticleTopics(articleIds: number[]): Promise<Map<number, string[]>>;
  /** Replace one article's topics (the enricher's backfill of articles enriched before topics existed). */
  saveArticleTopics(articleId: number, topics: string[]): Promise<void>;
  /** Enriched articles with an id above `afterId`, by id (to walk the whole table in batches). */
  listEnrichedArticlesAfter(afterId: number, limit: number): Promise<Article[]>;
  /** Articles linked to an instrument, newest first, copies left out. */
  listInstrumentArticles(instrumentId: string, query: { limit: number; cursor?: string }): Promise<Page<Article>>;

  insertStory(story: StoryWrite): Promise<number>;
  updateStory(id: number, story: StoryWrite): Promise<void>;
  /** Move every article of `fromIds` into `intoId` and delete those stories. */
  mergeStories(fromIds: number[], intoId: number): Promise<void>;
  /** Put one article into another story (admin split); stories left empty are deleted. */
  moveArticleToStory(articleId: number, storyId: number): Promise<void>;
  getStory(id: number): Promise<StorySummary | undefined>;
  listStories(query: StoryQuery): Promise<Page<StorySummary>>;
  /** A story's articles in publication order (copies included, marked by duplicateOf). */
  listStoryArticles(storyId: number): Promise<Article[]>;
}
