/** SQLite: the sources table. */
import { AppError } from '../../errors.ts';
import type { NewSource, PollOutcome, Source } from '../../model.ts';
import { type SourceRow, toSource } from '../rows.ts';
import type { SourcePatch } from '../store.ts';
import { type Db, toMs } from './db.ts';


const SELECT = `SELECT s.*, (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id) AS article_count FROM sources s`;


export function listSources(db: Db): Source[] {
  return (db.prepare(`${SELECT} ORDER BY s.id`).all() as SourceRow[]).map(toSource);
}

export function getSource(db: Db, id: number): Source | undefined {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SourceRow | undefined;
  return row && toSource(row);
}

export function getSourceBy(db: Db, column: 'url' | 'demo_key', value: string): Source | undefined {
  const row = db.prepare(`${SELECT} WHERE s.${column} = ?`).get(value) as SourceRow | undefined;
  return row && toSource(row);
}

export function listDueSources(db: Db, now: Date, limit: number): Source[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE s.is_enabled = 1 AND (s.next_poll_at IS NULL OR s.next_poll_at <= ?)
       ORDER BY COALESCE(s.next_poll_at, 0), s.id LIMIT ?`,
    )
    .all(now.getTime(), limit) as SourceRow[];
  return rows.map(toSource);
}

export function insertSource(db: Db, s: NewSource, now: Date): Source {
  if (getSourceBy(db, 'url', s.url)) throw new AppError('conflict', `source ${s.url} already exists`);
  const info = db
    .prepare(
      `INSERT INTO sources (url, kind, title, site_url, demo_key, is_enabled, policy, poll_interval_sec, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      s.url,
      s.kind ?? 'feed',
      s.title ?? '',
      s.siteUrl ?? null,
      s.demoKey ?? null,
      s.isEnabled === false ? 0 : 1,
      s.policy ?? 'full',
      s.pollIntervalSec ?? 900,
      now.getTime(),
    );
  const created = getSource(db, Number(info.lastInsertRowid));
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

export function updateSource(db: Db, id: number, patch: SourcePatch): Source | undefined {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as Array<[keyof SourcePatch, unknown]>) {
    if (value === undefined) continue;
    sets.push(`${PATCH_COLUMNS[key]} = ?`);
    values.push(typeof value === 'boolean' ? Number(value) : value instanceof Date ? value.getTime() : value);
  }
  if (sets.length > 0) db.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return getSource(db, id);
}

export function recordPoll(db: Db, id: number, o: PollOutcome): void {
  if (o.ok) {
    db.prepare(
      `UPDATE sources SET last_attempt_at = ?, last_success_at = ?, consecutive_failures = 0,
         etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
         title = CASE WHEN title = '' AND ? IS NOT NULL THEN ? ELSE title END,
         site_url = COALESCE(site_url, ?),
         last_item_at = MAX(COALESCE(last_item_at, 0), COALESCE(?, 0)),
         is_stalled = COALESCE(?, is_stalled),
         next_poll_at = ?
       WHERE id = ?`,
    ).run(
      o.at.getTime(),
      o.at.getTime(),
      o.etag ?? null,
      o.lastModified ?? null,
      o.title ?? null,
      o.title ?? null,
      o.siteUrl ?? null,
      toMs(o.lastItemAt),
      o.isStalled === undefined ? null : Number(o.isStalled),
      o.nextPollAt.getTime(),
      id,
    );
    db.prepare('UPDATE sources SET last_item_at = NULL WHERE id = ? AND last_item_at = 0').run(id);
  } else {
    db.prepare(
      `UPDATE sources SET last_attempt_at = ?, last_error_at = ?, last_error_code = ?, last_error = ?,
         consecutive_failures = consecutive_failures + 1, next_poll_at = ?
       WHERE id = ?`,
    ).run(o.at.getTime(), o.at.getTime(), o.code, o.message, o.nextPollAt.getTime(), id);
  }
}

export function deleteSource(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
}
