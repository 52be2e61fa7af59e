import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/lib/calendar-date.js';
import {
  assessEligibility,
  type ExperienceEntry,
  selfCheck,
} from '../../src/modules/applications/rules/eligibility.js';
import { defaultPolicy } from '../../src/modules/policy/policy.js';
import { libraryJob } from './fixtures.js';

// Property tests for eligibility; the worked examples are in eligibility.test.ts.

const today = '2026-11-28';
const assess = (experience: ExperienceEntry[], hasHighSchool = true) =>
  assessEligibility({ today, hasHighSchool, experience }, defaultPolicy);

describe('eligibility properties', () => {
  const hoursArb = fc.oneof(
    fc.integer({ min: 1, max: 320 }).map((q) => ({ hoursPerWeek: q / 4, totalHours: null })),
    fc.integer({ min: 1, max: 10_000_000 }).map((c) => ({ hoursPerWeek: null, totalHours: c / 100 })),
  );
  const validEntryArb = fc
    .record({ back: fc.nat(4000), length: fc.nat(4000), ongoing: fc.boolean(), hours: hoursArb })
    .map(({ back, length, ongoing, hours }) => {
      const startDate = addDays(today, -back);
      return libraryJob({
        startDate,
        endDate: ongoing ? null : addDays(startDate, Math.min(length, back)),
        ...hours,
      });
    });
  const anyEntryArb = fc.oneof(
    validEntryArb,
    validEntryArb.map((e) => ({ ...e, hoursPerWeek: 81, totalHours: null })),
  );
  const cents = (hours: number) => Math.round(hours * 100);

  it('an entry never counts for more than it claims, nor for more days than it or the window has', () => {
    fc.assert(
      fc.property(validEntryArb, (e) => {
        const [a] = assess([e]).entries;
        const entryDays = daysBetween(e.startDate, e.endDate ?? today) + 1;
        const claimed = e.totalHours ?? ((e.hoursPerWeek ?? 0) * entryDays) / 7;
        expect(a?.errors).toEqual([]);
        expect(a?.countedHours).toBeLessThanOrEqual(claimed);
        expect(a?.daysInside).toBeLessThanOrEqual(Math.min(entryDays, 1826));
      }),
    );
  });

  it('the total is the sum of the entries, and eligibility is exactly "total ≥ 1,820"', () => {
    fc.assert(
      fc.property(fc.array(validEntryArb, { minLength: 1, maxLength: 6 }), (entries) => {
        const result = assess(entries);
        expect(cents(result.countedHours)).toBe(
          result.entries.reduce((sum, e) => sum + cents(e.countedHours), 0),
        );
        expect(result.eligible).toBe(result.countedHours >= 1820);
      }),
    );
  });

  it('adding an entry never lowers the counted hours', () => {
    fc.assert(
      fc.property(fc.array(anyEntryArb, { maxLength: 5 }), anyEntryArb, (entries, extra) => {
        expect(assess([...entries, extra]).countedHours).toBeGreaterThanOrEqual(assess(entries).countedHours);
      }),
    );
  });

  it('more hours never make an eligible applicant ineligible, and both checks agree', () => {
    fc.assert(
      fc.property(fc.nat(400_000), fc.nat(400_000), fc.boolean(), (c1, c2, hasHighSchool) => {
        const [low, high] = [Math.min(c1, c2) / 100 || 0.01, Math.max(c1, c2) / 100 || 0.01];
        const full = (h: number) => assess([libraryJob({ totalHours: h })], hasHighSchool).eligible;
        const self = (h: number) =>
          selfCheck({ today, hasHighSchool, hoursLastFiveYears: h }, defaultPolicy).eligible;
        if (full(low)) expect(full(high)).toBe(true);
        expect(full(low)).toBe(self(low));
        expect(full(high)).toBe(self(high));
      }),
    );
  });
});
