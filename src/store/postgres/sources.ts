/** PostgreSQL: the sources table (same statements and semantics as sqlite/sources.ts). */
import { AppError } from '../../errors.ts';
import type { NewSource, PollOutcome, Source } from '../../model.ts';
import type { SourcePatch } from '../store.ts';
import { isUniqueViolation, type Sql, toMs } from './db.ts';
import { type SourceRow, toSource } from '../rows.ts';


const SELECT = `SELECT s.*, (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id) AS article_count FROM sources s`;


async function many(sql: Sql, text: string, values: unknown[] = []): Promise<Source[]> {
  return (await sql.query<SourceRow>(text, values)).rows.map(toSource);
}

export async function listSources(sql: Sql): Promise<Source[]> {
  return many(sql, `${SELECT} ORDER BY s.id`);
}

export async function getSource(sql: Sql, id: number): Promise<Source | undefined> {
  return (await many(sql, `${SELECT} WHERE s.id = $1`, [id]))[0];
}

export async function getSourceBy(sql: Sql, column: 'url' | 'demo_key', value: string): Promise<Source | undefined> {
  return (await many(sql, `${SELECT} WHERE s.${column} = $1`, [value]))[0];
}

export async function listDueSources(sql: Sql, now: Date, limit: number): Promise<Source[]> {
  return many(
    sql,
    `${SELECT} WHERE s.is_enabled AND (s.next_poll_at IS NULL OR s.next_poll_at <= $1)
     ORDER BY COALESCE(s.next_poll_at, 0), s.id LIMIT $2`,
    [now.getTime(), limit],
  );
}

/** Unique violations (URL, demo key) become AppError conflict; anything else is rethrown as is. */
function conflictOr(error: unknown, url: string): never {
  if (isUniqueViolation(error)) throw new AppError('conflict', `source ${url} already exists`, { cause: error });
  throw error;
}

export async function insertSource(sql: Sql, s: NewSource, now: Date): Promise<Source> {
  const inserted = await sql
    .query<{ id: number }>(
      `INSERT INTO sources (url, kind, title, site_url, demo_key, is_enabled, policy, poll_interval_sec, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (url) DO NOTHING RETURNING id`,
      [
        s.url,
        s.kind ?? 'feed',
        s.title ?? '',
        s.siteUrl ?? null,
        s.demoKey ?? null,
        s.isEnabled !== false,
        s.policy ?? 'full',
        s.pollIntervalSec ?? 900,
        now.getTime(),
      ],
    )
    .catch((error: unknown) => conflictOr(error, s.url));
  const id = inserted.rows[0]?.id;
  if (id === undefined) throw new AppError('conflict', `source ${s.url} already exists`);
  const created = await getSource(sql, id);
  if (!created) throw new AppError('store_failed', 'inserted source vanished');
  return created;
}

const PATCH_COLUMNS: Record<keyof SourcePatch, string> = {
  title: 'title',
  siteUrl: 'site_url',
  isEnabled: 'is_enabled',
  policy: 'policy',
  pollIntervalSec: 'poll_interval_sec',
  nextPollAt: 'next_poll_at',
  url: 'url',
};

export async function updateSource(sql: Sql, id: number, patch: SourcePatch): Promise<Source | undefined> {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as Array<[keyof SourcePatch, unknown]>) {
    if (value === undefined) continue;
    values.push(value instanceof Date ? value.getTime() : value);
    sets.push(`${PATCH_COLUMNS[key]} = $${values.length}`);
  }
  if (sets.length > 0) {
    await sql
      .query(`UPDATE sources SET ${sets.join(', ')} WHERE id = $${values.length + 1}`, [...values, id])
      .catch((error: unknown) => conflictOr(error, patch.url ?? String(id)));
  }
  return getSource(sql, id);
}

export async function recordPoll(sql: Sql, id: number, o: PollOutcome): Promise<void> {
  if (o.ok) {
    await sql.query(
      `UPDATE sources SET last_attempt_at = $1, last_success_at = $1, consecutive_failures = 0,
         etag = COALESCE($2::text, etag), last_modified = COALESCE($3::text, last_modified),
         title = CASE WHEN title = '' AND $4::text IS NOT NULL THEN $4::text ELSE title END,
         site_url = COALESCE(site_url, $5::text),
         last_item_at = NULLIF(GREATEST(COALESCE(last_item_at, 0), COALESCE($6::bigint, 0)), 0),
         is_stalled = COALESCE($9::boolean, is_stalled),
         next_poll_at = $7
       WHERE id = $8`,
      [
        o.at.getTime(),
        o.etag ?? null,
        o.lastModified ?? null,
        o.title ?? null,
        o.siteUrl ?? null,
        toMs(o.lastItemAt),
        o.nextPollAt.getTime(),
        id,
        o.isStalled ?? null,
      ],
    );
  } else {
    await sql.query(
      `UPDATE sources SET last_attempt_at = $1, last_error_at = $1, last_error_code = $2, last_error = $3,
         consecutive_failures = consecutive_failures + 1, next_poll_at = $4
       WHERE id = $5`,
      [o.at.getTime(), o.code, o.message, o.nextPollAt.getTime(), id],
    );
  }
}

export async function deleteSource(sql: Sql, id: number): Promise<boolean> {
  return ((await sql.query('DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0;
}
