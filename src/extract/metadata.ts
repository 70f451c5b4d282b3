/**
 * @module extract/metadata — page metadata in one walk over the tree: JSON-LD (NewsArticle and
 * friends), OpenGraph / article:* / twitter / Dublin Core <meta>, <link rel=canonical>, <html lang>,
 * the first <time datetime>, <title>, and a date in the URL as the last resort.
 */
import { collapseWhitespace } from './text.ts';
import { type ParsedPage, textOf, walkElements } from './tree.ts';

/** Metadata found on a page (before the body is extracted). */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
  lang: string | null;
  siteName: string | null;
  description: string | null;
  /** Text of the first <h1> (a second spelling of the title, for repeat detection). */
  h1: string | null;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', pound: '£', euro: '€' };

/** Decode entities left in metadata strings (double-escaped meta content, JSON-LD with HTML). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** Query parameters that only track campaigns; removed from canonical URLs. */
const TRACKING_PARAM_RE = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src|cmpid|ocid|icid|ncid|sr_share|ito|soc_src|soc_trk|at_\w+|__twitter_impression)$/i;
/** A clock skew tolerance before a date is considered "in the future" and dropped. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/** JSON-LD @type values that describe an article. */
const ARTICLE_TYPES = new Set(['newsarticle', 'article', 'blogposting', 'reportagenewsarticle', 'analysisnewsarticle', 'techarticle', 'webpage', 'socialmediaposting', 'opinionnewsarticle', 'liveblogposting', 'scholarlyarticle']);

interface JsonLdArticle {
  headline?: string | undefined;
  author?: string | undefined;
  datePublished?: string | undefined;
  dateModified?: string | undefined;
  image?: string | undefined;
  publisher?: string | undefined;
  url?: string | undefined;
  isArticle: boolean;
}

