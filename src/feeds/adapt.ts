/**
 * @module feeds/adapt — pieces every format adapter shares: the draft item shape, namespace
 * helpers (media:*, sy:*), and the final pass that turns drafts into `FeedItem`s.
 */
import type { FeedItem } from '../model.ts';
import { absoluteUrl, optionalString } from './text.ts';

/** An item before its URL is known to be usable. */
export type DraftItem = Omit<FeedItem, 'url'> & { url: string | null };

/** Feed-level fields every adapter produces. */
export interface AdaptedFeed {
  title: string | null;
  siteUrl: string | null;
  hubUrl: string | null;
  ttlMinutes: number | null;
  items: DraftItem[];
}

/** Minutes per `sy:updatePeriod` value (RSS 1.0 syndication module). */
const SY_PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 1_440,
  weekly: 10_080,
  monthly: 43_200,
  yearly: 525_600,
};
/** Publisher hints above a year are treated as mistakes. */
const MAX_TTL_MINUTES = 525_600;

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

interface MediaLike {
  url?: string;
  type?: string;
  medium?: string;
  thumbnails?: Array<{ url?: string }>;
}
interface MediaNsLike extends MediaLike {
  contents?: MediaLike[];
  groups?: Array<{ contents?: MediaLike[]; thumbnails?: Array<{ url?: string }> }>;
}

function isImage(media: MediaLike): boolean {
  if (media.medium !== undefined) return media.medium === 'image';
  if (media.type !== undefined) return media.type.startsWith('image/');
  return IMAGE_EXTENSION.test(media.url ?? '');
}

/** The first image of a media:* block: an image media:content, then a media:thumbnail (also inside groups). */
export function mediaImage(media: MediaNsLike | undefined, base: string | null): string | null {
  if (media === undefined) return null;
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])];
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...contents.flatMap((c) => c.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((g) => g.thumbnails ?? []),
  ];
  for (const c of contents) if (isImage(c)) return absoluteUrl(c.url, base) ?? null;
  for (const t of thumbnails) {
    const url = absoluteUrl(t.url, base);
    if (url !== null) return url;
  }
  return null;
}

/** The first enclosure whose type (or extension) says it is an image. */
export function enclosureImage(enclosures: Array<{ url?: string; type?: string }> | undefined, base: string | null): string | null {
  for (const e of enclosures ?? []) {
    const typed = e.type?.startsWith('image/') ?? false;
    if (typed || (e.type === undefined && IMAGE_EXTENSION.test(e.url ?? ''))) {
      const url = absoluteUrl(e.url, base);
      if (url !== null) return url;
    }
  }
  return null;
}

/** Polling hint in minutes from RSS `ttl` or `sy:updatePeriod` × `sy:updateFrequency`. */
export function ttlMinutes(ttl: unknown, sy: { updatePeriod?: string; updateFrequency?: number } | undefined): number | null {
  const direct = typeof ttl === 'number' ? ttl : Number(optionalString(ttl) ?? Number.NaN);
  if (Number.isFinite(direct) && direct > 0) return Math.min(Math.round(direct), MAX_TTL_MINUTES);
  const period = SY_PERIOD_MINUTES[(sy?.updatePeriod ?? '').trim().toLowerCase()];
  if (period === undefined) return null;
  const frequency = typeof sy?.updateFrequency === 'number' && sy.updateFrequency > 0 ? sy.updateFrequency : 1;
  return Math.max(1, Math.min(Math.round(period / frequency), MAX_TTL_MINUTES));
}

/** Escape text for inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as HTML paragraphs (blank lines separate paragraphs). */
export function textToHtml(text: string | null): string | null {
  if (text === null) return null;
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return paragraphs.length === 0 ? null : paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

/** A guid usable as the item URL: an absolute http(s) URL. */
export function permalinkFromGuid(guid: string | null, isPermaLink: boolean | undefined, base: string | null): string | null {
  if (guid === null || isPermaLink === false) return null;
  return /^https?:\/\//i.test(guid) ? absoluteUrl(guid, base) : null;
}

/** Longest URL kept (browsers and servers reject much longer ones); longer links count as unusable. */
export const MAX_URL_CHARS = 4_096;
/** Longest title and author kept; longer ones are cut at a word boundary with an ellipsis. */
export const MAX_TITLE_CHARS = 500;
export const MAX_AUTHOR_CHARS = 200;
/** Longest summary/content HTML kept per item (the sanitizer repairs a cut tag). */
export const MAX_HTML_CHARS = 1_000_000;

/** `text` cut to `max` characters at a word boundary, with an ellipsis. */
function cutText(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function cutHtml(html: string | null): string | null {
  return html === null || html.length <= MAX_HTML_CHARS ? html : html.slice(0, MAX_HTML_CHARS);
}

/**
 * Keep the drafts that have a usable URL (items with nothing to fetch are dropped with a warning) and
 * cut over-long fields to the documented maxima.
 * @returns the usable items, in document order.
 */
export function finishItems(drafts: DraftItem[], warnings: string[]): FeedItem[] {
  const items: FeedItem[] = [];
  let noUrl = 0;
  let cut = 0;
  for (const draft of drafts) {
    if (draft.url === null || draft.url.length > MAX_URL_CHARS) {
      noUrl += 1;
      continue;
    }
    const item: FeedItem = {
      ...draft,
      url: draft.url,
      guid: draft.guid !== null && draft.guid.length > MAX_URL_CHARS ? null : draft.guid,
      title: cutText(draft.title, MAX_TITLE_CHARS),
      author: cutText(draft.author, MAX_AUTHOR_CHARS),
      summaryHtml: cutHtml(draft.summaryHtml),
      contentHtml: cutHtml(draft.contentHtml),
      imageUrl: draft.imageUrl !== null && draft.imageUrl.length > MAX_URL_CHARS ? null : draft.imageUrl,
    };
    if (Object.entries(item).some(([key, value]) => value !== draft[key as keyof DraftItem])) cut += 1;
    items.push(item);
  }
  if (noUrl > 0) warnings.push(`${noUrl} item(s) without a usable http(s) link were skipped`);
  if (cut > 0) warnings.push(`${cut} item(s) had over-long fields, cut to the documented maximum`);
  return items;
}
