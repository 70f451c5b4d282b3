/**
 * @module extract/sanitize — the allow-list sanitizer for republished article HTML (sanitize-html).
 * No scripts, styles, frames, plugins or forms; no event handlers or inline styles; only http(s) and
 * mailto links; data: only for raster images. Links open in a new tab with
 * rel="noopener noreferrer nofollow ugc"; links and images are made absolute; images load lazily.
 */
import sanitizeHtml from 'sanitize-html';

/** Tags kept in republished HTML; everything else is unwrapped (its text kept) or dropped. */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'small', 'source', 'span', 'strong', 'sub', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];

/** Tags dropped together with their content. */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'xmp', 'noembed', 'noframes', 'plaintext'];

/** Raster image types allowed as data: URLs (never SVG, which can carry script). */
const SAFE_DATA_IMAGE_RE = /^data:image\/(?:png|gif|jpe?g|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** Drop anything that is not an absolute http(s)/mailto URL after resolving against `base`. */
function absoluteUrl(value: string, base: string, allowMailto: boolean): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (allowMailto && url.protocol === 'mailto:') return url.href;
    return null;
  } catch {
    return null;
  }
}

function absoluteSrcset(value: string, base: string): string | null {
  const parts: string[] = [];
  for (const candidate of value.split(/,\s+/)) {
    const [url, descriptor] = candidate.trim().split(/\s+/, 2);
    if (url === undefined || url === '') continue;
    const abs = absoluteUrl(url, base, false);
    if (abs !== null) parts.push(descriptor === undefined ? abs : `${abs} ${descriptor}`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function withoutUndefined(attrs: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Sanitize article HTML for republishing under our domain.
 * @param html untrusted HTML fragment
 * @param baseUrl the page URL, used to make links and images absolute
 * @returns safe HTML (never throws; garbage in gives text out)
 */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  const base = safeBase(baseUrl);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
      source: ['srcset', 'type', 'media'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      blockquote: ['cite'],
      q: ['cite'],
      ol: ['start', 'reversed'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    parseStyleAttributes: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href === undefined ? null : absoluteUrl(attribs.href, base, true);
        return {
          tagName,
          attribs: withoutUndefined({
            href: href ?? undefined,
            title: attribs.title,
            rel: 'noopener noreferrer nofollow ugc',
            target: '_blank',
          }),
        };
      },
      img: (tagName, attribs) => {
        const raw = attribs.src ?? '';
        const src = SAFE_DATA_IMAGE_RE.test(raw.trim()) ? raw.trim() : absoluteUrl(raw, base, false);
        return {
          tagName,
          attribs: withoutUndefined({
            src: src ?? undefined,
            srcset: attribs.srcset === undefined ? undefined : (absoluteSrcset(attribs.srcset, base) ?? undefined),
            alt: attribs.alt,
            title: attribs.title,
            width: attribs.width,
            height: attribs.height,
            loading: 'lazy',
          }),
        };
      },
      source: (tagName, attribs) => ({
        tagName,
        attribs: withoutUndefined({
          srcset: attribs.srcset === undefined ? undefined : (absoluteSrcset(attribs.srcset, base) ?? undefined),
          type: attribs.type,
          media: attribs.media,
        }),
      }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && (frame.attribs.src === undefined || frame.attribs.src === ''),
  });
}

function safeBase(baseUrl: string): string {
  try {
    return new URL(baseUrl).href;
  } catch {
    return 'about:blank';
  }
}
