/** PostgreSQL: takedowns (tombstones) and the deletions they cause (same semantics as sqlite/takedowns.ts). */
import type pg from 'pg';
import type { NewTakedown, Takedown } from '../../model.ts';
import type { TakedownKey } from '../govern-store.ts';
import { inTransaction, type Sql } from './db.ts';
import { type TakedownRow, toTakedown } from '../rows.ts';



/** Recount the stories that lost articles; delete the ones left empty; re-headline orphaned ones. */
async function repairStories(client: pg.PoolClient, storyIds: number[]): Promise<void> {
  if (storyIds.length === 0) return;
  await client.query(
    `DELETE FROM stories s WHERE s.id = ANY($1::bigint[]) AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = s.id)`,
    [storyIds],
  );
  await client.query(
    `WITH h AS (
       SELECT s.id, COALESCE(
         (SELECT a.id FROM articles a WHERE a.id = s.headline_article_id),
         (SELECT a.id FROM articles a WHERE a.story_id = s.id ORDER BY a.published_at, a.id LIMIT 1)) AS headline_id
       FROM stories s WHERE s.id = ANY($1::bigint[]))
     UPDATE stories s SET
       article_count = (SELECT COUNT(*) FROM articles WHERE story_id = s.id),
       source_count = (SELECT COUNT(DISTINCT source_id) FROM articles WHERE story_id = s.id AND duplicate_of IS NULL),
       headline_article_id = h.headline_id,
       headline = (SELECT title FROM articles WHERE id = h.headline_id)
     FROM h WHERE s.id = h.id`,
    [storyIds],
  );
}

export async function insertTakedown(pool: pg.Pool, t: NewTakedown, articles: TakedownKey[], at: Date): Promise<Takedown> {
  const ids = articles.map((a) => a.id);
  return inTransaction(pool, async (client) => {
    const stories = await client.query<{ story_id: number }>(
      'SELECT DISTINCT story_id FROM articles WHERE id = ANY($1::bigint[]) AND story_id IS NOT NULL',
      [ids],
    );
    const removed = (await client.query('DELETE FROM articles WHERE id = ANY($1::bigint[])', [ids])).rowCount ?? 0;
    await repairStories(
      client,
      stories.rows.map((r) => r.story_id),
    );
    const { rows } = await client.query<TakedownRow>(
      `INSERT INTO takedowns (article_id, source_id, title, reason, requested_by, articles_removed, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [t.articleId, t.sourceId, t.title, t.reason, t.requestedBy, removed, at.getTime()],
    );
    const row = rows[0];
    if (!row) throw new Error('INSERT … RETURNING gave no takedown');
    if (articles.length > 0) {
      await client.query(
        `INSERT INTO takedown_keys (takedown_id, canonical_url, content_hash)
         SELECT $1::bigint, * FROM unnest($2::text[], $3::text[])`,
        [row.id, articles.map((a) => a.canonicalUrl), articles.map((a) => a.contentHash)],
      );
    }
    return toTakedown(row);
  });
}

export async function listTakedowns(sql: Sql): Promise<Takedown[]> {
  return (await sql.query<TakedownRow>('SELECT * FROM takedowns ORDER BY created_at DESC, id DESC')).rows.map(toTakedown);
}

export async function isTakenDown(sql: Sql, keys: { canonicalUrl?: string; contentHash?: string }): Promise<boolean> {
  const { rows } = await sql.query(
    'SELECT 1 FROM takedown_keys WHERE canonical_url = $1 OR content_hash = $2 LIMIT 1',
    [keys.canonicalUrl ?? null, keys.contentHash ?? null],
  );
  return rows.length > 0;
}
