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
