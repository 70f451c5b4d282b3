/**
 * @module instruments/link — decide which candidate mentions are real and how much the article is about each
 * instrument. Precision over recall: an ordinary-word name links only with evidence.
 */
import { adjacentEvidence, CRYPTO_CUES, parenTickerAfter, sentenceHasCue } from './context.ts';
import type { InstrumentIndex } from './load.ts';
import { findMentions } from './mentions.ts';
import { type Sentence, splitSentences, type Token, tokenize } from './text.ts';
import type { Instrument, InstrumentLink, LinkInput, Mention } from './types.ts';

/** Salience weights: named in the title, named in the lead sentences, and how often (saturating at MENTION_SATURATION). */
const W_TITLE = 0.5;
const W_LEAD = 0.2;
const W_COUNT = 0.3;
const MENTION_SATURATION = 3;
/** How many opening sentences of the body count as the lead. */
const LEAD_SENTENCES = 2;
/** Salience at or above which a link is the article's subject (a title mention always is). */
const SUBJECT_SALIENCE = 0.4;
/** Supporting sentences kept per link. */
const MAX_SENTENCES = 3;
/** Share of capitalised words above which a title is Title Case (capitals then say nothing about names). */
const TITLE_CASE_SHARE = 0.7;

/** Capitalised words that may follow a company's one-word name ("Acme Holdings", "Acme Shares"). */
const COMPANY_WORDS_AFTER = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'holdings', 'group', 'shares', 'stock', 'ceo', 'chief']);

/** Legal-form words that end a company name. */
const LEGAL_WORDS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'sa', 'ag', 'se', 'nv']);

/** A text part (title or body) with its mentions, tokens and sentences. */
interface Part {
  isTitle: boolean;
  mentions: Mention[];
  tokens: Token[];
  sentences: Sentence[];
  titleCase: boolean;
  keyCache: Map<Sentence, Set<string>>;
  /** End offsets of all candidate mentions (a name right after another name is a list, not a tail). */
  mentionEnds: Set<number>;
}

/** One accepted occurrence. */
interface Hit {
  mention: Mention;
  isTitle: boolean;
  sentence: number;
  sentenceText: string;
}

function isTitleCase(tokens: Token[]): boolean {
  const longWords = tokens.filter((t) => /^\p{L}{4,}$/u.test(t.text));
  if (longWords.length < 3) return false;
  const caps = longWords.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  return caps / longWords.length >= TITLE_CASE_SHARE;
}

function hasCryptoContext(tokenLists: Token[][]): boolean {
  for (const tokens of tokenLists) for (const t of tokens) if (CRYPTO_CUES.has(t.key)) return true;
  return false;
}

/** Index of the first sentence ending at or after `offset` (binary search: sentences are in text order). */
function sentenceIndexOf(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid]?.end ?? 0) >= offset) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo);
}

/** Token index range [i, j] covering a span (binary search: tokens are in text order). */
function tokenRange(tokens: Token[], m: { start: number; end: number }): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.end ?? 0) <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const i = lo;
  let j = i;
  while (j + 1 < tokens.length && (tokens[j + 1]?.start ?? Infinity) < m.end) j++;
  return [i, j];
}

/** Token keys of a sentence, computed once per sentence of a part. */
function sentenceKeys(part: Part, s: Sentence): Set<string> {
  const cached = part.keyCache.get(s);
  if (cached) return cached;
  const keys = new Set<string>();
  const [first] = tokenRange(part.tokens, { start: s.start, end: s.start });
  for (let k = first; k < part.tokens.length; k++) {
    const t = part.tokens[k];
    if (!t || t.start >= s.end) break;
    keys.add(t.key);
  }
  part.keyCache.set(s, keys);
  return keys;
}

/**
 * Evidence against a one-word name, whatever its strength: it is the tail of a longer proper name ("Nikola Tesla",
 * "Harrison Ford"), or an ordinary-word company name after "the" ("the Amazon", "The Oracle of Omaha").
 */
function isBlocked(part: Part, m: Mention, inst: Instrument, s: Sentence): boolean {
  if (m.kind !== 'name') return false;
  const [i, j] = tokenRange(part.tokens, m);
  if (i !== j || inst.assetClass === 'index') return false;
  const prev = part.tokens[i - 1];
  if (!prev) return false;
  if (m.strength !== 'strong' && prev.key === 'the') return true;
  const startsSentence = prev.start <= s.start;
  // A name right after another name or a legal suffix is a list without commas ("Apple Inc Microsoft Corp"), not a tail.
  const afterName = LEGAL_WORDS.has(prev.key) || part.mentionEnds.has(prev.end);
  return !part.titleCase && !startsSentence && !afterName && /^\p{Lu}\p{Ll}+$/u.test(prev.text) && prev.key !== 'the';
}

