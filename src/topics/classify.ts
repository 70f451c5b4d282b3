/**
 * @module topics/classify — file an article under at most a few topics. Evidence: keyword hits in the
 * title (weighted) and the lead of the text, counted on word boundaries with trap phrases blanked out,
 * plus the asset classes of the instruments enrichment linked. A topic needs a score of TOPIC_THRESHOLD
 * (one passing mention, "the dollar" once in an earnings report, is not enough) and, beside a stronger
 * topic, MIN_SHARE_OF_TOP of its score.
 */
import type { ArticleInstrument } from '../model.ts';
import { TOPIC_SPECS, TOPICS, type Topic } from './topics.ts';

/** Characters of text read after the title: the lead says what an article is about, the tail wanders. */
const LEAD_CHARS = 1_200;
/** Points of a strong term and of a weak term, per occurrence in the lead. */
const STRONG_POINTS = 2;
const WEAK_POINTS = 1;
/** A term in the title counts this many times its points (once), on top of its lead occurrences. */
const TITLE_FACTOR = 2;
/** Occurrences of one term counted in the lead (a term repeated ten times is still one term). */
const MAX_OCCURRENCES = 3;
/** Points of a subject instrument of a matching asset class, and of an instrument only mentioned (once per topic). */
const SUBJECT_POINTS = 3;
const MENTION_POINTS = 1;
/** Score a topic needs: a strong term in the title, or two strong hits, or a subject instrument plus a hit. */
export const TOPIC_THRESHOLD = 4;
/** Most topics per article. */
export const MAX_TOPICS = 3;
/**
 * A secondary topic also needs this share of the strongest topic's score: a long rates story that names
 * the dollar index and a currency in passing is macro, not fx too.
 */
export const MIN_SHARE_OF_TOP = 0.2;

/** What the classifier reads of an article. */
export interface TopicInput {
  title: string;
  text: string;
  instruments?: ReadonlyArray<Pick<ArticleInstrument, 'assetClass' | 'role'>>;
}

export interface TopicScore {
  topic: Topic;
  score: number;
}

interface CompiledTopic {
  topic: Topic;
  terms: Array<{ re: RegExp; points: number }>;
  exclude: RegExp[];
  assetClasses: ReadonlySet<string>;
}

const WORD = '[\\p{L}\\p{N}]';

/** A term of topics.ts as a global regex (see the term syntax there). */
export function termRegex(term: string): RegExp {
  const stem = term.endsWith('*');
  const body = (stem ? term.slice(0, -1) : term)
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s-]+');
  const caseSensitive = /\p{Lu}/u.test(term);
  return new RegExp(`(?<!${WORD})${body}${stem ? `${WORD}*` : ''}(?!${WORD})`, caseSensitive ? 'gu' : 'giu');
}

const COMPILED: CompiledTopic[] = TOPICS.map((topic) => {
  const spec = TOPIC_SPECS[topic];
  return {
    topic,
    terms: [
      ...spec.strong.map((t) => ({ re: termRegex(t), points: STRONG_POINTS })),
      ...spec.weak.map((t) => ({ re: termRegex(t), points: WEAK_POINTS })),
    ],
    exclude: spec.exclude.map(termRegex),
    assetClasses: new Set(spec.assetClasses),
  };
});

/** Curly quotes as straight ones, so "People’s Bank" matches "People's Bank". */
function normalise(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'");
}

function countMatches(re: RegExp, text: string, max: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.exec(text) !== null) n++;
  return n;
}

function mask(text: string, exclude: RegExp[]): string {
  return exclude.reduce((s, re) => s.replace(re, (m) => ' '.repeat(m.length)), text);
}

function instrumentPoints(t: CompiledTopic, instruments: TopicInput['instruments']): number {
  let best = 0;
  for (const i of instruments ?? []) {
    if (!t.assetClasses.has(i.assetClass)) continue;
    best = Math.max(best, i.role === 'subject' ? SUBJECT_POINTS : MENTION_POINTS);
  }
  return best;
}

/** Every topic's score, strongest first (zero scores left out). For tests and diagnostics. */
export function scoreTopics(input: TopicInput): TopicScore[] {
  const title = normalise(input.title);
  const lead = normalise(input.text.slice(0, LEAD_CHARS));
  const out: TopicScore[] = [];
  for (const t of COMPILED) {
    const maskedTitle = mask(title, t.exclude);
    const maskedLead = mask(lead, t.exclude);
    let score = instrumentPoints(t, input.instruments);
    for (const term of t.terms) {
      if (countMatches(term.re, maskedTitle, 1) > 0) score += term.points * TITLE_FACTOR;
      score += term.points * countMatches(term.re, maskedLead, MAX_OCCURRENCES);
    }
    if (score > 0) out.push({ topic: t.topic, score });
  }
  // Stable sort: equal scores keep the TOPICS order.
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The topics an article is about: at most MAX_TOPICS, strongest first, each with enough evidence.
 * @example classifyTopics({ title: 'Fed holds rates as inflation cools', text: '…' }) // ['macro']
 */
export function classifyTopics(input: TopicInput): Topic[] {
  const scores = scoreTopics(input);
  const floor = Math.max(TOPIC_THRESHOLD, (scores[0]?.score ?? 0) * MIN_SHARE_OF_TOP);
  return scores
    .filter((s) => s.score >= floor)
    .slice(0, MAX_TOPICS)
    .map((s) => s.topic);
}
