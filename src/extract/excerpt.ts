/**
 * @module extract/excerpt — excerpt, word count and reading time, the same rule everywhere.
 * Words are runs of letters, digits and underscores (so "U.S." is two, "10,000" is two); reading time
 * is words / READING_WPM rounded up, at least one minute.
 */
import { collapseWhitespace } from './text.ts';

/** Reading speed for "N min read" (words per minute, a common adult silent-reading figure). */
export const READING_WPM = 230;
/** Default excerpt length in characters. */
export const EXCERPT_MAX_CHARS = 260;
/** An excerpt shorter than this is extended with the next paragraph. */
const EXCERPT_MIN_CHARS = 200;

const WORD_RE = /[\p{L}\p{N}_]+/gu;
/** CJK text has no spaces: count each character of these scripts as a word. */
const CJK_QUICK_RE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Number of words in plain text (CJK characters count one each). */
export function countWords(text: string): number {
  if (!CJK_QUICK_RE.test(text)) return text.match(WORD_RE)?.length ?? 0;
  const cjk = text.match(CJK_RE)?.length ?? 0;
  const words = text.replace(CJK_RE, ' ').match(WORD_RE)?.length ?? 0;
  return words + cjk;
}

/** Minutes to read `wordCount` words, rounded up, at least 1. */
export function readingMinutesOf(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / READING_WPM));
}

const normalizeForCompare = (s: string): string => collapseWhitespace(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** "The post X appeared first on Y." and similar syndication footers never belong in an excerpt. */
const SYNDICATION_LINE_RE = /\b(?:the post\b.*\bappeared first on\b|appeared first on\b|originally (?:published|appeared) (?:on|at|in)\b)/i;

/**
 * A summary of `text` of at most `maxChars` characters: the first meaningful paragraphs, without a
 * leading repeat of the title, without syndication footers, without a paragraph repeated, cut at a
 * word boundary with an ellipsis when shortened.
 * @example excerptOf('Title\n\nFirst paragraph. Second.', 'Title') // 'First paragraph. Second.'
 */
export function excerptOf(text: string, title: string, maxChars: number = EXCERPT_MAX_CHARS): string {
  const titleKey = normalizeForCompare(title);
  const seen = new Set<string>();
  const picked: string[] = [];
  let length = 0;
  for (const raw of text.split(/\n\s*\n|\n/)) {
    let para = collapseWhitespace(raw);
    if (para === '' || SYNDICATION_LINE_RE.test(para)) continue;
    const key = normalizeForCompare(para);
    if (key === '' || key === titleKey || seen.has(key)) continue;
    if (titleKey !== '' && key.startsWith(`${titleKey} `)) para = para.slice(title.trim().length).replace(/^[\s:.\-–—|]+/, '');
    seen.add(key);
    picked.push(para);
    length += para.length + 1;
    if (length >= EXCERPT_MIN_CHARS) break;
  }
  return cutAtWord(picked.join(' '), maxChars);
}

/** Cut `s` to at most `maxChars` characters at a word boundary, adding an ellipsis when cut. */
export function cutAtWord(s: string, maxChars: number): string {
  if (s.length <= maxChars) return s;
  const room = s.slice(0, Math.max(1, maxChars - 1));
  const space = room.lastIndexOf(' ');
  const cut = space > maxChars * 0.5 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
