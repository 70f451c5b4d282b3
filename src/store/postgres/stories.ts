/** PostgreSQL: the stories table (same statements and semantics as sqlite/stories.ts). */
import type pg from 'pg';
import type { Article, Page, StorySummary } from '../../model.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { StoryQuery, StoryWrite } from '../enrich-store.ts';
import { articleColumns, queryArticles } from './articles.ts';
import { inTransaction, type Sql } from './db.ts';
import { type StoryRow, toStory } from '../rows.ts';



const values = (s: StoryWrite) => [
  s.headline,
  s.headlineArticleId,
  s.firstSeenAt.getTime(),
  s.lastUpdateAt.getTime(),
  s.sourceCount,
  s.articleCount,
];

export async function insertStory(sql: Sql, s: StoryWrite): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO stories (headline, headline_article_id, first_seen_at, last_update_at, source_count, article_count)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    values(s),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('INSERT … RETURNING gave no story id');
  return id;
}

export async function updateStory(sql: Sql, id: number, s: StoryWrite): Promise<void> {
  await sql.query(
    `UPDATE stories SET headline = $1, headline_article_id = $2, first_seen_at = $3, last_update_at = $4,
       source_count = $5, article_count = $6 WHERE id = $7`,
    [...values(s), id],
  );
}

export async function mergeStories(pool: pg.Pool, fromIds: number[], intoId: number): Promise<void> {
  const from = fromIds.filter((id) => id !== intoId);
  if (from.length === 0) return;
  await inTransaction(pool, async (client) => {
    await client.query('UPDATE articles SET story_id = $1 WHERE story_id = ANY($2::bigint[])', [intoId, from]);
    await client.query('DELETE FROM stories WHERE id = ANY($1::bigint[])', [from]);
  });
}

export async function moveArticleToStory(pool: pg.Pool, articleId: number, storyId: number): Promise<void> {
  await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ story_id: number | null }>(
      'SELECT story_id FROM articles WHERE id = $1 FOR UPDATE',
      [articleId],
    );
    const old = rows[0]?.story_id;
    await client.query('UPDATE articles SET story_id = $1 WHERE id = $2', [storyId, articleId]);
    if (typeof old === 'number' && old !== storyId) {
      await client.query('DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)', [
        old,
      ]);
    }
  });
}

export async function getStory(sql: Sql, id: number): Promise<StorySummary | undefined> {
  const row = (await sql.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id])).rows[0];
  return row && toStory(row);
}

export async function listStories(sql: Sql, q: StoryQuery): Promise<Page<StorySummary>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.instrumentId !== undefined) {
    where.push(
      `EXISTS (SELECT 1 FROM articles a JOIN article_instruments i ON i.article_id = a.id
        WHERE a.story_id = s.id AND i.instrument_id = ${param(q.instrumentId)})`,
    );
  }
  if (q.sourceId !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.source_id = ${param(q.sourceId)})`);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(`(s.last_update_at, s.id) < (${param(c.publishedMs)}, ${param(c.id)})`);
  }
  const { rows } = await sql.query<StoryRow>(
    `SELECT s.* FROM stories s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY s.last_update_at DESC, s.id DESC LIMIT ${param(q.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, q.limit).map(toStory);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ publishedMs: last.lastUpdateAt.getTime(), id: last.id }) : null,
  };
}

export async function listStoryArticles(sql: Sql, storyId: number): Promise<Article[]> {
  return queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE story_id = $1 ORDER BY published_at, id`, [
    storyId,
  ]);
}
