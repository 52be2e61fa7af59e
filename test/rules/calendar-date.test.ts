import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  formatCalendarDate,
  isCalendarDate,
  maxDate,
  minDate,
  parseCalendarDate,
  timeRemaining,
  todayFromInstant,
} from '../../src/lib/calendar-date.js';
import { calendarDateArb, recentDateArb } from './fixtures.js';

/** Independent oracle: UTC milliseconds, which have no time-zone or daylight-saving effects. */
const utcDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

describe('isCalendarDate / parseCalendarDate', () => {
  it.each([
    ['2026-11-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-04-30', true],
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['2026-02-30', false],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['2026-1-05', false],
    [' 2026-01-05', false],
    ['2026-01-05T00:00', false],
    ['2026/01/05', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
    if (expected) expect(parseCalendarDate(text)).toBe(text);
    else expect(() => parseCalendarDate(text)).toThrow(RangeError);
  });

  it('rejects values that are not strings', () => {
    expect(isCalendarDate(20261128)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
    expect(isCalendarDate(new Date())).toBe(false);
  });
});

describe('addDays / addMonths / addYears', () => {
  it.each([
    ['2026-11-28', 1, '2026-11-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-28', 0, '2026-11-28'],
    ['2026-11-28', 1461, '2030-11-28'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-28', 2, '2027-01-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-28', 12, '2027-11-28'],
    ['2026-11-28', -25, '2024-10-28'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2024-02-29', -4, '2020-02-29'],
    ['2096-02-29', 4, '2100-02-28'],
    ['2026-11-28', 4, '2030-11-28'],
    ['2026-11-28', -5, '2021-11-28'],
  ])('addYears(%s, %i) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it('refuses fractional amounts, invalid dates and results outside the supported years', () => {
    expect(() => addDays('2026-11-28', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-11-28', Number.NaN)).toThrow(RangeError);
    expect(() => addYears('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2999-12-31', 1)).toThrow(RangeError);
    expect(() => addYears('1900-06-01', -1)).toThrow(RangeError);
  });

  it('addDays(d, n) then daysBetween gives back n', () => {
    fc.assert(
      fc.property(recentDateArb, fc.integer({ min: -20_000, max: 20_000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('addDays agrees with UTC millisecond arithmetic', () => {
    fc.assert(
      fc.property(calendarDateArb, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        fc.pre(utcDay(d) + n >= utcDay('1900-01-01') && utcDay(d) + n <= utcDay('2999-12-31'));
        expect(utcDay(addDays(d, n))).toBe(utcDay(d) + n);
      }),
    );
  });

  it('addYears is monotonic: a ≤ b implies addYears(a, n) ≤ addYears(b, n)', () => {
    fc.assert(
      fc.property(recentDateArb, recentDateArb, fc.integer({ min: -50, max: 50 }), (a, b, n) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(addYears(early, n), addYears(late, n))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('addYears keeps month and day, except 29 February which becomes 28 February', () => {
    fc.assert(
      fc.property(recentDateArb, fc.integer({ min: -50, max: 50 }), (d, n) => {
        const result = addYears(d, n);
        expect(Number(result.slice(0, 4))).toBe(Number(d.slice(0, 4)) + n);
        const clamped = d.endsWith('-02-29') && !isCalendarDate(`${result.slice(0, 4)}-02-29`);
        expect(result.slice(5)).toBe(clamped ? '02-28' : d.slice(5));
      }),
    );
  });

  it('addMonths there and back returns the same day when no clamping happened', () => {
    fc.assert(
      fc.property(recentDateArb, fc.integer({ min: -240, max: 240 }), (d, n) => {
        fc.pre(Number(d.slice(8)) <= 28);
        expect(addMonths(addMonths(d, n), -n)).toBe(d);
      }),
    );
  });
});

describe('compareDates / minDate / maxDate / daysBetween', () => {
  it.each([
    ['2026-11-28', '2026-11-29', -1],
    ['2026-11-29', '2026-11-28', 1],
    ['2026-11-28', '2026-11-28', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('min and max pick the earliest and latest', () => {
    expect(minDate('2026-11-28', '2021-11-29', '2030-01-01')).toBe('2021-11-29');
    expect(maxDate('2026-11-28', '2021-11-29', '2030-01-01')).toBe('2030-01-01');
    expect(minDate('2026-11-28')).toBe('2026-11-28');
    expect(() => maxDate('2026-11-28', 'tomorrow')).toThrow(RangeError);
  });

  it.each([
    ['2026-11-28', '2026-11-28', 0],
    ['2026-11-28', '2026-11-29', 1],
    ['2026-11-29', '2026-11-28', -1],
    ['2021-11-28', '2026-11-28', 1826],
    ['2024-01-01', '2025-01-01', 366],
    ['1900-01-01', '2999-12-31', 401_766],
  ])('daysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it('compareDates agrees with the sign of daysBetween and is antisymmetric', () => {
    fc.assert(
      fc.property(calendarDateArb, calendarDateArb, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(daysBetween(b, a)) || 0);
        expect(compareDates(a, b)).toBe(-compareDates(b, a) || 0);
        expect(daysBetween(a, b)).toBe(utcDay(b) - utcDay(a));
      }),
    );
  });
});

describe('todayFromInstant', () => {
  it.each([
    ['2026-11-28T23:30:00Z', 'UTC', '2026-11-28'],
    ['2026-11-28T23:30:00Z', 'Pacific/Auckland', '2026-11-29'],
    ['2026-11-29T02:00:00Z', 'America/Los_Angeles', '2026-11-28'],
    ['2026-11-29T08:00:00Z', 'America/Los_Angeles', '2026-11-29'],
    ['2024-02-29T12:00:00Z', 'America/Chicago', '2024-02-29'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(todayFromInstant(new Date(instant), zone)).toBe(expected);
  });

  it('defaults to UTC and rejects unknown zones and invalid instants', () => {
    expect(todayFromInstant(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01');
    expect(() => todayFromInstant(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => todayFromInstant(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('in UTC matches the ISO date of the instant', () => {
    fc.assert(
      fc.property(calendarDateArb, fc.integer({ min: 0, max: 86_399_999 }), (d, ms) => {
        expect(todayFromInstant(new Date(Date.parse(`${d}T00:00:00Z`) + ms))).toBe(d);
      }),
    );
  });
});

describe('timeRemaining', () => {
  it.each([
    ['2026-11-28', '2030-11-28', { expired: false, years: 4, months: 0, days: 0, totalDays: 1461 }],
    ['2026-11-28', '2026-11-28', { expired: false, years: 0, months: 0, days: 0, totalDays: 0 }],
    ['2026-11-29', '2026-11-28', { expired: true, years: 0, months: 0, days: 0, totalDays: -1 }],
    ['2026-11-28', '2028-02-29', { expired: false, years: 1, months: 3, days: 1, totalDays: 458 }],
    ['2026-01-31', '2026-03-01', { expired: false, years: 0, months: 1, days: 1, totalDays: 29 }],
    ['2026-11-30', '2027-01-29', { expired: false, years: 0, months: 1, days: 30, totalDays: 60 }],
    ['2024-02-29', '2025-02-28', { expired: false, years: 1, months: 0, days: 0, totalDays: 365 }],
  ])('from %s to %s', (today, deadline, expected) => {
    expect(timeRemaining(today, deadline)).toEqual(expected);
  });

  it('years, months and days added back to today reach the deadline exactly', () => {
    fc.assert(
      fc.property(recentDateArb, recentDateArb, (a, b) => {
        const [today, deadline] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const r = timeRemaining(today, deadline);
        expect(r.expired).toBe(false);
        expect(addDays(addMonths(today, r.years * 12 + r.months), r.days)).toBe(deadline);
        expect(r.months).toBeLessThan(12);
        expect(r.days).toBeLessThan(31);
        expect(r.totalDays).toBe(daysBetween(today, deadline));
      }),
    );
  });
});

describe('formatCalendarDate', () => {
  it.each([
    ['2026-11-28', '28 November 2026'],
    ['2024-02-29', '29 February 2024'],
    ['2027-01-01', '1 January 2027'],
  ])('%s → %s', (date, expected) => {
    expect(formatCalendarDate(date)).toBe(expected);
  });

  it('rejects an invalid date', () => {
    expect(() => formatCalendarDate('2026-02-30')).toThrow(RangeError);
  });
});
