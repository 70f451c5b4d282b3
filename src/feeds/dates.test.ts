import { describe, expect, test } from 'vitest';
import { parseFeedDate } from './dates.ts';

const iso = (value: unknown): string | null => parseFeedDate(value)?.toISOString() ?? null;

describe('parseFeedDate', () => {
  test.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0530', '2003-06-09T22:30:00.000Z'],
    ['10 Jun 2003 04:00 -0000', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 03 04:00:00 Z', '2003-06-10T04:00:00.000Z'],
    ['Tuesday, 10 June 2003 04:00:00 CEST', '2003-06-10T02:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 A', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0000 (UTC)', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 GMT+0200', '2003-06-10T02:00:00.000Z'],
    ['2003-06-10T04:00:00Z', '2003-06-10T04:00:00.000Z'],
    ['2003-06-10T04:00:00.5+02:00', '2003-06-10T02:00:00.500Z'],
    ['2003-06-10 04:00:00-0300', '2003-06-10T07:00:00.000Z'],
    ['2003-06-10', '2003-06-10T00:00:00.000Z'],
    ['20030610T040000Z', '2003-06-10T04:00:00.000Z'],
    ['  2003-06-10T04:00:00Z  ', '2003-06-10T04:00:00.000Z'],
  ])('%s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  test.each([
    ['garbage', 'sometime last week'],
    ['empty', ''],
    ['month 13', '2003-13-10'],
    ['31 February', '2003-02-31T00:00:00Z'],
    ['unknown zone', 'Tue, 10 Jun 2003 04:00:00 XYZT'],
    ['year 1', '0001-01-01T00:00:00Z'],
    ['hour 25', '2003-06-10T25:00:00Z'],
    ['not a string', 12345],
    ['undefined', undefined],
  ])('%s → null', (_label, input) => {
    expect(parseFeedDate(input)).toBeNull();
  });

  test('does not depend on the process time zone', () => {
    // No zone means UTC, not local time: the result is the same whatever TZ is.
    expect(iso('2003-06-10 04:00')).toBe('2003-06-10T04:00:00.000Z');
  });
});
