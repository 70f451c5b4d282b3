/**
 * @module extract/readability — Mozilla Readability on linkedom: the baseline main-content finder
 * (used by the benchmark for comparison and as a fallback when our scorer finds nothing).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Readability's view of a page, or null when it finds no article. */
export interface ReadabilityResult {
  title: string;
  html: string;
  text: string;
}

/** Run Readability on linkedom. Never throws. */
export function readabilityExtract(html: string, pageUrl: string): ReadabilityResult | null {
  try {
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
