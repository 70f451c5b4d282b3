/** PostgreSQL: enrichment results on articles (same statements and semantics as sqlite/enrich.ts). */
import type pg from 'pg';
import type { Article, ArticleInstrument, Page } from '../../model.ts';
import { decodeCursor } from '../cursor.ts';
import type { EnrichmentState, EnrichmentWrite } from '../enrich-store.ts';
import { articleColumns, queryArticles, toPage } from './articles.ts';
import { inTransaction, type Sql } from './db.ts';
import { writeArticleTopics } from './topics.ts';
import { type EnrichmentStateRow, type InstrumentRow, toArticleInstrument, toEnrichmentState } from '../rows.ts';

/** Characters of text kept as the lead when rebuilding the clusterer (as on SQLite). */
const LEAD_CHARS = 600;


export async function listPendingEnrichment(sql: Sql, limit: number): Promise<Article[]> {
  return queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE enriched_at IS NULL ORDER BY id LIMIT $1`, [
    limit,
  ]);
}

export async function listEnrichmentState(sql: Sql, since: Date): Promise<EnrichmentState[]> {
  const { rows } = await sql.query<EnrichmentStateRow>(
    `SELECT a.id, a.source_id, a.title, substr(a.text, 1, ${LEAD_CHARS}) AS lead, a.published_at, a.story_id,
       a.duplicate_of, a.fingerprint,
       (SELECT string_agg(instrument_id, ' ') FROM article_instruments i WHERE i.article_id = a.id AND i.role = 'subject') AS subjects
     FROM articles a WHERE a.enriched_at IS NOT NULL AND a.published_at >= $1 ORDER BY a.id`,
    [since.getTime()],
  );
  return rows.map(toEnrichmentState);
}

export async function findArticleByContentHash(sql: Sql, hash: string, excludeId: number): Promise<number | undefined> {
  const { rows } = await sql.query<{ id: number }>(
    'SELECT id FROM articles WHERE content_hash = $1 AND id <> $2 ORDER BY id LIMIT 1',
    [hash, excludeId],
  );
  return rows[0]?.id;
}

export async function saveEnrichment(pool: pg.Pool, w: EnrichmentWrite): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `UPDATE articles SET story_id = $1, duplicate_of = $2, sentiment = $3, figures = $4, fingerprint = $5,
         enriched_at = $6 WHERE id = $7`,
      [w.storyId, w.duplicateOf, w.sentiment, JSON.stringify(w.figures), w.fingerprint, w.at.getTime(), w.articleId],
    );
    if (w.topics) await writeArticleTopics(client, w.articleId, w.topics);
    await client.query('DELETE FROM article_instruments WHERE article_id = $1', [w.articleId]);
    if (w.instruments.length === 0) return;
    const list = w.instruments;
    await client.query(
      `INSERT INTO article_instruments (article_id, instrument_id, symbol, name, asset_class, salience, role, mentions, sentences)
       SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::int[], $9::text[])`,
      [
        w.articleId,
        list.map((i) => i.instrumentId),
        list.map((i) => i.symbol),
        list.map((i) => i.name),
        list.map((i) => i.assetClass),
        list.map((i) => i.salience),
        list.map((i) => i.role),
        list.map((i) => i.mentions),
        list.map((i) => JSON.stringify(i.sentences)),
      ],
    );
  });
}

export async function setDuplicateOf(sql: Sql, ids: number[], originalId: number | null): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    'UPDATE articles SET duplicate_of = CASE WHEN id = $2 THEN NULL ELSE $2::bigint END WHERE id = ANY($1::bigint[])',
    [ids, originalId],
  );
}

export async function listCopies(sql: Sql, articleId: number): Promise<Article[]> {
  return queryArticles(
    sql,
    `SELECT ${articleColumns()} FROM articles WHERE duplicate_of = $1 ORDER BY published_at, id`,
    [articleId],
  );
}

export async function listArticleInstruments(sql: Sql, ids: number[]): Promise<Map<number, ArticleInstrument[]>> {
  const out = new Map<number, ArticleInstrument[]>();
  if (ids.length === 0) return out;
  const { rows } = await sql.query<InstrumentRow>(
    `SELECT * FROM article_instruments WHERE article_id = ANY($1::bigint[])
     ORDER BY article_id, salience DESC, instrument_id COLLATE "C"`,
    [ids],
  );
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(toArticleInstrument(r));
    out.set(r.article_id, list);
  }
  return out;
}

export async function listInstrumentArticles(
  sql: Sql,
  instrumentId: string,
  q: { limit: number; cursor?: string },
): Promise<Page<Article>> {
  const params: unknown[] = [instrumentId];
  let after = '';
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    params.push(c.publishedMs, c.id);
    after = 'AND (a.published_at, a.id) < ($2, $3)';
  }
  params.push(q.limit + 1);
  const rows = await queryArticles(
    sql,
    `SELECT ${articleColumns('a')} FROM article_instruments i JOIN articles a ON a.id = i.article_id
     WHERE i.instrument_id = $1 AND a.duplicate_of IS NULL ${after}
     ORDER BY a.published_at DESC, a.id DESC LIMIT $${params.length}`,
    params,
  );
  return toPage(rows, q.limit);
}
