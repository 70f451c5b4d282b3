/**
 * @module instruments/text — tokens and sentences with offsets, tuned for finance prose ("Inc.", "U.S.",
 * "J.P. Morgan", "0700.HK", "S&P 500", "Alibaba's").
 */

/** A word or punctuation token; `key` is its lower-cased form used for dictionary lookups. */
export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
  /** First character is an upper-case letter or a digit. */
  cap: boolean;
}

/** A sentence span of a text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Words, numbers and single punctuation marks; words may hold inner `.`, `&`, `'`, `-` ("Amazon.com", "S&P", "Coca-Cola"). */
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}&.'’-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/i;
const CAP = /^[\p{Lu}\p{N}]/u;

/** First character is an upper-case letter or a digit (ASCII fast path, Unicode regex otherwise). */
function isCap(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return CAP.test(s);
}

/** Split text into tokens with offsets; a trailing possessive ("Alibaba's") becomes its own token. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const poss = raw.length > 3 && (raw.includes("'") || raw.includes('’')) ? POSSESSIVE.exec(raw) : null;
    if (poss?.[1] && poss[2]) {
      const base = poss[1];
      out.push({ text: base, key: keyOf(base), start, end: start + base.length, cap: isCap(base) });
      out.push({ text: poss[2], key: "'s", start: start + base.length, end: start + raw.length, cap: false });
    } else {
      out.push({ text: raw, key: keyOf(raw), start, end: start + raw.length, cap: isCap(raw) });
    }
  }
  return out;
}

/** Lookup key of a token: lower case, typographic apostrophe folded. */
export function keyOf(token: string): string {
  const lower = token.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'inc corp co ltd plc llc mr mrs ms dr prof st jr sr vs etc no nos fig approx est dept gov sen rep gen col ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k e.g i.e a.m p.m j.p ' +
    'n.v s.a s.a.b d.c u.n'
  ).split(' '),
);

/** Sentences with offsets. Splits on line breaks and on `.`/`!`/`?` before a capital, digit or quote, except after abbreviations. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: start + lead, end: start + lead + body.length });
  };
  const boundary = /\n\s*|[.!?]+["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}$])/gu;
  for (const m of text.matchAll(boundary)) {
    if (m[0][0] !== '\n') {
      const before = text.slice(Math.max(start, m.index - 12), m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /\.\p{L}$/u.test(word)) continue;
    }
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}
