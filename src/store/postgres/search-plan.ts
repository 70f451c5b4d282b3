/**
 * PostgreSQL: choosing how to read "the newest matches" of a search from the statistics PostgreSQL keeps
 * for the search vector (pg_stats.most_common_elems: the share of articles holding each common lexeme).
 * A query whose matches are many is answered fastest by walking the primary key backwards until enough
 * match; one whose matches are few by the GIN index (all matches, then the newest). The planner cannot
 * tell the two apart under a LIMIT (it walked 623 ms for a rare word at 1M articles), and trying GIN
 * under a timeout first cost every common query the timeout (≈ 35 ms p50).
 */
import type { SearchClause } from '../store.ts';
import type { Sql } from './db.ts';

/** How long lexeme statistics are reused before they are read again. */
const STATS_TTL_MS = 5 * 60_000;
/** Above this many estimated matches, walking the primary key beats reading every match through GIN. */
export const WALK_ABOVE_MATCHES = 20_000;

interface LexemeStats {
  /** Share of articles holding each common lexeme. */
  share: Map<string, number>;
  /** Share below which lexemes are not listed (an unlisted lexeme is at most this common). */
  floor: number;
  rows: number;
}

/** Statistics per connection pool, with when they were read (null: PostgreSQL had none). */
const cache = new WeakMap<object, { at: number; stats: LexemeStats | null }>();

async function lexemeStats(sql: Sql, now: number): Promise<LexemeStats | null> {
  const hit = cache.get(sql);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.stats;
  const { rows } = await sql.query<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
    `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs,
       (SELECT GREATEST(c.reltuples, 0)::float8 FROM pg_class c WHERE c.oid = 'articles'::regclass) AS rows
     FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = 'articles' AND s.attname = 'search_vector'`,
  );
  const r = rows[0];
  let stats: LexemeStats | null = null;
  if (r?.elems && r.freqs && r.rows > 0) {
    const n = r.elems.length;
    // most_common_elem_freqs: one share per element, then the minimum, the maximum and the null share.
    stats = { share: new Map(r.elems.map((e, i) => [e, r.freqs?.[i] ?? 0])), floor: r.freqs[n] ?? 0, rows: r.rows };
  }
  cache.set(sql, { at: now, stats });
  return stats;
}

/** Forget cached statistics (after a bulk load and ANALYZE; tests). */
export function forgetSearchStats(sql: Sql): void {
  cache.delete(sql);
}

/**
 * Estimated number of articles matching all positive clauses, from the lexeme statistics; null when
 * PostgreSQL has none yet (a small or never analysed table). A clause is as common as its rarest lexeme
 * (a phrase as the product of its lexemes' shares, an upper bound that treats words as independent); a
 * prefix as the sum of the listed lexemes it covers; the query as its rarest clause.
 */
export async function estimateMatches(sql: Sql, config: string, clauses: SearchClause[], now: number): Promise<number | null> {
  const stats = await lexemeStats(sql, now);
  if (!stats) return null;
  const positives = clauses.filter((c) => !c.negated && c.tokens.length > 0);
  if (positives.length === 0) return 0;
  const { rows } = await sql.query<{ lexemes: string[] }>(
    `SELECT ARRAY(SELECT unnest(tsvector_to_array(to_tsvector('${config}', t)))) AS lexemes FROM unnest($1::text[]) WITH ORDINALITY AS x (t, n) ORDER BY n`,
    [positives.map((c) => c.tokens.join(' '))],
  );
  const shareOf = (lexeme: string) => stats.share.get(lexeme) ?? stats.floor / 2;
  let share = 1;
  positives.forEach((c, i) => {
    const lexemes = rows[i]?.lexemes ?? [];
    let clause: number;
    if (c.kind === 'prefix') {
      const prefix = (c.tokens[0] ?? '').toLowerCase();
      clause = stats.floor;
      for (const [lexeme, s] of stats.share) if (lexeme.startsWith(prefix)) clause += s;
      clause = Math.min(1, clause);
    } else if (c.kind === 'phrase') {
      clause = lexemes.reduce((p, l) => p * shareOf(l), 1);
    } else {
      clause = Math.min(1, ...lexemes.map(shareOf));
    }
    share = Math.min(share, clause);
  });
  return share * stats.rows;
}
