/**
 * @module demo/render-page — HTML pages of the demo sites: article pages with full page chrome and
 * metadata (canonical, Open Graph, JSON-LD NewsArticle), outlet home and section pages with feed
 * autodiscovery, and an index of the demo publications.
 */
import { escapeHtml, jsonForScript, slugify } from './html.ts';
import { PAGE_SKINS, type PageSkin } from './page-skins.ts';
import { bodyText, renderAppearedFirst, renderBlock, renderFigure, renderSourceLine } from './render-body.ts';
import {
  formatDate,
  renderAd,
  renderAuthorBox,
  renderBreadcrumbs,
  renderCookieNotice,
  renderFooter,
  renderHeader,
  renderNewsletter,
  renderRelated,
  renderShareBar,
  renderSidebar,
} from './render-chrome.ts';
import {
  renderComments,
  renderListenBar,
  renderReadAlso,
  renderSponsored,
  renderStandards,
  renderTickerTape,
} from './render-extras.ts';
import type { SiteArticle, SiteOutlet } from './site.ts';
import type { DemoFeedFormat } from './types.ts';

/** Words per minute used for the "N min read" label. */
const WORDS_PER_MINUTE = 230;

/** MIME type of each feed format, as advertised in `<link rel="alternate">`. */
export const FEED_MIME: Record<DemoFeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
  rdf: 'application/rdf+xml',
};

interface HeadOptions {
  title: string;
  description: string;
  canonical: string;
  extra: string[];
}

function renderDocument(site: SiteOutlet, lang: string, bodyClass: string, head: HeadOptions, body: string[]): string {
  const { outlet } = site;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(head.title)}</title>`,
    `<meta name="description" content="${escapeHtml(head.description)}">`,
    `<link rel="canonical" href="${escapeHtml(head.canonical)}">`,
    `<link rel="alternate" type="${FEED_MIME[outlet.format]}" title="${escapeHtml(outlet.name)}" href="${escapeHtml(site.feedUrl)}">`,
    `<meta property="og:site_name" content="${escapeHtml(outlet.name)}">`,
    ...head.extra,
    `<style>body{font-family:Georgia,serif;margin:0;color:#1d1d1d}a{color:${outlet.theme.accent}}header,footer{background:#f4f4f4;padding:1rem}main{max-width:46rem;margin:auto;padding:1rem}</style>`,
    '<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({ event: "pageview" });</script>',
    '</head>',
    `<body class="${escapeHtml(bodyClass)}">`,
    ...body,
    '</body>',
    '</html>',
  ].join('\n');
}

function newsArticleJsonLd(item: SiteArticle): Record<string, unknown> {
  const { article, outlet } = item;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    image: [item.imageUrl],
    datePublished: item.publishedAt.toISOString(),
    dateModified: (item.updatedAt ?? item.publishedAt).toISOString(),
    inLanguage: item.lang,
    articleSection: article.section,
    keywords: article.tags,
    author: [{ '@type': 'Person', name: article.author.name, url: `${item.homeUrl}author/${slugify(article.author.name)}/` }],
    publisher: { '@type': 'Organization', name: outlet.name, url: item.homeUrl },
    mainEntityOfPage: { '@type': 'WebPage', '@id': item.url },
    ...(item.origin ? { isBasedOn: item.origin.url } : {}),
  };
}

/** JSON-LD of a page: the NewsArticle alone, or inside an SEO plugin's `@graph`. */
function jsonLdOf(item: SiteArticle, skin: PageSkin): unknown {
  const article = newsArticleJsonLd(item);
  if (!skin.jsonLdGraph) return article;
  const { '@context': context, ...node } = article;
  const crumbs = [
    { name: 'Home', url: item.homeUrl },
    { name: item.article.section, url: `${item.homeUrl}section/${slugify(item.article.section)}/` },
    { name: item.article.title, url: item.url },
  ];
  return {
    '@context': context,
    '@graph': [
      { '@type': 'WebSite', '@id': `${item.homeUrl}#website`, name: item.outlet.name, url: item.homeUrl },
      {
        '@type': 'BreadcrumbList',
        itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
      },
      { ...node, isPartOf: { '@id': `${item.homeUrl}#website` } },
    ],
  };
}

