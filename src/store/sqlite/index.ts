/** The SQLite store (better-sqlite3, WAL): the embedded default. */
import type { NewArticle, NewSource, NewTakedown, PollOutcome, WebSubSubscription } from '../../model.ts';
import type { ItemKey, SearchQuery, SourcePatch, Store } from '../store.ts';
import type { EnrichmentWrite, StoryQuery, StoryWrite } from '../enrich-store.ts';
import type { TakedownKey } from '../govern-store.ts';
import * as articles from './articles.ts';
import { type Db, migrateDb, openDb, type SqliteOptions } from './db.ts';
import * as search from './search.ts';
import * as similar from './similar.ts';
import * as enrich from './enrich.ts';
import * as sources from './sources.ts';
import * as stories from './stories.ts';
import * as takedowns from './takedowns.ts';
import * as topics from './topics.ts';
import * as websub from './websub.ts';

/** Store on one SQLite file (or ':memory:'). */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly db: Db;

  constructor(path: string, opts: SqliteOptions = {}) {
    this.db = openDb(path, opts);
  }

  async migrate() {
    return migrateDb(this.db);
  }
  async close() {
    if (this.db.open) this.db.close();
  }

  async listSources() {
    return sources.listSources(this.db);
  }
  async getSource(id: number) {
    return sources.getSource(this.db, id);
  }
  async getSourceByUrl(url: string) {
    return sources.getSourceBy(this.db, 'url', url);
  }
  async getSourceByDemoKey(key: string) {
    return sources.getSourceBy(this.db, 'demo_key', key);
  }
  async listDueSources(now: Date, limit: number) {
    return sources.listDueSources(this.db, now, limit);
  }
  async insertSource(source: NewSource, now: Date) {
    return sources.insertSource(this.db, source, now);
  }
  async updateSource(id: number, patch: SourcePatch) {
    return sources.updateSource(this.db, id, patch);
  }
  async recordPoll(id: number, outcome: PollOutcome) {
    sources.recordPoll(this.db, id, outcome);
  }
  async deleteSource(id: number) {
    return sources.deleteSource(this.db, id);
  }

  async listKnownItems(sourceId: number, items: ItemKey[]) {
    return articles.listKnownItems(this.db, sourceId, items);
  }
  async insertArticles(list: NewArticle[]) {
    return articles.insertArticles(this.db, list);
  }
  async getArticle(id: number) {
    return articles.getArticle(this.db, id);
  }
  async listArticles(query: Parameters<Store['listArticles']>[0]) {
    return articles.listArticles(this.db, query);
  }
  async countArticles(sourceId?: number) {
    return articles.countArticles(this.db, sourceId);
  }

  async searchArticles(query: SearchQuery) {
    return search.searchArticles(this.db, query);
  }
  async maintainSearchIndex() {
    return search.mergeSearchIndex(this.db);
  }
  async listSimilarArticles(id: number, limit: number) {
    return similar.listSimilarArticles(this.db, id, limit);
  }

  async listPendingEnrichment(limit: number) {
    return enrich.listPendingEnrichment(this.db, limit);
  }
  async listEnrichmentState(since: Date) {
    return enrich.listEnrichmentState(this.db, since);
  }
  async findArticleByContentHash(hash: string, excludeId: number) {
    return enrich.findArticleByContentHash(this.db, hash, excludeId);
  }
  async saveEnrichment(write: EnrichmentWrite) {
    enrich.saveEnrichment(this.db, write);
  }
  async setDuplicateOf(ids: number[], originalId: number | null) {
    enrich.setDuplicateOf(this.db, ids, originalId);
  }
  async listCopies(articleId: number) {
    return enrich.listCopies(this.db, articleId);
  }
  async listArticleInstruments(ids: number[]) {
    return enrich.listArticleInstruments(this.db, ids);
  }
  async listInstrumentArticles(instrumentId: string, query: { limit: number; cursor?: string }) {
    return enrich.listInstrumentArticles(this.db, instrumentId, query);
  }
  async listArticleTopics(ids: number[]) {
    return topics.listArticleTopics(this.db, ids);
  }
  async saveArticleTopics(articleId: number, list: string[]) {
    topics.saveArticleTopics(this.db, articleId, list);
  }
  async listEnrichedArticlesAfter(afterId: number, limit: number) {
    return topics.listEnrichedArticlesAfter(this.db, afterId, limit);
  }

  async insertStory(story: StoryWrite) {
    return stories.insertStory(this.db, story);
  }
  async updateStory(id: number, story: StoryWrite) {
    stories.updateStory(this.db, id, story);
  }
  async mergeStories(fromIds: number[], intoId: number) {
    stories.mergeStories(this.db, fromIds, intoId);
  }
  async moveArticleToStory(articleId: number, storyId: number) {
    stories.moveArticleToStory(this.db, articleId, storyId);
  }
  async getStory(id: number) {
    return stories.getStory(this.db, id);
  }
  async listStories(query: StoryQuery) {
    return stories.listStories(this.db, query);
  }
  async listStoryArticles(storyId: number) {
    return stories.listStoryArticles(this.db, storyId);
  }

  async insertTakedown(takedown: NewTakedown, articles: TakedownKey[], at: Date) {
    return takedowns.insertTakedown(this.db, takedown, articles, at);
  }
  async listTakedowns() {
    return takedowns.listTakedowns(this.db);
  }
  async isTakenDown(keys: { canonicalUrl?: string; contentHash?: string }) {
    return takedowns.isTakenDown(this.db, keys);
  }

  async getWebSub(sourceId: number) {
    return websub.getWebSub(this.db, sourceId);
  }
  async saveWebSub(sub: WebSubSubscription) {
    websub.saveWebSub(this.db, sub);
  }
  async listWebSubsToRenew(now: Date) {
    return websub.listWebSubsToRenew(this.db, now);
  }

  async getSetting(key: string) {
    const v = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    return typeof v === 'string' ? v : undefined;
  }
  async setSetting(key: string, value: string) {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}
