/**
 * @module extract/readability — Mozilla Readability on linkedom: the baseline main-content finder
 * (used by the benchmark for comparison and as a fallback when our scorer finds nothing).
 * Both libraries are loaded on first use: most pages never need them, and each worker saves their
 * memory (~30 MB).
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';

/** Readability's view of a page, or null when it finds no article. */
export interface ReadabilityResult {
  title: string;
  html: string;
  text: string;
}

interface Libraries {
  Readability: typeof ReadabilityClass;
  parseHTML: typeof ParseHtml;
}

let libraries: Libraries | null = null;

function load(): Libraries {
  if (libraries === null) {
    const require = createRequire(import.meta.url);
    const { Readability } = require('@mozilla/readability') as { Readability: typeof ReadabilityClass };
    const { parseHTML } = require('linkedom') as { parseHTML: typeof ParseHtml };
    libraries = { Readability, parseHTML };
  }
  return libraries;
}

/** Run Readability on linkedom. Never throws. */
export function readabilityExtract(html: string, pageUrl: string): ReadabilityResult | null {
  try {
    const { Readability, parseHTML } = load();
    const { document } = parseHTML(html);
    const base = document.createElement('base');
    base.setAttribute('href', pageUrl);
    document.head?.appendChild(base);
    const parsed = new Readability(document as unknown as Document).parse();
    if (parsed === null) return null;
    return { title: parsed.title ?? '', html: parsed.content ?? '', text: parsed.textContent ?? '' };
  } catch {
    return null;
  }
}
