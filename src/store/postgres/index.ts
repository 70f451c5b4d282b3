/** The PostgreSQL store (node-postgres pool): for many worker and web processes on one database. */
import type pg from 'pg';
import type { ArticleQuery, NewArticle, NewSource, NewTakedown, PollOutcome, WebSubSubscription } from '../../model.ts';
import type { EnrichmentWrite, StoryQuery, StoryWrite } from '../enrich-store.ts';
import type { TakedownKey } from '../govern-store.ts';
import type { ItemKey, SearchQuery, SourcePatch, Store } from '../store.ts';
import * as articles from './articles.ts';
import { migratePool, openPool, type PgOptions } from './db.ts';
import * as enrich from './enrich.ts';
import * as search from './search.ts';
import * as similar from './similar.ts';
import * as sources from './sources.ts';
import * as stories from './stories.ts';
import * as takedowns from './takedowns.ts';
import * as topics from './topics.ts';
import * as websub from './websub.ts';

export type { PgOptions } from './db.ts';

/** Store on a PostgreSQL database (optionally confined to one schema). */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly schema: string | undefined;

  /** Connects lazily: nothing is opened until the first query. */
  constructor(url: string, opts: PgOptions = {}) {
    this.pool = openPool(url, opts);
    this.schema = opts.schema;
  }

  async migrate() {
    return migratePool(this.pool, this.schema);
  }
  async close() {
    if (!this.pool.ended) await this.pool.end();
  }

  async listSources() {
    return sources.listSources(this.pool);
  }
  async getSource(id: number) {
    return sources.getSource(this.pool, id);
  }
  async getSourceByUrl(url: string) {
    return sources.getSourceBy(this.pool, 'url', url);
  }
  async getSourceByDemoKey(key: string) {
    return sources.getSourceBy(this.pool, 'demo_key', key);
  }
  async listDueSources(now: Date, limit: number) {
    return sources.listDueSources(this.pool, now, limit);
  }
  async insertSource(source: NewSource, now: Date) {
    return sources.insertSource(this.pool, source, now);
  }
  async updateSource(id: number, patch: SourcePatch) {
    return sources.updateSource(this.pool, id, patch);
  }
  async recordPoll(id: number, outcome: PollOutcome) {
    await sources.recordPoll(this.pool, id, outcome);
  }
  async deleteSource(id: number) {
    return sources.deleteSource(this.pool, id);
  }

  async listKnownItems(sourceId: number, items: ItemKey[]) {
    return articles.listKnownItems(this.pool, sourceId, items);
  }
  async insertArticles(list: NewArticle[]) {
    return articles.insertArticles(this.pool, list);
  }
  async getArticle(id: number) {
    return articles.getArticle(this.pool, id);
  }
  async listArticles(query: ArticleQuery) {
    return articles.listArticles(this.pool, query);
  }
  async countArticles(sourceId?: number) {
    return articles.countArticles(this.pool, sourceId);
  }

  async searchArticles(query: SearchQuery) {
    return search.searchArticles(this.pool, query);
  }
  async listSimilarArticles(id: number, limit: number) {
    return similar.listSimilarArticles(this.pool, id, limit);
  }

  async listPendingEnrichment(limit: number) {
    return enrich.listPendingEnrichment(this.pool, limit);
  }
  async listEnrichmentState(since: Date) {
    return enrich.listEnrichmentState(this.pool, since);
  }
  async findArticleByContentHash(hash: string, excludeId: number) {
    return enrich.findArticleByContentHash(this.pool, hash, excludeId);
  }
  async saveEnrichment(write: EnrichmentWrite) {
    await enrich.saveEnrichment(this.pool, write);
  }
  async setDuplicateOf(ids: number[], originalId: number | null) {
    await enrich.setDuplicateOf(this.pool, ids, originalId);
  }
  async listCopies(articleId: number) {
    return enrich.listCopies(this.pool, articleId);
  }
  async listArticleInstruments(ids: number[]) {
    return enrich.listArticleInstruments(this.pool, ids);
  }
  async listInstrumentArticles(instrumentId: string, query: { limit: number; cursor?: string }) {
    return enrich.listInstrumentArticles(this.pool, instrumentId, query);
  }
  async listArticleTopics(ids: number[]) {
    return topics.listArticleTopics(this.pool, ids);
  }
  async saveArticleTopics(articleId: number, list: string[]) {
    await topics.saveArticleTopics(this.pool, articleId, list);
  }
  async listEnrichedArticlesAfter(afterId: number, limit: number) {
    return topics.listEnrichedArticlesAfter(this.pool, afterId, limit);
  }

  async insertStory(story: StoryWrite) {
    return stories.insertStory(this.pool, story);
  }
  async updateStory(id: number, story: StoryWrite) {
    await stories.updateStory(this.pool, id, story);
  }
  async mergeStories(fromIds: number[], intoId: number) {
    await stories.mergeStories(this.pool, fromIds, intoId);
  }
  async moveArticleToStory(articleId: number, storyId: number) {
    await stories.moveArticleToStory(this.pool, articleId, storyId);
  }
  async getStory(id: number) {
    return stories.getStory(this.pool, id);
  }
  async listStories(query: StoryQuery) {
    return stories.listStories(this.pool, query);
  }
  async listStoryArticles(storyId: number) {
    return stories.listStoryArticles(this.pool, storyId);
  }

  async insertTakedown(takedown: NewTakedown, list: TakedownKey[], at: Date) {
    return takedowns.insertTakedown(this.pool, takedown, list, at);
  }
  async listTakedowns() {
    return takedowns.listTakedowns(this.pool);
  }
  async isTakenDown(keys: { canonicalUrl?: string; contentHash?: string }) {
    return takedowns.isTakenDown(this.pool, keys);
  }

  async getWebSub(sourceId: number) {
    return websub.getWebSub(this.pool, sourceId);
  }
  async saveWebSub(sub: WebSubSubscription) {
    await websub.saveWebSub(this.pool, sub);
  }
  async listWebSubsToRenew(now: Date) {
    return websub.listWebSubsToRenew(this.pool, now);
  }

  async getSetting(key: string) {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }
  async setSetting(key: string, value: string) {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }
}
