/** SQLite: the article_topics table (topics written by enrichment, read by the reader). */
import type { Article } from '../../model.ts';
import { type ArticleRow, toArticle } from '../rows.ts';
import type { Db } from './db.ts';

/** Replace an article's topics (call inside the caller's transaction when there is one). */
export function writeArticleTopics(db: Db, articleId: number, topics: readonly string[]): void {
  db.prepare('DELETE FROM article_topics WHERE article_id = ?').run(articleId);
  const insert = db.prepare('INSERT OR IGNORE INTO article_topics (article_id, topic, rank) VALUES (?, ?, ?)');
  for (const [rank, topic] of topics.entries()) insert.run(articleId, topic, rank);
}

export function saveArticleTopics(db: Db, articleId: number, topics: readonly string[]): void {
  db.transaction(() => writeArticleTopics(db, articleId, topics))();
}

export function listArticleTopics(db: Db, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare('SELECT article_id, topic FROM article_topics WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, rank')
    .all(JSON.stringify(ids)) as Array<{ article_id: number; topic: string }>;
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.topic]);
  return out;
}

export function listEnrichedArticlesAfter(db: Db, afterId: number, limit: number): Article[] {
  const rows = db.prepare('SELECT * FROM articles WHERE id > ? AND enriched_at IS NOT NULL ORDER BY id LIMIT ?').all(afterId, limit) as ArticleRow[];
  return rows.map(toArticle);
}
