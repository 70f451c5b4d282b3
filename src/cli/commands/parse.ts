/** Argument parsers shared by commands; bad values are usage errors (exit 2). */
import { AppError } from '../../errors.ts';

/** A positive integer id. */
export function parseId(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('usage', `${name} must be a positive integer, got "${value}"`);
  return n;
}
