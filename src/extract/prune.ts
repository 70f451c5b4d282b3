/**
 * @module extract/prune — before scoring, drop what is never article body: navigation, asides,
 * footers, hidden elements, ARIA landmarks for chrome, and containers whose class/id says so
 * ("unlikely candidates", after Readability's heuristic).
 */
import { detach, type ElementNode, walkElements } from './tree.ts';

/** Tags never part of an article body. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'menu', 'dialog', 'input', 'label', 'option']);
/** A <header> with less text than this is a page/article header (title, byline), not body. */
const HEADER_MAX_CHARS = 400;
/** ARIA roles of page chrome. */
const CHROME_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'menu', 'menubar', 'dialog', 'alertdialog', 'search', 'tablist', 'toolbar']);
/** Class/id of containers that are unlikely to hold the article. */
export const UNLIKELY_RE = /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|newsletter|subscribe|share|sharing|toolbar|navbar|masthead|topbar|modal|overlay|signup|promo|outbrain|taboola|recirc|trending|most-?popular|most-?read/i;
/** …unless the class/id also says it may be content. */
export const MAYBE_CANDIDATE_RE = /and|article|body|column|content|main|shadow|story|entry|post|text|embed/i;
const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** A subtree removed before or after scoring, with where it was and why (for the removal record). */
export interface PrunedNode {
  el: ElementNode;
  /** The parent it was detached from. */
  parent: ElementNode | null;
  why: string;
  /** 'chrome' when pruned before scoring, 'conditional' when dropped from the chosen content. */
  stage: 'chrome' | 'conditional';
}

/**
 * Remove chrome from the tree in place; returns what was removed. With `byClass: false` only tags,
 * roles and hidden elements count (the retry when class names pruned the whole article away).
 */
export function pruneChrome(root: ElementNode, byClass = true): PrunedNode[] {
  const doomed: PrunedNode[] = [];
  walkElements(root, (el) => {
    const why = chromeReason(el, byClass);
    if (why !== null) {
      doomed.push({ el, parent: el.parent, why, stage: 'chrome' });
      return false;
    }
    return true;
  });
  for (const d of doomed) detach(d.el);
  return doomed;
}

function chromeReason(el: ElementNode, byClass: boolean): string | null {
  const tag = el.tag;
  if (tag === 'html' || tag === 'body' || tag === '#root' || tag === 'article' || tag === 'main') return null;
  if (CHROME_TAGS.has(tag)) return `page chrome (<${tag}>)`;
  const attrs = el.attrs;
  if (attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') return 'hidden element';
  if (attrs.style !== undefined && HIDDEN_STYLE_RE.test(attrs.style)) return 'hidden element (style)';
  if (attrs.role !== undefined && CHROME_ROLES.has(attrs.role.toLowerCase())) return `page chrome (role=${attrs.role})`;
  if (tag === 'header' && shortText(el, HEADER_MAX_CHARS)) return 'page or article header';
  if (!byClass || tag === 'a' || tag === 'table' || tag === 'tbody' || tag === 'tr' || tag === 'td' || tag === 'p' || tag === 'code' || tag === 'pre') return null;
  const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`.trim();
  if (names.length > 1 && UNLIKELY_RE.test(names) && !MAYBE_CANDIDATE_RE.test(names)) return `unlikely content (class/id "${names.slice(0, 60)}")`;
  return null;
}

function shortText(el: ElementNode, max: number): boolean {
  let n = 0;
  const stack: ElementNode[] = [el];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === undefined) break;
    for (const c of cur.children) {
      if (c.type === 'text') {
        n += c.text.trim().length;
        if (n > max) return false;
      } else stack.push(c);
    }
  }
  return true;
}
