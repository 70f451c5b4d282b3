/**
 * @module fetch/hop — one HTTP exchange (no redirects followed): send, then either drain the body
 * (redirects, errors, 304) or read it with a streamed byte cap and undo its Content-Encoding.
 */
import { type Dispatcher, request } from 'undici';
import { AppError } from '../errors.ts';
import { decompressBody } from './decompress.ts';

/** Bodies of redirects and errors are drained up to this many bytes (keeping the socket); past it the socket is closed. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/** What one hop answered. `body` is decoded, and empty unless the status is 2xx (not 204/304). */
export interface HopResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Inputs of one hop. */
export interface HopRequest {
  dispatcher: Dispatcher;
  url: URL;
  headers: Record<string, string>;
  maxBytes: number;
  signal: AbortSignal;
}

/** Flatten undici's header record (arrays joined with ", "). */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function tooLarge(url: URL, maxBytes: number, seen: string): AppError {
  return new AppError('fetch_too_large', `GET ${url.href} failed: body larger than ${maxBytes} bytes (${seen})`, {
    details: { url: url.href, limit: maxBytes },
  });
}

/** Close a body we will not read; undici reports that as an 'error' event, which nobody needs. */
function discard(body: { destroy(): void; on(event: 'error', fn: () => void): unknown }): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Read `body` into memory, stopping (and closing the connection) once it passes `maxBytes`. */
async function readCapped(body: Dispatcher.ResponseData['body'], url: URL, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      discard(body);
      throw tooLarge(url, maxBytes, `stopped reading at ${size} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Perform one GET.
 * @throws AppError fetch_too_large; network errors are thrown as undici raised them (see failure.ts)
 */
export async function requestHop(req: HopRequest): Promise<HopResult> {
  const res = await request(req.url, {
    method: 'GET',
    dispatcher: req.dispatcher,
    headers: req.headers,
    signal: req.signal,
  });
  const headers = flattenHeaders(res.headers);
  const status = res.statusCode;
  if (status < 200 || status >= 300 || status === 204) {
    // Nothing we keep: discard without buffering (dump stops after a small limit and closes).
    await res.body.dump({ limit: DRAIN_LIMIT_BYTES, signal: req.signal }).catch(() => undefined);
    return { status, headers, body: Buffer.alloc(0) };
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > req.maxBytes) {
    discard(res.body);
    throw tooLarge(req.url, req.maxBytes, `Content-Length ${declared}`);
  }
  const raw = await readCapped(res.body, req.url, req.maxBytes);
  const body = await decompressBody(raw, headers['content-encoding'] ?? null, req.maxBytes, req.url.href);
  return { status, headers, body };
}
