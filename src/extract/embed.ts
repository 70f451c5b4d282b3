/**
 * @module extract/embed — embedded social posts (tweets, Instagram, TikTok) quoted in an article are
 * content, even though their wrappers carry "social"/"media" class names and many links.
 */
import type { ElementNode } from './tree.ts';

/** Class names of embedded social posts and their wrappers. */
export const EMBED_RE = /(?:^|[-_\s])(?:embed|embedded|tweet|twitter-tweet|instagram-media|tiktok-embed)(?:[-_\s]|$)/i;
/** Levels below an element searched for an embedded post. */
const EMBED_SEARCH_DEPTH = 3;

/** True when the element is, or wraps within a few levels, an embedded social post. */
export function isEmbeddedPost(el: ElementNode, depth = 0): boolean {
  if (EMBED_RE.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`)) return true;
  if (depth >= EMBED_SEARCH_DEPTH) return false;
  for (const c of el.children) if (c.type === 'element' && isEmbeddedPost(c, depth + 1)) return true;
  return false;
}
