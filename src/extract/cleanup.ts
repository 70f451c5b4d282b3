/**
 * @module extract/cleanup — removes boilerplate from an extracted content tree, following the rules
 * (see rules.ts), and records every removal with its rule and reason. Also finds the original
 * publisher named by syndication footers ("appeared first on", "Source: <url>").
 */
import type { Removal } from '../model.ts';
import type { CleanupRules, TextRule } from './rules.ts';
import { isEmbeddedPost } from './embed.ts';
import type { PrunedNode } from './prune.ts';
import { computeStats } from './score.ts';
import { compileSelector } from './selector.ts';
import { BLOCK_TAGS, collapseWhitespace } from './text.ts';
import { detach, type ElementNode, textOf, type TreeNode, walkElements } from './tree.ts';

/** Removed text is recorded up to this many characters. */
const REMOVAL_TEXT_CHARS = 120;
/** A class/id rule never removes a container holding more than this share of the article text. */
const MAX_CONTAINER_SHARE = 0.3;

/** Blocks at the start of the body checked for a repeated title or lead. */
const FIRST_BLOCKS_CHECKED = 6;
const HAS_WORD_RE = /[\p{L}\p{N}]/u;

/** Inline elements that can hold a label on their own ("<strong>Advertisement</strong>"). */
const LABEL_TAGS = new Set(['span', 'strong', 'em', 'b', 'i', 'a', 'small', 'font']);

/** Rules whose label heads a list of links that goes with it. */
const LABELLED_LISTS = new Set(['related', 'tags']);
/** A block is "links" when at least this share of its text is link text. */
const LINK_BLOCK_SHARE = 0.6;

/** What clean-up did. */
export interface CleanupResult {
  removed: Removal[];
  originUrl: string | null;
}

interface CompiledRules {
  text: Array<TextRule & { re: RegExp }>;
  classes: Array<{ rule: string; reason: string; re: RegExp }>;
  /** Union of all class patterns: one test rules out most elements. */
  anyClass: RegExp;
  sites: Array<{ test: (el: ElementNode) => boolean; reason: string }>;
}

const compiledCache = new WeakMap<CleanupRules, Map<string, CompiledRules>>();

function compile(rules: CleanupRules, lang: string, host: string): CompiledRules {
  const key = `${lang}|${host}`;
  let byKey = compiledCache.get(rules);
  if (byKey === undefined) {
    byKey = new Map();
    compiledCache.set(rules, byKey);
  }
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  // Unknown language: every language's rules apply (a page without lang="" is common).
  const text = lang === ANY_LANG ? Object.values(rules.text).flat() : [...(rules.text['*'] ?? []), ...(rules.text[lang] ?? []), ...(lang === 'en' ? [] : (rules.text.en ?? []))];
  const compiled: CompiledRules = {
    text: text.map((r) => ({ ...r, re: new RegExp(r.pattern, r.caseSensitive === true ? 'u' : 'iu') })),
    classes: rules.classes.map((r) => ({ rule: r.rule, reason: r.reason, re: new RegExp(r.pattern, 'i') })),
    anyClass: new RegExp(rules.classes.map((r) => `(?:${r.pattern})`).join('|') || '(?!)', 'i'),
    sites: (rules.sites[host] ?? []).map((r) => ({ test: compileSelector(r.selector), reason: r.reason })),
  };
  byKey.set(key, compiled);
  return compiled;
}

