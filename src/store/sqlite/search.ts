/**
 * SQLite: full-text search over the FTS5 index of migrations 004 and 006 (titles, bodies, filter tags).
 *
 * Ranking reads a bounded candidate set instead of scoring every match (DEPS.md pitfall 16: bm25 over a
 * term in a third of a large corpus costs a full doclist walk per row scored): the newest matches in
 * rowid order (FTS5 walks its doclist backwards and stops at the LIMIT), with their titles to tell title
 * matches, plus for one word the newest title matches; then relevance blended with recency decides the
 * order. Source and instrument filters are tag terms ANDed inside the index. A query with fewer matches
 * than the candidate bound is ranked by BM25F from the texts (store/bm25.ts); see `relevance`.
 */
import type { SearchClause, SearchHit, SearchQuery, SearchResult } from '../store.ts';
import { getArticles } from './articles.ts';
import { type Bm25Doc, bm25Scores } from '../bm25.ts';
import { makeSnippet } from '../snippet.ts';
import { candidatesFor, recencyFactor, TITLE_BOOST, TITLE_WEIGHT } from '../ranking.ts';
import { containsAll } from '../text-match.ts';
import type { Db } from './db.ts';
import { instrumentTag, sourceTag } from './search-tags.ts';

/** Newest title-only matches added to the candidates (strong matches that are older). */
const TITLE_CANDIDATES = 100;

function quote(token: string): string {
  return `"${token.replace(/"/g, '')}"`;
}

function compileClause(c: SearchClause): string {
  if (c.kind === 'prefix') return `${quote(c.tokens[0] ?? '')}*`;
  return quote(c.tokens.join(' '));
}

/** The user's expression (positives ANDed, negatives excluded with NOT), or null with nothing positive. */
function compileUser(clauses: SearchClause[]): string | null {
  const positive = clauses.filter((c) => !c.negated && c.tokens.length > 0).map(compileClause);
  if (positive.length === 0) return null;
  const negative = clauses.filter((c) => c.negated && c.tokens.length > 0).map(compileClause);
  const base = positive.join(' AND ');
  return negative.length ? `(${base}) NOT (${negative.join(' OR ')})` : base;
}

/**
 * The FTS5 MATCH expression of parsed clauses over titles and bodies (never the tags column): positives
 * ANDed, negatives excluded with NOT. Returns null when there is nothing positive to match.
 */
export function compileMatch(clauses: SearchClause[]): string | null {
  const user = compileUser(clauses);
  return user === null ? null : `{title text} : (${user})`;
}

/** The filter terms of a query, matched in the tags column (migration 006). */
function filterTerms(q: SearchQuery): string[] {
  const tags: string[] = [];
  if (q.sourceId !== undefined) tags.push(sourceTag(q.sourceId));
  if (q.instrumentId !== undefined) tags.push(instrumentTag(q.instrumentId));
  return tags.map((t) => `({search_tags} : ${quote(t)})`);
}



/** Date filters: rows of `articles a` (source and instrument filters are terms of the MATCH). */
function filterSql(q: SearchQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.since) {
    where.push('a.published_at >= ?');
    params.push(q.since.getTime());
  }
  if (q.until) {
    where.push('a.published_at < ?');
    params.push(q.until.getTime());
  }
  return { sql: where.map((w) => ` AND ${w}`).join(''), params };
}

interface Candidate {
  id: number;
  pub: number;
  /** BM25F score (complete result sets only; higher is better). */
  bm25?: number;
  title?: string;
}

/** The newest `limit` matches (index and row lookups only), with each title on request (to tell title matches). */
function readCandidates(db: Db, match: string, q: SearchQuery, limit: number, extra?: 'title'): Candidate[] {
  const f = filterSql(q);
  const more = extra === 'title' ? ', a.title' : '';
  const stmt = db.prepare(
    `SELECT f.rowid AS id, a.published_at AS pub${more}
     FROM articles_fts f JOIN articles a ON a.id = f.rowid
     WHERE articles_fts MATCH ?${f.sql}
     ORDER BY f.rowid DESC LIMIT ?`,
  );
  return stmt.all(match, ...f.params, limit) as Candidate[];
}

