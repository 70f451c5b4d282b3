/** SQLite: the articles table. */
import type { Article, ArticleQuery, NewArticle, Page } from '../../model.ts';
import { type ArticleRow, toArticle } from '../rows.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { ItemKey } from '../store.ts';
import type { Db } from './db.ts';
import { sourceTag } from './search-tags.ts';



export function listKnownItems(db: Db, sourceId: number, items: ItemKey[]): Set<string> {
  const byGuid = db.prepare('SELECT 1 FROM articles WHERE source_id = ? AND guid = ?').pluck();
  const byUrl = db
    .prepare(
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM articles WHERE url = @url OR canonical_url = @url)
         OR EXISTS (SELECT 1 FROM takedown_keys WHERE canonical_url = @url)`,
    )
    .pluck();
  const known = new Set<string>();
  for (const item of items) {
    const hit = (item.guid !== null && byGuid.get(sourceId, item.guid)) || byUrl.get({ url: item.url });
    if (hit) known.add(item.guid ?? item.url);
  }
  return known;
}

export function insertArticles(db: Db, articles: NewArticle[]): Array<number | null> {
  const insert = db.prepare(
    `INSERT INTO articles (source_id, guid, url, canonical_url, title, author, published_at, fetched_at,
       excerpt, html, text, word_count, reading_minutes, image_url, lang, content_hash, origin_url, removed, warnings, search_tags)
     VALUES (@sourceId, @guid, @url, @canonicalUrl, @title, @author, @publishedAt, @fetchedAt,
       @excerpt, @html, @text, @wordCount, @readingMinutes, @imageUrl, @lang, @contentHash, @originUrl, @removed, @warnings, @searchTags)
     ON CONFLICT DO NOTHING`,
  );
  return db.transaction((list: NewArticle[]) =>
    list.map((a) => {
      const info = insert.run({
        ...a,
        publishedAt: a.publishedAt.getTime(),
        fetchedAt: a.fetchedAt.getTime(),
        removed: JSON.stringify(a.removed),
        warnings: JSON.stringify(a.warnings),
        searchTags: sourceTag(a.sourceId),
      });
      return info.changes > 0 ? Number(info.lastInsertRowid) : null;
    }),
  )(articles);
}

export function getArticle(db: Db, id: number): Article | undefined {
  const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return row && toArticle(row);
}

/** Articles by id (one query), in no particular order; missing ids are left out. */
export function getArticles(db: Db, ids: readonly number[]): Map<number, Article> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare('SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as ArticleRow[];
  return new Map(rows.map((r) => [r.id, toArticle(r)]));
}

export function listArticles(db: Db, q: ArticleQuery): Page<Article> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.sourceId !== undefined) {
    where.push('source_id = ?');
    params.push(q.sourceId);
  }
  if (q.excludeCopies) where.push('duplicate_of IS NULL');
  if (q.topic !== undefined) {
    where.push('EXISTS (SELECT 1 FROM article_topics t WHERE t.topic = ? AND t.article_id = articles.id)');
    params.push(q.topic);
  }
  if (q.since) {
    where.push('published_at >= ?');
    params.push(q.since.getTime());
  }
  if (q.until) {
    where.push('published_at < ?');
    params.push(q.until.getTime());
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push('(published_at < ? OR (published_at = ? AND id < ?))');
    params.push(c.publishedMs, c.publishedMs, c.id);
  }
  const sql = `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY published_at DESC, id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, q.limit + 1) as ArticleRow[];
  const items = rows.slice(0, q.limit).map(toArticle);
  const last = items.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ publishedMs: last.publishedAt.getTime(), id: last.id }) : null;
  return { items, nextCursor };
}

export function countArticles(db: Db, sourceId?: number): number {
  const stmt =
    sourceId === undefined
      ? db.prepare('SELECT COUNT(*) FROM articles').pluck()
      : db.prepare('SELECT COUNT(*) FROM articles WHERE source_id = ?').pluck();
  return Number(sourceId === undefined ? stmt.get() : stmt.get(sourceId));
}
