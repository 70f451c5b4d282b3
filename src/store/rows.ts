/**
 * @module store/rows — database rows and their mapping to domain types, shared by both drivers (the
 * PostgreSQL pool is set up to return BIGINT times as numbers, so the same rows fit both).
 */
import type { Article, ArticleInstrument, Source, StorySummary, Takedown, WebSubSubscription } from '../model.ts';
import type { EnrichmentState } from './enrich-store.ts';

/** Epoch ms → Date, keeping null. */
export function toDate(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** Date → epoch ms, keeping null/undefined as null. */
export function toMs(date: Date | null | undefined): number | null {
  return date ? date.getTime() : null;
}

/** A boolean column: 0/1 on SQLite, boolean on PostgreSQL. */
function flag(v: number | boolean): boolean {
  return v === true || v === 1;
}

export interface ArticleRow {
  id: number;
  source_id: number;
  guid: string | null;
  url: string;
  canonical_url: string;
  title: string;
  author: string | null;
  published_at: number;
  fetched_at: number;
  excerpt: string;
  html: string;
  text: string;
  word_count: number;
  reading_minutes: number;
  image_url: string | null;
  lang: string | null;
  content_hash: string;
  origin_url: string | null;
  removed: string;
  warnings: string;
  story_id: number | null;
  duplicate_of: number | null;
  sentiment: number | null;
  figures: string;
}

/** Map a row of `SELECT * FROM articles` to an Article. */
export function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    sourceId: r.source_id,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    author: r.author,
    publishedAt: new Date(r.published_at),
    fetchedAt: new Date(r.fetched_at),
    excerpt: r.excerpt,
    html: r.html,
    text: r.text,
    wordCount: r.word_count,
    readingMinutes: r.reading_minutes,
    imageUrl: r.image_url,
    lang: r.lang,
    contentHash: r.content_hash,
    originUrl: r.origin_url,
    removed: JSON.parse(r.removed) as Article['removed'],
    warnings: JSON.parse(r.warnings) as string[],
    storyId: r.story_id,
    duplicateOf: r.duplicate_of,
    sentiment: r.sentiment,
    figures: JSON.parse(r.figures) as Article['figures'],
  };
}

export interface SourceRow {
  id: number;
  url: string;
  kind: string;
  title: string;
  site_url: string | null;
  demo_key: string | null;
  /** 0/1 on SQLite, boolean on PostgreSQL. */
  is_enabled: number | boolean;
  policy: string;
  created_at: number;
  etag: string | null;
  last_modified: string | null;
  poll_interval_sec: number;
  next_poll_at: number | null;
  last_attempt_at: number | null;
  last_success_at: number | null;
  last_error_at: number | null;
  last_error_code: string | null;
  last_error: string | null;
  consecutive_failures: number;
  last_item_at: number | null;
  is_stalled: number | boolean;
  article_count: number;
}

export function toSource(r: SourceRow): Source {
  return {
    id: r.id,
    url: r.url,
    kind: r.kind as Source['kind'],
    title: r.title,
    siteUrl: r.site_url,
    demoKey: r.demo_key,
    isEnabled: flag(r.is_enabled),
    policy: r.policy as Source['policy'],
    createdAt: new Date(r.created_at),
    etag: r.etag,
    lastModified: r.last_modified,
    pollIntervalSec: r.poll_interval_sec,
    nextPollAt: toDate(r.next_poll_at),
    lastAttemptAt: toDate(r.last_attempt_at),
    lastSuccessAt: toDate(r.last_success_at),
    lastErrorAt: toDate(r.last_error_at),
    lastErrorCode: r.last_error_code,
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    lastItemAt: toDate(r.last_item_at),
    isStalled: flag(r.is_stalled),
    articleCount: r.article_count,
  };
}

export interface StoryRow {
  id: number;
  headline: string;
  headline_article_id: number | null;
  first_seen_at: number;
  last_update_at: number;
  source_count: number;
  article_count: number;
}

export function toStory(r: StoryRow): StorySummary {
  return {
    id: r.id,
    headline: r.headline,
    headlineArticleId: r.headline_article_id,
    firstSeenAt: new Date(r.first_seen_at),
    lastUpdateAt: new Date(r.last_update_at),
    sourceCount: r.source_count,
    articleCount: r.article_count,
  };
}

export interface WebSubRow {
  source_id: number;
  hub_url: string;
  topic_url: string;
  secret: string;
  state: string;
  lease_seconds: number | null;
  renew_at: number | null;
  verified_at: number | null;
  last_push_at: number | null;
  last_error: string | null;
  updated_at: number;
}

export function toSub(r: WebSubRow): WebSubSubscription {
  return {
    sourceId: r.source_id,
    hubUrl: r.hub_url,
    topicUrl: r.topic_url,
    secret: r.secret,
    state: r.state as WebSubSubscription['state'],
    leaseSeconds: r.lease_seconds,
    renewAt: toDate(r.renew_at),
    verifiedAt: toDate(r.verified_at),
    lastPushAt: toDate(r.last_push_at),
    lastError: r.last_error,
    updatedAt: new Date(r.updated_at),
  };
}

export interface TakedownRow {
  id: number;
  article_id: number | null;
  source_id: number | null;
  title: string;
  reason: string;
  requested_by: string;
  articles_removed: number;
  created_at: number;
}

export function toTakedown(r: TakedownRow): Takedown {
  return {
    id: r.id,
    articleId: r.article_id,
    sourceId: r.source_id,
    title: r.title,
    reason: r.reason,
    requestedBy: r.requested_by,
    articlesRemoved: r.articles_removed,
    createdAt: new Date(r.created_at),
  };
}

export interface InstrumentRow {
  article_id: number;
  instrument_id: string;
  symbol: string;
  name: string;
  asset_class: string;
  salience: number;
  role: string;
  mentions: number;
  sentences: string;
}

/** Map a row of article_instruments to an ArticleInstrument. */
export function toArticleInstrument(r: InstrumentRow): ArticleInstrument {
  return {
    instrumentId: r.instrument_id,
    symbol: r.symbol,
    name: r.name,
    assetClass: r.asset_class,
    salience: r.salience,
    role: r.role === 'subject' ? 'subject' : 'mention',
    mentions: r.mentions,
    sentences: JSON.parse(r.sentences) as string[],
  };
}

export interface EnrichmentStateRow {
  id: number;
  source_id: number;
  title: string;
  lead: string;
  published_at: number;
  story_id: number | null;
  duplicate_of: number | null;
  fingerprint: string | null;
  /** Space-separated ids of the subject instruments. */
  subjects: string | null;
}

/** Map a row of the enrichment-state query to what the enricher rebuilds from. */
export function toEnrichmentState(r: EnrichmentStateRow): EnrichmentState {
  return {
    id: r.id,
    sourceId: r.source_id,
    title: r.title,
    lead: r.lead,
    publishedAt: new Date(r.published_at),
    storyId: r.story_id,
    duplicateOf: r.duplicate_of,
    fingerprint: r.fingerprint,
    subjectInstruments: r.subjects ? r.subjects.split(' ') : [],
  };
}
