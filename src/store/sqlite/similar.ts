/**
 * SQLite: "more like this" over the FTS5 index of migration 004. The article's most distinctive words
 * (tf-idf; document frequencies counted or estimated from the newest matches of each word) give the
 * candidates: their newest matches, by Σ idf of the words matched, plus the newest articles sharing a
 * subject instrument; each is then scored by the normalised similarity of ../similarity.ts.
 */
import type { Article } from '../../model.ts';
import { stemWord } from '../../stories/story-terms.ts';
import type { SimilarArticle } from '../store.ts';
import { compare, lookupKeys, prepare, rankSimilar, termProfile } from '../similarity.ts';
import { getArticle, getArticles } from './articles.ts';
import type { Db } from './db.ts';

/** Candidates rescored (the best by Σ idf of the words they match). */
const RESCORED = 40;
/** Plain BM25 more-like-this (the baseline): column weights (title lower than in search), matches read. */
const BODY_WEIGHT = 1;
const SIMILAR_TITLE_WEIGHT = 2;
const SIMILAR_MATCHES = 300;
/** Newest articles read per subject instrument of the article. */
const INSTRUMENT_CANDIDATES = 20;
/** Matches read per word to count or estimate its document frequency. */
const DF_SAMPLE = 200;

function quote(token: string): string {
  return `"${token.replace(/"/g, '')}"`;
}

/**
 * Document frequency of each word's index term, and its newest matches. A word in fewer than DF_SAMPLE
 * articles is counted; for a more common one, the newest DF_SAMPLE matches give its density over the
 * id range, and so an estimate (FTS5 reads a doclist backwards from its end: cheap, where counting, BM25
 * or fts5vocab read all of it).
 */
function documentFrequencies(db: Db, words: Map<string, string>, total: number) {
  const newest = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  const top = Number(db.prepare('SELECT MAX(id) FROM articles').pluck().get()) || 1;
  const df = new Map<string, number>();
  const matches = new Map<string, number[]>();
  for (const [key, word] of words) {
    const rows = newest.all(quote(word), DF_SAMPLE) as number[];
    const oldest = rows.at(-1) ?? top;
    df.set(key, rows.length < DF_SAMPLE ? rows.length : Math.min(total, Math.round((DF_SAMPLE * total) / (top - oldest + 1))));
    matches.set(word, rows);
  }
  return { df, matches };
}

/** What "more like this" knows of an article: its term profile, tf-idf vector, query words and idf table. */
function describe(db: Db, article: Article) {
  const profile = termProfile(article);
  const keys = lookupKeys(profile);
  const total = Number(db.prepare('SELECT COUNT(*) FROM articles').pluck().get()) || 1;
  const { df, matches } = documentFrequencies(db, new Map(keys.map((k) => [k, profile.word.get(k) ?? k])), total);
  return { profile, matches, ...prepare(profile, total, df) };
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
  // Candidates: the newest matches of each query word (read for its document frequency), by Σ idf of
  // the words they match; then those sharing a subject instrument.
  const overlap = new Map<number, number>();
  for (const word of mine.words) {
    const idf = mine.idf.of.get(stemWord(word)) ?? mine.idf.fallback;
    for (const other of mine.matches.get(word) ?? []) if (other !== id) overlap.set(other, (overlap.get(other) ?? 0) + idf);
  }
  const ids = new Set(
    [...overlap.entries()]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, Math.max(limit, RESCORED))
      .map(([other]) => other),
  );
  const subjects = db.prepare("SELECT instrument_id FROM article_instruments WHERE article_id = ? AND role = 'subject'").pluck().all(id) as string[];
  const sharing = db.prepare(
    "SELECT article_id FROM article_instruments WHERE instrument_id = ? AND role = 'subject' AND article_id != ? ORDER BY article_id DESC LIMIT ?",
  );
  for (const instrumentId of subjects) for (const other of sharing.pluck().all(instrumentId, id, INSTRUMENT_CANDIDATES) as number[]) ids.add(other);
  const out: SimilarArticle[] = [];
  for (const a of getArticles(db, [...ids]).values()) out.push({ article: a, ...compare(mine.vector, mine.keys, termProfile(a), mine.idf) });
  return rankSimilar(out, limit);
}
