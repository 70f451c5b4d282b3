/** Names of queues and job keys, so every producer spells them the same way. */
import { getDomain } from 'tldts';
import { AppError } from '../errors.ts';

/**
 * The serial queue of a URL's site: its registrable domain (`feeds.example.co.uk` → `host:example.co.uk`,
 * private suffixes such as github.io kept apart), or the bare host for IP literals and `localhost`.
 * A port makes a different site only for hosts without a registrable domain (loopback test farms).
 * @throws AppError bad_request for a string that is not an absolute URL
 */
export function hostQueue(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new AppError('bad_request', `not an absolute URL: "${url}"`, { cause });
  }
  const domain = getDomain(parsed.hostname, { allowPrivateDomains: true });
  return `host:${domain ?? parsed.host}`;
}

/** Key of a source's poll job: one pending poll per source. */
export function pollKey(sourceId: number): string {
  return `poll:${sourceId}`;
}

/** Key of a page-fetch job: one pending fetch per source and URL. */
export function pageKey(sourceId: number, url: string): string {
  return `page:${sourceId}:${url}`;
}
