/**
 * @module extract/text — plain text from a tree: block elements become paragraphs separated by a
 * blank line, inline whitespace collapses to one space, <br> becomes a line break.
 */
import type { ElementNode, TreeNode } from './tree.ts';

/** Elements that start a new paragraph in plain text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'center', 'html',
]);

/** Collapse runs of whitespace (including non-breaking spaces) to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Class names of image captions and credits. */
const CAPTION_CLASS_RE = /(?:^|[\s_-])(?:caption|captions|credit|credits|photo-?credit|image-?credit|newscaption|wp-caption-text|figcaption)(?:$|[\s_-])/i;

/**
 * Image captions and credits: kept in the article HTML (beside their image), left out of the plain
 * text, which is the article's prose (search, excerpt, word count, dedupe).
 */
export function isCaption(el: ElementNode): boolean {
  if (el.tag === 'figcaption') return true;
  const cls = el.attrs.class;
  return cls !== undefined && CAPTION_CLASS_RE.test(cls);
}

/** Plain text of a subtree: paragraphs separated by blank lines; captions are left out. */
export function blockText(node: ElementNode): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  const flushLine = (): void => {
    const t = collapseWhitespace(line);
    if (t !== '') lines.push(t);
    line = '';
  };
  const flushParagraph = (): void => {
    flushLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const visit = (n: TreeNode): void => {
    if (n.type === 'text') {
      line += n.text;
      return;
    }
    if (n.tag === 'br') {
      flushLine();
      return;
    }
    if (n !== node && isCaption(n)) return;
    if (n.tag === 'pre') {
      flushParagraph();
      paragraphs.push(textPreserved(n));
      return;
    }
    const isBlock = BLOCK_TAGS.has(n.tag);
    if (isBlock) flushParagraph();
    else if (n.tag === 'img' || n.tag === 'td' || n.tag === 'th') line += ' ';
    for (const c of n.children) visit(c);
    if (isBlock) flushParagraph();
  };
  visit(node);
  flushParagraph();
  return paragraphs.filter((p) => p.trim() !== '').join('\n\n');
}

function textPreserved(n: ElementNode): string {
  let out = '';
  for (const c of n.children) out += c.type === 'text' ? c.text : c.tag === 'br' ? '\n' : textPreserved(c);
  return out.replace(/^\n+|\s+$/g, '');
}
