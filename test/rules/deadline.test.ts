import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates, daysBetween } from '../../src/lib/calendar-date.js';
import { completionDeadline, deadlineStatus } from '../../src/modules/applications/rules/deadline.js';
import { defaultPolicy, type ProgramPolicy } from '../../src/modules/policy/policy.js';
import { recentDateArb } from './fixtures.js';

function policyWithCompletionYears(years: number): ProgramPolicy {
  const policy = structuredClone(defaultPolicy);
  policy.certification.completionYears = years;
  return policy;
}

describe('completionDeadline', () => {
  it.each([
    ['2024-02-29', 4, '2028-02-29'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2023-02-28', 4, '2027-02-28'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2026-11-28', 4, '2030-11-28'],
    ['2026-12-31', 4, '2030-12-31'],
  ])('admitted %s with %i years → %s', (admittedOn, years, expected) => {
    expect(completionDeadline(admittedOn, policyWithCompletionYears(years))).toBe(expected);
  });

  it('uses 4 years under the default policy', () => {
    expect(completionDeadline('2024-02-29', defaultPolicy)).toBe('2028-02-29');
  });

  it('a later admission never gets an earlier deadline, and every deadline is about 4 years out', () => {
    fc.assert(
      fc.property(recentDateArb, recentDateArb, (a, b) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(
          compareDates(completionDeadline(early, defaultPolicy), completionDeadline(late, defaultPolicy)),
        ).toBeLessThanOrEqual(0);
        // Four calendar years are 1,460 or 1,461 days, one less when 29 February is clamped.
        expect([1459, 1460, 1461]).toContain(daysBetween(early, completionDeadline(early, defaultPolicy)));
      }),
    );
  });
});

describe('deadlineStatus', () => {
  it.each([
    [
      '2026-11-28',
      '2030-11-28',
      { expired: false, years: 4, months: 0, days: 0, totalDays: 1461 },
      '4 years left, until 28 November 2030.',
    ],
    [
      '2029-09-25',
      '2030-11-28',
      { expired: false, years: 1, months: 2, days: 3, totalDays: 429 },
      '1 year, 2 months, and 3 days left, until 28 November 2030.',
    ],
    [
      '2030-11-27',
      '2030-11-28',
      { expired: false, years: 0, months: 0, days: 1, totalDays: 1 },
      '1 day left, until 28 November 2030.',
    ],
    [
      '2030-11-28',
      '2030-11-28',
      { expired: false, years: 0, months: 0, days: 0, totalDays: 0 },
      'Today, 28 November 2030, is the last day.',
    ],
    [
      '2030-11-29',
      '2030-11-28',
      { expired: true, years: 0, months: 0, days: 0, totalDays: -1 },
      'The deadline, 28 November 2030, has passed.',
    ],
    [
      '2027-02-28',
      '2028-02-29',
      { expired: false, years: 1, months: 0, days: 1, totalDays: 366 },
      '1 year and 1 day left, until 29 February 2028.',
    ],
  ])('on %s, deadline %s', (today, deadline, remaining, message) => {
    const { timeLeft, ...status } = deadlineStatus(today, deadline);
    expect(status).toEqual({ deadline, ...remaining, message });
    // The dateless form says the same, for pages that show the date beside it.
    const expected = remaining.expired
      ? 'The deadline has passed.'
      : remaining.totalDays === 0
        ? 'Today is the last day.'
        : message.replace(/, until .*$/, '.');
    expect(timeLeft).toBe(expected);
  });

  it('is expired exactly when today is after the deadline', () => {
    fc.assert(
      fc.property(recentDateArb, recentDateArb, (today, deadline) => {
        const status = deadlineStatus(today, deadline);
        expect(status.expired).toBe(compareDates(today, deadline) > 0);
        expect(status.totalDays).toBe(daysBetween(today, deadline));
      }),
    );
  });
});
