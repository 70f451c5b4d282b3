/** Parsing request parameters with zod: bad input becomes AppError bad_request with the reason. */
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { TOPICS } from '../topics/index.ts';

/** Parse `value` with `schema` or throw bad_request naming the parameter. */
export function parseParam<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('bad_request', `invalid ${name}: ${r.error.issues[0]?.message ?? 'bad value'}`);
  return r.data;
}

export const idParam = z.coerce.number().int().positive();
export const limitParam = z.coerce.number().int().min(1).max(200).default(50);
export const dateParam = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((s) => new Date(s)).optional();
/** A topic (src/topics/ TOPICS) such as `crypto` or `macro`; empty means none. */
export const topicParam = z
  .enum(TOPICS)
  .or(z.literal('').transform(() => undefined))
  .optional();
/** An instrument id such as `us:NVDA` or `crypto:BTC`. */
export const instrumentIdParam = z.string().regex(/^[a-z]+:[A-Za-z0-9.\-]+$/, 'an instrument id such as us:NVDA').optional();

/** Recent windows a listing or a search can be limited to (`within`). */
export const TIME_WINDOWS: Record<string, { label: string; ms: number }> = {
  '24h': { label: 'Last 24 hours', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
};

/**
 * The start of the `within` window before `now`; undefined when none is asked for.
 * @throws AppError bad_request naming the windows for an unknown one
 */
export function parseWithin(within: string | undefined, now: Date): Date | undefined {
  if (!within) return undefined;
  const window = TIME_WINDOWS[within];
  if (!window) throw new AppError('bad_request', `invalid within: use one of ${Object.keys(TIME_WINDOWS).join(', ')}`);
  return new Date(now.getTime() - window.ms);
}