/** Collect metadata from a parsed page. `now` bounds dates (never in the future). */
export function readMetadata(page: ParsedPage, pageUrl: string, now: Date): PageMetadata {
  const meta = new Map<string, string>();
  let titleTag: string | null = null;
  let canonical: string | null = null;
  let lang: string | null = null;
  let timeAttr: string | null = null;
  let h1: string | null = null;
  walkElements(page.root, (el) => {
    switch (el.tag) {
      case 'html':
        lang = el.attrs.lang ?? el.attrs['xml:lang'] ?? null;
        break;
      case 'title':
        if (titleTag === null) titleTag = collapseWhitespace(textOf(el));
        return false;
      case 'meta': {
        const key = (el.attrs.property ?? el.attrs.name ?? el.attrs.itemprop ?? el.attrs['http-equiv'] ?? '').toLowerCase();
        const content = el.attrs.content;
        if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content.trim());
        break;
      }
      case 'link':
        if ((el.attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical') && canonical === null) canonical = el.attrs.href ?? null;
        break;
      case 'time':
        if (timeAttr === null && el.attrs.datetime !== undefined) timeAttr = el.attrs.datetime;
        break;
      case 'h1':
        if (h1 === null) h1 = collapseWhitespace(textOf(el));
        return false;
      default:
        break;
    }
    return true;
  });
  const ld = readJsonLd(page.jsonLd);
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v !== undefined && v !== '') return decodeEntities(v);
    }
    return null;
  };
  const siteName = get('og:site_name', 'application-name') ?? ld.publisher ?? null;
  const ldTitle = ld.headline === undefined ? null : decodeEntities(ld.headline);
  const rawTitle = ldTitle ?? get('og:title', 'twitter:title', 'dc.title') ?? h1 ?? titleTag;
  const published = firstDate(now, ld.datePublished, get('article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date', 'publish-date'), timeAttr, dateFromUrl(pageUrl));
  const modified = firstDate(now, ld.dateModified, get('article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'));
  return {
    title: rawTitle === null ? null : cleanTitle(rawTitle, siteName),
    byline: cleanByline(ld.author === undefined ? get('author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author') : decodeEntities(ld.author)),
    publishedAt: published,
    modifiedAt: modified,
    canonicalUrl: normalizeCanonical(canonical ?? get('og:url') ?? ld.url ?? null, pageUrl),
    imageUrl: absolute(get('og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? ld.image ?? null, pageUrl),
    lang: lang === null ? get('og:locale', 'content-language', 'dc.language') : lang,
    siteName: siteName === null ? null : collapseWhitespace(siteName),
    description: get('description', 'og:description', 'twitter:description'),
    h1,
  };
}

/** Remove " | Site", " - Site", " — Site" suffixes (and "Site: " prefixes) from a page title. */
export function cleanTitle(raw: string, siteName: string | null): string {
  let title = collapseWhitespace(raw);
  const separators = /\s+[|–—\-·•:»]\s+/;
  if (siteName !== null && siteName !== '') {
    const site = collapseWhitespace(siteName).toLowerCase();
    const prefix = new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[|–—\\-·•:»]\\s+`, 'i');
    if (prefix.test(title)) return title.replace(prefix, '');
    const parts = title.split(separators);
    if (parts.length > 1) {
      const last = (parts[parts.length - 1] ?? '').toLowerCase();
      const first = (parts[0] ?? '').toLowerCase();
      if (last === site || site.includes(last) || last.includes(site)) return collapseWhitespace(title.replace(new RegExp(`${separators.source}[^|–—\\-·•:»]*$`), ''));
      if (first === site) return collapseWhitespace(title.slice(title.search(separators)).replace(/^\s*[|–—\-·•:»]\s*/, ''));
    }
  }
  // Without a site name, drop a short trailing " | Something" segment (typical site suffix).
  const m = /^(.{15,}?)\s+[|–—·•]\s+([^|–—·•]{2,40})$/.exec(title);
  if (m?.[1] !== undefined) title = m[1];
  return title;
}

function cleanByline(raw: string | null): string | null {
  if (raw === null) return null;
  const s = collapseWhitespace(raw).replace(/^by\s+/i, '');
  if (s === '' || /^https?:\/\//.test(s) || s.length > 120) return null;
  return s;
}

function firstDate(now: Date, ...candidates: Array<string | null | undefined>): Date | null {
  for (const c of candidates) {
    if (c === null || c === undefined || c.trim() === '') continue;
    const d = parseDate(c.trim());
    if (d !== null && d.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS) return d;
  }
  return null;
}

/** Parse an ISO-like or RFC 2822 date; a date without zone is read as UTC. */
export function parseDate(s: string): Date | null {
  let text = s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text = `${text}T00:00:00Z`;
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(text)) text = text.replace(' ', 'T');
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{4}$/.test(text)) text = `${text.slice(0, -2)}:${text.slice(-2)}`;
  const t = Date.parse(text);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return d.getUTCFullYear() < 1990 ? null : d;
}

function dateFromUrl(pageUrl: string): string | null {
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|$|-)/.exec(pageUrl);
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

function absolute(href: string | null, base: string): string | null {
  if (href === null || href.trim() === '') return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Absolute canonical URL without fragment and tracking parameters. */
export function normalizeCanonical(href: string | null, base: string): string | null {
  const abs = absolute(href, base) ?? absolute(base, base);
  if (abs === null) return null;
  const url = new URL(abs);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM_RE.test(key)) url.searchParams.delete(key);
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.href;
}

function readJsonLd(blocks: string[]): JsonLdArticle {
  const found: JsonLdArticle = { isArticle: false };
  for (const block of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(block.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    for (const node of flattenGraph(data)) {
      const types = ([] as unknown[]).concat(node['@type'] ?? []).map((t) => String(t).toLowerCase());
      if (!types.some((t) => ARTICLE_TYPES.has(t))) continue;
      const isArticle = !types.includes('webpage') || types.length > 1;
      if (found.isArticle && !isArticle) continue;
      found.isArticle = found.isArticle || isArticle;
      found.headline ??= str(node.headline) ?? str(node.name);
      found.author ??= names(node.author);
      found.datePublished ??= str(node.datePublished);
      found.dateModified ??= str(node.dateModified);
      found.image ??= imageOf(node.image);
      found.publisher ??= names(node.publisher);
      found.url ??= str(node.url);
    }
  }
  return found;
}

type LdNode = Record<string, unknown>;
const isObject = (v: unknown): v is LdNode => typeof v === 'object' && v !== null && !Array.isArray(v);

function flattenGraph(data: unknown): LdNode[] {
  const out: LdNode[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph'] !== undefined) visit(v['@graph'], depth + 1);
      if (isObject(v.mainEntity)) visit(v.mainEntity, depth + 1);
    }
  };
  visit(data, 0);
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function names(v: unknown): string | undefined {
  const list = (Array.isArray(v) ? v : [v]).map((x) => (isObject(x) ? str(x.name) : str(x))).filter((x): x is string => x !== undefined);
  return list.length > 0 ? list.join(', ') : undefined;
}

function imageOf(v: unknown): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return isObject(first) ? str(first.url) : str(first);
}

