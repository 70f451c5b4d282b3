/**
 * The reader's search syntax → store clauses (driver-neutral). Supported:
 * words (ANDed), "quoted phrases", prefixes (`infla*`), exclusion (`-word`, `-"a phrase"`),
 * cashtags and tickers (`$BTC` → btc, `BRK.B` → the phrase "brk b"). Punctuation is never passed
 * through, so no input can break the database's query syntax.
 */
import { AppError } from '../errors.ts';
import type { SearchClause } from '../store/store.ts';

/**
 * Shortest prefix accepted before `*` (shorter ones are searched as whole words; DEPS.md pitfall 16). The
 * SQLite index keeps 3- and 4-letter prefixes (migration 006); a 2-letter one would stand for thousands of
 * words and cost an index entry per token to keep.
 */
export const MIN_PREFIX = 3;
/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 300;
/** Most clauses in one query. */
const MAX_CLAUSES = 16;
/** Words dropped from a query that has other words (they match nearly everything). Phrases keep them. */
const STOP_WORDS = new Set('a an and are as at be by for from in is it of on or the to with'.split(' '));

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Parse a search box query.
 * @throws AppError bad_request when the query is too long or has nothing to search for
 */
export function parseSearchQuery(input: string): SearchClause[] {
  if (input.length > MAX_QUERY_LENGTH) throw new AppError('bad_request', `query longer than ${MAX_QUERY_LENGTH} characters`);
  const clauses: SearchClause[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    if (m[2] !== undefined) {
      const t = tokens(m[2]);
      if (t.length) clauses.push({ kind: t.length > 1 ? 'phrase' : 'word', tokens: t, negated: m[1] === '-' });
      continue;
    }
    let word = m[3] ?? '';
    const negated = word.startsWith('-') && word.length > 1;
    if (negated) word = word.slice(1);
    const isPrefix = word.endsWith('*');
    const t = tokens(word.replace(/^\$/, ''));
    if (t.length === 0) continue;
    if (isPrefix && t.length === 1 && (t[0] ?? '').length >= MIN_PREFIX) {
      clauses.push({ kind: 'prefix', tokens: t, negated });
    } else {
      clauses.push({ kind: t.length > 1 ? 'phrase' : 'word', tokens: t, negated });
    }
  }
  const meaningful = clauses.filter((c) => c.negated || c.kind !== 'word' || !STOP_WORDS.has(c.tokens[0] ?? ''));
  const kept = meaningful.some((c) => !c.negated) ? meaningful : clauses;
  if (!kept.some((c) => !c.negated)) throw new AppError('bad_request', 'query has no words to search for');
  return kept.slice(0, MAX_CLAUSES);
}
