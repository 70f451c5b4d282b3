/** PostgreSQL: the article_topics table (same statements and semantics as sqlite/topics.ts). */
import type pg from 'pg';
import type { Article } from '../../model.ts';
import { articleColumns, queryArticles } from './articles.ts';
import { inTransaction, type Sql } from './db.ts';

/** Replace an article's topics (pass the transaction's client when there is one). */
export async function writeArticleTopics(sql: Sql, articleId: number, topics: readonly string[]): Promise<void> {
  await sql.query('DELETE FROM article_topics WHERE article_id = $1', [articleId]);
  if (topics.length === 0) return;
  await sql.query(
    `INSERT INTO article_topics (article_id, topic, rank)
     SELECT $1::bigint, t.topic, t.ord - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t (topic, ord)
     ON CONFLICT DO NOTHING`,
    [articleId, topics],
  );
}

export async function saveArticleTopics(pool: pg.Pool, articleId: number, topics: readonly string[]): Promise<void> {
  await inTransaction(pool, (client) => writeArticleTopics(client, articleId, topics));
}

export async function listArticleTopics(sql: Sql, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const { rows } = await sql.query<{ article_id: number; topic: string }>(
    'SELECT article_id, topic FROM article_topics WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, rank',
    [ids],
  );
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.topic]);
  return out;
}

export async function listEnrichedArticlesAfter(sql: Sql, afterId: number, limit: number): Promise<Article[]> {
  return queryArticles(
    sql,
    `SELECT ${articleColumns()} FROM articles WHERE id > $1 AND enriched_at IS NOT NULL ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
}
