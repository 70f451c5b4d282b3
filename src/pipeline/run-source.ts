/**
 * @module pipeline/run-source — the one place the stages meet: fetch a source's feed, parse it,
 * fetch and extract each new item's page, store the articles, and record the source's health.
 */
import { describeError, isAppError } from '../errors.ts';
import { extractFeedContent } from '../extract/index.ts';
import { decodeText } from '../fetch/decode.ts';
import { cacheLifetimeSec, isStalled, nextPollTime } from '../fetch/schedule.ts';
import { parseFeed } from '../feeds/index.ts';
import type { ExtractedArticle, FeedItem, NewArticle, ParsedFeed, RunSummary, Source } from '../model.ts';
import { canonicalizeUrl } from '../stories/index.ts';
import { buildArticle } from './build-article.ts';
import type { PipelineDeps } from './deps.ts';
import { mapLimit } from './map-limit.ts';

/** How many recent item times feed the adaptive polling estimate. */
const RECENT_ITEMS_FOR_RATE = 20;
/** Feed content shorter than this is a teaser, not an article worth storing in place of the page. */
const MIN_FALLBACK_WORDS = 25;

type ItemOutcome = { ok: true; article: NewArticle } | { ok: false; skipped: boolean; reason: string };

/** Key under which an item is deduplicated: its GUID when it has one, else its canonical link. */
export function itemKey(item: FeedItem): string {
  return item.guid ?? canonicalizeUrl(item.url);
}

function errorCode(error: unknown): string {
  return isAppError(error) ? error.code : 'internal_error';
}

async function extractItem(item: FeedItem, deps: PipelineDeps): Promise<{ page: ExtractedArticle } | { reason: string; skipped: boolean }> {
  let pageError: string;
  try {
    const res = await deps.fetcher.fetch({ url: item.url, purpose: 'page' });
    // The slot is taken only once the body is here: waiting for a host's turn holds no memory.
    const result = await deps.pageSlots.run(() => deps.extractor.extract(decodeText(res.body, res.contentType, 'html'), res.url));
    if (result.kind === 'article') return { page: result.article };
    pageError = `page has no article (${result.reason}: ${result.message})`;
  } catch (error) {
    pageError = describeError(error);
  }
  // The page could not give us the article: fall back to the content the feed itself carries.
  const fromFeed = item.contentHtml ?? item.summaryHtml;
  if (fromFeed) {
    const result = extractFeedContent(fromFeed, item.url, { title: item.title ?? '', ...(deps.settings.extractRules ? { rules: deps.settings.extractRules } : {}) });
    if (result.kind === 'article' && result.article.wordCount >= MIN_FALLBACK_WORDS) {
      const page = result.article;
      return { page: { ...page, canonicalUrl: null, warnings: [...page.warnings, `used feed content: ${pageError}`] } };
    }
  }
  return { reason: pageError, skipped: false };
}

async function processItem(source: Source, item: FeedItem, deps: PipelineDeps): Promise<ItemOutcome> {
  const extracted = await extractItem(item, deps);
  if (!('page' in extracted)) return { ok: false, skipped: extracted.skipped, reason: extracted.reason };
  return { ok: true, article: buildArticle(source, item, extracted.page, deps.now()) };
}

function newestItemTimes(feed: ParsedFeed): Date[] {
  return feed.items
    .map((i) => i.publishedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())
    .slice(0, RECENT_ITEMS_FOR_RATE);
}

function bounds(deps: PipelineDeps) {
  const s = deps.settings;
  return { minSec: s.pollMinSec, maxSec: s.pollMaxSec, defaultSec: s.pollDefaultSec };
}

/** Store articles in batches: each batch is one transaction, so committed work survives a crash. */
async function storeArticles(articles: NewArticle[], deps: PipelineDeps): Promise<number> {
  let added = 0;
  for (let i = 0; i < articles.length; i += deps.settings.insertBatchSize) {
    const ids = await deps.store.insertArticles(articles.slice(i, i + deps.settings.insertBatchSize));
    added += ids.filter((id) => id !== null).length;
  }
  return added;
}

function emptySummary(sourceId: number): RunSummary {
  return { sourceId, ok: true, notModified: false, itemsSeen: 0, articlesAdded: 0, itemsSkipped: 0, itemErrors: 0, ms: 0 };
}

/** Decode and parse a feed document. @throws AppError feed_unrecognized / feed_invalid */
function parseDocument(body: Buffer, contentType: string | null, url: string, at: Date, deps: PipelineDeps): ParsedFeed {
  const kind = /json/i.test(contentType ?? '') ? 'json' : 'xml';
  return parseFeed(decodeText(body, contentType, kind), url, { maxItems: deps.settings.maxItemsPerFeed, now: at });
}

