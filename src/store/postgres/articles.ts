/** PostgreSQL: the articles table (same statements and semantics as sqlite/articles.ts). */
import type pg from 'pg';
import type { Article, ArticleQuery, NewArticle, Page } from '../../model.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { ItemKey } from '../store.ts';
import { inTransaction, type Sql } from './db.ts';

interface ArticleRow {
  id: number;
  source_id: number;
  guid: string | null;
  url: string;
  canonical_url: string;
  title: string;
  author: string | null;
  published_at: number;
  fetched_at: number;
  excerpt: string;
  html: string;
  text: string;
  word_count: number;
  reading_minutes: number;
  image_url: string | null;
  lang: string | null;
  content_hash: string;
  origin_url: string | null;
  removed: string;
  warnings: string;
}

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    sourceId: r.source_id,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    author: r.author,
    publishedAt: new Date(r.published_at),
    fetchedAt: new Date(r.fetched_at),
    excerpt: r.excerpt,
    html: r.html,
    text: r.text,
    wordCount: r.word_count,
    readingMinutes: r.reading_minutes,
    imageUrl: r.image_url,
    lang: r.lang,
    contentHash: r.content_hash,
    originUrl: r.origin_url,
    removed: JSON.parse(r.removed) as Article['removed'],
    warnings: JSON.parse(r.warnings) as string[],
  };
}

/** One round trip for the whole list: each item is matched by GUID (this source) or by URL/canonical URL. */
export async function listKnownItems(sql: Sql, sourceId: number, items: ItemKey[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const { rows } = await sql.query<{ ord: number }>(
    `SELECT i.ord FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS i (guid, url, ord)
     WHERE (i.guid IS NOT NULL AND EXISTS (SELECT 1 FROM articles a WHERE a.source_id = $1 AND a.guid = i.guid))
        OR EXISTS (SELECT 1 FROM articles a WHERE a.url = i.url)
        OR EXISTS (SELECT 1 FROM articles a WHERE a.canonical_url = i.url)
     ORDER BY i.ord`,
    [sourceId, items.map((i) => i.guid), items.map((i) => i.url)],
  );
  const known = new Set<string>();
  for (const { ord } of rows) {
    const item = items[ord - 1];
    if (item) known.add(item.guid ?? item.url);
  }
  return known;
}

const INSERT = `INSERT INTO articles (source_id, guid, url, canonical_url, title, author, published_at, fetched_at,
    excerpt, html, text, word_count, reading_minutes, image_url, lang, content_hash, origin_url, removed, warnings)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
  ON CONFLICT DO NOTHING RETURNING id`;

function insertValues(a: NewArticle): unknown[] {
  return [
    a.sourceId,
    a.guid,
    a.url,
    a.canonicalUrl,
    a.title,
    a.author,
    a.publishedAt.getTime(),
    a.fetchedAt.getTime(),
    a.excerpt,
    a.html,
    a.text,
    a.wordCount,
    a.readingMinutes,
    a.imageUrl,
    a.lang,
    a.contentHash,
    a.originUrl,
    JSON.stringify(a.removed),
    JSON.stringify(a.warnings),
  ];
}

/**
 * Insert in one transaction; ON CONFLICT DO NOTHING covers both unique indexes (GUID per source,
 * canonical URL), also against a concurrent writer, so a skipped row returns no id.
 */
export async function insertArticles(pool: pg.Pool, articles: NewArticle[]): Promise<Array<number | null>> {
  if (articles.length === 0) return [];
  return inTransaction(pool, async (client) => {
    const ids: Array<number | null> = [];
    for (const a of articles) {
      const { rows } = await client.query<{ id: number }>({ name: 'tw_insert_article', text: INSERT, values: insertValues(a) });
      ids.push(rows[0]?.id ?? null);
    }
    return ids;
  });
}

export async function getArticle(sql: Sql, id: number): Promise<Article | undefined> {
  const row = (await sql.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id])).rows[0];
  return row && toArticle(row);
}

export async function listArticles(sql: Sql, q: ArticleQuery): Promise<Page<Article>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.sourceId !== undefined) where.push(`source_id = ${param(q.sourceId)}`);
  if (q.since) where.push(`published_at >= ${param(q.since.getTime())}`);
  if (q.until) where.push(`published_at < ${param(q.until.getTime())}`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(`(published_at, id) < (${param(c.publishedMs)}, ${param(c.id)})`);
  }
  const text = `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY published_at DESC, id DESC LIMIT ${param(q.limit + 1)}`;
  const { rows } = await sql.query<ArticleRow>(text, params);
  const items = rows.slice(0, q.limit).map(toArticle);
  const last = items.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ publishedMs: last.publishedAt.getTime(), id: last.id }) : null;
  return { items, nextCursor };
}

export async function countArticles(sql: Sql, sourceId?: number): Promise<number> {
  const { rows } =
    sourceId === undefined
      ? await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles')
      : await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE source_id = $1', [sourceId]);
  return rows[0]?.n ?? 0;
}
