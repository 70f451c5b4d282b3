/**
 * SQLite: "more like this" over the FTS5 index of migration 004 — the most distinctive terms of an
 * article (tf-idf, document frequencies from the FTS5 vocabulary) as an OR query ranked by BM25.
 */
import type { Article } from '../../model.ts';
import type { SimilarArticle } from '../store.ts';
import { getArticle } from './articles.ts';
import type { Db } from './db.ts';

/** Body column weight of BM25 (as in search). */
const BODY_WEIGHT = 1;
/** "More like this": distinctive terms taken from the article, candidates read, minimum term length. */
const SIMILAR_TERMS = 12;
const SIMILAR_CANDIDATES = 300;
const SIMILAR_MIN_TERM = 3;
/** Title weight for "more like this": lower than for search, or one shared title word outweighs a shared body. */
const SIMILAR_TITLE_WEIGHT = 2;
/** Words too common to characterise an article (function words and the verbs every market story uses). */
const STOP_WORDS = new Set(
  'the and for that with this from have has had was were are been will would could should about after before into over under than then them they their there these those which while what when where who whom whose also more most some such only other its it’s our out said says say per not but can may might just very much many new one two three year years week weeks day days percent reported report reports held rose fell rise rises fall falls higher lower up down even because still'.split(
    ' ',
  ),
);

function quote(token: string): string {
  return `"${token.replace(/"/g, '')}"`;
}

/** Lower-cased word tokens of a text (letters and digits), as the index splits them. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when `term` (a stemmed index term) can be the stem of `token`: the porter stem of a word is a
 * prefix of it, except that a final "y" may become "i" (rallies → ralli, economy → economi).
 */
function isStemOf(term: string, token: string): boolean {
  return token.startsWith(term) || (term.endsWith('i') && token.startsWith(`${term.slice(0, -1)}y`));
}

/** Longest suffix porter strips (characters) that the vocabulary look-up allows for. */
const STEM_SLACK = 4;

/**
 * The most distinctive terms of an article by tf-idf: term frequencies from its title (counted twice)
 * and text, document frequencies from the FTS5 vocabulary.
 */
export function topTerms(db: Db, article: Article, count: number): string[] {
  const tf = new Map<string, number>();
  const add = (tokens: string[], weight: number) => {
    for (const t of tokens) {
      if (t.length < SIMILAR_MIN_TERM || STOP_WORDS.has(t) || /^\d+$/.test(t)) continue;
      tf.set(t, (tf.get(t) ?? 0) + weight);
    }
  };
  add(tokenize(article.title), 2);
  add(tokenize(article.text), 1);
  const total = Number(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()) || 1;
  // Index terms are stemmed: read the terms that can be this token's stem (a short range of the vocabulary).
  const vocab = db.prepare('SELECT term, doc FROM articles_fts_vocab WHERE term >= ? AND term <= ? LIMIT 64');
  const scored: Array<[string, number]> = [];
  // Only the most frequent words are looked up: rare words of one article are often noise anyway.
  const frequent = [...tf.entries()].sort((a, b) => b[1] - a[1]).slice(0, count * 4);
  for (const [term, freq] of frequent) {
    const from = term.slice(0, Math.max(SIMILAR_MIN_TERM, term.length - STEM_SLACK));
    const rows = vocab.all(from, term) as Array<{ term: string; doc: number }>;
    const docs = Math.max(0, ...rows.filter((r) => isStemOf(r.term, term)).map((r) => r.doc));
    if (docs <= 1) continue;
    scored.push([term, (1 + Math.log(freq)) * Math.log(total / docs)]);
  }
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([t]) => t);
}

/** Articles sharing the most distinctive terms of article `id`, most similar first (BM25 over an OR query). */
export function listSimilarArticles(db: Db, id: number, limit: number): SimilarArticle[] {
  const article = getArticle(db, id);
  if (!article) return [];
  const terms = topTerms(db, article, SIMILAR_TERMS);
  if (terms.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT rowid AS id, bm25(articles_fts, ${SIMILAR_TITLE_WEIGHT}, ${BODY_WEIGHT}) AS bm FROM articles_fts
       WHERE articles_fts MATCH ? AND rowid != ? ORDER BY rowid DESC LIMIT ?`,
    )
    .all(terms.map(quote).join(' OR '), id, SIMILAR_CANDIDATES) as Array<{ id: number; bm: number }>;
  const out: SimilarArticle[] = [];
  for (const r of rows.sort((a, b) => a.bm - b.bm).slice(0, limit)) {
    const a = getArticle(db, r.id);
    if (a) out.push({ article: a, score: -r.bm });
  }
  return out;
}
