/**
 * "More like this", the part both drivers share (issue 7): an article's term profile and the normalised
 * similarity of two articles, the cosine of their tf-idf vectors. Each driver reads document frequencies
 * from its own index (FTS5 vocabulary, tsvector counts) and finds candidates with its own engine; the
 * similarity itself is computed here, so both drivers rank and filter alike.
 *
 * Terms are lower-case words of the title (counted twice) and text, light-stemmed ("shares"/"share"),
 * minus function words and the verbs every market story uses. Document frequencies are read for an
 * article's most frequent terms only (a few dozen index look-ups); a term of either article that was not
 * looked up is given the mean idf of those that were. The similarity is therefore exact for the terms
 * that carry an article and an estimate for its long tail, and is comparable across articles: it is what
 * an absolute floor in the related ranking is set on.
 */
import type { Article } from '../model.ts';
import { stemWord } from '../stories/story-terms.ts';

/** Shortest word that counts as a term. */
export const MIN_TERM = 3;
/** Terms whose document frequency is read, most frequent first. */
export const LOOKUPS = 24;
/** Distinctive terms of an article that its "more like this" query searches for. */
export const QUERY_TERMS = 12;
/** Characters of a text profiled (the start of a very long article says what it is about). */
const MAX_CHARS = 20_000;

/** Words too common to characterise an article (function words and the verbs every market story uses). */
const STOP_WORDS = new Set(
  'the and for that with this from have has had was were are been will would could should about after before into over under than then them they their there these those which while what when where who whom whose also more most some such only other its it’s our out said says say per not but can may might just very much many new one two three year years week weeks day days percent reported report reports held rose fell rise rises fall falls higher lower up down even because still'.split(
    ' ',
  ),
);

/**
 * Words that most market news uses whatever it is about, with the share of articles that carry them in a
 * large market-news index (our estimate, by tier). A young or small index cannot tell these from topical
 * words by its own counts ("shares" and "accelerator" both in 5 of 60 articles): their document frequency
 * is taken as at least this share of the index. A large index counts them as common by itself.
 */
const COMMON_WORDS: ReadonlyArray<readonly [number, string]> = [
  [
    0.5,
    'market markets stock stocks share shares price prices investor investors company companies analyst analysts trading traders business quarter quarterly first',
  ],
  [
    0.25,
    'record demand supply forecast forecasts expectations expected estimate estimates revenue revenues profit profits sales growth outlook cost costs cut cuts cutting raise raised raises jump jumped surge surged slip slipped climb climbed drop dropped gain gains loss losses rally slide hit hits strong weak steady early late data money value level levels large largest big biggest small smaller month months chief executive officer plan plans deal group firm firms industry customers buyers sellers major largest new next last time since amid total fund funds funding pressure concern concerns risk risks help support move moves offer offered bid return returns decision lift lifted',
  ],
];
const COMMON_SHARE = new Map<string, number>();
for (const [share, words] of COMMON_WORDS) for (const w of words.split(' ')) COMMON_SHARE.set(stemWord(w), Math.max(share, COMMON_SHARE.get(stemWord(w)) ?? 0));

/** Lower-cased word tokens of a text (letters and digits), as the indexes split them. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Term frequencies of an article by stemmed key, and the word seen most for each key (to look it up). */
export interface Profile {
  tf: Map<string, number>;
  word: Map<string, string>;
}

