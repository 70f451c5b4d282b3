/**
 * Snippets made from an article's text in JavaScript: the window of the body that holds the most of the
 * query, its matches marked (words matched as in text-match.ts). SQLite uses it for the page's hits instead
 * of FTS5's snippet(), which has to find the row in every doclist of the query again (2 ms per hit for a
 * rare phrase of common words at 1M articles); a rare form the index stems alike stays unmarked. Also the
 * parser of marked snippets (PostgreSQL's ts_headline output).
 */
import type { SearchClause, SearchHit } from './store.ts';
import { instances, tokenize } from './text-match.ts';

/** Markers around matches in a marked snippet (control characters that never occur in stored text). */
export const OPEN = '\u0002';
export const CLOSE = '\u0003';

/** Split a marked snippet (FTS5's or PostgreSQL's ts_headline with OPEN/CLOSE) into text and highlight ranges. */
export function parseSnippet(marked: string): SearchHit['snippet'] {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0 && text.length > start) highlights.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/** Tokens in a snippet window. */
const WINDOW = 28;

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
