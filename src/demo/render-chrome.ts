/**
 * @module demo/render-chrome — the page furniture around a demo article that an extractor must strip:
 * masthead and navigation, breadcrumbs, share bar, newsletter call-to-action, advertisement, author
 * box, related posts, sidebar, footer and cookie notice.
 */
import { escapeHtml, slugify } from './html.ts';
import type { PageSkin } from './page-skins.ts';
import type { SiteArticle, SiteOutlet } from './site.ts';

/** Human date in the page's language, always in UTC so the demo is deterministic. */
export function formatDate(date: Date, lang: string): string {
  const text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  return `${text} UTC`;
}

/** Path of a section page of an outlet. */
export function sectionPath(site: SiteOutlet, section: string): string {
  return `${site.outlet.path}/section/${slugify(section)}/`;
}

/** Masthead with the site navigation. */
export function renderHeader(site: SiteOutlet, skin: PageSkin): string {
  const { outlet } = site;
  const links = outlet.theme.nav
    .map((label) => `<li><a href="${escapeHtml(sectionPath(site, label))}">${escapeHtml(label)}</a></li>`)
    .join('');
  return [
    `<header class="${skin.headerClass}" role="banner">`,
    `<a class="skip-link" href="#main">Skip to content</a>`,
    `<div class="brand"><a href="${escapeHtml(site.homePath)}" rel="home">${escapeHtml(outlet.name)}</a>`,
    `<span class="tagline">${escapeHtml(outlet.tagline)}</span></div>`,
    `<nav class="${skin.navClass}" aria-label="Primary"><ul>${links}</ul></nav>`,
    `<form class="search-form" role="search" action="${escapeHtml(site.homePath)}"><label>Search <input type="search" name="q"></label><button>Go</button></form>`,
    `<a class="subscribe-button" href="${escapeHtml(site.homePath)}#subscribe">Subscribe</a>`,
    '</header>',
  ].join('\n');
}

/** Breadcrumb trail: Home › Section › (current page). */
export function renderBreadcrumbs(site: SiteOutlet, item: SiteArticle, skin: PageSkin): string {
  const section = item.article.section;
  return (
    `<nav class="${skin.breadcrumbClass}" aria-label="Breadcrumb"><ol>` +
    `<li><a href="${escapeHtml(site.homePath)}">Home</a></li>` +
    `<li><a href="${escapeHtml(sectionPath(site, section))}">${escapeHtml(section)}</a></li>` +
    `<li aria-current="page">${escapeHtml(item.article.title)}</li></ol></nav>`
  );
}

/** Row of share buttons. */
export function renderShareBar(item: SiteArticle, skin: PageSkin): string {
  const url = encodeURIComponent(item.url);
  const title = encodeURIComponent(item.article.title);
  const targets: Array<[string, string]> = [
    ['X', `https://x.com/intent/post?url=${url}&text=${title}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${url}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
    ['Email', `mailto:?subject=${title}&body=${url}`],
  ];
  const buttons = targets
    .map(([name, href]) => `<li><a class="share-${name.toLowerCase()}" href="${escapeHtml(href)}" rel="noopener" target="_blank">${name}</a></li>`)
    .join('');
  return `<div class="${skin.shareClass}"><span class="share-label">${escapeHtml(skin.shareLabel)}</span><ul>${buttons}<li><button type="button" class="copy-link">Copy link</button></li></ul></div>`;
}

/** Newsletter sign-up box placed inside the article body. */
export function renderNewsletter(site: SiteOutlet, skin: PageSkin): string {
  return [
    `<aside class="${skin.newsletterClass}" id="subscribe">`,
    `<h3>Sign up for our newsletter</h3>`,
    `<p>${escapeHtml(site.outlet.theme.newsletterPitch)}</p>`,
    `<form action="${escapeHtml(site.homePath)}newsletter" method="post"><label>Email address <input type="email" name="email" placeholder="you@example.com" required></label><button type="submit">Sign up</button></form>`,
    '<p class="fine-print">You can unsubscribe at any time. By signing up you agree to our privacy policy.</p>',
    '</aside>',
  ].join('\n');
}

/** An advertisement slot with its label. */
export function renderAd(skin: PageSkin, slot: string): string {
  return `<div class="${skin.adClass}" data-ad-slot="${escapeHtml(slot)}"><p class="ad-label">${escapeHtml(skin.adLabel)}</p><div class="ad-unit" style="min-height:250px"></div></div>`;
}

/** Author box with the byline's biography. */
export function renderAuthorBox(item: SiteArticle, skin: PageSkin): string {
  const { author } = item.article;
  return (
    `<section class="${skin.bioClass}"><h3>${escapeHtml(skin.bioHeading)}</h3>` +
    `<p class="author-name"><a href="${escapeHtml(`${item.outlet.path}/author/${slugify(author.name)}/`)}" rel="author">${escapeHtml(author.name)}</a></p>` +
    `<p class="author-description">${escapeHtml(author.bio)}</p></section>`
  );
}

/** "Related posts" / "Read more" block: the outlet's other newest articles. */
export function renderRelated(site: SiteOutlet, item: SiteArticle, skin: PageSkin): string {
  const others = site.articles.filter((a) => a !== item).slice(0, 3);
  const links = others
    .map((a) => `<li><a href="${escapeHtml(a.path)}">${escapeHtml(a.article.title)}</a> <span class="related-section">${escapeHtml(a.article.section)}</span></li>`)
    .join('');
  return `<section class="${skin.relatedClass}"><h3>${escapeHtml(skin.relatedHeading)}</h3><ul>${links}</ul></section>`;
}

/** Sidebar with a "Most read" list and a second ad (Bootstrap-style templates). */
export function renderSidebar(site: SiteOutlet, item: SiteArticle, skin: PageSkin): string {
  const popular = [...site.articles]
    .filter((a) => a !== item)
    .sort((a, b) => a.article.id - b.article.id)
    .slice(0, 4)
    .map((a, i) => `<li><span class="rank">${i + 1}</span> <a href="${escapeHtml(a.path)}">${escapeHtml(a.article.title)}</a></li>`)
    .join('');
  return `<aside class="col-md-4 sidebar" role="complementary"><section class="most-read"><h3>Most read</h3><ol>${popular}</ol></section>${renderAd(skin, 'sidebar-mpu')}</aside>`;
}

/** Site footer with the usual links. */
export function renderFooter(site: SiteOutlet, skin: PageSkin): string {
  const links = ['About us', 'Contact', 'Careers', 'Advertise', 'Privacy policy', 'Terms of use', 'Corrections']
    .map((label) => `<li><a href="${escapeHtml(`${site.homePath}${slugify(label)}/`)}">${label}</a></li>`)
    .join('');
  return [
    `<footer class="${skin.footerClass}" role="contentinfo">`,
    `<nav aria-label="Footer"><ul>${links}</ul></nav>`,
    `<p class="footer-note">${escapeHtml(site.outlet.theme.footerNote)}</p>`,
    `<p class="copyright">© 2026 ${escapeHtml(site.outlet.name)}. All rights reserved.</p>`,
    '</footer>',
  ].join('\n');
}

/** Cookie consent notice. */
export function renderCookieNotice(skin: PageSkin): string {
  return `<div class="${skin.cookieClass}" role="dialog" aria-label="Cookie consent"><p>${escapeHtml(skin.cookieText)}</p><button type="button">Accept all</button> <button type="button">Manage choices</button></div>`;
}
