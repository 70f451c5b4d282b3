/**
 * @module stories/url — canonical URLs, so the same page reached by different links is one article.
 */

/** Query parameters that only track the visit; exact names (lower-case). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'ocid', 'ncid', 'smid', 'sr_share',
  'taid', 'ito', 'spm', 'soc_src', 'soc_trk', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi',
  'hsctatracking', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'wt.mc_id', 's_cid',
  'at_medium', 'at_campaign', 'xtor',
]);
/** Tracking parameter name prefixes (lower-case). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'trk_', '__twitter', 'oly_'];
/** Parameters that only ask for the AMP rendering of the page. */
const AMP_PARAMS = new Set(['amp', 'outputtype', 'output']);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function isAmpParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (!AMP_PARAMS.has(lower)) return false;
  return lower === 'amp' || value.toLowerCase() === 'amp';
}

/** Map AMP path variants to the article path: `/amp/…`, `…/amp`, `….amp.html`, `….amp`. */
function deAmpPath(path: string): string {
  let p = path.replace(/\/amp(?=\/|$)/gi, '');
  p = p.replace(/\.amp(\.html?)$/i, '$1').replace(/\.amp$/i, '');
  return p === '' ? '/' : p;
}

/**
 * The canonical form of a URL: scheme and host lower-case, default port and fragment dropped,
 * tracking parameters removed, remaining query sorted, trailing slash removed (except the root),
 * AMP variants (amp. host, /amp/ path, .amp.html, ?amp=1, outputType=amp) mapped to the article.
 * Anything that does not parse as an http(s) URL is returned trimmed and otherwise unchanged.
 * @example canonicalizeUrl('HTTPS://Example.com:443/a/?utm_source=x&b=2&a=1#top') === 'https://example.com/a?a=1&b=2'
 */
export function canonicalizeUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return trimmed;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.startsWith('amp.') && parsed.hostname.split('.').length > 2) {
    parsed.hostname = parsed.hostname.slice(4);
  }
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
  const kept = [...parsed.searchParams].filter(([k, v]) => !isTrackingParam(k) && !isAmpParam(k, v));
  kept.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  let path = deAmpPath(parsed.pathname);
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(kept).toString();
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${parsed.protocol}//${parsed.hostname}${port}${path}${query ? `?${query}` : ''}`;
}

/** Host of a URL, lower-case without a leading "www." (for comparing publishers); null if unparsable. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}
