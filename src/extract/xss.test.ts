/**
 * Static XSS checks: every vector of the DOMPurify and OWASP corpora, sanitized directly and as the
 * body of a page through extractArticle, must come out without script-capable markup.
 */
import { Parser } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { extractArticle } from './index.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { loadXssVectors, XSS_DIR } from './testdata/xss-corpus.ts';

const BASE = 'https://news.example.com/story.html';
const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'link', 'meta', 'base', 'template', 'xml', 'import', 'isindex', 'marquee', 'video', 'audio', 'animate', 'set']);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'cite', 'data', 'lowsrc', 'dynsrc']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,/i;

/** Problems found in sanitized HTML (empty when safe). */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (FORBIDDEN_TAGS.has(name)) problems.push(`<${name}>`);
        for (const [k, v] of Object.entries(attrs)) {
          if (k.startsWith('on')) problems.push(`${name}[${k}]`);
          if (k === 'style') problems.push(`${name}[style]`);
          if (!URL_ATTRS.has(k)) continue;
          // Browsers ignore whitespace and control characters inside a URL scheme ("jav\tascript:").
          const compact = [...v].filter((ch) => ch.charCodeAt(0) > 32).join('').toLowerCase();
          if (/^(?:javascript|vbscript|livescript|mocha):/.test(compact)) problems.push(`${name}[${k}]=${compact.slice(0, 30)}`);
          if (compact.startsWith('data:') && !(name === 'img' && k === 'src' && SAFE_DATA_IMAGE.test(compact))) problems.push(`${name}[${k}]=data:`);
          if (name === 'a' && k === 'href' && !/^(?:https?|mailto):/.test(compact)) problems.push(`a[href]=${compact.slice(0, 30)}`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return problems;
}

const vectors = loadXssVectors();
if (vectors === null) console.warn(`xss corpora not found in ${XSS_DIR}: corpus tests skipped`);

describe('unsafeParts (the checker itself)', () => {
  test('flags raw vectors', () => {
    expect(unsafeParts('<img src=x onerror=alert(1)>')).not.toEqual([]);
    expect(unsafeParts('<a href=" jav&#x09;ascript:alert(1)">x</a>')).not.toEqual([]);
    expect(unsafeParts('<svg><script>alert(1)</script></svg>')).not.toEqual([]);
    expect(unsafeParts('<p>fine <a href="https://a.example/">ok</a></p>')).toEqual([]);
  });
});

describe.skipIf(vectors === null)('XSS corpora (static)', () => {
  test('corpora are loaded', () => {
    expect(vectors?.length ?? 0).toBeGreaterThan(300);
  });

  test.each((vectors ?? []).map((v) => [v.id, v.payload] as const))('%s: sanitizer output is inert', (_id, payload) => {
    expect(unsafeParts(sanitizeArticleHtml(payload, BASE))).toEqual([]);
  });

  test('extractArticle output is inert for every vector placed inside an article', () => {
    const filler = '<p>The harbour board met on Monday to discuss the budget for the coming year, and members agreed on most items after a long debate about repairs.</p>';
    const failures: string[] = [];
    for (const v of vectors ?? []) {
      const page = `<html><head><title>Budget</title></head><body><article>${filler}<div>${v.payload}</div>${filler}</article></body></html>`;
      const r = extractArticle(page, BASE);
      if (r.kind !== 'article') continue;
      const problems = unsafeParts(r.article.html);
      if (problems.length > 0) failures.push(`${v.id}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});
