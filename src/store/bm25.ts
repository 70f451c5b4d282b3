/**
 * BM25 over a small, complete result set in JavaScript: every match of an AND query is at hand (at most a
 * hundred), so the index need not be walked again to rank them (FTS5's bm25() walks every doclist of the
 * query once more to count documents, which for a rare phrase of common words doubles the search). Each
 * clause is one term; as every result holds every clause, their inverse document frequencies are taken as
 * equal. Title and body are separate fields with their own weights and length normalisation (BM25F).
 */
import type { SearchClause } from './store.ts';
import { instances, tokenize } from './text-match.ts';

const K1 = 1.2;
const B = 0.75;

export interface Bm25Doc {
  id: number;
  title: string;
  text: string;
}

/** BM25F scores of `docs` for the query's positive clauses (higher is better), by id. */
export function bm25Scores(docs: Bm25Doc[], clauses: SearchClause[], titleWeight: number): Map<number, number> {
  const positives = clauses.filter((c) => !c.negated && c.tokens.length > 0);
  const fields = docs.map((d) => ({ id: d.id, title: tokenize(d.title), text: tokenize(d.text) }));
  const avgTitle = Math.max(1, fields.reduce((s, f) => s + f.title.length, 0) / Math.max(1, fields.length));
  const avgText = Math.max(1, fields.reduce((s, f) => s + f.text.length, 0) / Math.max(1, fields.length));
  const out = new Map<number, number>();
  for (const f of fields) {
    const inTitle = instances(f.title, positives);
    const inText = instances(f.text, positives);
    let score = 0;
    positives.forEach((_, i) => {
      const tf =
        (titleWeight * (inTitle[i]?.length ?? 0)) / (1 - B + (B * f.title.length) / avgTitle) +
        (inText[i]?.length ?? 0) / (1 - B + (B * f.text.length) / avgText);
      score += (tf * (K1 + 1)) / (tf + K1);
    });
    out.set(f.id, score);
  }
  return out;
}