const normalize = (s: string): string => collapseWhitespace(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Inputs for clean-up besides the tree. */
export interface CleanupContext {
  title: string;
  /** Other spellings of the title (first <h1>, og:title) also count as a repeat. */
  altTitles?: string[];
  /** The page description (meta/og): a teaser block repeating it is removed. */
  description?: string | null;
  lang: string | null;
  pageUrl: string;
  rules: CleanupRules;
}

/** Remove boilerplate from `content` in place. */
export function cleanupContent(content: ElementNode, ctx: CleanupContext): CleanupResult {
  const removed: Removal[] = [];
  let originUrl: string | null = null;
  const host = hostOf(ctx.pageUrl);
  const rules = compile(ctx.rules, langKey(ctx.lang), host);
  const stats = computeStats(content);
  const lengthOf = (el: ElementNode): number => stats.get(el)?.text ?? 0;
  const total = Math.max(1, lengthOf(content));
  const longestRule = rules.text.reduce((m, r) => Math.max(m, r.maxChars), 0);
  // (Link-share rules may be long; they are filtered by link share before any text is built.)
  const descriptionKey = normalize(ctx.description ?? '');
  // A teaser repeats the page description; 40 chars keeps one-word descriptions from matching.
  const isDescription = (el: ElementNode): boolean => descriptionKey.length >= 40 && normalize(textOf(el)) === descriptionKey;
  const record = (node: TreeNode, rule: string, reason: string): void => {
    removed.push({ rule, reason, text: collapseWhitespace(textOf(node)).slice(0, REMOVAL_TEXT_CHARS) });
    detach(node);
  };
  const doomed: Array<{ el: ElementNode; rule: string; reason: string }> = [];
  walkElements(content, (el) => {
    if (el === content) return true;
    const site = rules.sites.length === 0 ? undefined : rules.sites.find((s) => s.test(el));
    if (site !== undefined) {
      doomed.push({ el, rule: 'site', reason: site.reason });
      return false;
    }
    const names = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`.trim();
    if (names !== '' && el.tag !== 'body' && el.tag !== 'article' && el.tag !== 'main' && rules.anyClass.test(names) && !isEmbeddedPost(el)) {
      const hit = rules.classes.find((r) => r.re.test(names) && (r.rule !== 'teaser' || isDescription(el)));
      if (hit !== undefined && lengthOf(el) / total <= MAX_CONTAINER_SHARE) {
        doomed.push({ el, rule: hit.rule, reason: `${hit.reason} (class/id "${names.slice(0, 60)}")` });
        return false;
      }
    }
    const isBlock = BLOCK_TAGS.has(el.tag);
    // Inline labels count only directly inside a container; inside a paragraph the paragraph was tested.
    if (isBlock || (LABEL_TAGS.has(el.tag) && (el.parent === null || (stats.get(el.parent)?.hasBlockChild ?? false)))) {
      const length = lengthOf(el);
      if (length === 0 || length > longestRule) return true;
      const linkShare = (stats.get(el)?.link ?? 0) / length;
      const applicable = rules.text.filter((r) => length <= r.maxChars && (r.minLinkShare === undefined || linkShare >= r.minLinkShare));
      if (applicable.length === 0) return true;
      const text = collapseWhitespace(textOf(el));
      const hit = applicable.find((r) => text.length <= r.maxChars && r.re.test(text));
      if (hit !== undefined) {
        if (hit.rule === 'syndication') originUrl ??= originOf(el, text, ctx.pageUrl);
        doomed.push({ el, rule: hit.rule, reason: hit.reason });
        if (LABELLED_LISTS.has(hit.rule)) {
          for (const next of followingLinkBlocks(el)) doomed.push({ el: next, rule: hit.rule, reason: `${hit.reason} (links under the label)` });
        }
        return false;
      }
      // A paragraph-like block that is not boilerplate as a whole: its inline parts are prose.
      if (isBlock && !(stats.get(el)?.hasBlockChild ?? false)) return false;
    }
    return true;
  });
  const seen = new Set<ElementNode>();
  for (const d of doomed) {
    if (seen.has(d.el)) continue;
    seen.add(d.el);
    record(d.el, d.rule, d.reason);
  }
  removeRepeats(content, [ctx.title, ...(ctx.altTitles ?? [])], record);
  return { removed, originUrl };
}

/**
 * Removal records for subtrees pruned from inside the article (chrome, unlikely or link-dense blocks):
 * named after the clean-up class rule they match when one does, else 'chrome' / 'conditional'.
 */
export function recordPruned(content: ElementNode, pruned: PrunedNode[], ctx: CleanupContext): Removal[] {
  const rules = compile(ctx.rules, langKey(ctx.lang), hostOf(ctx.pageUrl));
  const out: Removal[] = [];
  for (const p of pruned) {
    if (!isInside(p.parent, content)) continue;
    const text = collapseWhitespace(textOf(p.el)).slice(0, REMOVAL_TEXT_CHARS);
    if (text === '') continue;
    const names = `${p.el.attrs.class ?? ''} ${p.el.attrs.id ?? ''}`.trim();
    const hit = names === '' ? undefined : rules.classes.find((r) => r.re.test(names));
    out.push({ rule: hit?.rule ?? p.stage, reason: hit === undefined ? p.why : `${hit.reason} (${p.why})`, text });
  }
  return out;
}

function isInside(node: ElementNode | null, ancestor: ElementNode): boolean {
  for (let cur = node; cur !== null; cur = cur.parent) if (cur === ancestor) return true;
  return false;
}

/** Element siblings after `el` (or after its block ancestor) that are empty or made of links. */
function followingLinkBlocks(el: ElementNode): ElementNode[] {
  let anchor: ElementNode = el;
  while (!BLOCK_TAGS.has(anchor.tag) && anchor.parent !== null && anchor.parent.children.filter((c) => c.type === 'element').length === 1) anchor = anchor.parent;
  const parent = anchor.parent;
  if (parent === null) return [];
  const out: ElementNode[] = [];
  for (let i = parent.children.indexOf(anchor) + 1; i < parent.children.length; i++) {
    const sib = parent.children[i];
    if (sib === undefined) break;
    if (sib.type === 'text') {
      if (sib.text.trim() === '') continue;
      break;
    }
    const total = collapseWhitespace(textOf(sib)).length;
    if (total === 0 || linkTextLength(sib) / total >= LINK_BLOCK_SHARE) out.push(sib);
    else break;
  }
  return out;
}

function linkTextLength(el: ElementNode): number {
  let n = 0;
  walkElements(el, (x) => {
    if (x.tag !== 'a') return true;
    n += collapseWhitespace(textOf(x)).length;
    return false;
  });
  return n;
}

/** Title repeated as the first block, captions repeating the title, a lead repeated as the next paragraph. */
function removeRepeats(content: ElementNode, titles: string[], record: (n: TreeNode, rule: string, reason: string) => void): void {
  const titleKeys = new Set(titles.map(normalize).filter((t) => t !== ''));
  const isTitle = (el: ElementNode): boolean => titleKeys.has(normalize(textOf(el)));
  const blocks: ElementNode[] = [];
  walkElements(content, (el) => {
    if (el.tag === 'figcaption' && isTitle(el)) {
      record(el, 'caption-title', 'image caption repeats the title');
      return false;
    }
    if (/^(?:p|h[1-6]|blockquote|li)$/.test(el.tag)) {
      blocks.push(el);
      return false;
    }
    return true;
  });
  // Only the first few blocks can be a repeated title or lead.
  const nonEmpty: ElementNode[] = [];
  for (const b of blocks) {
    if (nonEmpty.length >= FIRST_BLOCKS_CHECKED) break;
    if (HAS_WORD_RE.test(textOf(b))) nonEmpty.push(b);
  }
  for (let first = nonEmpty[0]; first !== undefined && isTitle(first); first = nonEmpty[0]) {
    record(first, 'title-repeat', 'title repeated as the first line of the body');
    nonEmpty.shift();
  }
  const lead = nonEmpty[0];
  const next = nonEmpty[1];
  if (lead !== undefined && next !== undefined) {
    const a = normalize(textOf(lead));
    const b = normalize(textOf(next));
    if (a.length >= 40 && (b === a || b.startsWith(a))) record(lead, 'lead-repeat', 'lead paragraph repeated (teaser + body)');
  }
}

/** The URL a syndication line names: its first link (the original post), else a URL in its text. */
function originOf(el: ElementNode, text: string, pageUrl: string): string | null {
  let href: string | null = null;
  walkElements(el, (x) => {
    if (href !== null) return false;
    if (x.tag === 'a' && x.attrs.href !== undefined) href = x.attrs.href;
    return true;
  });
  const candidate = href ?? /https?:\/\/\S+/.exec(text)?.[0]?.replace(/[.,;)]+$/, '') ?? null;
  if (candidate === null) return null;
  try {
    const url = new URL(candidate, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Marks "language unknown" in the compiled-rules cache key. */
const ANY_LANG = '*any*';

/** Two-letter language of a page ("pt-BR" → "pt", "en_US" → "en"), or ANY_LANG when unknown. */
function langKey(lang: string | null): string {
  const key = (lang ?? '').slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(key) ? key : ANY_LANG;
}

function hostOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
