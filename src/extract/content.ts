/**
 * @module extract/content — find the main content of a page on the lean tree: prune chrome, score
 * paragraphs into their ancestors, take the best candidate plus related siblings, then drop
 * link-heavy or form-like blocks inside it. Readability on linkedom is the fallback when nothing
 * scores (rare; it costs ~10× more).
 */
import { isEmbeddedPost } from './embed.ts';
import { type PrunedNode, pruneChrome } from './prune.ts';
import { readabilityExtract } from './readability.ts';
import { classWeight, computeStats, linkDensity, type Stats, scoreCandidates } from './score.ts';
import { createElement, detach, type ElementNode, type ParsedPage, parseHtml, walkElements } from './tree.ts';

/** The main content found on a page. */
export interface MainContent {
  node: ElementNode;
  title: string | null;
  warnings: string[];
  /** Subtrees removed by pruning and conditional cleaning (those inside `node` go on the removal record). */
  pruned: PrunedNode[];
}

/** Siblings scoring at least this share of the top candidate join it. */
const SIBLING_SHARE = 0.2;
/** …and never less than this absolute score. */
const SIBLING_MIN_SCORE = 10;
/** A top candidate holding less text than this is "nothing found" (fallback to Readability). */
const MIN_CONTENT_CHARS = 200;
/** Blocks with fewer commas than this are checked by the conditional clean. */
const CONDITIONAL_MAX_COMMAS = 10;
/** Link text an inline <span> with an image must carry to be taken for a hover card / inline promo. */
const INLINE_CARD_MIN_LINK_CHARS = 80;
/** A block of inline text at least this long, ending like a sentence, is prose (kept by the conditional clean). */
const PROSE_MIN_CHARS = 80;
/** …unless more than this share of it is link text. */
const PROSE_MAX_LINK_DENSITY = 0.5;
const SENTENCE_END_RE = /[.!?。！？…]["'”’»)\]]?\s*$/;
const CONDITIONAL_TAGS = new Set(['table', 'ul', 'ol', 'div', 'section', 'form', 'figure', 'dl']);

/**
 * The element holding the article body, or null when the page has none. Mutates `page.root`
 * (pruned nodes are detached; the returned node is taken out of the tree).
 */
export function findMainContent(page: ParsedPage, html: string | null, pageUrl: string): MainContent | null {
  const found = scoreAndPick(page.root, true);
  if (found !== null || html === null) return found ?? fallback(html, pageUrl);
  // Class names pruned the article away (a page wrapper called "header-…"): parse again, prune by tags only.
  const retry = scoreAndPick(parseHtml(html).root, false);
  if (retry !== null) retry.warnings.push('main content found without class-name pruning');
  return retry ?? fallback(html, pageUrl);
}

function scoreAndPick(root: ElementNode, byClass: boolean): MainContent | null {
  const pruned = pruneChrome(root, byClass);
  let stats = computeStats(root);
  const ranked = scoreCandidates(root, stats);
  const top = ranked[0];
  if (top === undefined || (stats.get(top.el)?.text ?? 0) < MIN_CONTENT_CHARS) return null;
  const scores = new Map(ranked.map((c) => [c.el, c.score]));
  const best = climbWrappers(top.el, stats);
  const node = gatherSiblings(best, scores.get(top.el) ?? top.score, scores, stats);
  stats = computeStats(node);
  pruned.push(...cleanConditionally(node, stats));
  return { node, title: null, warnings: [], pruned };
}

function fallback(html: string | null, pageUrl: string): MainContent | null {
  if (html === null) return null;
  const r = readabilityExtract(html, pageUrl);
  if (r === null) return null;
  return { node: parseHtml(r.html).root, title: r.title === '' ? null : r.title, warnings: ['main content found by the Readability fallback'], pruned: [] };
}

/** Move up while the parent holds (almost) the same text: a wrapper adds siblings' context. */
function climbWrappers(el: ElementNode, stats: Map<ElementNode, Stats>): ElementNode {
  let cur = el;
  const own = stats.get(el)?.text ?? 0;
  while (cur.parent !== null && cur.parent.tag !== '#root' && cur.parent.tag !== 'body' && cur.parent.tag !== 'html') {
    const parentText = stats.get(cur.parent)?.text ?? 0;
    if (parentText > own * 1.05 + 20) break;
    cur = cur.parent;
  }
  return cur;
}

/** The top candidate plus siblings that look like part of the same article. */
function gatherSiblings(top: ElementNode, topScore: number, scores: Map<ElementNode, number>, stats: Map<ElementNode, Stats>): ElementNode {
  const parent = top.parent;
  if (parent === null) return top;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  const kept: ElementNode[] = [];
  for (const sib of parent.children) {
    if (sib.type !== 'element') continue;
    if (sib === top) {
      kept.push(sib);
      continue;
    }
    let bonus = 0;
    if (sib.attrs.class !== undefined && sib.attrs.class !== '' && sib.attrs.class === top.attrs.class) bonus = topScore * 0.2;
    const score = (scores.get(sib) ?? 0) + bonus;
    const s = stats.get(sib);
    if (s === undefined) continue;
    if (score >= threshold && score > 0) kept.push(sib);
    else if (sib.tag === 'p' || (!s.hasBlockChild && sib.tag === 'div')) {
      const density = linkDensity(s);
      if (s.text > 80 && density < 0.25) kept.push(sib);
      else if (s.text > 0 && s.text <= 80 && density === 0 && /\.( |$)/.test(plain(sib))) kept.push(sib);
    }
  }
  if (kept.length === 1) {
    detach(top);
    return top;
  }
  const wrapper = createElement('div');
  for (const k of kept) {
    detach(k);
    k.parent = wrapper;
    wrapper.children.push(k);
  }
  return wrapper;
}

function plain(el: ElementNode): string {
  let out = '';
  for (const c of el.children) out += c.type === 'text' ? c.text : plain(c);
  return out;
}

/** Readability's "clean conditionally": drop blocks that look like link lists, galleries or forms. */
function cleanConditionally(node: ElementNode, stats: Map<ElementNode, Stats>): PrunedNode[] {
  const doomed: PrunedNode[] = [];
  walkElements(node, (el) => {
    if (el === node) return true;
    const s = stats.get(el);
    if (s === undefined) return true;
    // An inline card inside a sentence (hover card, inline promo): an image plus long link text.
    // The innermost such span goes (its wrapper may also hold the sentence's own link).
    const isCard = (x: ElementNode): boolean => {
      const xs = stats.get(x);
      return x.tag === 'span' && xs !== undefined && xs.img > 0 && xs.link >= INLINE_CARD_MIN_LINK_CHARS && linkDensity(xs) > 0.7;
    };
    if (isCard(el) && !el.children.some((c) => c.type === 'element' && isCard(c))) {
      doomed.push({ el, parent: el.parent, why: 'inline card (image and links inside a sentence)', stage: 'conditional' });
      return false;
    }
    if (!CONDITIONAL_TAGS.has(el.tag)) return true;
    const why = dropReason(el, s);
    if (why !== null) {
      doomed.push({ el, parent: el.parent, why, stage: 'conditional' });
      return false;
    }
    return true;
  });
  for (const d of doomed) detach(d.el);
  return doomed;
}

function dropReason(el: ElementNode, s: Stats): string | null {
  const names = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.trim().slice(0, 60);
  // Embedded posts (tweets, Instagram) quoted in the article are content, links and all.
  if (isEmbeddedPost(el)) return null;
  const weight = classWeight(el);
  const density = linkDensity(s);
  // One paragraph (maybe wrapped in a <div> or two): a sentence of prose with a link or two is still prose.
  const isProse = s.p <= 1 && s.li === 0 && s.text >= PROSE_MIN_CHARS && density < PROSE_MAX_LINK_DENSITY && SENTENCE_END_RE.test(plain(el));
  if (weight < 0 && s.text < 500) return `short block with a boilerplate class/id ("${names}")`;
  if (s.commas >= CONDITIONAL_MAX_COMMAS || isProse) return null;
  const isList = el.tag === 'ul' || el.tag === 'ol';
  if (s.img > 1 && s.p / s.img < 0.5 && s.text < 200) return 'image strip without prose';
  if (!isList && s.li > s.p && s.li > 3 && density > 0.3) return 'list of links';
  if (s.text < 25 && (s.img === 0 || s.img > 2) && s.embed === 0) return 'empty or near-empty block';
  if (weight < 25 && density > 0.2 + (isList ? 0.2 : 0)) return `link-dense block (${Math.round(density * 100)}% link text)`;
  if (weight >= 25 && density > 0.5) return `link-dense block (${Math.round(density * 100)}% link text)`;
  return null;
}
