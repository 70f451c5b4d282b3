/**
 * @module fetch — polite, safe HTTP for tickerwire: `createFetcher` (SSRF guard, limits, robots.txt,
 * per-host pacing), `decodeText` (charset sniffing), and the pure polling schedule.
 */
export { type BlockedRange, classifyAddress, parseIpLiteral } from './address.ts';
export { type AllowList, createAllowList } from './allow.ts';
export { charsetFromContentType, decodeText, type TextKind } from './decode.ts';
export { createFetcher, createGuardedAgent } from './fetcher.ts';
export { checkUrl } from './guard.ts';
export { parseRetryAfter } from './headers.ts';
export {
  cacheLifetimeSec,
  isStalled,
  nextPollTime,
  type PollBounds,
  type PollPlan,
  type PollState,
  type StallState,
  syndicationPeriodSec,
} from './schedule.ts';
export type { Fetcher, FetcherOptions, FetchPurpose, FetchRequest, FetchResponse } from './types.ts';
export {
  answerVerification,
  createWebSubClient,
  type HubRequest,
  hubLinksFromHeader,
  hubRequestBody,
  leaseRenewAt,
  newWebSubSecret,
  type PendingSubscription,
  signWebSubBody,
  type VerificationAnswer,
  verifyWebSubSignature,
  type WebSubClient,
  type WebSubMode,
} from './websub.ts';
