/**
 * @module stories/text — text normalisation for duplicate detection: drop syndication wrappers and
 * boilerplate lines, then split into lower-case word tokens. Numbers are kept as tokens on purpose:
 * templated stubs ("ACME rose 3.2% to $45.10") that differ only in numbers are different articles.
 */
import { createHash } from 'node:crypto';

/**
 * Whole lines (paragraphs) that syndicators and aggregators add around a copied article, or that
 * an extractor leaves behind. A line matching one of these is not article text.
 */
const WRAPPER_LINES: readonly RegExp[] = [
  /^the post\b.{0,300}\bappeared (first )?on\b/i,
  /^(this (article|story|post) )?(was )?(originally|first) (published|appeared|posted)\b/i,
  /^this (article|story|post) (first )?(appeared|was published)\b/i,
  /^(source|via|origin(al)? source|read the original|originally from)\s*[:\-–—]/i,
  /^(continue reading|read more|read the (full|original|rest)|full story|click here)\b.{0,200}$/i,
  /^(related|also read|see also|more from|recommended|trending)\s*[:\-–—]/i,
  /^(photo|image|picture|video)( credit)?\s*[:\-–—]/i,
  /^(copyright|©|\(c\))\s/i,
  /^all rights reserved\b/i,
  /^(share|follow us|subscribe|sign up|sign in|log in|advertisement|sponsored)\b.{0,120}$/i,
  /^(we use cookies|this site uses cookies|by continuing to use)\b/i,
  /^(disclaimer|disclosure)\s*[:\-–—]/i,
];

/** Word tokens: letters/digits, keeping inner dots, commas and apostrophes of numbers and names. */
const TOKEN = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

/** True when a line of text is a syndication wrapper or page boilerplate, not article text. */
export function isWrapperLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return true;
  return WRAPPER_LINES.some((re) => re.test(trimmed));
}

/** The article text without wrapper and boilerplate lines (paragraph order kept). */
export function stripWrappers(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !isWrapperLine(line))
    .join('\n');
}

/** Lower-case word tokens of a text (NFKC-normalised, apostrophes unified). */
export function wordTokens(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase().replace(/’/g, "'");
  return normal.match(TOKEN) ?? [];
}

/** Tokens of the cleaned text: wrappers dropped, then split into words. */
export function cleanTokens(text: string): string[] {
  return wordTokens(stripWrappers(text));
}

/**
 * SHA-256 (hex) of the normalised article text: wrappers and boilerplate lines dropped, case,
 * punctuation and whitespace ignored. Two texts with the same hash are exact duplicates — but see
 * {@link isDedupCandidate}: near-empty texts share hashes without being the same article.
 * @example contentHash('Shares rose.\nSource: example.com') === contentHash('shares  rose')
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(cleanTokens(text).join(' ')).digest('hex');
}
