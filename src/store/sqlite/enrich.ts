/** SQLite: enrichment results (duplicates, instruments, figures, sentiment) on articles. */
import type { Article, ArticleInstrument, Page } from '../../model.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { EnrichmentState, EnrichmentWrite } from '../enrich-store.ts';
import { type ArticleRow, type InstrumentRow, toArticle, toArticleInstrument, type EnrichmentStateRow, toEnrichmentState } from '../rows.ts';
import type { Db } from './db.ts';
import { refreshSearchTags } from './search-tags.ts';
import { writeArticleTopics } from './topics.ts';

/** Characters of text kept as the lead when rebuilding the clusterer. */
const LEAD_CHARS = 600;


export function listPendingEnrichment(db: Db, limit: number): Article[] {
  return (db.prepare('SELECT * FROM articles WHERE enriched_at IS NULL ORDER BY id LIMIT ?').all(limit) as ArticleRow[]).map(toArticle);
}

export function listEnrichmentState(db: Db, since: Date): EnrichmentState[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.source_id, a.title, substr(a.text, 1, ${LEAD_CHARS}) AS lead, a.published_at, a.story_id,
         a.duplicate_of, a.fingerprint,
         (SELECT group_concat(instrument_id, ' ') FROM article_instruments i WHERE i.article_id = a.id AND i.role = 'subject') AS subjects
       FROM articles a WHERE a.enriched_at IS NOT NULL AND a.published_at >= ? ORDER BY a.id`,
    )
    .all(since.getTime()) as Array<EnrichmentStateRow>;
  return rows.map(toEnrichmentState);
}

export function findArticleByContentHash(db: Db, hash: string, excludeId: number): number | undefined {
  const id = db.prepare('SELECT id FROM articles WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1').pluck().get(hash, excludeId);
  return typeof id === 'number' ? id : undefined;
}

export function saveEnrichment(db: Db, w: EnrichmentWrite): void {
  const insert = db.prepare(
    `INSERT INTO article_instruments (article_id, instrument_id, symbol, name, asset_class, salience, role, mentions, sentences)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare(
      `UPDATE articles SET story_id = ?, duplicate_of = ?, sentiment = ?, figures = ?, fingerprint = ?, enriched_at = ?
       WHERE id = ?`,
    ).run(w.storyId, w.duplicateOf, w.sentiment, JSON.stringify(w.figures), w.fingerprint, w.at.getTime(), w.articleId);
    db.prepare('DELETE FROM article_instruments WHERE article_id = ?').run(w.articleId);
    for (const i of w.instruments) {
      insert.run(w.articleId, i.instrumentId, i.symbol, i.name, i.assetClass, i.salience, i.role, i.mentions, JSON.stringify(i.sentences));
    }
    if (w.topics) writeArticleTopics(db, w.articleId, w.topics);
    refreshSearchTags(db, [w.articleId]);
  })();
}

export function setDuplicateOf(db: Db, ids: number[], originalId: number | null): void {
  const stmt = db.prepare('UPDATE articles SET duplicate_of = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) stmt.run(id === originalId ? null : originalId, id);
  })();
}

export function listCopies(db: Db, articleId: number): Article[] {
  return (db.prepare('SELECT * FROM articles WHERE duplicate_of = ? ORDER BY published_at, id').all(articleId) as ArticleRow[]).map(toArticle);
}

export function listArticleInstruments(db: Db, ids: number[]): Map<number, ArticleInstrument[]> {
  const out = new Map<number, ArticleInstrument[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT * FROM article_instruments WHERE article_id IN (SELECT value FROM json_each(?))
       ORDER BY article_id, salience DESC, instrument_id`,
    )
    .all(JSON.stringify(ids)) as InstrumentRow[];
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(toArticleInstrument(r));
    out.set(r.article_id, list);
  }
  return out;
}

export function listInstrumentArticles(db: Db, instrumentId: string, q: { limit: number; cursor?: string }): Page<Article> {
  const params: unknown[] = [instrumentId];
  let after = '';
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    after = 'AND (a.published_at < ? OR (a.published_at = ? AND a.id < ?))';
    params.push(c.publishedMs, c.publishedMs, c.id);
  }
  const rows = db
    .prepare(
      `SELECT a.* FROM article_instruments i JOIN articles a ON a.id = i.article_id
       WHERE i.instrument_id = ? AND a.duplicate_of IS NULL ${after}
       ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
    )
    .all(...params, q.limit + 1) as ArticleRow[];
  const items = rows.slice(0, q.limit).map(toArticle);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ publishedMs: last.publishedAt.getTime(), id: last.id }) : null,
  };
}