/** Is a contextual or weak mention supported by its surroundings? */
function hasEvidence(part: Part, m: Mention, inst: Instrument, s: Sentence): boolean {
  const [i, j] = tokenRange(part.tokens, m);
  if (inst.assetClass === 'index' && part.tokens[i - 1]?.key === 'the' && ['on', 'listed'].includes(part.tokens[i - 2]?.key ?? '')) {
    return false; // "listed on the Nasdaq" is the exchange, not the index
  }
  // "Name (TICK)": the ticker decides — for this instrument when it is its symbol, against it when it is another's.
  // Look past a few more capitalised words: "Orion Group Holdings (ORN)" vetoes "Orion" as another company.
  let end = j;
  while (end < j + 4 && part.tokens[end + 1]?.cap && /^\p{L}/u.test(part.tokens[end + 1]?.text ?? '')) end++;
  const paren = parenTickerAfter(part.tokens, end);
  if (paren) return paren === inst.symbol || Object.values(inst.tickers).includes(paren);
  // "Dana Whitcombe", "Marcus Oyelaran": a one-word name followed by another capitalised word is someone's first name.
  const after = part.tokens[j + 1];
  if (m.kind === 'name' && i === j && after?.cap && /^\p{Lu}\p{Ll}/u.test(after.text) && !COMPANY_WORDS_AFTER.has(after.key)) return false;
  if (m.strength === 'weak') return adjacentEvidence(part.tokens, i, j, inst.assetClass, false);
  if (m.kind === 'ticker') return sentenceHasCue(sentenceKeys(part, s), inst.assetClass);
  if (adjacentEvidence(part.tokens, i, j, inst.assetClass, true)) return true;
  // A capital at the start of a sentence says nothing ("Optimism about bitcoin ETFs…"): only adjacent evidence counts there.
  return m.start > s.start && sentenceHasCue(sentenceKeys(part, s), inst.assetClass);
}

function prepare(index: InstrumentIndex, text: string, tokens: Token[], isTitle: boolean, cryptoContext: boolean): Part {
  const { mentions } = findMentions(index, text, { cryptoContext }, tokens);
  const sentences = isTitle ? [{ text: text.trim(), start: 0, end: text.length }] : splitSentences(text);
  return { isTitle, mentions, tokens, sentences, titleCase: isTitle && isTitleCase(tokens), keyCache: new Map(), mentionEnds: new Set(mentions.map((m) => m.end)) };
}

/**
 * Link an article to the instruments it names, with salience (subject vs passing mention) and supporting sentences.
 * Cashtags, exchange-qualified tickers and distinctive names link on their own; names that are ordinary words need
 * company/crypto/index context in their sentence or beside them, or a strong mention of the same instrument elsewhere.
 * With a non-English `lang` only strong evidence links.
 * @example linkInstruments(loadInstruments(), { title: 'Nvidia jumps', text: 'Shares of Nvidia rose 4%.' })
 */
