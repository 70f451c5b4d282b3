/**
 * @module feeds/cap — which `maxItems` entries to keep from a longer feed. Most feeds list newest
 * first, so the first N are kept; a feed listed oldest first would then never show a new item, so the
 * last N are read too and the newer set wins.
 */
import type { AdaptedFeed } from './adapt.ts';

/** Newest publication (or update) time among the items, or -Infinity when none is dated. */
function newestTime(feed: AdaptedFeed): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const item of feed.items) {
    const at = item.publishedAt ?? item.updatedAt;
    if (at !== null && at.getTime() > newest) newest = at.getTime();
  }
  return newest;
}

/**
 * Keep the first `maxItems` entries unless the last ones are newer (an oldest-first feed).
 * @param total the feed's entry count when known, for the warning.
 */
export function chooseCapped(first: AdaptedFeed, last: AdaptedFeed | null, maxItems: number, total: number | null, warnings: string[]): AdaptedFeed {
  const size = total === null ? `more than ${maxItems}` : String(total);
  if (last !== null && newestTime(last) > newestTime(first)) {
    warnings.push(`feed has ${size} items listed oldest first; only the last (newest) ${maxItems} were read`);
    return last;
  }
  warnings.push(`feed has ${size} items; only the first ${maxItems} were read`);
  return first;
}
