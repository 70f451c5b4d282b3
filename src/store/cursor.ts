/** Opaque keyset cursors for newest-first listings: base64url of "publishedMs:id". */
import { AppError } from '../errors.ts';

export interface CursorKey {
  publishedMs: number;
  id: number;
}

/** Encode the position after which the next page starts. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(`${key.publishedMs}:${key.id}`).toString('base64url');
}

/**
 * Decode a cursor from a client.
 * @throws AppError bad_request when the cursor was not made by encodeCursor
 */
export function decodeCursor(cursor: string): CursorKey {
  const m = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new AppError('bad_request', 'invalid cursor');
  return { publishedMs: Number(m[1]), id: Number(m[2]) };
}
