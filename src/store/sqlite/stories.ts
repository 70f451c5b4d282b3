/** SQLite: the stories table. */
import type { Article, Page, StorySummary } from '../../model.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { StoryQuery, StoryWrite } from '../enrich-store.ts';
import { type ArticleRow, type StoryRow, toArticle, toStory } from '../rows.ts';
import type { Db } from './db.ts';



const values = (s: StoryWrite) => [
  s.headline,
  s.headlineArticleId,
  s.firstSeenAt.getTime(),
  s.lastUpdateAt.getTime(),
  s.sourceCount,
  s.articleCount,
];

export function insertStory(db: Db, s: StoryWrite): number {
  const info = db
    .prepare(
      `INSERT INTO stories (headline, headline_article_id, first_seen_at, last_update_at, source_count, article_count)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(...values(s));
  return Number(info.lastInsertRowid);
}

export function updateStory(db: Db, id: number, s: StoryWrite): void {
  db.prepare(
    `UPDATE stories SET headline = ?, headline_article_id = ?, first_seen_at = ?, last_update_at = ?, source_count = ?,
       article_count = ? WHERE id = ?`,
  ).run(...values(s), id);
}

export function mergeStories(db: Db, fromIds: number[], intoId: number): void {
  db.transaction(() => {
    for (const from of fromIds) {
      if (from === intoId) continue;
      db.prepare('UPDATE articles SET story_id = ? WHERE story_id = ?').run(intoId, from);
      db.prepare('DELETE FROM stories WHERE id = ?').run(from);
    }
  })();
}

export function moveArticleToStory(db: Db, articleId: number, storyId: number): void {
  db.transaction(() => {
    const old = db.prepare('SELECT story_id FROM articles WHERE id = ?').pluck().get(articleId);
    db.prepare('UPDATE articles SET story_id = ? WHERE id = ?').run(storyId, articleId);
    if (typeof old === 'number' && old !== storyId) {
      db.prepare('DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)').run(old, old);
    }
  })();
}

export function getStory(db: Db, id: number): StorySummary | undefined {
  const row = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  return row && toStory(row);
}

export function listStories(db: Db, q: StoryQuery): Page<StorySummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.instrumentId !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM articles a JOIN article_instruments i ON i.article_id = a.id WHERE a.story_id = s.id AND i.instrument_id = ?)',
    );
    params.push(q.instrumentId);
  }
  if (q.sourceId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.source_id = ?)');
    params.push(q.sourceId);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push('(s.last_update_at < ? OR (s.last_update_at = ? AND s.id < ?))');
    params.push(c.publishedMs, c.publishedMs, c.id);
  }
  const rows = db
    .prepare(
      `SELECT s.* FROM stories s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.last_update_at DESC, s.id DESC LIMIT ?`,
    )
    .all(...params, q.limit + 1) as StoryRow[];
  const items = rows.slice(0, q.limit).map(toStory);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ publishedMs: last.lastUpdateAt.getTime(), id: last.id }) : null,
  };
}

export function listStoryArticles(db: Db, storyId: number): Article[] {
  return (db.prepare('SELECT * FROM articles WHERE story_id = ? ORDER BY published_at, id').all(storyId) as ArticleRow[]).map(toArticle);
}
