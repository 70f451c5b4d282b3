/**
 * PostgreSQL: "more like this" over the tsvector of migration 004, as sqlite/similar.ts does it.
 * Candidates are the newest matches of an OR query of the article's most distinctive terms, the best of
 * them by Σ idf × ts_rank (BM25's idf, which ts_rank lacks), plus the newest articles sharing a subject
 * instrument; each is then scored by the normalised similarity of ../similarity.ts.
 */
import { compare, lookupKeys, prepare, rankSimilar, termProfile } from '../similarity.ts';
import type { SimilarArticle } from '../store.ts';
import { articleColumns, getArticle, queryArticles } from './articles.ts';
import type { Sql } from './db.ts';

/** Text-search configuration of migration 004. */
const CONFIG = 'tw_english';
/** "More like this" weighs the title lower (as SQLite does), or one shared title word outweighs a shared body. */
const SIMILAR_TITLE_WEIGHT = 2;
const SIMILAR_RANK_WEIGHTS = `'{0, 0, ${1 / SIMILAR_TITLE_WEIGHT}, 1}'`;
/** Newest matches of the OR query read, and how many of the best by rank are rescored. */
const SIMILAR_MATCHES = 300;
const RESCORED = 40;
/** Newest articles read per subject instrument of the article. */
const INSTRUMENT_CANDIDATES = 20;
/** Documents counted per term at most: enough to rank terms, and a bound on the cost of a common word. */
const DF_CAP = 10_000;

/** Document frequency of each word (counted through the index, capped at DF_CAP) and the article count. */
async function documentFrequencies(sql: Sql, words: Map<string, string>): Promise<{ df: Map<string, number>; total: number }> {
  const keys = [...words.keys()];
  const { rows } = await sql.query<{ key: string; docs: number; total: number }>(
    `SELECT t.key,
       (SELECT COUNT(*) FROM (SELECT 1 FROM articles a WHERE a.search_vector @@ plainto_tsquery('${CONFIG}', t.word) LIMIT ${DF_CAP}) x)::int AS docs,
       (SELECT CASE WHEN c.reltuples > ${DF_CAP} THEN c.reltuples::bigint ELSE (SELECT COUNT(*) FROM articles) END
        FROM pg_class c WHERE c.oid = 'articles'::regclass)::float8 AS total
     FROM unnest($1::text[], $2::text[]) AS t (key, word)`,
    [keys, keys.map((k) => words.get(k) ?? k)],
  );
  return { df: new Map(rows.map((r) => [r.key, r.docs])), total: rows[0]?.total ?? 1 };
}

/** BM25's inverse document frequency as FTS5 computes it (terms in over half the documents count ~0). */
function bm25Idf(total: number, docs: number): number {
  return Math.max(1e-6, Math.log((total - docs + 0.5) / (docs + 0.5)));
}

/** Articles most similar to article `id` (never `id` itself), most similar first. */
export async function listSimilarArticles(sql: Sql, id: number, limit: number): Promise<SimilarArticle[]> {
  const article = await getArticle(sql, id);
  if (!article) return [];
  const profile = termProfile(article);
  const keys = lookupKeys(profile);
  if (keys.length === 0) return [];
  const { df, total } = await documentFrequencies(sql, new Map(keys.map((k) => [k, profile.word.get(k) ?? k])));
  const mine = prepare(profile, total, df);
  const ids = new Set<number>();
  if (mine.words.length > 0) {
    const dfOfWord = new Map(keys.map((k) => [profile.word.get(k) ?? k, df.get(k) ?? 0]));
    const { rows } = await sql.query<{ id: number; rank: number }>(
      `WITH c AS (SELECT a.id, a.search_vector FROM articles a
             WHERE a.search_vector @@ to_tsquery('${CONFIG}', $1) AND a.id <> $2 ORDER BY a.id DESC LIMIT $3)
       SELECT c.id::int AS id, (SELECT SUM(w.idf * ts_rank(${SIMILAR_RANK_WEIGHTS}, c.search_vector, plainto_tsquery('${CONFIG}', w.term)))
                     FROM unnest($4::text[], $5::float8[]) AS w (term, idf)) AS rank
       FROM c`,
      [mine.words.join(' | '), id, SIMILAR_MATCHES, mine.words, mine.words.map((w) => bm25Idf(total, dfOfWord.get(w) ?? 1))],
    );
    for (const r of rows.sort((x, y) => y.rank - x.rank || y.id - x.id).slice(0, Math.max(limit, RESCORED))) ids.add(Number(r.id));
  }
  const { rows: sharing } = await sql.query<{ id: number }>(
    `SELECT o.id::int AS id FROM article_instruments s
       CROSS JOIN LATERAL (SELECT i.article_id AS id FROM article_instruments i
                           WHERE i.instrument_id = s.instrument_id AND i.role = 'subject' AND i.article_id <> $1
                           ORDER BY i.article_id DESC LIMIT ${INSTRUMENT_CANDIDATES}) o
     WHERE s.article_id = $1 AND s.role = 'subject'`,
    [id],
  );
  for (const r of sharing) ids.add(Number(r.id));
  if (ids.size === 0) return [];
  const articles = await queryArticles(sql, `SELECT ${articleColumns()} FROM articles WHERE id = ANY($1::bigint[])`, [[...ids]]);
  return rankSimilar(
    articles.map((a) => ({ article: a, ...compare(mine.vector, mine.keys, termProfile(a), mine.idf) })),
    limit,
  );
}