export function linkInstruments(index: InstrumentIndex, input: LinkInput): InstrumentLink[] {
  const english = !input.lang || /^en\b/i.test(input.lang);
  const titleTokens = tokenize(input.title);
  const textTokens = tokenize(input.text);
  const cryptoContext = hasCryptoContext([titleTokens, textTokens]);
  const parts = [
    prepare(index, input.title, titleTokens, true, cryptoContext),
    prepare(index, input.text, textTokens, false, cryptoContext),
  ];
  const confirmed = new Set<string>();

  // Pass 1: mentions that stand on their own evidence. Pass 2: the rest of the mentions of instruments pass 1 accepted.
  const candidates: Array<Hit & { ok: boolean; part: Part }> = [];
  for (const part of parts) {
    for (const m of part.mentions) {
      const inst = index.byId.get(m.instrumentId);
      if (!inst) continue;
      const k = sentenceIndexOf(part.sentences, m.start);
      const s = part.sentences[k] ?? { text: '', start: 0, end: 0 };
      if (isBlocked(part, m, inst, s)) continue;
      const ok = m.strength === 'strong' || (english && !part.titleCase && hasEvidence(part, m, inst, s));
      if (ok) confirmed.add(inst.id);
      candidates.push({ mention: m, isTitle: part.isTitle, sentence: k, sentenceText: s.text, ok, part });
    }
  }
  // In a Title Case title every word is capitalised, so a name there counts only if the body names it too (or is empty).
  const inBody = new Set(candidates.filter((c) => !c.isTitle && (c.ok || confirmed.has(c.mention.instrumentId))).map((c) => c.mention.instrumentId));
  const titleCase = parts[0]?.titleCase === true && input.text.trim() !== '';
  const hits = new Map<string, Hit[]>();
  for (const c of candidates) {
    if (!c.ok && !(english && confirmed.has(c.mention.instrumentId))) continue;
    if (c.isTitle && titleCase && !inBody.has(c.mention.instrumentId)) continue;
    const hit = { mention: c.mention, isTitle: c.isTitle, sentence: c.sentence, sentenceText: c.sentenceText };
    for (const id of [c.mention.instrumentId, listingNamed(index, c.part, c.mention)]) {
      if (!id) continue;
      const list = hits.get(id) ?? [];
      list.push(hit);
      hits.set(id, list);
    }
  }
  return rankLinks(index, hits);
}

/** Venue phrases right after an issuer's name and the id prefix of the listing they mean. */
const VENUE_PHRASES: Array<[RegExp, string]> = [
  [/^(?:'s )?(?:hong kong-listed|hong kong (?:shares|stock|listing))/, 'hk:'],
  [/^(?:'s )?(?:(?:shanghai|shenzhen)-listed|(?:shanghai|shenzhen) (?:shares|stock|listing)|a-shares|a shares|star market)/, 'cn:'],
  [/^(?:'s )?(?:new york-listed|u\.s\.?-listed|us-listed|american depositary|new york (?:shares|stock|listing))/, 'us:'],
];
/** How many tokens after a name a venue phrase may span. */
const VENUE_WINDOW = 4;

/**
 * "Alibaba's Hong Kong shares", "SMIC's Shanghai-listed stock": the issuer's other listing on that venue, when the
 * reference data knows it (`related`).
 */
function listingNamed(index: InstrumentIndex, part: Part, m: Mention): string | undefined {
  const related = index.byId.get(m.instrumentId)?.related;
  if (!related?.length) return undefined;
  const [, j] = tokenRange(part.tokens, m);
  const after = part.tokens.slice(j + 1, j + 1 + VENUE_WINDOW).map((t) => t.key).join(' ');
  for (const [re, prefix] of VENUE_PHRASES) if (re.test(after)) return related.find((r) => r.startsWith(prefix));
  return undefined;
}

function rankLinks(index: InstrumentIndex, hits: Map<string, Hit[]>): InstrumentLink[] {
  const maxCount = Math.max(1, ...[...hits.values()].map((h) => h.length));
  const links: InstrumentLink[] = [];
  for (const [id, list] of hits) {
    const inst = index.byId.get(id);
    if (!inst) continue;
    const inTitle = list.some((h) => h.isTitle);
    const inLead = list.some((h) => !h.isTitle && h.sentence < LEAD_SENTENCES);
    const raw = (inTitle ? W_TITLE : 0) + (inLead ? W_LEAD : 0) + W_COUNT * Math.min(1, list.length / MENTION_SATURATION);
    const salience = Math.round(Math.min(1, raw * (0.7 + (0.3 * list.length) / maxCount)) * 100) / 100;
    const sentences = [...new Set(list.map((h) => h.sentenceText).filter(Boolean))].slice(0, MAX_SENTENCES);
    links.push({
      instrumentId: id,
      symbol: inst.symbol,
      name: inst.name,
      assetClass: inst.assetClass,
      salience,
      role: inTitle || salience >= SUBJECT_SALIENCE ? 'subject' : 'mention',
      mentions: list.length,
      sentences,
    });
  }
  // Another listing of a subject's issuer named in the same article (9988.HK beside BABA) is a subject too.
  const subjects = new Set(links.filter((l) => l.role === 'subject').map((l) => l.instrumentId));
  for (const link of links) {
    const related = index.byId.get(link.instrumentId)?.related ?? [];
    if (link.role === 'mention' && related.some((r) => subjects.has(r))) link.role = 'subject';
  }
  return links.sort((a, b) => b.salience - a.salience || b.mentions - a.mentions || a.instrumentId.localeCompare(b.instrumentId));
}
