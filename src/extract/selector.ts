/**
 * @module extract/selector — the small selector language of site rules: comma-separated compound
 * selectors made of an optional tag, `#id`, `.class` parts and `[attr]` / `[attr=value]` parts.
 */
import type { ElementNode } from './tree.ts';

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: Array<{ name: string; value: string | null }>;
}

const PART_RE = /([#.]?)([\w-]+)|\[([\w-]+)(?:=["']?([^"'\]]*)["']?)?\]/g;

/** Compile a selector list into a predicate over elements. Unparseable parts never match. */
export function compileSelector(selector: string): (el: ElementNode) => boolean {
  const compounds: Compound[] = selector.split(',').map((s) => s.trim()).filter((s) => s !== '').map(parseCompound);
  return (el) => compounds.some((c) => matches(el, c));
}

function parseCompound(s: string): Compound {
  const c: Compound = { tag: null, id: null, classes: [], attrs: [] };
  for (const m of s.matchAll(PART_RE)) {
    if (m[3] !== undefined) c.attrs.push({ name: m[3].toLowerCase(), value: m[4] ?? null });
    else if (m[1] === '#') c.id = m[2] ?? null;
    else if (m[1] === '.') c.classes.push(m[2] ?? '');
    else c.tag = (m[2] ?? '').toLowerCase();
  }
  return c;
}

function matches(el: ElementNode, c: Compound): boolean {
  if (c.tag !== null && el.tag !== c.tag) return false;
  if (c.id !== null && el.attrs.id !== c.id) return false;
  if (c.classes.length > 0) {
    const own = (el.attrs.class ?? '').split(/\s+/);
    if (!c.classes.every((k) => own.includes(k))) return false;
  }
  return c.attrs.every((a) => {
    const v = el.attrs[a.name];
    return v !== undefined && (a.value === null || v === a.value);
  });
}
