/**
 * @module extract/build — builds the lean tree straight from htmlparser2's Tokenizer. htmlparser2's
 * Parser keeps its open-element stack with unshift/indexOf (quadratic on runaway nesting) and builds
 * attribute objects and strings we then copy; this builder keeps its own stack and applies the same
 * HTML implied-close rules (a new <p> closes an open <p>, <li> closes <li>, cells close cells…).
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { ElementNode, ParsedPage } from './tree.ts';

/** Deepest element nesting kept; deeper tags are flattened (their text stays). Bounds recursion. */
export const MAX_DEPTH = 400;

/** Subtrees never rendered as article content; dropped while building. */
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'textarea', 'button']);
/** Elements without content or closing tag. */
export const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
/** Opening the key tag closes an open element of these names at the top of the stack (HTML rules). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', P],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h): [string, Set<string>] => [h, HEADINGS]),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, Set<string>] => [t, FORM]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t): [string, Set<string>] => [t, P]),
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
]);

interface Open {
  name: string;
  /** The element this entry created, or null when it was flattened (past MAX_DEPTH). */
  el: ElementNode | null;
  /** Where content goes while this entry is on top: `el`, or for a flattened entry its nearest real ancestor. */
  target: ElementNode;
}

/** Parse HTML into a lean tree. Never throws; bounded in depth; linear in input size. */
export function parseHtml(html: string): ParsedPage {
  const root: ElementNode = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  const jsonLd: string[] = [];
  const stack: Open[] = [];
  let current = root;
  let depth = 0;
  let isFlattened = false;
  // Inside a dropped subtree: the names opened in it (closing the first one ends the skip).
  let skip: string[] | null = null;
  let ldBuffer: string | null = null;
  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';

  const appendText = (data: string): void => {
    if (skip !== null) {
      if (ldBuffer !== null) ldBuffer += data;
      return;
    }
    const last = current.children[current.children.length - 1];
    if (last !== undefined && last.type === 'text') last.text += data;
    else current.children.push({ type: 'text', text: data, parent: current });
  };
  const pop = (): void => {
    const top = stack.pop();
    if (top === undefined) return;
    if (top.el !== null) depth -= 1;
    current = stack[stack.length - 1]?.target ?? root;
  };
  const openTag = (): void => {
    const name = tagName;
    tagName = '';
    if (name === '') return;
    const isVoid = VOID_TAGS.has(name);
    if (skip !== null) {
      if (!isVoid) skip.push(name);
      return;
    }
    if (DROPPED_TAGS.has(name)) {
      if (isVoid) return;
      skip = [name];
      if (name === 'script' && (attrs.type ?? '').toLowerCase().includes('ld+json')) ldBuffer = '';
      return;
    }
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes !== undefined) while (stack.length > 0 && closes.has(stack[stack.length - 1]?.name ?? '')) pop();
    if (depth >= MAX_DEPTH) {
      isFlattened = true;
      if (!isVoid) stack.push({ name, el: null, target: current });
      return;
    }
    const el: ElementNode = { type: 'element', tag: name, attrs, children: [], parent: current };
    current.children.push(el);
    if (isVoid) return;
    stack.push({ name, el, target: el });
    depth += 1;
    current = el;
  };
  const closeTag = (name: string): void => {
    if (skip !== null) {
      const i = skip.lastIndexOf(name);
      if (i < 0) return;
      skip.length = i;
      if (skip.length > 0) return;
      skip = null;
      if (ldBuffer !== null) jsonLd.push(ldBuffer);
      ldBuffer = null;
      return;
    }
    if (VOID_TAGS.has(name)) {
      if (name === 'br') current.children.push({ type: 'element', tag: 'br', attrs: {}, children: [], parent: current });
      return;
    }
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]?.name !== name) continue;
      while (stack.length > i) pop();
      return;
    }
  };

  const cbs: TokenizerCallbacks = {
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(cp) {
      attrValue += String.fromCodePoint(cp);
    },
    onattribend() {
      // First value wins; "__proto__" would set the prototype of a plain object, so it is dropped.
      if (tagName !== '' && attrName !== '__proto__' && !Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue;
      attrValue = '';
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
    onopentagname(start, end) {
      tagName = html.slice(start, end).toLowerCase();
      attrs = {};
    },
    onopentagend() {
      openTag();
    },
    onselfclosingtag() {
      openTag();
    },
    onclosetag(start, end) {
      closeTag(html.slice(start, end).toLowerCase());
    },
    ontext(start, end) {
      appendText(html.slice(start, end));
    },
    ontextentity(cp) {
      appendText(String.fromCodePoint(cp));
    },
    isInForeignContext: () => false,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
  tokenizer.write(html);
  tokenizer.end();
  return { root, jsonLd, isFlattened };
}
