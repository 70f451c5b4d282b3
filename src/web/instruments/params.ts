/** Request parameters of the instrument routes. */
import { z } from 'zod';
import { parseParam } from '../params.ts';
import { CHART_RANGES, type ChartRange, DEFAULT_CHART_RANGE } from './types.ts';

const rangeParam = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(CHART_RANGES))
  .optional();

/**
 * The chart range a request asks for (case-insensitive: `1M` = `1m`), or the default.
 * @throws AppError bad_request naming the accepted ranges
 */
export function parseRange(value: string | undefined): ChartRange {
  return parseParam(rangeParam, value || undefined, `range (use ${CHART_RANGES.join(', ')})`) ?? DEFAULT_CHART_RANGE;
}
