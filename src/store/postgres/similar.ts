/**
 * PostgreSQL: "more like this" over the tsvector of migration 004, as sqlite/similar.ts does it: the
 * most distinctive terms of an article as an OR query, candidates ranked by Σ idf × ts_rank.
 */
import type { Article } from '../../model.ts';
import { tokenize } from '../sqlite/similar.ts';
import type { SimilarArticle } from '../store.ts';
import { articleColumns, getArticle, queryArticles } from './articles.ts';
import type { Sql } from './db.ts';

/** Text-search configuration of migration 004. */
const CONFIG = 'tw_english';
/** "More like this" weighs the title lower (as SQLite does), or one shared title word outweighs a shared body. */
const SIMILAR_TITLE_WEIGHT = 2;
const SIMILAR_RANK_WEIGHTS = `'{0, 0, ${1 / SIMILAR_TITLE_WEIGHT}, 1}'`;
/** "More like this": terms, candidate terms looked up, candidates read, minimum term length, df cap. */
const SIMILAR_TERMS = 12;
const SIMILAR_LOOKUPS = SIMILAR_TERMS * 4;
const SIMILAR_CANDIDATES = 300;
const SIMILAR_MIN_TERM = 3;
const DF_CAP = 10_000;

/**
 * The most distinctive terms of an article by tf-idf: term frequencies from its title (counted twice)
 * and text; document frequencies counted through the index (capped at DF_CAP, enough to rank terms).
 */
async function topTerms(sql: Sql, article: Article, count: number): Promise<Array<{ term: string; idf: number }>> {
  const tf = new Map<string, number>();
  const add = (tokens: string[], weight: number) => {
    for (const t of tokens) {
      if (t.length < SIMILAR_MIN_TERM || /^\d+$/.test(t)) continue;
      tf.set(t, (tf.get(t) ?? 0) + weight);
    }
  };
  add(tokenize(article.title), 2);
  add(tokenize(article.text), 1);
  const frequent = [...tf.entries()].sort((x, y) => y[1] - x[1]).slice(0, SIMILAR_LOOKUPS);
  if (frequent.length === 0) return [];
  const { rows } = await sql.query<{ term: string; docs: number; total: number }>(
    `SELECT t.term,
       (SELECT COUNT(*) FROM (SELECT 1 FROM articles a WHERE a.search_vector @@ plainto_tsquery('${CONFIG}', t.term) LIMIT ${DF_CAP}) x) AS docs,
       (SELECT CASE WHEN c.reltuples > ${DF_CAP} THEN c.reltuples::bigint ELSE (SELECT COUNT(*) FROM articles) END
        FROM pg_class c WHERE c.oid = 'articles'::regclass) AS total
     FROM unnest($1::text[]) AS t (term)`,
    [frequent.map(([t]) => t)],
  );
  const freq = new Map(frequent);
  return rows
    .filter((r) => r.docs > 1)
    .map((r) => ({ r, tfIdf: (1 + Math.log(freq.get(r.term) ?? 1)) * Math.log(Math.max(1, r.total) / r.docs) }))
    .sort((x, y) => y.tfIdf - x.tfIdf)
    .slice(0, count)
    .map(({ r }) => ({ term: r.term, idf: bm25Idf(r.total, r.docs) }));
}

/** BM25's inverse document frequency as FTS5 computes it (terms in over half the documents count ~0). */
function bm25Idf(total: number, docs: number): number {
  return Math.max(1e-6, Math.log((total - docs + 0.5) / (docs + 0.5)));
}

/**
 * Articles sharing the most distinctive terms of article `id`, most similar first: among the newest
 * matches of the terms' OR query, Σ idf(term) × ts_rank(term) — BM25's idf, which ts_rank lacks.
 */
export async function listSimilarArticles(sql: Sql, id: number, limit: number): Promise<SimilarArticle[]> {
  const article = await getArticle(sql, id);
  if (!article) return [];
  const terms = await topTerms(sql, article, SIMILAR_TERMS);
  if (terms.length === 0) return [];
  const { rows } = await sql.query<{ id: number; rank: number }>(
    `WITH c AS (SELECT a.id, a.search_vector FROM articles a
           WHERE a.search_vector @@ to_tsquery('${CONFIG}', $1) AND a.id <> $2 ORDER BY a.id DESC LIMIT $3)
     SELECT c.id, (SELECT SUM(w.idf * ts_rank(${SIMILAR_RANK_WEIGHTS}, c.search_vector, plainto_tsquery('${CONFIG}', w.term)))
                   FROM unnest($4::text[], $5::float8[]) AS w (term, idf)) AS rank
     FROM c`,
    [terms.map((t) => t.term).join(' | '), id, SIMILAR_CANDIDATES, terms.map((t) => t.term), terms.map((t) => t.idf)],
  );
  const best = rows.sort((x, y) => y.rank - x.rank || y.id - x.id).slice(0, limit);
  const byId = new Map(
    (await queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE id = ANY($1::bigint[])`, [best.map((r) => r.id)])).map(
      (a) => [a.id, a],
    ),
  );
  const out: SimilarArticle[] = [];
  for (const r of best) {
    const a = byId.get(r.id);
    if (a) out.push({ article: a, score: r.rank });
  }
  return out;
}
