/**
 * SQLite: "more like this" over the FTS5 index of migration 004. Candidates are the newest matches of
 * an OR query of the article's most distinctive terms (tf-idf, document frequencies from the FTS5
 * vocabulary), the best of them by BM25, plus the newest articles sharing a subject instrument; each is
 * then scored by the normalised similarity of ../similarity.ts (cosine of tf-idf vectors).
 */
import type { Article } from '../../model.ts';
import type { SimilarArticle } from '../store.ts';
import { compare, lookupKeys, prepare, rankSimilar, termProfile } from '../similarity.ts';
import { getArticle } from './articles.ts';
import type { Db } from './db.ts';

/** Body column weight of BM25 (as in search). */
const BODY_WEIGHT = 1;
/** Title weight for "more like this": lower than for search, or one shared title word outweighs a shared body. */
const SIMILAR_TITLE_WEIGHT = 2;
/** Newest matches of the OR query read, and how many of the best by BM25 are rescored. */
const SIMILAR_MATCHES = 300;
const RESCORED = 40;
/** Newest articles read per subject instrument of the article. */
const INSTRUMENT_CANDIDATES = 20;
/** Shortest vocabulary prefix looked up, and the longest suffix porter strips (characters). */
const MIN_STEM = 3;
const STEM_SLACK = 4;

function quote(token: string): string {
  return `"${token.replace(/"/g, '')}"`;
}

/**
 * True when `term` (a stemmed index term) can be the stem of `token`: the porter stem of a word is a
 * prefix of it, except that a final "y" may become "i" (rallies → ralli, economy → economi).
 */
function isStemOf(term: string, token: string): boolean {
  return token.startsWith(term) || (term.endsWith('i') && token.startsWith(`${term.slice(0, -1)}y`));
}

/** Document frequency of each word's index term, from the FTS5 vocabulary (terms are porter stems). */
function documentFrequencies(db: Db, words: Map<string, string>): Map<string, number> {
  // The stem of a word is a short range of the vocabulary just below the word itself.
  const vocab = db.prepare('SELECT term, doc FROM articles_fts_vocab WHERE term >= ? AND term <= ? LIMIT 64');
  const out = new Map<string, number>();
  for (const [key, word] of words) {
    const rows = vocab.all(word.slice(0, Math.max(MIN_STEM, word.length - STEM_SLACK)), word) as Array<{ term: string; doc: number }>;
    // The longest candidate is the stem (builders → builder, not build; third → third, not thi from "this").
    const stem = rows.filter((r) => isStemOf(r.term, word)).sort((a, b) => b.term.length - a.term.length)[0];
    out.set(key, stem?.doc ?? 0);
  }
  return out;
}

/** What "more like this" knows of an article: its term profile, tf-idf vector, query words and idf table. */
function describe(db: Db, article: Article) {
  const profile = termProfile(article);
  const keys = lookupKeys(profile);
  const df = documentFrequencies(db, new Map(keys.map((k) => [k, profile.word.get(k) ?? k])));
  const total = Number(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()) || 1;
  return { profile, ...prepare(profile, total, df) };
}

/**
 * Plain BM25 "more like this": ids of the `limit` best of the newest matches of the OR query of the
 * article's distinctive words (no rescoring). The candidate step of listSimilarArticles, and the
 * baseline of bench/related.ts.
 */
export function bm25MoreLikeThis(db: Db, article: Article, limit: number, words = describe(db, article).words): number[] {
  if (words.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT rowid AS id, bm25(articles_fts, ${SIMILAR_TITLE_WEIGHT}, ${BODY_WEIGHT}) AS bm FROM articles_fts
       WHERE articles_fts MATCH ? AND rowid != ? ORDER BY rowid DESC LIMIT ?`,
    )
    .all(words.map(quote).join(' OR '), article.id, SIMILAR_MATCHES) as Array<{ id: number; bm: number }>;
  return rows
    .sort((a, b) => a.bm - b.bm || b.id - a.id)
    .slice(0, limit)
    .map((r) => r.id);
}

/** Articles most similar to article `id` (never `id` itself), most similar first. */
export function listSimilarArticles(db: Db, id: number, limit: number): SimilarArticle[] {
  const article = getArticle(db, id);
  if (!article) return [];
  const mine = describe(db, article);
  const ids = new Set(bm25MoreLikeThis(db, article, Math.max(limit, RESCORED), mine.words));
  const subjects = db.prepare("SELECT instrument_id FROM article_instruments WHERE article_id = ? AND role = 'subject'").pluck().all(id) as string[];
  const sharing = db.prepare(
    "SELECT article_id FROM article_instruments WHERE instrument_id = ? AND role = 'subject' AND article_id != ? ORDER BY article_id DESC LIMIT ?",
  );
  for (const instrumentId of subjects) for (const other of sharing.pluck().all(instrumentId, id, INSTRUMENT_CANDIDATES) as number[]) ids.add(other);
  const out: SimilarArticle[] = [];
  for (const other of ids) {
    const a = getArticle(db, other);
    if (a) out.push({ article: a, ...compare(mine.vector, mine.keys, termProfile(a), mine.idf) });
  }
  return rankSimilar(out, limit);
}