function articleHead(item: SiteArticle, skin: PageSkin): HeadOptions {
  const { article, outlet } = item;
  const published = item.publishedAt.toISOString();
  const modified = (item.updatedAt ?? item.publishedAt).toISOString();
  return {
    title: `${article.title} | ${outlet.name}`,
    description: article.summary,
    canonical: item.url,
    extra: [
      `<meta name="author" content="${escapeHtml(article.author.name)}">`,
      '<meta property="og:type" content="article">',
      `<meta property="og:title" content="${escapeHtml(article.title)}">`,
      `<meta property="og:description" content="${escapeHtml(article.summary)}">`,
      `<meta property="og:url" content="${escapeHtml(item.url)}">`,
      `<meta property="og:image" content="${escapeHtml(item.imageUrl)}">`,
      `<meta property="og:locale" content="${item.lang === 'es' ? 'es_ES' : 'en_US'}">`,
      `<meta property="article:published_time" content="${published}">`,
      `<meta property="article:modified_time" content="${modified}">`,
      `<meta property="article:section" content="${escapeHtml(article.section)}">`,
      ...article.tags.map((tag) => `<meta property="article:tag" content="${escapeHtml(tag)}">`),
      '<meta name="twitter:card" content="summary_large_image">',
      `<script type="application/ld+json">${jsonForScript(jsonLdOf(item, skin))}</script>`,
    ],
  };
}

/** Body blocks with the newsletter call-to-action and the advertisement slotted between paragraphs. */
function renderBodyWithInserts(site: SiteOutlet, item: SiteArticle, skin: PageSkin): string[] {
  const out: string[] = [];
  let paragraphs = 0;
  for (const block of item.article.body) {
    out.push(renderBlock(block));
    if (typeof block !== 'string') continue;
    paragraphs++;
    if (paragraphs === skin.newsletterAfter) out.push(renderNewsletter(site, skin));
    if (paragraphs === skin.adAfter) out.push(renderAd(skin, 'inarticle-1'));
    if (paragraphs === skin.readAlsoAfter) out.push(renderReadAlso(site, item, skin));
  }
  return out;
}

