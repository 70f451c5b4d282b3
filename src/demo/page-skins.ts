/**
 * @module demo/page-skins — the class names, labels and placements of each demo site's page template.
 * The four skins imitate common CMS habits (WordPress, BEM, a newswire, Bootstrap) so that an
 * extractor tuned to one site's markup does not pass the demo by accident.
 */
import type { DemoTheme } from './types.ts';

/** How one site template names and places its chrome. */
export interface PageSkin {
  bodyClass: string;
  headerClass: string;
  navClass: string;
  breadcrumbClass: string;
  articleClass: string;
  titleClass: string;
  dekClass: string;
  metaClass: string;
  contentClass: string;
  shareClass: string;
  shareLabel: string;
  /** Where the share bar sits relative to the body. */
  sharePosition: 'top' | 'bottom' | 'both';
  newsletterClass: string;
  /** Body paragraphs before the in-body newsletter call-to-action. */
  newsletterAfter: number;
  adClass: string;
  adLabel: string;
  /** Body paragraphs before the in-body advertisement. */
  adAfter: number;
  bioClass: string;
  bioHeading: string;
  relatedClass: string;
  relatedHeading: string;
  /** Whether the template has a sidebar ("most read", a second ad). */
  hasSidebar: boolean;
  /** Label of the inline "read more" link placed between body paragraphs, or null for none. */
  readAlsoLabel: string | null;
  /** Body paragraphs before the inline "read more" link. */
  readAlsoAfter: number;
  /** Whether the template shows a reader comments section and reply form. */
  hasComments: boolean;
  /** Label of a sponsored-content box under the article, or null for none. */
  sponsoredLabel: string | null;
  /** Editorial-standards line under the body (newswire habit), or null for none. */
  standardsNote: string | null;
  /** Whether a "Listen to this article" player sits above the body. */
  hasListenBar: boolean;
  /** Whether JSON-LD comes as one `@graph` (WebSite, BreadcrumbList, NewsArticle), as SEO plugins emit it. */
  jsonLdGraph: boolean;
  footerClass: string;
  cookieClass: string;
  cookieText: string;
}

/** One skin per template family. */
export const PAGE_SKINS: Record<DemoTheme['markup'], PageSkin> = {
  wordpress: {
    bodyClass: 'post-template-default single single-post',
    headerClass: 'site-header',
    navClass: 'main-navigation',
    breadcrumbClass: 'breadcrumbs yoast-breadcrumb',
    articleClass: 'post type-post status-publish format-standard has-post-thumbnail hentry',
    titleClass: 'entry-title',
    dekClass: 'entry-subtitle',
    metaClass: 'entry-meta',
    contentClass: 'entry-content',
    shareClass: 'sharedaddy sd-sharing-enabled',
    shareLabel: 'Share this:',
    sharePosition: 'bottom',
    newsletterClass: 'wp-block-group newsletter-cta',
    newsletterAfter: 3,
    adClass: 'ad-slot ad-inarticle',
    adLabel: 'Advertisement',
    adAfter: 5,
    bioClass: 'author-box',
    bioHeading: 'About the author',
    relatedClass: 'jp-relatedposts',
    relatedHeading: 'Related posts',
    hasSidebar: false,
    readAlsoLabel: 'Read more:',
    readAlsoAfter: 6,
    hasComments: true,
    sponsoredLabel: null,
    standardsNote: null,
    hasListenBar: false,
    jsonLdGraph: true,
    footerClass: 'site-footer',
    cookieClass: 'cookie-notice-container',
    cookieText: 'We use cookies to personalise content and to analyse our traffic. You can change your choice at any time in Privacy Settings.',
  },
  bem: {
    bodyClass: 'page page--article',
    headerClass: 'site-header__bar',
    navClass: 'site-nav',
    breadcrumbClass: 'breadcrumb',
    articleClass: 'article article--news',
    titleClass: 'article__headline',
    dekClass: 'article__dek',
    metaClass: 'article__byline',
    contentClass: 'article__body',
    shareClass: 'share-bar',
    shareLabel: 'Share',
    sharePosition: 'top',
    newsletterClass: 'newsletter-signup newsletter-signup--inline',
    newsletterAfter: 2,
    adClass: 'ad-container',
    adLabel: 'ADVERTISEMENT',
    adAfter: 4,
    bioClass: 'author-card',
    bioHeading: 'Written by',
    relatedClass: 'read-more',
    relatedHeading: 'Read more',
    hasSidebar: false,
    readAlsoLabel: 'ALSO READ',
    readAlsoAfter: 5,
    hasComments: false,
    sponsoredLabel: null,
    standardsNote: null,
    hasListenBar: false,
    jsonLdGraph: false,
    footerClass: 'site-footer',
    cookieClass: 'cookie-banner',
    cookieText: 'Blockline uses cookies to keep you signed in and to measure which stories you read. Accept all, or pick what you allow.',
  },
  wire: {
    bodyClass: 'wire-article',
    headerClass: 'topbar',
    navClass: 'topbar-nav',
    breadcrumbClass: 'crumbs',
    articleClass: 'story',
    titleClass: 'story-headline',
    dekClass: 'story-summary',
    metaClass: 'story-meta',
    contentClass: 'story-body',
    shareClass: 'story-tools',
    shareLabel: 'Share this story',
    sharePosition: 'both',
    newsletterClass: 'briefing-promo',
    newsletterAfter: 4,
    adClass: 'dfp-ad',
    adLabel: 'Advertisement · Story continues below',
    adAfter: 2,
    bioClass: 'story-contributors',
    bioHeading: 'Contributors',
    relatedClass: 'more-from',
    relatedHeading: 'More from Northwind',
    hasSidebar: false,
    readAlsoLabel: null,
    readAlsoAfter: 0,
    hasComments: false,
    sponsoredLabel: null,
    standardsNote: 'Our Standards: The Northwind Trust Principles.',
    hasListenBar: false,
    jsonLdGraph: false,
    footerClass: 'wire-footer',
    cookieClass: 'consent-bar',
    cookieText: 'This site uses cookies and similar technologies. By continuing to browse you agree to our use of cookies.',
  },
  bootstrap: {
    bodyClass: 'layout-article',
    headerClass: 'navbar navbar-expand-lg',
    navClass: 'navbar-nav',
    breadcrumbClass: 'breadcrumb',
    articleClass: 'col-md-8 post',
    titleClass: 'post-title display-5',
    dekClass: 'lead post-standfirst',
    metaClass: 'post-meta text-muted',
    contentClass: 'post-content',
    shareClass: 'social-share d-flex',
    shareLabel: 'Spread the word',
    sharePosition: 'bottom',
    newsletterClass: 'card newsletter-box',
    newsletterAfter: 3,
    adClass: 'advert text-center',
    adLabel: 'Advertisement',
    adAfter: 6,
    bioClass: 'card author-bio',
    bioHeading: 'About',
    relatedClass: 'you-might-like',
    relatedHeading: 'You might also like',
    hasSidebar: true,
    readAlsoLabel: 'Related:',
    readAlsoAfter: 4,
    hasComments: false,
    sponsoredLabel: 'Sponsored',
    standardsNote: null,
    hasListenBar: true,
    jsonLdGraph: false,
    footerClass: 'footer bg-dark',
    cookieClass: 'alert alert-info cookie-alert',
    cookieText: 'Eastgate uses cookies for analytics and advertising. See our cookie policy for details.',
  },
};
