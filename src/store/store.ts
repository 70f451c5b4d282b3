/**
 * @module store — the one storage interface. Every SQL statement lives behind it, in a driver
 * (`sqlite/`, later `postgres/`). Methods are async so that every driver fits the same shape.
 * Naming: get* returns one row or undefined, list* many, insert*, update*, delete* write.
 */
import type { Article, ArticleQuery, NewArticle, NewSource, Page, PollOutcome, Source } from '../model.ts';
import type { EnrichStore } from './enrich-store.ts';
import type { GovernStore } from './govern-store.ts';
import type { WebSubStore } from './websub-store.ts';

/** Partial update of a source's user-editable fields. */
export interface SourcePatch {
  title?: string;
  siteUrl?: string | null;
  isEnabled?: boolean;
  policy?: Source['policy'];
  pollIntervalSec?: number;
  nextPollAt?: Date | null;
  url?: string;
}

export interface SourceStore {
  listSources(): Promise<Source[]>;
  getSource(id: number): Promise<Source | undefined>;
  getSourceByUrl(url: string): Promise<Source | undefined>;
  getSourceByDemoKey(key: string): Promise<Source | undefined>;
  /** Enabled sources whose next poll time has come (or was never set), soonest first. */
  listDueSources(now: Date, limit: number): Promise<Source[]>;
  /** @throws AppError conflict when the URL is already a source */
  insertSource(source: NewSource, now: Date): Promise<Source>;
  updateSource(id: number, patch: SourcePatch): Promise<Source | undefined>;
  /** Record the health outcome of one poll (success resets failures; failure counts them). */
  recordPoll(id: number, outcome: PollOutcome): Promise<void>;
  /** Delete a source and all of its articles; true when it existed. */
  deleteSource(id: number): Promise<boolean>;
}

/** Identity of an item in a feed, used to skip items already stored. */
export interface ItemKey {
  guid: string | null;
  url: string;
}

export interface ArticleStore {
  /**
   * Which of these items are already stored (or were taken down): returns the subset of keys (guid when
   * given, else url) that match an article of this source by GUID, any article by URL or canonical URL,
   * or a takedown by canonical URL.
   */
  listKnownItems(sourceId: number, items: ItemKey[]): Promise<Set<string>>;
  /**
   * Insert articles in one transaction. An article whose GUID (per source) or canonical URL is already
   * stored is skipped. Returns the new ids (null for skipped ones), in input order.
   */
  insertArticles(articles: NewArticle[]): Promise<Array<number | null>>;
  getArticle(id: number): Promise<Article | undefined>;
  /** Newest first (published time, then id), cursor-paginated. */
  listArticles(query: ArticleQuery): Promise<Page<Article>>;
  countArticles(sourceId?: number): Promise<number>;
}

/** One clause of a parsed search: a word, a phrase (consecutive tokens) or a prefix; negated ones exclude. */
export interface SearchClause {
  kind: 'word' | 'phrase' | 'prefix';
  /** Lower-cased tokens (letters and digits only); one for 'word' and 'prefix'. */
  tokens: string[];
  negated: boolean;
}

/** A full-text search: clauses are ANDed (negated ones excluded), then filtered and ranked. */
export interface SearchQuery {
  clauses: SearchClause[];
  sourceId?: number;
  /** Only articles linked to this instrument id (by the instrument linker). */
  instrumentId?: string;
  since?: Date;
  until?: Date;
  offset: number;
  limit: number;
  /** Reference time of the recency blend. */
  now: Date;
}

/** A matching article with its relevance score and a snippet; highlights are [start, end) offsets in the snippet. */
export interface SearchHit {
  article: Article;
  score: number;
  snippet: { text: string; highlights: Array<[number, number]> };
}

/** One page of search hits, best first. */
export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
}

/** An article similar in text to another, with its similarity score (higher is closer). */
export interface SimilarArticle {
  article: Article;
  /** Normalised similarity, 0..1: cosine of the two articles' tf-idf vectors (comparable across articles). */
  score: number;
  /** How many distinctive terms of the article it contains (words found in other articles, not market boilerplate). */
  sharedTerms: number;
}

/**
 * Full-text search (issue 7). Optional while a driver lacks it: callers answer "not supported" when absent.
 */
export interface SearchStore {
  searchArticles?(query: SearchQuery): Promise<SearchResult>;
  /** Articles sharing the most distinctive terms of article `id` (never `id` itself), most similar first. */
  listSimilarArticles?(id: number, limit: number): Promise<SimilarArticle[]>;
  /**
   * A bounded step of search-index upkeep done in idle time (SQLite: merging FTS5 segments that bulk
   * writes leave behind). Resolves true while more work remains. Absent where the database does it itself.
   */
  maintainSearchIndex?(): Promise<boolean>;
}

export interface SettingStore {
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

/** A database connection with everything tickerwire stores. */
export interface Store extends SourceStore, ArticleStore, SettingStore, SearchStore, EnrichStore, GovernStore, WebSubStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Apply pending migrations; returns the versions applied. */
  migrate(): Promise<number[]>;
  close(): Promise<void>;
}
