/** The fetcher's contract: what the pipeline asks for and what it gets back. */

/** Why a URL is fetched: decides Accept headers, robots.txt rules and limits. */
export type FetchPurpose = 'feed' | 'page' | 'robots' | 'api';

export interface FetchRequest {
  url: string;
  purpose: FetchPurpose;
  /** Validators from the last 200 response, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Override the configured maximum body size (bytes). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** A completed HTTP exchange (after redirects). Non-2xx/304 statuses are thrown as AppError http_status. */
export interface FetchResponse {
  /** 200 (or another 2xx) with a body, or 304 Not Modified with an empty body. */
  status: number;
  /** Final URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  ms: number;
}

/** Fetches URLs politely and safely; every failure is an AppError with a fetch_* / http_status code. */
export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchResponse>;
  close(): Promise<void>;
}

/** Options the composition root passes to createFetcher (from Config). */
export interface FetcherOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  /** Hosts and CIDR ranges exempt from the SSRF guard (e.g. 127.0.0.1 for demo sources and tests). */
  allowHosts: string[];
  /** Minimum milliseconds between request starts to one host (robots.txt Crawl-delay raises it). Default 100. */
  minHostIntervalMs?: number;
  /** Connect timeout in ms (default: the smaller of timeoutMs and 10 s). */
  connectTimeoutMs?: number;
  /** Check robots.txt before fetching purpose 'page' (default true). */
  respectRobots?: boolean;
  /**
   * Resolve host names (default: the system resolver). The SSRF guard checks whatever it returns;
   * benchmarks use it to map many names to loopback.
   */
  resolver?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
}