/** The term profile of an article: title words count twice. */
export function termProfile(article: Pick<Article, 'title' | 'text'>): Profile {
  const tf = new Map<string, number>();
  const words = new Map<string, Map<string, number>>();
  const add = (text: string, weight: number) => {
    for (const t of tokenize(text.slice(0, MAX_CHARS))) {
      if (t.length < MIN_TERM || STOP_WORDS.has(t) || /^\d+$/.test(t)) continue;
      const key = stemWord(t);
      tf.set(key, (tf.get(key) ?? 0) + weight);
      const seen = words.get(key) ?? new Map<string, number>();
      seen.set(t, (seen.get(t) ?? 0) + 1);
      words.set(key, seen);
    }
  };
  add(article.title, 2);
  add(article.text, 1);
  const word = new Map<string, string>();
  for (const [key, seen] of words) word.set(key, [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? key);
  return { tf, word };
}

/** The keys whose document frequency is worth reading: the most frequent, ties by key. */
export function lookupKeys(profile: Profile, count = LOOKUPS): string[] {
  return [...profile.tf.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([k]) => k);
}

/** Inverse document frequencies of looked-up keys, and the fallback for any other term. */
export interface Idf {
  of: Map<string, number>;
  fallback: number;
}

/** ln(total / df) per key with a known document frequency (df ≥ 1); the fallback is their mean. */
export function idfTable(total: number, df: ReadonlyMap<string, number>): Idf {
  const of = new Map<string, number>();
  for (const [k, d] of df) {
    if (d < 1) continue;
    const counted = Math.max(d, (COMMON_SHARE.get(k) ?? 0) * total);
    of.set(k, Math.log(Math.max(total, counted) / counted));
  }
  const values = [...of.values()];
  return { of, fallback: values.length > 0 ? values.reduce((s, x) => s + x, 0) / values.length : 1 };
}

/** A tf-idf vector: weight per key and its Euclidean norm. */
export interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/** The tf-idf vector of a profile: (1 + ln tf) × idf. */
export function vectorOf(profile: Profile, idf: Idf): Vector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [k, f] of profile.tf) {
    const w = (1 + Math.log(f)) * (idf.of.get(k) ?? idf.fallback);
    weights.set(k, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/**
 * Most documents a query term may be in: a word in more than 1% of a large index finds the newest
 * articles that use it rather than related ones, and makes the query slow (its whole doclist is read).
 */
export function maxQueryDf(total: number): number {
  return Math.max(1000, Math.floor(total / 100));
}

/**
 * The distinctive terms of an article for its "more like this" query: the highest tf-idf among keys
 * found in at least one other article (df > 1) and in at most maxQueryDf, as the words to search for.
 */
export function queryTerms(profile: Profile, vector: Vector, df: ReadonlyMap<string, number>, total: number, count = QUERY_TERMS): string[] {
  const most = maxQueryDf(total);
  return [...df.entries()]
    .filter(([, d]) => d > 1 && d <= most)
    .map(([k]) => [k, vector.weights.get(k) ?? 0] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([k]) => profile.word.get(k) ?? k);
}

/**
 * Cosine similarity (0..1) of an article's vector with a candidate's profile, and how many of the
 * article's query terms the candidate contains.
 */
export function compare(article: Vector, queryKeys: ReadonlySet<string>, candidate: Profile, idf: Idf): { score: number; sharedTerms: number } {
  const c = vectorOf(candidate, idf);
  if (article.norm === 0 || c.norm === 0) return { score: 0, sharedTerms: 0 };
  let dot = 0;
  let sharedTerms = 0;
  for (const [k, w] of c.weights) {
    const a = article.weights.get(k);
    if (a === undefined) continue;
    dot += a * w;
    if (queryKeys.has(k)) sharedTerms++;
  }
  return { score: dot / (article.norm * c.norm), sharedTerms };
}

/**
 * Everything a driver needs once it has read document frequencies: the article's vector, its query
 * words (for the engine) and keys (for counting shared terms), and the idf table.
 */
export function prepare(profile: Profile, total: number, df: ReadonlyMap<string, number>) {
  const idf = idfTable(total, df);
  const vector = vectorOf(profile, idf);
  const words = queryTerms(profile, vector, df, total);
  const keys = new Set([...df.entries()].filter(([k, d]) => d > 1 && !COMMON_SHARE.has(k)).map(([k]) => k));
  return { idf, vector, words, keys };
}

/** Rank rescored candidates: most similar first, newer first on ties; at most `limit`. */
export function rankSimilar<T extends { score: number; article: Article }>(items: T[], limit: number): T[] {
  return items.sort((a, b) => b.score - a.score || b.article.id - a.article.id).slice(0, limit);
}
