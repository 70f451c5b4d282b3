/**
 * @module fetch — polite, safe HTTP for tickerwire: `createFetcher` (SSRF guard, limits, robots.txt,
 * per-host pacing), `decodeText` (charset sniffing), and the pure polling schedule.
 */
export { classifyAddress, parseIpLiteral, type BlockedRange } from './address.ts';
export { createAllowList, type AllowList } from './allow.ts';
export { decodeText } from './decode.ts';
export { createFetcher } from './fetcher.ts';
export { checkUrl } from './guard.ts';
export type { Fetcher, FetcherOptions, FetchPurpose, FetchRequest, FetchResponse } from './types.ts';
