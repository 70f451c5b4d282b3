/**
 * @module extract/score — one bottom-up pass computes text statistics for every element, then
 * paragraphs award points to their ancestors (after Readability's scoring, on the lean tree).
 */
import { BLOCK_TAGS } from './text.ts';
import type { ElementNode } from './tree.ts';

/** A run of inline text shorter than this is not a paragraph and scores nothing. */
export const MIN_PARAGRAPH_CHARS = 25;
/** Ancestor levels a paragraph awards points to. */
const SCORE_LEVELS = 5;
/** Class/id weight: ±CLASS_WEIGHT for positive/negative names. */
const CLASS_WEIGHT = 25;
const POSITIVE_RE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|paragraph/i;
const NEGATIVE_RE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|contributor|caption|credit/i;

/** Text statistics of a subtree. */
export interface Stats {
  /** Characters of text (whitespace runs count as one). */
  text: number;
  /** Characters of text inside links. */
  link: number;
  commas: number;
  /** Own inline text (not inside block descendants). */
  inline: number;
  inlineCommas: number;
  p: number;
  img: number;
  li: number;
  embed: number;
  /** Has block-level element children. */
  hasBlockChild: boolean;
  score: number;
  isCandidate: boolean;
}

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd']);
const COMMA_RE = /[,，、،]/g;

/** Collapsed length of a text: non-space characters plus one per inner whitespace run. */
function measure(text: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (!isSpace) {
      n += space && n > 0 ? 2 : 1;
      space = false;
    } else space = true;
  }
  return n;
}

function newStats(): Stats {
  return { text: 0, link: 0, commas: 0, inline: 0, inlineCommas: 0, p: 0, img: 0, li: 0, embed: 0, hasBlockChild: false, score: 0, isCandidate: false };
}

/** Class/id weight of an element. */
export function classWeight(el: ElementNode): number {
  let w = 0;
  for (const name of [el.attrs.class, el.attrs.id]) {
    if (name === undefined || name === '') continue;
    if (NEGATIVE_RE.test(name)) w -= CLASS_WEIGHT;
    if (POSITIVE_RE.test(name)) w += CLASS_WEIGHT;
  }
  return w;
}

function initialScore(el: ElementNode): number {
  let s = classWeight(el);
  switch (el.tag) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      s += 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      s += 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      s -= 3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      s -= 5;
      break;
    default:
      break;
  }
  if (el.tag === 'article' || el.tag === 'main' || el.attrs.itemprop === 'articleBody') s += 10;
  return s;
}

/** Compute statistics for every element under `root` (a post-order pass over a pre-order list). */
export function computeStats(root: ElementNode): Map<ElementNode, Stats> {
  const order: ElementNode[] = [];
  const stack: ElementNode[] = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (el === undefined) break;
    order.push(el);
    for (const c of el.children) if (c.type === 'element') stack.push(c);
  }
  const stats = new Map<ElementNode, Stats>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    if (el === undefined) continue;
    const s = newStats();
    for (const c of el.children) {
      if (c.type === 'text') {
        const len = measure(c.text);
        const commas = len > 0 ? (c.text.match(COMMA_RE)?.length ?? 0) : 0;
        s.text += len;
        s.inline += len;
        s.commas += commas;
        s.inlineCommas += commas;
        continue;
      }
      const cs = stats.get(c);
      if (cs === undefined) continue;
      s.text += cs.text;
      s.link += cs.link;
      s.commas += cs.commas;
      s.p += cs.p;
      s.img += cs.img;
      s.li += cs.li;
      s.embed += cs.embed;
      if (BLOCK_TAGS.has(c.tag)) s.hasBlockChild = true;
      else {
        s.inline += cs.inline;
        s.inlineCommas += cs.inlineCommas;
        if (cs.hasBlockChild) s.hasBlockChild = true;
      }
    }
    switch (el.tag) {
      case 'a':
        s.link = (el.attrs.href ?? '').startsWith('#') ? s.text * 0.3 : s.text;
        break;
      case 'p':
        s.p += 1;
        break;
      case 'img':
        s.img += 1;
        break;
      case 'li':
        s.li += 1;
        break;
      case 'video':
      case 'audio':
      case 'iframe':
      case 'embed':
      case 'object':
        s.embed += 1;
        break;
      default:
        break;
    }
    stats.set(el, s);
  }
  return stats;
}

/** Award paragraph points to ancestors; returns candidates with their final (link-adjusted) score. */
export function scoreCandidates(root: ElementNode, stats: Map<ElementNode, Stats>): Array<{ el: ElementNode; score: number }> {
  const candidates = new Set<ElementNode>();
  for (const [el, s] of stats) {
    if (s.inline < MIN_PARAGRAPH_CHARS) continue;
    const isParagraph = PARAGRAPH_TAGS.has(el.tag) || !s.hasBlockChild;
    if (!isParagraph && !BLOCK_TAGS.has(el.tag)) continue;
    const points = 1 + s.inlineCommas + Math.min(Math.floor(s.inline / 100), 3);
    let target: ElementNode | null = isParagraph ? el.parent : el;
    for (let level = 0; level < SCORE_LEVELS && target !== null && target !== root; level++) {
      const ts = stats.get(target);
      if (ts === undefined) break;
      if (!ts.isCandidate) {
        ts.isCandidate = true;
        ts.score = initialScore(target);
        candidates.add(target);
      }
      ts.score += level === 0 ? points : level === 1 ? points / 2 : points / (level * 3);
      target = target.parent;
    }
  }
  const out: Array<{ el: ElementNode; score: number }> = [];
  for (const el of candidates) {
    const s = stats.get(el);
    if (s === undefined) continue;
    out.push({ el, score: s.score * (1 - linkDensity(s)) });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Share of a subtree's text inside links. */
export function linkDensity(s: Stats): number {
  return s.text === 0 ? 0 : Math.min(1, s.link / s.text);
}
