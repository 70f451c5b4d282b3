/**
 * @module extract/content — find the main content of a page.
 */
import { readabilityExtract } from './readability.ts';
import { type ElementNode, type ParsedPage, parseHtml } from './tree.ts';

/** The main content found on a page. */
export interface MainContent {
  node: ElementNode;
  title: string | null;
  warnings: string[];
}

/** The element holding the article body, or null when the page has none. */
export function findMainContent(_page: ParsedPage, html: string, pageUrl: string): MainContent | null {
  const r = readabilityExtract(html, pageUrl);
  if (r === null) return null;
  return { node: parseHtml(r.html).root, title: r.title === '' ? null : r.title, warnings: [] };
}
