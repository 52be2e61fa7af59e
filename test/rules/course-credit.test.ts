import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/lib/calendar-date.js';
import {
  type CountedCompletion,
  judgeCompletion,
  setsAchievedByCourses,
} from '../../src/modules/completions/rules/credit.js';

const approved = { startsOn: '2025-03-15', endsOn: '2029-03-15' };
const judge = (completedOn: string, periods = [approved], passed = true) =>
  judgeCompletion({ completedOn, passed, periods, retroactiveYears: 2 });

describe('the credit rule for one completion', () => {
  it('counts exactly 2 years before the approval date, not the day before', () => {
    expect(judge('2023-03-15')).toEqual({ counts: true });
    const before = judge('2023-03-14');
    expect(before.counts).toBe(false);
    expect(!before.counts && before.reason).toMatch(/more than 2 years before the course was approved/);
    expect(!before.counts && before.reason).toMatch(/March 15, 2023|15 March 2023/);
  });

  it('counts on the last day of approval, not the day after', () => {
    expect(judge('2029-03-15')).toEqual({ counts: true });
    const after = judge('2029-03-16');
    expect(after.counts).toBe(false);
    expect(!after.counts && after.reason).toMatch(/after the course's approval ended/);
  });

  it('keeps counting completions made while a course that has since lapsed was approved', () => {
    expect(judge('2027-06-01')).toEqual({ counts: true });
  });

  it('counts inside a renewal period and refuses the gap when a renewal came after a lapse', () => {
    const renewed = [approved, { startsOn: '2030-01-10', endsOn: '2034-01-10' }];
    expect(judge('2031-05-05', renewed)).toEqual({ counts: true });
    const gap = judge('2029-08-01', renewed);
    expect(gap.counts).toBe(false);
    expect(!gap.counts && gap.reason).toMatch(/lapsed/);
    // Retroactive credit reaches back from the first approval only.
    expect(judge('2023-03-15', renewed)).toEqual({ counts: true });
  });

  it('does not count a course the provider reports as not passed', () => {
    const failed = judge('2026-01-01', [approved], false);
    expect(failed).toEqual({
      counts: false,
      reason: 'The provider reported that the course was not passed.',
    });
  });

  it('handles a 29 February approval: the retroactive window starts on 28 February', () => {
    const leap = [{ startsOn: '2028-02-29', endsOn: '2032-02-29' }];
    expect(judge('2026-02-28', leap)).toEqual({ counts: true });
    expect(judge('2026-02-27', leap).counts).toBe(false);
  });

  it('property: counts exactly when within [approval − 2 years, end of approval] for one period', () => {
    const day = fc.integer({ min: -2000, max: 3000 }).map((n) => addDays('2025-03-15', n));
    fc.assert(
      fc.property(day, (completedOn) => {
        const expected = completedOn >= addYears(approved.startsOn, -2) && completedOn <= approved.endsOn;
        expect(judge(completedOn).counts).toBe(expected);
      }),
    );
  });
});

describe('sets achieved by counted completions', () => {
  const single = (over: Partial<CountedCompletion>): CountedCompletion => ({
    courseId: 'c1',
    setId: 'foundations',
    bundleId: null,
    completedOn: '2026-05-01',
    reference: 'CRS-2026-000001',
    ...over,
  });

  it('achieves a set on the earliest completion of any single course for it', () => {
    const achieved = setsAchievedByCourses(
      [single({ completedOn: '2026-07-01', courseId: 'c2', reference: 'CRS-2026-000002' }), single({})],
      new Map(),
    );
    expect(achieved).toEqual([
      { setId: 'foundations', achievedOn: '2026-05-01', reference: 'CRS-2026-000001' },
    ]);
  });

  it('achieves a bundle set only when every course of the bundle is completed, on the last date', () => {
    const bundles = new Map([['b1', ['c1', 'c2', 'c3']]]);
    const part = (courseId: string, completedOn: string) =>
      single({ courseId, completedOn, bundleId: 'b1', setId: 'technology', reference: 'CRS-2026-000009' });
    expect(setsAchievedByCourses([part('c1', '2026-01-01'), part('c2', '2026-02-01')], bundles)).toEqual([]);
    expect(
      setsAchievedByCourses(
        [part('c1', '2026-01-01'), part('c2', '2026-02-01'), part('c3', '2026-01-15')],
        bundles,
      ),
    ).toEqual([{ setId: 'technology', achievedOn: '2026-02-01', reference: 'CRS-2026-000009' }]);
  });

  it('property: a bundle is achieved if and only if all its courses appear', () => {
    fc.assert(
      fc.property(fc.subarray(['c1', 'c2', 'c3', 'c4']), (done) => {
        const bundles = new Map([['b1', ['c1', 'c2', 'c3', 'c4']]]);
        const completions = done.map((courseId) =>
          single({ courseId, bundleId: 'b1', reference: 'CRS-2026-000010' }),
        );
        expect(setsAchievedByCourses(completions, bundles).length).toBe(done.length === 4 ? 1 : 0);
      }),
    );
  });
});
