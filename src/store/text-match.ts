/**
 * Matching a parsed query against plain text in JavaScript, the way the search index matches it: words
 * by a light English stem (plural, -ed, -ing, final e), close to the index's porter stems for the forms
 * people type; prefixes by their start; phrases as consecutive words. Used for snippets, title matches and
 * BM25 over a small candidate set, where asking the index again would cost a seek in every doclist.
 */
import type { SearchClause } from './store.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** A light stem: lower-cased, plural and -ed/-ing endings and a final e removed. */
export function lightStem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 3 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export interface Token {
  start: number;
  end: number;
  lower: string;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, lower: m[0].toLowerCase() });
  return out;
}

/** A test of one token against one query token: prefix, or same light stem (cheap first-letters check first). */
function tokenTest(queryToken: string, prefix: boolean): (t: Token) => boolean {
  const q = queryToken.toLowerCase();
  if (prefix) return (t) => t.lower.startsWith(q);
  const stem = lightStem(q);
  const head = stem.slice(0, 3);
  return (t) => t.lower.startsWith(head) && lightStem(t.lower) === stem;
}

/** Token indexes of every instance of the query's positive clauses, by clause. */
export function instances(tokens: Token[], clauses: SearchClause[]): number[][][] {
  return clauses.map((c) => {
    const tests = c.tokens.map((t) => tokenTest(t, c.kind === 'prefix'));
    const found: number[][] = [];
    for (let i = 0; i + tests.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < tests.length && ok; k++) ok = (tests[k] as (t: Token) => boolean)(tokens[i + k] as Token);
      if (ok) found.push(tests.map((_, k) => i + k));
    }
    return found;
  });
}

/** True when every positive clause of the query occurs in `text` (light stems, as snippets mark them). */
export function containsAll(text: string, clauses: SearchClause[]): boolean {
  const positives = clauses.filter((c) => !c.negated && c.tokens.length > 0);
  if (positives.length === 0) return false;
  const tokens = tokenize(text);
  return instances(tokens, positives).every((found) => found.length > 0);
}