function readingMinutes(item: SiteArticle): number {
  const words = bodyText(item.article.body).split(/\s+/).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function renderMeta(item: SiteArticle, skin: PageSkin): string {
  const { lang } = item;
  const byWord = lang === 'es' ? 'Por' : 'By';
  const updated = item.updatedAt
    ? ` <span class="updated">${lang === 'es' ? 'Actualizado' : 'Updated'} <time datetime="${item.updatedAt.toISOString()}">${formatDate(item.updatedAt, lang)}</time></span>`
    : '';
  return (
    `<div class="${skin.metaClass}"><span class="byline">${byWord} <a rel="author" href="${escapeHtml(`${item.outlet.path}/author/${slugify(item.article.author.name)}/`)}">${escapeHtml(item.article.author.name)}</a></span> ` +
    `<time class="published" datetime="${item.publishedAt.toISOString()}">${formatDate(item.publishedAt, lang)}</time>${updated} ` +
    `<span class="reading-time">${readingMinutes(item)} min read</span></div>`
  );
}

/** The full HTML page of one article, wrapped in its site's chrome. */
export function renderArticlePage(site: SiteOutlet, item: SiteArticle): string {
  const skin = PAGE_SKINS[site.outlet.theme.markup];
  const share = renderShareBar(item, skin);
  const tags = item.article.tags
    .map((tag) => `<li><a href="${escapeHtml(`${site.outlet.path}/tag/${slugify(tag)}/`)}">${escapeHtml(tag)}</a></li>`)
    .join('');
  const article = [
    `<article id="post-${item.article.id}" class="${skin.articleClass}">`,
    `<header class="article-header"><p class="kicker">${escapeHtml(item.article.section)}</p>`,
    `<h1 class="${skin.titleClass}">${escapeHtml(item.article.title)}</h1>`,
    `<p class="${skin.dekClass}">${escapeHtml(item.article.summary)}</p>`,
    renderMeta(item, skin),
    '</header>',
    skin.sharePosition === 'bottom' ? '' : share,
    renderFigure(item),
    renderListenBar(readingMinutes(item), skin),
    `<div class="${skin.contentClass}">`,
    renderSourceLine(item),
    ...renderBodyWithInserts(site, item, skin),
    renderAppearedFirst(item),
    '</div>',
    renderStandards(skin),
    `<footer class="article-footer"><ul class="tags">${tags}</ul></footer>`,
    skin.sharePosition === 'top' ? '' : share,
    renderAuthorBox(item, skin),
    renderRelated(site, item, skin),
    renderSponsored(site, skin),
    renderComments(item, skin),
    '</article>',
  ].filter((part) => part !== '');
  const main = skin.hasSidebar
    ? [`<main id="main" class="container"><div class="row">`, ...article, renderSidebar(site, item, skin), '</div></main>']
    : ['<main id="main">', ...article, '</main>'];
  return renderDocument(site, item.lang, skin.bodyClass, articleHead(item, skin), [
    renderCookieNotice(skin),
    renderTickerTape(site),
    renderHeader(site, skin),
    renderBreadcrumbs(site, item, skin),
    ...main,
    renderFooter(site, skin),
  ]);
}

function teaser(item: SiteArticle): string {
  return (
    `<li class="teaser"><a href="${escapeHtml(item.path)}"><h2>${escapeHtml(item.article.title)}</h2></a>` +
    `<p>${escapeHtml(item.article.summary)}</p><p class="teaser-meta">${escapeHtml(item.article.author.name)} · ` +
    `<time datetime="${item.publishedAt.toISOString()}">${formatDate(item.publishedAt, item.lang)}</time></p></li>`
  );
}

/** An outlet's home page (or one of its section pages when `section` is given), newest first. */
export function renderHomePage(site: SiteOutlet, section?: string): string {
  const skin = PAGE_SKINS[site.outlet.theme.markup];
  const items = section ? site.articles.filter((a) => slugify(a.article.section) === section) : site.articles;
  const heading = section
    ? (site.outlet.theme.nav.find((label) => slugify(label) === section) ?? section)
    : 'Latest';
  const canonical = section ? `${site.homeUrl}section/${section}/` : site.homeUrl;
  return renderDocument(
    site,
    site.outlet.lang,
    `${skin.bodyClass} home`,
    { title: `${site.outlet.name} — ${site.outlet.tagline}`, description: site.outlet.tagline, canonical, extra: [] },
    [
      renderCookieNotice(skin),
      renderTickerTape(site),
      renderHeader(site, skin),
      `<main id="main"><h1>${escapeHtml(heading)}</h1>`,
      items.length ? `<ul class="river">${items.map(teaser).join('\n')}</ul>` : '<p>No stories in this section yet.</p>',
      renderNewsletter(site, skin),
      '</main>',
      renderFooter(site, skin),
    ],
  );
}

/** The demo server's root: a plain list of the demo publications and their feeds. */
export function renderIndexPage(sites: readonly SiteOutlet[]): string {
  const rows = sites
    .map(
      (s) =>
        `<li><a href="${escapeHtml(s.homePath)}">${escapeHtml(s.outlet.name)}</a> — ${escapeHtml(s.outlet.tagline)} ` +
        `(<a href="${escapeHtml(s.feedPath)}">${s.outlet.format.toUpperCase()} feed</a>, ${s.articles.length} articles)</li>`,
    )
    .join('\n');
  const links = sites.map(
    (s) => `<link rel="alternate" type="${FEED_MIME[s.outlet.format]}" title="${escapeHtml(s.outlet.name)}" href="${escapeHtml(s.feedUrl)}">`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>tickerwire demo sources</title>',
    ...links,
    '</head>',
    '<body><main><h1>tickerwire demo sources</h1>',
    '<p>These publications are fictional and their articles were written for the tickerwire demo.</p>',
    `<ul>${rows}</ul></main></body>`,
    '</html>',
  ].join('\n');
}
