/**
 * @module demo/types — the shapes of the bundled demo content: fictional outlets and their articles.
 * Content is plain data (see `content/`); rendering lives in `render-page.ts` and `render-feed.ts`.
 */

/** Feed formats the demo publications serve, one each. */
export type DemoFeedFormat = 'rss' | 'atom' | 'json' | 'rdf';

/** One block of an article body. A string is a paragraph of plain text (escaped on render). */
export type DemoBlock =
  | string
  | { heading: string }
  | { quote: string; cite?: string }
  | { list: string[] };

/** A byline with the short biography shown in the page's author box. */
export interface DemoAuthor {
  name: string;
  bio: string;
}

/** A lead image, drawn as a small inline SVG by the demo server (no external images). */
export interface DemoImage {
  /** What the drawing shows: a rising or falling line, candles, a chip, a coin, a crate of fruit. */
  motif: 'line-up' | 'line-down' | 'candles' | 'chip' | 'coin' | 'fruit' | 'globe';
  alt: string;
  caption: string;
}

/**
 * Labels describing what an article is meant to exercise downstream (duplicate detection, story
 * clustering, instrument linking). They are never rendered; benchmarks and tests may read them.
 */
export interface DemoLabels {
  /** Articles sharing a story key report the same event independently (issue 5 stories); without one, an article is its own story. */
  storyKey?: string;
  /** Instruments the article is really about, as `VENUE:SYMBOL` (e.g. `NASDAQ:NVDA`, `CRYPTO:BTC`). */
  instruments: string[];
  /** Ordinary words in the text that look like tickers or names and must not be linked. */
  traps?: string[];
}

/** One article of a demo outlet. */
export interface DemoArticle {
  /** URL slug, unique within its outlet; stable across runs (so GUIDs and URLs are too). */
  slug: string;
  /** Numeric id used in GUIDs; unique within its outlet. */
  id: number;
  section: string;
  title: string;
  /** The dek / teaser; feeds use it as the summary. */
  summary: string;
  author: DemoAuthor;
  /** Minutes before the demo server started that the article was published. */
  minutesAgo: number;
  /** Minutes after publication that it was last updated, when it was. */
  updatedAfterMinutes?: number;
  /** BCP 47 language; defaults to the outlet's. */
  lang?: string;
  tags: string[];
  image: DemoImage;
  body: DemoBlock[];
  labels: DemoLabels;
  /** Set on a republished copy: where the original lives (rendered as "Source:" and footer lines). */
  syndicatedFrom?: { outletKey: string; slug: string };
}

/** Per-outlet look of the page chrome (class names and wording differ between sites on purpose). */
export interface DemoTheme {
  accent: string;
  /** Class naming scheme of the page template, so extractors cannot rely on one site's markup. */
  markup: 'wordpress' | 'bem' | 'wire' | 'bootstrap';
  nav: string[];
  /** Price strip in the masthead, as market sites show (a trap: prices that are not the article's). */
  tickerTape?: string[];
  newsletterPitch: string;
  footerNote: string;
}

/** A fictional publication. */
export interface DemoOutlet {
  key: string;
  name: string;
  tagline: string;
  /** Path prefix of the outlet on the demo server, e.g. `/harbor-ledger`. */
  path: string;
  /** Host used in tag: GUIDs, so GUIDs do not depend on the ephemeral demo port. */
  guidHost: string;
  format: DemoFeedFormat;
  /** Whether the feed carries the full article body or only the summary. */
  fullContent: boolean;
  lang: string;
  theme: DemoTheme;
  articles: DemoArticle[];
}
