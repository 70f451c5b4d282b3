/** Offset cursors for ranked listings (search, related), where keyset cursors do not apply. */
import { AppError } from '../errors.ts';

/** Deepest offset a ranked cursor may point at. */
const MAX_OFFSET = 10_000;

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/**
 * @throws AppError bad_request for a cursor not made by encodeOffsetCursor
 */
export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const m = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = m ? Number(m[1]) : Number.NaN;
  if (!(offset >= 0 && offset <= MAX_OFFSET)) throw new AppError('bad_request', 'invalid cursor');
  return offset;
}
