/** The fetcher's options from the configuration (one place for the pipeline, the CLI and WebSub). */
import type { Config } from '../config/index.ts';
import type { FetcherOptions } from '../fetch/types.ts';

/** Options for createFetcher / createWebSubClient; `extraAllowHosts` opens the SSRF guard for the demo. */
export function fetcherOptions(config: Config, extraAllowHosts: readonly string[] = []): FetcherOptions {
  return {
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    maxRedirects: config.maxRedirects,
    perHostConcurrency: config.perHostConcurrency,
    minHostIntervalMs: config.hostIntervalMs,
    allowHosts: [...config.allowHosts, ...extraAllowHosts],
  };
}
