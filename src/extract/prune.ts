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
export const MAYBE_CANDIDATE_RE = /and|article|body|column|content|main|shadow|story|entry|post|text/i;
const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Remove chrome from the tree in place. Returns how many subtrees were removed. */
export function pruneChrome(root: ElementNode): number {
  const doomed: ElementNode[] = [];
  walkElements(root, (el) => {
    if (isChrome(el)) {
      doomed.push(el);
      return false;
    }
    return true;
  });
  for (const el of doomed) detach(el);
  return doomed.length;
}

function isChrome(el: ElementNode): boolean {
  const tag = el.tag;
  if (tag === 'html' || tag === 'body' || tag === '#root' || tag === 'article' || tag === 'main') return false;
  if (CHROME_TAGS.has(tag)) return true;
  const attrs = el.attrs;
  if (attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') return true;
  if (attrs.style !== undefined && HIDDEN_STYLE_RE.test(attrs.style)) return true;
  if (attrs.role !== undefined && CHROME_ROLES.has(attrs.role.toLowerCase())) return true;
  if (tag === 'header' && shortText(el, HEADER_MAX_CHARS)) return true;
  if (tag === 'a' || tag === 'table' || tag === 'tbody' || tag === 'tr' || tag === 'td' || tag === 'p' || tag === 'code' || tag === 'pre') return false;
  const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
  return names.length > 1 && UNLIKELY_RE.test(names) && !MAYBE_CANDIDATE_RE.test(names);
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
