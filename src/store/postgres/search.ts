/**
 * PostgreSQL: full-text search and "more like this" over the tsvector of migration 004, with the same
 * strategy as sqlite/search.ts: a bounded candidate set (the newest matches) instead of ranking every
 * match; when every match fits in it, ts_rank (title weighted) ranks exactly, otherwise a match of the whole query in the title
 * decides; relevance is blended with recency the same way.
 */
import pg from 'pg';
import { candidatesFor, recencyFactor, TITLE_BOOST, TITLE_WEIGHT } from '../ranking.ts';
import { parseSnippet } from '../snippet.ts';
import type { SearchClause, SearchHit, SearchQuery, SearchResult } from '../store.ts';
import { articleColumns, queryArticles } from './articles.ts';
import type { Sql } from './db.ts';
import { estimateMatches, WALK_ABOVE_MATCHES } from './search-plan.ts';

/** Text-search configuration of migration 004 (English stems, no stop words). */
const CONFIG = 'tw_english';
/** Characters turned into spaces before indexing (as in migration 004), so titles split the same way. */
const SPLIT_CHARS = ".-/@:_$";
/** ts_rank weights {D, C, B, A}: body (B) counts 1/TITLE_WEIGHT of the title (A). */
const RANK_WEIGHTS = `'{0, 0, ${1 / TITLE_WEIGHT}, 1}'`;
/** Snippet: words around the best fragment, matches between the markers parseSnippet reads. */
const HEADLINE_OPTIONS = 'StartSel=\u0002, StopSel=\u0003, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "';

/** Builds a tsquery expression whose values travel as bind parameters. */
class QueryBuilder {
  readonly params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  clause(c: SearchClause): string {
    const clean = c.tokens.map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
    if (c.kind === 'prefix') return `to_tsquery('${CONFIG}', ${this.param(`${clean[0] ?? ''}:*`)})`;
    if (c.kind === 'phrase') return `phraseto_tsquery('${CONFIG}', ${this.param(clean.join(' '))})`;
    return `plainto_tsquery('${CONFIG}', ${this.param(clean.join(' '))})`;
  }
}

/** The tsquery of parsed clauses (positives ANDed, negatives excluded), or null with nothing positive. */
function compileQuery(b: QueryBuilder, clauses: SearchClause[]): { query: string } | null {
  const usable = clauses.filter((c) => c.tokens.some((t) => /[\p{L}\p{N}]/u.test(t)));
  const positives = usable.filter((c) => !c.negated).map((c) => b.clause(c));
  if (positives.length === 0) return null;
  const negatives = usable.filter((c) => c.negated).map((c) => `!!${b.clause(c)}`);
  return { query: [...positives, ...negatives].join(' && ') };
}


/** Filters on `articles a`; the instrument filter only when asked (the instrument plan joins it instead). */
function filterSql(b: QueryBuilder, q: SearchQuery, withInstrument = true): string {
  const where: string[] = [];
  if (q.sourceId !== undefined) where.push(`a.source_id = ${b.param(q.sourceId)}`);
  if (q.instrumentId !== undefined && withInstrument) {
    where.push(`a.id IN (SELECT i.article_id FROM article_instruments i WHERE i.instrument_id = ${b.param(q.instrumentId)})`);
  }
  if (q.since) where.push(`a.published_at >= ${b.param(q.since.getTime())}`);
  if (q.until) where.push(`a.published_at < ${b.param(q.until.getTime())}`);
  return where.map((w) => ` AND ${w}`).join('');
}

