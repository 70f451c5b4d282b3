/**
 * @module fetch/decompress — undo Content-Encoding with a cap on the decoded size, so a small
 * compressed body cannot expand into gigabytes (gzip/brotli bombs). Runs on libuv's thread pool.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../errors.ts';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Content-Encoding tokens we send in Accept-Encoding and can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

function isTooLarge(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof Error && 'code' in err && err.code === 'ERR_BUFFER_TOO_LARGE');
}

async function undoOne(coding: string, body: Buffer, maxOutputLength: number): Promise<Buffer> {
  const opts = { maxOutputLength };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      // finishFlush lets a truncated-but-usable gzip stream decode what it has.
      return gunzip(body, { ...opts, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      // "deflate" is zlib-wrapped per the RFC, but some servers send raw deflate.
      return inflate(body, opts).catch((err: unknown) => {
        if (isTooLarge(err)) throw err;
        return inflateRaw(body, opts);
      });
    case 'br':
      return brotli(body, opts);
    default:
      throw new AppError('fetch_failed', `unsupported Content-Encoding "${coding}"`);
  }
}

/**
 * Decode `body` per the Content-Encoding header (a list, applied in order, so undone in reverse).
 * @param url for error messages
 * @throws AppError fetch_too_large past `maxBytes` decoded bytes; fetch_failed for a corrupt stream
 */
export async function decompressBody(body: Buffer, contentEncoding: string | null, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    if (out.length === 0) break;
    try {
      out = await undoOne(coding, out, maxBytes);
    } catch (err) {
      if (isTooLarge(err)) {
        throw new AppError('fetch_too_large', `GET ${url} failed: body expands past ${maxBytes} bytes when decompressed (${coding})`, {
          details: { limit: maxBytes, encoding: coding },
        });
      }
      if (err instanceof AppError) throw new AppError(err.code, `GET ${url} failed: ${err.message}`);
      throw new AppError('fetch_failed', `GET ${url} failed: corrupt ${coding} body (${describeZlib(err)})`, { cause: err });
    }
  }
  return out;
}

function describeZlib(err: unknown): string {
  if (err instanceof Error) return 'code' in err && typeof err.code === 'string' ? err.code : err.message;
  return String(err);
}