/**
 * Relevance of a candidate. Small result sets (all matches are candidates) use BM25F — title weighted —
 * computed from their texts. Large ones skip BM25 (FTS5's bm25() walks a common term's whole doclist for
 * its IDF: the cost DEPS.md pitfall 16 measured) and score title matches instead: among the newest
 * matches of a common query, "the title is about it" is the signal that matters.
 */
function relevance(c: Candidate, inTitle: ReadonlySet<number>): number {
  if (c.bm25 !== undefined) return c.bm25;
  return inTitle.has(c.id) ? 1 + TITLE_BOOST : 1;
}

/** Search articles: see the module comment for how candidates are chosen and ranked. */
export function searchArticles(db: Db, q: SearchQuery): SearchResult {
  const user = compileUser(q.clauses);
  if (user === null) return { hits: [], hasMore: false };
  const filters = filterTerms(q);
  const scoped = (columns: string) => [`({${columns}} : (${user}))`, ...filters].join(' AND ');
  const match = scoped('title text');
  const want = candidatesFor(q.offset, q.limit);
  const newest = readCandidates(db, match, q, want, 'title');
  const complete = newest.length < want;
  if (complete) {
    // Every match at hand: BM25 from their titles and texts, not from another walk of the index (store/bm25.ts).
    const docs = db
      .prepare('SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(newest.map((c) => c.id))) as Bm25Doc[];
    const scores = bm25Scores(docs, q.clauses, TITLE_WEIGHT);
    for (const c of newest) c.bm25 = scores.get(c.id) ?? 0;
  }
  const byId = new Map(newest.map((c) => [c.id, c]));
  // Which candidates match in the title: read from the titles themselves, not from another walk of the index.
  const inTitle = new Set(newest.filter((c) => containsAll(c.title ?? '', q.clauses)).map((c) => c.id));
  const positives = q.clauses.filter((c) => !c.negated && c.tokens.length > 0);
  if (!complete && positives.length === 1 && positives[0]?.kind !== 'phrase') {
    // Older title matches for one word or prefix: its title doclist is walked newest first. Not for a
    // phrase or several clauses: a title-restricted walk then covers every row holding all the words
    // somewhere (at 1M articles 15 ms for two words, up to 175 ms for a phrase).
    for (const c of readCandidates(db, scoped('title'), q, TITLE_CANDIDATES)) {
      byId.set(c.id, c);
      inTitle.add(c.id);
    }
  }
  const nowMs = q.now.getTime();
  const ranked = [...byId.values()]
    .map((c) => ({ id: c.id, score: relevance(c, inTitle) * recencyFactor(c.pub, nowMs) }))
    .sort((a, b) => b.score - a.score || b.id - a.id);
  const page = ranked.slice(q.offset, q.offset + q.limit);
  // Snippets from the hits' texts (see store/snippet.ts): FTS5's snippet() would look every hit up in
  // every doclist of the query again. The title stands in when only the title matches.
  const articles = getArticles(db, page.map((r) => r.id));
  const hits: SearchHit[] = [];
  for (const r of page) {
    const article = articles.get(r.id);
    if (!article) continue;
    const snippet = makeSnippet(article.text, q.clauses) ?? makeSnippet(article.title, q.clauses) ?? { text: article.excerpt, highlights: [] };
    hits.push({ article, score: r.score, snippet });
  }
  return { hits, hasMore: ranked.length > q.offset + q.limit };
}

/** Leaf pages merged per upkeep step: a few milliseconds of work, so readers sharing the process hardly notice. */
const MERGE_PAGES = 64;

/**
 * One step of FTS5 segment merging (the 'merge' command). Writes only merge once 16 segments pile up on a
 * level (migration 006 sets automerge = 16: 1.35× faster bulk indexing than the default 4), and this step
 * merges levels holding 4 or more (usermerge), so an idle index reads as fast as one kept at 4. True while
 * work remains (FTS5 reports a no-op merge as fewer than two changes).
 */
export function mergeSearchIndex(db: Db): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(MERGE_PAGES);
  const after = db.prepare('SELECT total_changes()').pluck().get() as number;
  return after - before >= 2;
}
