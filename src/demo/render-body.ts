/**
 * @module demo/render-body — the article body as HTML, shared by the pages and the full-content feeds.
 * A syndicated copy gets the wrappers aggregators add: a "Source:" line and an "appeared first on" footer.
 */
import { escapeHtml } from './html.ts';
import type { SiteArticle } from './site.ts';
import type { DemoBlock } from './types.ts';

/** HTML of one body block. */
export function renderBlock(block: DemoBlock): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  if ('heading' in block) return `<h2>${escapeHtml(block.heading)}</h2>`;
  if ('quote' in block) {
    const cite = block.cite ? `<cite>${escapeHtml(block.cite)}</cite>` : '';
    return `<blockquote><p>${escapeHtml(block.quote)}</p>${cite}</blockquote>`;
  }
  return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** The "Source: <url>" line a syndicated copy opens with, or '' for an original. */
export function renderSourceLine(item: SiteArticle): string {
  if (!item.origin) return '';
  const url = escapeHtml(item.origin.url);
  return `<p class="syndication-source"><strong>Source:</strong> <a href="${url}" rel="nofollow">${url}</a></p>`;
}

/** The "The post … appeared first on …" footer of a syndicated copy, or '' for an original. */
export function renderAppearedFirst(item: SiteArticle): string {
  const origin = item.origin;
  if (!origin) return '';
  return (
    `<p class="syndication-footer">The post <a href="${escapeHtml(origin.url)}" rel="nofollow">` +
    `${escapeHtml(origin.article.title)}</a> appeared first on ` +
    `<a href="${escapeHtml(origin.homeUrl)}">` +
    `${escapeHtml(origin.outlet.name)}</a>.</p>`
  );
}

/** The lead image as a figure. */
export function renderFigure(item: SiteArticle, className = 'lead-image'): string {
  const { alt, caption } = item.article.image;
  return (
    `<figure class="${className}"><img src="${escapeHtml(item.imageUrl)}" width="640" height="360" ` +
    `alt="${escapeHtml(alt)}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}

/** The full body as feeds carry it (content:encoded, content_html): figure, blocks, wrappers. */
export function renderContentHtml(item: SiteArticle): string {
  return [
    renderSourceLine(item),
    renderFigure(item),
    ...item.article.body.map(renderBlock),
    renderAppearedFirst(item),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** Plain text of the body blocks (for word counts in tests and labelled sets). */
export function bodyText(blocks: readonly DemoBlock[]): string {
  return blocks
    .map((block) => {
      if (typeof block === 'string') return block;
      if ('heading' in block) return block.heading;
      if ('quote' in block) return block.quote;
      return block.list.join('\n');
    })
    .join('\n\n');
}
