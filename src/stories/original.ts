/**
 * @module stories/original — which of a group of copies is the original, decided by evidence:
 * an explicit "Source:" link, then the earliest publication time, then the most complete text.
 */
import { canonicalizeUrl, hostOf } from './url.ts';

/** Publication times closer than this are a tie: feeds round times and clocks drift. */
export const PUBLISHED_TIE_MS = 2 * 60_000;
/** A copy with at least this share more words than the earliest one is "more complete" only on a tie. */
export const WORD_COUNT_TIE_RATIO = 0.05;

/** One copy of an article, as {@link chooseOriginal} needs it. */
export interface CopyCandidate<Id> {
  id: Id;
  url: string;
  canonicalUrl: string;
  /** URL from a "Source:" / "appeared first on" line or a canonical link to another site; null if none. */
  originUrl: string | null;
  publishedAt: Date | null;
  wordCount: number;
  /** Host of the publishing source (feed or site). */
  sourceHost: string;
}

/** Which evidence decided. */
export type OriginalReason = 'source-link' | 'source-host' | 'earliest' | 'most-complete' | 'first-listed' | 'only-one';

/** The chosen original and why. */
export interface OriginalChoice<Id> {
  id: Id;
  reason: OriginalReason;
  /** Human-readable explanation for logs and the story page. */
  detail: string;
}

function timeOf(c: CopyCandidate<unknown>): number | null {
  const t = c.publishedAt?.getTime();
  return t === undefined || Number.isNaN(t) ? null : t;
}

/** Candidates the others' origin links point at: by exact canonical URL, else by host. */
function pointedAt<Id>(candidates: Array<CopyCandidate<Id>>): { byUrl: Map<Id, number>; byHost: Map<Id, number> } {
  const byUrl = new Map<Id, number>();
  const byHost = new Map<Id, number>();
  for (const from of candidates) {
    if (!from.originUrl) continue;
    const target = canonicalizeUrl(from.originUrl);
    const targetHost = hostOf(target);
    for (const to of candidates) {
      if (to === from) continue;
      if (canonicalizeUrl(to.canonicalUrl) === target || canonicalizeUrl(to.url) === target) {
        byUrl.set(to.id, (byUrl.get(to.id) ?? 0) + 1);
      } else if (targetHost && targetHost === to.sourceHost.toLowerCase().replace(/^www\./, '')) {
        byHost.set(to.id, (byHost.get(to.id) ?? 0) + 1);
      }
    }
  }
  return { byUrl, byHost };
}

function mostVoted<Id>(votes: Map<Id, number>): Id | undefined {
  let best: Id | undefined;
  let bestVotes = 0;
  for (const [id, n] of votes) if (n > bestVotes) [best, bestVotes] = [id, n];
  return best;
}

/**
 * Choose the original among copies of one article. Evidence in order: the copy that other copies'
 * origin links name (exact URL, then same host; one that itself links elsewhere is skipped), then the
 * earliest publication (ties within PUBLISHED_TIE_MS), then the most words, then input order.
 * @throws RangeError when `candidates` is empty (a caller bug)
 */
export function chooseOriginal<Id>(candidates: Array<CopyCandidate<Id>>): OriginalChoice<Id> {
  const first = candidates[0];
  if (!first) throw new RangeError('chooseOriginal needs at least one candidate');
  if (candidates.length === 1) return { id: first.id, reason: 'only-one', detail: 'single copy' };
  const { byUrl, byHost } = pointedAt(candidates);
  const linked = mostVoted(byUrl);
  if (linked !== undefined) return { id: linked, reason: 'source-link', detail: `named by ${byUrl.get(linked)} copy's Source link` };
  const hosted = mostVoted(byHost);
  if (hosted !== undefined) return { id: hosted, reason: 'source-host', detail: `its site is named by ${byHost.get(hosted)} copy's Source link` };
  // Copies that themselves credit another origin are not originals.
  const pool = candidates.filter((c) => !c.originUrl);
  const eligible = pool.length > 0 ? pool : candidates;
  const timed = eligible.filter((c) => timeOf(c) !== null);
  const earliest = Math.min(...timed.map((c) => timeOf(c) ?? Infinity));
  const early = timed.filter((c) => (timeOf(c) ?? Infinity) - earliest <= PUBLISHED_TIE_MS);
  if (early.length === 1 && early[0]) return { id: early[0].id, reason: 'earliest', detail: `published first (${early[0].publishedAt?.toISOString()})` };
  const tied = early.length > 1 ? early : eligible;
  const maxWords = Math.max(...tied.map((c) => c.wordCount));
  const complete = tied.filter((c) => c.wordCount >= maxWords * (1 - WORD_COUNT_TIE_RATIO));
  if (complete.length === 1 && complete[0]) return { id: complete[0].id, reason: 'most-complete', detail: `longest text (${maxWords} words)` };
  const chosen = complete[0] ?? first;
  return { id: chosen.id, reason: 'first-listed', detail: 'no evidence separates the copies; first listed kept' };
}
