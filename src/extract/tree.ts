/**
 * @module extract/tree — a lean HTML tree built in one pass with htmlparser2's tokenizer callbacks.
 * Only what extraction needs is kept: elements (lower-case tag, attributes, children) and text.
 * Scripts, styles and other non-content subtrees are dropped while parsing; JSON-LD blocks are kept
 * aside for metadata.
 */
import { Parser } from 'htmlparser2';

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
  /** Parsing stopped early (at this character offset) because nesting ran away; null when complete. */
  stoppedAt: number | null;
}

/** Deepest element nesting kept; deeper tags are flattened (their text stays). Bounds recursion. */
export const MAX_DEPTH = 400;
/**
 * Unclosed tags beyond MAX_DEPTH after which parsing stops: htmlparser2 keeps its open-element stack
 * with unshift/indexOf, so runaway nesting would cost quadratic time.
 */
const MAX_OVERFLOW = 3000;
/** Input is fed to the parser in chunks of this size so a runaway page can be stopped early. */
const CHUNK_CHARS = 16_384;

/** Subtrees never rendered as article content; dropped at parse time. */
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'textarea', 'button']);

/** Elements without content or closing tag. */
export const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Create a detached element (used for new wrappers and in tests). */
export function createElement(tag: string, attrs: Record<string, string> = {}): ElementNode {
  return { type: 'element', tag, attrs, children: [], parent: null };
}

/** Parse HTML into a lean tree. Never throws: htmlparser2 is lenient and recovers from any input. */
export function parseHtml(html: string): ParsedPage {
  const root = createElement('#root');
  const jsonLd: string[] = [];
  let current = root;
  let depth = 0;
  let overflow = 0;
  let isFlattened = false;
  let stopped = false;
  let stoppedAt: number | null = null;
  let skipDepth = 0;
  let ldBuffer: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stopped) return;
        if (skipDepth > 0) {
          skipDepth += 1;
          return;
        }
        if (DROPPED_TAGS.has(name)) {
          skipDepth = 1;
          if (name === 'script' && (attribs.type ?? '').toLowerCase().includes('ld+json')) ldBuffer = '';
          return;
        }
        if (depth >= MAX_DEPTH) {
          overflow += 1;
          isFlattened = true;
          if (overflow > MAX_OVERFLOW) stopped = true;
          return;
        }
        const el: ElementNode = { type: 'element', tag: name, attrs: attribs, children: [], parent: current };
        current.children.push(el);
        current = el;
        depth += 1;
      },
      ontext(data) {
        if (stopped) return;
        if (skipDepth > 0) {
          if (ldBuffer !== null) ldBuffer += data;
          return;
        }
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.type === 'text') last.text += data;
        else current.children.push({ type: 'text', text: data, parent: current });
      },
      onclosetag() {
        if (stopped) return;
        if (skipDepth > 0) {
          skipDepth -= 1;
          if (skipDepth === 0 && ldBuffer !== null) {
            jsonLd.push(ldBuffer);
            ldBuffer = null;
          }
          return;
        }
        if (overflow > 0) {
          overflow -= 1;
          return;
        }
        if (current.parent !== null) {
          current = current.parent;
          depth -= 1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  for (let i = 0; i < html.length; i += CHUNK_CHARS) {
    parser.write(html.slice(i, i + CHUNK_CHARS));
    if (stopped) {
      stoppedAt = i + CHUNK_CHARS;
      break;
    }
  }
  parser.end();
  return { root, jsonLd, isFlattened, stoppedAt };
}

/** Depth-first visit of every element under `node` (including it); return false from `visit` to skip children. */
export function walkElements(node: ElementNode, visit: (el: ElementNode) => boolean | void): void {
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

/** All text under a node, concatenated as-is. */
export function textOf(node: TreeNode): string {
  if (node.type === 'text') return node.text;
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
