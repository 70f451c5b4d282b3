/**
 * @module model — the domain types every stage shares. No logic, no I/O.
 * Times are `Date` in memory; stores persist them as UTC epoch milliseconds.
 */

/** What kind of URL a source polls. */
export type SourceKind = 'feed' | 'sitemap';

/** How much of a source's articles may be republished. */
export type RepublishPolicy = 'full' | 'excerpt' | 'link';

/** Feed formats tickerwire reads. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap';

/** A polled source and its health. */
export interface Source {
  id: number;
  url: string;
  kind: SourceKind;
  title: string;
  siteUrl: string | null;
  /** Set for bundled demo sources (their stable key); null for real sources. */
  demoKey: string | null;
  isEnabled: boolean;
  policy: RepublishPolicy;
  createdAt: Date;
  /** Conditional GET validators from the last 200 response. */
  etag: string | null;
  lastModified: string | null;
  pollIntervalSec: number;
  nextPollAt: Date | null;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastErrorCode: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Newest publication time seen among its items (stall detection). */
  lastItemAt: Date | null;
  /** Answers fine but has published nothing for far longer than its usual rhythm. */
  isStalled: boolean;
  articleCount: number;
}

/** Fields a caller provides to create a source. */
export interface NewSource {
  url: string;
  kind?: SourceKind;
  title?: string;
  siteUrl?: string | null;
  demoKey?: string | null;
  isEnabled?: boolean;
  policy?: RepublishPolicy;
  pollIntervalSec?: number;
}

/** Health outcome of one poll, written onto the source. */
export type PollOutcome =
  | {
      ok: true;
      at: Date;
      etag?: string | null;
      lastModified?: string | null;
      title?: string;
      siteUrl?: string | null;
      lastItemAt?: Date | null;
      /** Stall verdict from the feed's item times (unchanged when absent, e.g. on 304). */
      isStalled?: boolean;
      nextPollAt: Date;
    }
  | { ok: false; at: Date; code: string; message: string; nextPollAt: Date };

/** A WebSub (push) subscription of a source to its feed's hub. */
export interface WebSubSubscription {
  sourceId: number;
  hubUrl: string;
  topicUrl: string;
  /** HMAC secret the hub signs pushes with. */
  secret: string;
  /** pending: asked the hub, waiting for its verification; active: verified; denied/failed: not pushing. */
  state: 'pending' | 'active' | 'denied' | 'failed';
  leaseSeconds: number | null;
  renewAt: Date | null;
  verifiedAt: Date | null;
  lastPushAt: Date | null;
  lastError: string | null;
  updatedAt: Date;
}

/** A removal on request: the article (with its copies) or a whole source, kept out for good. */
export interface Takedown {
  id: number;
  articleId: number | null;
  sourceId: number | null;
  title: string;
  reason: string;
  requestedBy: string;
  articlesRemoved: number;
  createdAt: Date;
}

/** A takedown to record. */
export type NewTakedown = Omit<Takedown, 'id' | 'createdAt' | 'articlesRemoved'>;

/** One entry of a parsed feed, before its page is fetched. */
export interface FeedItem {
  guid: string | null;
  url: string;
  title: string | null;
  author: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** Summary/description HTML as the feed gives it. */
  summaryHtml: string | null;
  /** Full content HTML when the feed carries it (content:encoded, atom content, content_html). */
  contentHtml: string | null;
  imageUrl: string | null;
}

/** A parsed feed document. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  /** WebSub hub advertised by the feed. */
  hubUrl: string | null;
  /** Publisher's polling hint in minutes (RSS ttl, sy:updatePeriod). */
  ttlMinutes: number | null;
  items: FeedItem[];
  /** Non-fatal problems met while parsing (truncated, items dropped…). */
  warnings: string[];
}

/** Something the extractor removed from a page, and why (for diagnosing wrong removals). */
export interface Removal {
  rule: string;
  reason: string;
  /** The start of the removed text. */
  text: string;
}

/** The readable article pulled out of a page. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
  lang: string | null;
  siteName: string | null;
  /** Sanitized HTML body, safe to republish. */
  html: string;
  /** Plain text of the body, paragraphs separated by blank lines. */
  text: string;
  excerpt: string;
  wordCount: number;
  readingMinutes: number;
  /** URL named by a "Source:" / "appeared first on" line: the original publisher. */
  originUrl: string | null;
  removed: Removal[];
  warnings: string[];
}

/** Outcome of extracting one page. */
export type Extraction =
  | { kind: 'article'; article: ExtractedArticle }
  | { kind: 'skipped'; reason: 'no-article' | 'not-html' | 'too-short'; message: string };

/** A stored article. */
export interface Article {
  id: number;
  sourceId: number;
  guid: string | null;
  url: string;
  canonicalUrl: string;
  title: string;
  author: string | null;
  publishedAt: Date;
  fetchedAt: Date;
  excerpt: string;
  html: string;
  text: string;
  wordCount: number;
  readingMinutes: number;
  imageUrl: string | null;
  lang: string | null;
  contentHash: string;
  originUrl: string | null;
  removed: Removal[];
  warnings: string[];
  /** Story the article belongs to (set by enrichment; null until then). */
  storyId: number | null;
  /** The original this article copies (syndicated/near-identical text), or null. */
  duplicateOf: number | null;
  /** Sentiment in -1..1 (finance lexicon), null until enriched. */
  sentiment: number | null;
  /** Figures the text states (who moved how much, over what period). */
  figures: ArticleFigure[];
}

/** An article ready to be inserted (enrichment fields are filled later). */
export type NewArticle = Omit<Article, 'id' | 'storyId' | 'duplicateOf' | 'sentiment' | 'figures'>;

/** A figure stated in an article: "shares rose 4.2% to $131.50 over the week". */
export interface ArticleFigure {
  /** Instrument id the figure is about, when known. */
  subject: string | null;
  metric: string;
  /** Signed for changes. */
  value: number;
  /** `%`, `points` or an ISO currency code. */
  unit: string;
  period: string | null;
  sentence: string;
}

/** An instrument an article is linked to. */
export interface ArticleInstrument {
  instrumentId: string;
  symbol: string;
  name: string;
  assetClass: string;
  /** 0..1: how much the article is about it. */
  salience: number;
  role: 'subject' | 'mention';
  mentions: number;
  /** Supporting sentences. */
  sentences: string[];
}

/** A story: reports of one event from one or more sources. */
export interface StorySummary {
  id: number;
  headline: string;
  headlineArticleId: number | null;
  firstSeenAt: Date;
  lastUpdateAt: Date;
  /** Independent sources (copies do not count). */
  sourceCount: number;
  articleCount: number;
}

/** Filters for listing articles, newest first. */
export interface ArticleQuery {
  sourceId?: number;
  since?: Date;
  until?: Date;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  limit: number;
  /** Leave out articles that are copies of another one. */
  excludeCopies?: boolean;
  /** Only articles filed under this topic (src/topics/ TOPICS). */
  topic?: string;
}

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Result of polling one source. */
export interface RunSummary {
  sourceId: number;
  ok: boolean;
  notModified: boolean;
  itemsSeen: number;
  articlesAdded: number;
  itemsSkipped: number;
  itemErrors: number;
  error?: { code: string; message: string };
  ms: number;
}
