/**
 * Snippets made from an article's text in JavaScript: the window of the body that holds the most of the
 * query, its matches marked. SQLite uses it for the page's hits instead of FTS5's snippet(), which has to
 * find the row in every doclist of the query again (2 ms per hit for a rare phrase of common words at 1M
 * articles). Words match by a light English stem (plural, -ed, -ing, final e), close to the index's porter
 * stems for the forms people type; a rare form the index stems alike stays unmarked, never wrongly cut.
 */
import type { SearchClause, SearchHit } from './store.ts';

/** Tokens in a snippet window. */
const WINDOW = 28;

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

interface Token {
  start: number;
  end: number;
  lower: string;
}

function tokenize(text: string): Token[] {
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
function instances(tokens: Token[], clauses: SearchClause[]): number[][][] {
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

/**
 * The best window of `text` for the query: the most distinct clauses, then the most matches, earliest
 * first; null when nothing in the text matches (the caller falls back to the title or the excerpt).
 */
export function makeSnippet(text: string, clauses: SearchClause[]): SearchHit['snippet'] | null {
  const positives = clauses.filter((c) => !c.negated && c.tokens.length > 0);
  const tokens = tokenize(text);
  const byClause = instances(tokens, positives);
  const marks = byClause.flatMap((list, clause) => list.map((idx) => ({ clause, first: idx[0] ?? 0, idx })));
  if (marks.length === 0) return null;
  marks.sort((a, b) => a.first - b.first);
  let best = { start: 0, clauses: -1, count: -1 };
  for (const m of marks) {
    // Windows start a few tokens before a match, so it does not open the snippet.
    const start = Math.max(0, Math.min(m.first - 3, tokens.length - WINDOW));
    const inside = marks.filter((x) => x.first >= start && x.first + x.idx.length <= start + WINDOW);
    const distinct = new Set(inside.map((x) => x.clause)).size;
    if (distinct > best.clauses || (distinct === best.clauses && inside.length > best.count)) best = { start, clauses: distinct, count: inside.length };
  }
  const last = Math.min(tokens.length, best.start + WINDOW) - 1;
  const marked = new Set(marks.flatMap((m) => m.idx));
  // Rebuilt token by token: whitespace between words collapsed, punctuation kept, adjacent marks merged.
  let out = best.start > 0 ? '…' : '';
  const highlights: Array<[number, number]> = [];
  for (let i = best.start; i <= last; i++) {
    const tok = tokens[i];
    if (!tok) continue;
    const before = i === best.start ? '' : text.slice(tokens[i - 1]?.end ?? tok.start, tok.start).replace(/\s+/g, ' ');
    out += before;
    const start = out.length;
    out += text.slice(tok.start, tok.end);
    if (!marked.has(i)) continue;
    const prev = highlights.at(-1);
    if (prev && prev[1] === start - before.length && before.trim() === '') prev[1] = out.length;
    else highlights.push([start, out.length]);
  }
  const tail = text.slice(tokens[last]?.end ?? text.length);
  out += last === tokens.length - 1 ? tail.replace(/\s+/g, ' ').trimEnd() : '…';
  return { text: out, highlights };
}