/** Without statistics: how long the GIN plan may run before the primary-key walk is used instead (ms). */
const GIN_TIMEOUT_MS = 30;
/** With statistics that chose GIN: a safety bound for stale statistics, after which the walk answers (ms). */
const GIN_SAFETY_TIMEOUT_MS = 500;
/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Run a query under a statement timeout; null when it ran out of time. */
async function withTimeout(sql: Sql, ms: number, text: string, params: unknown[]): Promise<Candidate[] | null> {
  const pooled = sql instanceof pg.Pool;
  const client = sql instanceof pg.Pool ? await sql.connect() : sql;
  const release = () => {
    if (pooled && 'release' in client) client.release();
  };
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL statement_timeout = ${Math.round(ms)}`);
    const { rows } = await client.query<Candidate>(text, params);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof Error && 'code' in error && error.code === QUERY_CANCELED) return null;
    throw error;
  } finally {
    release();
  }
}

interface Candidate {
  id: number;
  pub: number;
  rank: number;
  title_hits: number;
}

/** Search articles: see the module comment for how candidates are chosen and ranked. */
export async function searchArticles(sql: Sql, q: SearchQuery): Promise<SearchResult> {
  const b = new QueryBuilder();
  const compiled = compileQuery(b, q.clauses);
  if (compiled === null) return { hits: [], hasMore: false };
  const want = candidatesFor(q.offset, q.limit);
  const titleVector = `to_tsvector('${CONFIG}', translate(c.title, '${SPLIT_CHARS}', '${' '.repeat(SPLIT_CHARS.length)}'))`;
  const titleHits = `(${titleVector} @@ (${compiled.query}))::int`;
  const filters = filterSql(b, q, false);
  const instrumentId = q.instrumentId === undefined ? '' : b.param(q.instrumentId);
  const instrument = instrumentId && ` AND a.id IN (SELECT i.article_id FROM article_instruments i WHERE i.instrument_id = ${instrumentId})`;
  const select = (source: string) =>
    `SELECT c.id, c.pub, ts_rank(${RANK_WEIGHTS}, c.search_vector, (${compiled.query})) AS rank, ${titleHits} AS title_hits FROM ${source}`;
  // Three plans for "the newest `want` matches". A rare query is fastest through the GIN index (all
  // matches, then sorted); a common one by walking the primary key backwards until `want` match (the
  // tsquery is written inline, not joined from a CTE, so the planner sees it); an instrument filter by
  // walking that instrument's articles newest first. The lexeme statistics choose (search-plan.ts);
  // without them the GIN plan is tried under a short timeout and the walk answers when it runs out.
  const limit = b.param(want);
  const gin = `WITH m AS MATERIALIZED (SELECT a.id, a.published_at AS pub, a.title, a.search_vector FROM articles a
         WHERE a.search_vector @@ (${compiled.query})${filters}${instrument})
     ${select(`(SELECT * FROM m ORDER BY id DESC LIMIT ${limit}) c`)}`;
  const walk = `WITH c AS (SELECT a.id, a.published_at AS pub, a.title, a.search_vector FROM articles a
           WHERE a.search_vector @@ (${compiled.query})${filters}${instrument} ORDER BY a.id DESC LIMIT ${limit})
     ${select('c')}`;
  const byInstrument = `WITH c AS (SELECT a.id, a.published_at AS pub, a.title, a.search_vector
           FROM article_instruments i JOIN articles a ON a.id = i.article_id
           WHERE i.instrument_id = ${instrumentId} AND a.search_vector @@ (${compiled.query})${filters}
           ORDER BY i.article_id DESC LIMIT ${limit})
     ${select('c')}`;
  let rows: Candidate[] | null;
  if (q.instrumentId !== undefined) rows = (await sql.query<Candidate>(byInstrument, b.params)).rows;
  else {
    const estimate = await estimateMatches(sql, CONFIG, q.clauses, Date.now());
    if (estimate === null) rows = await withTimeout(sql, GIN_TIMEOUT_MS, gin, b.params);
    else rows = estimate > WALK_ABOVE_MATCHES ? null : await withTimeout(sql, GIN_SAFETY_TIMEOUT_MS, gin, b.params);
    rows ??= (await sql.query<Candidate>(walk, b.params)).rows;
  }
  const complete = rows.length < want;
  const nowMs = q.now.getTime();
  const ranked = rows
    .map((c) => {
      const relevance = complete ? c.rank : c.title_hits > 0 ? 1 + TITLE_BOOST : 1;
      return { id: c.id, score: relevance * recencyFactor(c.pub, nowMs) };
    })
    .sort((x, y) => y.score - x.score || y.id - x.id);
  const page = ranked.slice(q.offset, q.offset + q.limit);
  const hits = await loadHits(sql, q.clauses, page);
  return { hits, hasMore: ranked.length > q.offset + q.limit };
}

/** The page's articles with their snippets (body fragment with matches, else the title's). */
async function loadHits(sql: Sql, clauses: SearchClause[], page: Array<{ id: number; score: number }>): Promise<SearchHit[]> {
  const b = new QueryBuilder();
  const compiled = compileQuery(b, clauses);
  if (page.length === 0 || compiled === null) return [];
  const { rows } = await sql.query<{ id: number; body: string; title: string }>(
    `WITH q AS (SELECT ${compiled.query} AS query)
     SELECT a.id, ts_headline('${CONFIG}', a.text, q.query, ${b.param(HEADLINE_OPTIONS)}) AS body,
       ts_headline('${CONFIG}', a.title, q.query, ${b.param(HEADLINE_OPTIONS)}) AS title
     FROM articles a, q WHERE a.id = ANY(${b.param(page.map((p) => p.id))}::bigint[])`,
    b.params,
  );
  const snippets = new Map(rows.map((r) => [r.id, r.body.includes('\u0002') || !r.title.includes('\u0002') ? r.body : r.title]));
  const articles = new Map(
    (await queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE id = ANY($1::bigint[])`, [page.map((p) => p.id)])).map(
      (a) => [a.id, a],
    ),
  );
  const hits: SearchHit[] = [];
  for (const p of page) {
    const article = articles.get(p.id);
    if (!article) continue;
    hits.push({ article, score: p.score, snippet: parseSnippet(snippets.get(p.id) ?? article.excerpt) });
  }
  return hits;
}
