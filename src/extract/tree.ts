/**
 * @module extract/tree — a lean HTML tree built in one pass with htmlparser2's tokenizer callbacks.
 * Only what extraction needs is kept: elements (lower-case tag, attributes, children) and text.
 * Scripts, styles and other non-content subtrees are dropped while parsing; JSON-LD blocks are kept
 * aside for metadata.
 */
import { VOID_TAGS } from './build.ts';

/** A text node (entities already decoded). */
export interface TextNode {
  type: 'text';
  text: string;
  parent: ElementNode | null;
}

/** An element node. */
export interface ElementNode {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: TreeNode[];
  parent: ElementNode | null;
}

export type TreeNode = TextNode | ElementNode;

/** A parsed page: the root element and the JSON-LD script bodies met on the way. */
export interface ParsedPage {
  root: ElementNode;
  jsonLd: string[];
  /** Elements nested deeper than MAX_DEPTH were flattened into their ancestor at that depth. */
  isFlattened: boolean;
}

export { MAX_DEPTH, parseHtml, VOID_TAGS } from './build.ts';

/** Create a detached element (used for new wrappers and in tests). */
export function createElement(tag: string, attrs: Record<string, string> = {}): ElementNode {
  return { type: 'element', tag, attrs, children: [], parent: null };
}

/** Depth-first visit of every element under `node` (including it); return false from `visit` to skip children. */
export function walkElements(node: ElementNode, visit: (el: ElementNode) => boolean): void {
  const stack: ElementNode[] = [node];
  while (stack.length > 0) {
    const el = stack.pop();
    if (el === undefined) break;
    if (visit(el) === false) continue;
    for (let i = el.children.length - 1; i >= 0; i--) {
      const child = el.children[i];
      if (child !== undefined && child.type === 'element') stack.push(child);
    }
  }
}

/** All text under a node, concatenated as-is (a <br> counts as a line break). */
export function textOf(node: TreeNode): string {
  if (node.type === 'text') return node.text;
  if (node.tag === 'br') return '\n';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Remove a node from its parent. */
export function detach(node: TreeNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
  node.parent = null;
}

/** Find the first element matching `test`, depth-first. */
export function findElement(node: ElementNode, test: (el: ElementNode) => boolean): ElementNode | null {
  let found: ElementNode | null = null;
  walkElements(node, (el) => {
    if (found !== null) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

const ESCAPE_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (s: string): string => s.replace(/[&<>]/g, (c) => ESCAPE_TEXT[c] ?? c);
const escapeAttr = (s: string): string => s.replace(/[&<>"]/g, (c) => ESCAPE_TEXT[c] ?? c);

/** Serialize the children of `node` (or the node itself with `outer`) back to HTML. */
export function serialize(node: TreeNode, outer = false): string {
  const parts: string[] = [];
  const emit = (n: TreeNode): void => {
    if (n.type === 'text') {
      parts.push(escapeText(n.text));
      return;
    }
    let open = `<${n.tag}`;
    for (const [k, v] of Object.entries(n.attrs)) open += ` ${k}="${escapeAttr(v)}"`;
    parts.push(`${open}>`);
    if (VOID_TAGS.has(n.tag)) return;
    for (const c of n.children) emit(c);
    parts.push(`</${n.tag}>`);
  };
  if (node.type === 'text' || outer) emit(node);
  else for (const c of node.children) emit(c);
  return parts.join('');
}

/** Elements kept even when they hold no text (media, breaks, table cells). */
const KEEP_EMPTY_TAGS = new Set(['img', 'br', 'hr', 'td', 'th', 'tr', 'source', 'picture', 'video', 'audio', 'col', 'wbr']);

/**
 * Tidy a subtree for republishing, in place: drop elements left without text or media (wrappers of
 * removed widgets) and collapse whitespace-only text to one space or newline. <pre> is left alone.
 * @returns whether the subtree has any text or media left
 */
export function tidyTree(el: ElementNode): boolean {
  if (el.tag === 'pre') return true;
  let hasContent = false;
  const kept: TreeNode[] = [];
  for (const c of el.children) {
    if (c.type === 'text') {
      const last = kept[kept.length - 1];
      if (last !== undefined && last.type === 'text') last.text += c.text;
      else kept.push(c);
      continue;
    }
    if (tidyTree(c) || KEEP_EMPTY_TAGS.has(c.tag)) {
      hasContent = true;
      const only = c.tag === 'div' ? onlyElementChild(c) : null;
      if (only !== null) only.parent = el;
      kept.push(only ?? c);
    } else c.parent = null;
  }
  for (const c of kept) {
    if (c.type !== 'text') continue;
    if (/\S/.test(c.text)) hasContent = true;
    else c.text = c.text.includes('\n') ? '\n' : ' ';
  }
  el.children = kept;
  return hasContent;
}

/** The single element child of `el` when everything else in it is whitespace, else null. */
function onlyElementChild(el: ElementNode): ElementNode | null {
  let only: ElementNode | null = null;
  for (const c of el.children) {
    if (c.type === 'text') {
      if (/\S/.test(c.text)) return null;
    } else if (only !== null) return null;
    else only = c;
  }
  return only;
}