/** Store the items of a parsed feed that are new: skip known ones, fetch and extract pages, insert in batches. */
async function storeNewItems(source: Source, feed: ParsedFeed, deps: PipelineDeps, summary: RunSummary): Promise<void> {
  summary.itemsSeen = feed.items.length;
  const unique = new Map<string, FeedItem>();
  for (const item of feed.items) if (!unique.has(itemKey(item))) unique.set(itemKey(item), item);
  const known = await deps.store.listKnownItems(
    source.id,
    [...unique.values()].map((i) => ({ guid: i.guid, url: canonicalizeUrl(i.url) })),
  );
  const fresh = [...unique.values()].filter((i) => !known.has(itemKey(i)));
  summary.itemsSkipped = feed.items.length - fresh.length;
  const outcomes = await mapLimit(fresh, deps.settings.pageConcurrency, (item) => processItem(source, item, deps));
  const articles: NewArticle[] = [];
  for (const [i, o] of outcomes.entries()) {
    if (o.ok) articles.push(o.article);
    else {
      summary.itemErrors++;
      deps.log.warn('ingest.item_failed', { sourceId: source.id, url: fresh[i]?.url, reason: o.reason });
    }
  }
  summary.articlesAdded = await storeArticles(articles, deps);
}

/**
 * Store what a WebSub hub pushed for a source (the body is the updated feed). A bad push is logged
 * and reported, never counted against the source's health: the next poll is unaffected.
 */
export async function ingestPushedFeed(source: Source, body: Buffer, contentType: string | null, deps: PipelineDeps): Promise<RunSummary> {
  const started = Date.now();
  const summary = emptySummary(source.id);
  try {
    await storeNewItems(source, parseDocument(body, contentType, source.url, deps.now(), deps), deps, summary);
    deps.log.info('ingest.pushed', { sourceId: source.id, items: summary.itemsSeen, added: summary.articlesAdded });
  } catch (error) {
    summary.ok = false;
    summary.error = { code: errorCode(error), message: describeError(error) };
    deps.log.warn('ingest.push_failed', { sourceId: source.id, ...summary.error });
  }
  return { ...summary, ms: Date.now() - started };
}

/**
 * Poll one source once. Never throws for a bad source: the failure is recorded on the source's row
 * (code, message, consecutive failures) and returned in the summary, so other sources go on.
 */
export async function runSource(source: Source, deps: PipelineDeps): Promise<RunSummary> {
  const started = Date.now();
  const summary = emptySummary(source.id);
  const log = deps.log.child({ sourceId: source.id });
  try {
    const res = await deps.fetcher.fetch({ url: source.url, purpose: 'feed', etag: source.etag, lastModified: source.lastModified });
    const at = deps.now();
    if (res.status === 304) {
      summary.notModified = true;
      const next = nextPollTime(
        { now: at, intervalSec: source.pollIntervalSec, consecutiveFailures: 0, recentItemTimes: [] },
        bounds(deps),
      );
      await deps.store.recordPoll(source.id, { ok: true, at, nextPollAt: next.at });
      return { ...summary, ms: Date.now() - started };
    }
    const feed = parseDocument(res.body, res.contentType, res.url, at, deps);
    await storeNewItems(source, feed, deps, summary);
    const recent = newestItemTimes(feed);
    const next = nextPollTime(
      {
        now: at,
        intervalSec: source.pollIntervalSec,
        consecutiveFailures: 0,
        ttlMinutes: feed.ttlMinutes,
        cacheMaxAgeSec: cacheLifetimeSec(res.headers, at),
        recentItemTimes: recent,
      },
      bounds(deps),
    );
    const stalled = isStalled({ lastItemAt: recent[0] ?? null, recentItemTimes: recent, now: at });
    if (stalled && !source.isStalled) log.warn('ingest.source_stalled', { lastItemAt: recent[0]?.toISOString() });
    await deps.store.recordPoll(source.id, {
      ok: true,
      at,
      etag: res.etag,
      lastModified: res.lastModified,
      ...(feed.title ? { title: feed.title } : {}),
      siteUrl: feed.siteUrl,
      lastItemAt: recent[0] ?? null,
      isStalled: stalled,
      nextPollAt: next.at,
    });
    if (next.intervalSec !== source.pollIntervalSec) await deps.store.updateSource(source.id, { pollIntervalSec: next.intervalSec });
    if (deps.onFeed) {
      await deps.onFeed(source, feed).catch((error: unknown) => log.warn('ingest.on_feed_failed', { message: describeError(error) }));
    }
    log.info('ingest.polled', { items: feed.items.length, added: summary.articlesAdded, errors: summary.itemErrors });
  } catch (error) {
    const at = deps.now();
    const code = errorCode(error);
    const message = describeError(error);
    const retryAfterSec = isAppError(error) && typeof error.details?.retryAfterSec === 'number' ? error.details.retryAfterSec : undefined;
    const next = nextPollTime(
      {
        now: at,
        intervalSec: source.pollIntervalSec,
        consecutiveFailures: source.consecutiveFailures + 1,
        recentItemTimes: [],
        ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
      },
      bounds(deps),
    );
    summary.ok = false;
    summary.error = { code, message };
    await deps.store.recordPoll(source.id, { ok: false, at, code, message, nextPollAt: next.at });
    if (isAppError(error)) log.warn('ingest.source_failed', { code, message });
    else log.error('ingest.source_crashed', { code, message, stack: error instanceof Error ? error.stack : undefined });
  }
  return { ...summary, ms: Date.now() - started };
}
