/** PostgreSQL: the articles table (same statements and semantics as sqlite/articles.ts). */
import type { Article, ArticleQuery, NewArticle, Page } from '../../model.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { type ArticleRow, toArticle } from '../rows.ts';
import type { ItemKey } from '../store.ts';
import type { Sql } from './db.ts';

/** Every column toArticle reads; never `SELECT *`, which would also fetch the derived search_vector. */
const COLUMNS = [
  'id', 'source_id', 'guid', 'url', 'canonical_url', 'title', 'author', 'published_at', 'fetched_at', 'excerpt',
  'html', 'text', 'word_count', 'reading_minutes', 'image_url', 'lang', 'content_hash', 'origin_url', 'removed',
  'warnings', 'story_id', 'duplicate_of', 'sentiment', 'figures',
];

/** The article columns for a SELECT list, optionally qualified by a table alias. */
export function articleColumns(alias?: string): string {
  return alias === undefined ? COLUMNS.join(', ') : COLUMNS.map((c) => `${alias}.${c}`).join(', ');
}

/** Rows of `SELECT ${articleColumns()} …` as Articles (the row shape is the same as SQLite's). */
export async function queryArticles(sql: Sql, text: string, values: unknown[] = []): Promise<Article[]> {
  return (await sql.query<ArticleRow>(text, values)).rows.map(toArticle);
}

/** A newest-first page from rows fetched with LIMIT `limit + 1`. */
export function toPage(rows: Article[], limit: number): Page<Article> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ publishedMs: last.publishedAt.getTime(), id: last.id }) : null;
  return { items, nextCursor };
}

/**
 * One round trip for the whole list: each item is matched by GUID (this source), by URL/canonical URL,
 * or by a takedown's canonical URL.
 * The correlated EXISTS over UNION ALL makes index probes per item (an OR of EXISTS was planned as
 * hashed full-table scans: 11 ms per 50 items at 5k articles, growing with the table).
 */
export async function listKnownItems(sql: Sql, sourceId: number, items: ItemKey[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const { rows } = await sql.query<{ ord: number }>(
    `SELECT i.ord FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS i (guid, url, ord)
     WHERE EXISTS (
       SELECT 1 FROM articles a WHERE a.source_id = $1 AND a.guid = i.guid
       UNION ALL SELECT 1 FROM articles a WHERE a.url = i.url
       UNION ALL SELECT 1 FROM articles a WHERE a.canonical_url = i.url
       UNION ALL SELECT 1 FROM takedown_keys k WHERE k.canonical_url = i.url)
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

/** Columns written on insert, with the array type each is passed as (one array per column). */
const INSERT_COLUMNS: Array<[column: string, arrayType: string, value: (a: NewArticle) => unknown]> = [
  ['source_id', 'bigint[]', (a) => a.sourceId],
  ['guid', 'text[]', (a) => a.guid],
  ['url', 'text[]', (a) => a.url],
  ['canonical_url', 'text[]', (a) => a.canonicalUrl],
  ['title', 'text[]', (a) => a.title],
  ['author', 'text[]', (a) => a.author],
  ['published_at', 'bigint[]', (a) => a.publishedAt.getTime()],
  ['fetched_at', 'bigint[]', (a) => a.fetchedAt.getTime()],
  ['excerpt', 'text[]', (a) => a.excerpt],
  ['html', 'text[]', (a) => a.html],
  ['text', 'text[]', (a) => a.text],
  ['word_count', 'integer[]', (a) => a.wordCount],
  ['reading_minutes', 'integer[]', (a) => a.readingMinutes],
  ['image_url', 'text[]', (a) => a.imageUrl],
  ['lang', 'text[]', (a) => a.lang],
  ['content_hash', 'text[]', (a) => a.contentHash],
  ['origin_url', 'text[]', (a) => a.originUrl],
  ['removed', 'text[]', (a) => JSON.stringify(a.removed)],
  ['warnings', 'text[]', (a) => JSON.stringify(a.warnings)],
];

const INSERT = `INSERT INTO articles (${INSERT_COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${INSERT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})
  ON CONFLICT DO NOTHING RETURNING id, source_id, guid, canonical_url`;

/**
 * One statement for the whole list (rows are inserted in input order); ON CONFLICT DO NOTHING covers
 * both unique indexes (GUID per source, canonical URL), also against a concurrent writer and between
 * rows of the same list. Each returned row is given back to the first input with the same
 * canonical URL, source and GUID (the canonical URL alone is unique among inserted rows).
 */
export async function insertArticles(sql: Sql, articles: NewArticle[]): Promise<Array<number | null>> {
  if (articles.length === 0) return [];
  const values = INSERT_COLUMNS.map(([, , value]) => articles.map(value));
  const { rows } = await sql.query<{ id: number; source_id: number; guid: string | null; canonical_url: string }>(
    { name: 'tw_insert_articles', text: INSERT, values },
  );
  const byCanonical = new Map(rows.map((r) => [r.canonical_url, r]));
  return articles.map((a) => {
    const row = byCanonical.get(a.canonicalUrl);
    if (!row || row.source_id !== a.sourceId || row.guid !== a.guid) return null;
    byCanonical.delete(a.canonicalUrl);
    return row.id;
  });
}

export async function getArticle(sql: Sql, id: number): Promise<Article | undefined> {
  return (await queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE id = $1`, [id]))[0];
}

export async function listArticles(sql: Sql, q: ArticleQuery): Promise<Page<Article>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.sourceId !== undefined) where.push(`source_id = ${param(q.sourceId)}`);
  if (q.excludeCopies) where.push('duplicate_of IS NULL');
  if (q.topic !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM article_topics t WHERE t.topic = ${param(q.topic)} AND t.article_id = articles.id)`);
  }
  if (q.since) where.push(`published_at >= ${param(q.since.getTime())}`);
  if (q.until) where.push(`published_at < ${param(q.until.getTime())}`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(`(published_at, id) < (${param(c.publishedMs)}, ${param(c.id)})`);
  }
  const text = `SELECT ${articleColumns()} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY published_at DESC, id DESC LIMIT ${param(q.limit + 1)}`;
  return toPage(await queryArticles(sql, text, params), q.limit);
}

export async function countArticles(sql: Sql, sourceId?: number): Promise<number> {
  const { rows } =
    sourceId === undefined
      ? await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles')
      : await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE source_id = $1', [sourceId]);
  return rows[0]?.n ?? 0;
}
