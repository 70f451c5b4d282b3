/** SQLite: takedowns (tombstones) and the deletions they cause. */
import type { NewTakedown, Takedown } from '../../model.ts';
import type { TakedownKey } from '../govern-store.ts';
import { type TakedownRow, toTakedown } from '../rows.ts';
import type { Db } from './db.ts';



/** Recount the stories that lost articles; delete the ones left empty; re-headline orphaned ones. */
function repairStories(db: Db, storyIds: number[]): void {
  for (const id of storyIds) {
    const left = db.prepare('SELECT COUNT(*) FROM articles WHERE story_id = ?').pluck().get(id);
    if (left === 0) {
      db.prepare('DELETE FROM stories WHERE id = ?').run(id);
      continue;
    }
    db.prepare(
      `UPDATE stories SET article_count = ?,
         source_count = (SELECT COUNT(DISTINCT source_id) FROM articles WHERE story_id = ? AND duplicate_of IS NULL),
         headline_article_id = COALESCE(
           (SELECT id FROM articles WHERE id = stories.headline_article_id),
           (SELECT id FROM articles WHERE story_id = ? ORDER BY published_at, id LIMIT 1)),
         headline = (SELECT title FROM articles WHERE id = COALESCE(
           (SELECT id FROM articles WHERE id = stories.headline_article_id),
           (SELECT id FROM articles WHERE story_id = ? ORDER BY published_at, id LIMIT 1)))
       WHERE id = ?`,
    ).run(left, id, id, id, id);
  }
}

export function insertTakedown(db: Db, t: NewTakedown, articles: TakedownKey[], at: Date): Takedown {
  return db.transaction(() => {
    const ids = JSON.stringify(articles.map((a) => a.id));
    const stories = db
      .prepare('SELECT DISTINCT story_id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND story_id IS NOT NULL')
      .pluck()
      .all(ids) as number[];
    const removed = db.prepare('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))').run(ids).changes;
    repairStories(db, stories);
    const info = db
      .prepare(
        `INSERT INTO takedowns (article_id, source_id, title, reason, requested_by, articles_removed, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.articleId, t.sourceId, t.title, t.reason, t.requestedBy, removed, at.getTime());
    const key = db.prepare('INSERT INTO takedown_keys (takedown_id, canonical_url, content_hash) VALUES (?, ?, ?)');
    for (const a of articles) key.run(Number(info.lastInsertRowid), a.canonicalUrl, a.contentHash);
    const row = db.prepare('SELECT * FROM takedowns WHERE id = ?').get(Number(info.lastInsertRowid)) as TakedownRow;
    return toTakedown(row);
  })();
}

export function listTakedowns(db: Db): Takedown[] {
  return (db.prepare('SELECT * FROM takedowns ORDER BY created_at DESC, id DESC').all() as TakedownRow[]).map(toTakedown);
}

export function isTakenDown(db: Db, keys: { canonicalUrl?: string; contentHash?: string }): boolean {
  const hit = db
    .prepare('SELECT 1 FROM takedown_keys WHERE canonical_url = ? OR content_hash = ? LIMIT 1')
    .pluck()
    .get(keys.canonicalUrl ?? null, keys.contentHash ?? null);
  return hit !== undefined;
}
