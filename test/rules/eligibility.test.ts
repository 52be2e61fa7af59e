import { describe, expect, it } from 'vitest';
import {
  assessEligibility,
  type EligibilityInput,
  type ExperienceEntry,
  eligibilityWindow,
  selfCheck,
} from '../../src/modules/applications/rules/eligibility.js';
import { defaultPolicy, type ProgramPolicy } from '../../src/modules/policy/policy.js';
import { libraryJob } from './fixtures.js';

const today = '2026-11-28';
// With the default policy the window for an application made today is 2021-11-29 .. 2026-11-28.

function assess(
  experience: ExperienceEntry[],
  extra: Partial<EligibilityInput> = {},
  policy = defaultPolicy,
) {
  return assessEligibility({ today, hasHighSchool: true, experience, ...extra }, policy);
}

const shortBy = (hours: string) =>
  `You have ${hours} of the 1,820 hours needed in the last 5 years (since 29 November 2021).`;

describe('the 1,820-hour threshold', () => {
  it.each<[string, Partial<ExperienceEntry>, number, string]>([
    ['1,820 total hours inside the window', { totalHours: 1820 }, 1820, ''],
    ['1,819 total hours', { totalHours: 1819 }, 1819, '1,819'],
    ['1,819.99 total hours', { totalHours: 1819.99 }, 1819.99, '1,819.99'],
    ['1,819.995 total hours (rounded down)', { totalHours: 1819.995 }, 1819.99, '1,819.99'],
    // 1.15 × 100 is 114.999… in floating point; rounding down must not lose the hundredth.
    ['1.15 total hours', { totalHours: 1.15 }, 1.15, '1.15'],
    [
      '7 h/week for 1,820 days',
      { startDate: '2021-12-05', endDate: today, hoursPerWeek: 7, totalHours: null },
      1820,
      '',
    ],
    [
      '7 h/week for 1,819 days',
      { startDate: '2021-12-06', endDate: today, hoursPerWeek: 7, totalHours: null },
      1819,
      '1,819',
    ],
    ['35 h/week for 52 weeks', { endDate: '2023-12-30', hoursPerWeek: 35, totalHours: null }, 1820, ''],
    [
      '35 h/week for 52 weeks less a day',
      { endDate: '2023-12-29', hoursPerWeek: 35, totalHours: null },
      1815,
      '1,815',
    ],
  ])('%s counts %d hours', (_, overrides, counted, shownAs) => {
    const result = assess([libraryJob(overrides)]);
    expect(result.countedHours).toBe(counted);
    expect(result.eligible).toBe(shownAs === '');
    expect(result.requiredHours).toBe(1820);
    expect(result.reasons).toEqual(
      shownAs === '' ? [] : [{ code: 'NOT_ENOUGH_HOURS', message: shortBy(shownAs) }],
    );
  });

  it('says how far short the applicant is, in plain numbers', () => {
    expect(assess([libraryJob({ totalHours: 1240 })]).reasons).toEqual([
      { code: 'NOT_ENOUGH_HOURS', message: shortBy('1,240') },
    ]);
  });

  it('two part-time jobs held at the same time add up', () => {
    const halfTime = { endDate: '2023-12-30', hoursPerWeek: 17.5, totalHours: null };
    const result = assess([
      libraryJob(halfTime),
      libraryJob({ ...halfTime, library: 'Springfield College Library' }),
    ]);
    expect(result.entries.map((e) => e.countedHours)).toEqual([910, 910]);
    expect(result.countedHours).toBe(1820);
    expect(result.eligible).toBe(true);
  });
});

describe('the 5-year window', () => {
  it('runs from the day after the same date 5 years back, to the day of applying', () => {
    expect(assess([libraryJob()]).window).toEqual({ from: '2021-11-29', to: '2026-11-28' });
    expect(eligibilityWindow('2024-02-29', defaultPolicy)).toEqual({ from: '2019-03-01', to: '2024-02-29' });
  });

  it('counts only the part of an entry inside the window (total hours prorated by days)', () => {
    // 2020-01-01 .. 2022-12-31 is 1,096 days; 398 of them fall on or after 2021-11-29.
    const [entry] = assess([
      libraryJob({ startDate: '2020-01-01', endDate: '2022-12-31', totalHours: 3000 }),
    ]).entries;
    expect(entry).toEqual({
      index: 0,
      countedHours: 1089.41,
      daysInside: 398,
      outsideWindow: false,
      errors: [],
    });
  });

  it('counts only the part of an entry inside the window (hours per week)', () => {
    const [entry] = assess([
      libraryJob({ startDate: '2020-01-01', endDate: '2022-12-31', hoursPerWeek: 20, totalHours: null }),
    ]).entries;
    expect(entry?.daysInside).toBe(398);
    expect(entry?.countedHours).toBe(1137.14); // 20 × 398 / 7 = 1,137.142…
  });

  it.each([
    ['2021-11-28', 'the day before the window', 0, 0],
    ['2021-11-29', 'the first day inside', 1, 1],
    [today, 'the last day inside (today)', 1, 1],
  ])('one day worked on %s (%s) counts %i day(s)', (day, _, daysInside, hours) => {
    const [entry] = assess([
      libraryJob({ startDate: day, endDate: day, hoursPerWeek: 7, totalHours: null }),
    ]).entries;
    expect(entry).toMatchObject({ daysInside, countedHours: hours, outsideWindow: daysInside === 0 });
  });

  it('splits a total across the window edge by days', () => {
    const [entry] = assess([
      libraryJob({ startDate: '2021-11-28', endDate: '2021-11-29', totalHours: 10 }),
    ]).entries;
    expect(entry).toMatchObject({ daysInside: 1, countedHours: 5 });
  });

  it('counts an ongoing job through today', () => {
    const result = assess([
      libraryJob({ startDate: '2026-11-22', endDate: null, hoursPerWeek: 7, totalHours: null }),
      libraryJob({ startDate: '2026-11-19', endDate: null, totalHours: 100 }),
    ]);
    expect(result.entries.map((e) => [e.daysInside, e.countedHours])).toEqual([
      [7, 7],
      [10, 100],
    ]);
  });

  it('uses the submission date, not today, when one is given', () => {
    const result = assess(
      [libraryJob({ startDate: '2026-01-01', endDate: null, hoursPerWeek: 7, totalHours: null })],
      {
        submittedOn: '2026-06-30',
      },
    );
    expect(result.window).toEqual({ from: '2021-07-01', to: '2026-06-30' });
    expect(result.entries[0]).toMatchObject({ daysInside: 181, countedHours: 181 });
    expect(() => assess([libraryJob()], { submittedOn: '2026-11-29' })).toThrow(RangeError);
  });

  it('follows the policy: 1,000 hours in the last year', () => {
    const policy: ProgramPolicy = structuredClone(defaultPolicy);
    policy.eligibility.minHours = 1000;
    policy.eligibility.windowYears = 1;
    const result = assess(
      [libraryJob({ startDate: '2025-11-28', endDate: today, totalHours: 999 })],
      {},
      policy,
    );
    expect(result.window).toEqual({ from: '2025-11-29', to: today });
    expect(result.countedHours).toBe(996.27); // 999 × 365 / 366 days = 996.2705…
    expect(result.reasons).toEqual([
      {
        code: 'NOT_ENOUGH_HOURS',
        message: 'You have 996.27 of the 1,000 hours needed in the last year (since 29 November 2025).',
      },
    ]);
  });
});

describe('entry errors', () => {
  it.each<[string, Partial<ExperienceEntry>, string[]]>([
    ['an impossible date', { startDate: '2026-02-30' }, ['INVALID_DATE']],
    ['end before start', { startDate: '2024-05-01', endDate: '2024-04-30' }, ['END_BEFORE_START']],
    ['start tomorrow', { startDate: '2026-11-29', endDate: null }, ['START_IN_FUTURE']],
    ['end tomorrow', { startDate: '2026-01-01', endDate: '2026-11-29' }, ['END_IN_FUTURE']],
    [
      'start and end next month',
      { startDate: '2026-12-01', endDate: '2026-12-31' },
      ['START_IN_FUTURE', 'END_IN_FUTURE'],
    ],
    ['no hours', { hoursPerWeek: null, totalHours: null }, ['HOURS_MISSING']],
    ['both kinds of hours', { hoursPerWeek: 20, totalHours: 1000 }, ['HOURS_BOTH']],
    ['0 hours per week', { hoursPerWeek: 0, totalHours: null }, ['HOURS_PER_WEEK_OUT_OF_RANGE']],
    ['80.01 hours per week', { hoursPerWeek: 80.01, totalHours: null }, ['HOURS_PER_WEEK_OUT_OF_RANGE']],
    ['NaN hours per week', { hoursPerWeek: Number.NaN, totalHours: null }, ['HOURS_PER_WEEK_OUT_OF_RANGE']],
    ['0 total hours', { totalHours: 0 }, ['TOTAL_HOURS_OUT_OF_RANGE']],
    ['100,000.5 total hours', { totalHours: 100_000.5 }, ['TOTAL_HOURS_OUT_OF_RANGE']],
  ])('%s', (_, overrides, codes) => {
    const result = assess([libraryJob(overrides)]);
    const [entry] = result.entries;
    expect(entry?.errors.map((e) => e.code)).toEqual(codes);
    expect(entry).toMatchObject({ countedHours: 0, daysInside: 0, outsideWindow: false });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['INVALID_ENTRIES', 'NOT_ENOUGH_HOURS']);
  });

  it.each<[Partial<ExperienceEntry>]>([[{ hoursPerWeek: 80, totalHours: null }], [{ totalHours: 100_000 }]])(
    'accepts the upper bound %j',
    (overrides) => {
      expect(assess([libraryJob(overrides)]).entries[0]?.errors).toEqual([]);
    },
  );

  it('explains each problem in words and names the entries to fix', () => {
    const result = assess([
      libraryJob({ endDate: '2026-12-01' }),
      libraryJob(),
      libraryJob({ hoursPerWeek: 20 }),
    ]);
    expect(result.entries[0]?.errors).toEqual([
      {
        code: 'END_IN_FUTURE',
        message: 'The end date is in the future. If you still work there, leave the end date empty.',
      },
    ]);
    expect(result.countedHours).toBe(1820);
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      { code: 'INVALID_ENTRIES', message: 'Work entries 1 and 3 need fixing before their hours can count.' },
    ]);
  });
});

describe('other reasons', () => {
  it('requires a high-school diploma or equivalent', () => {
    const result = assess([libraryJob()], { hasHighSchool: false });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      {
        code: 'NO_HIGH_SCHOOL',
        message: 'You need a high-school diploma or an equivalent, such as a GED, to apply.',
      },
    ]);
    const policy = structuredClone(defaultPolicy);
    policy.eligibility.requiresHighSchool = false;
    expect(assess([libraryJob()], { hasHighSchool: false }, policy).eligible).toBe(true);
  });

  it('asks for experience when none is listed', () => {
    expect(assess([])).toEqual({
      eligible: false,
      countedHours: 0,
      requiredHours: 1820,
      window: { from: '2021-11-29', to: today },
      entries: [],
      reasons: [
        {
          code: 'NO_EXPERIENCE',
          message: 'Add the library work, paid or volunteer, that you have done in the last 5 years.',
        },
      ],
    });
  });

  it('keeps the entry id so a form can point at it', () => {
    expect(assess([libraryJob({ id: 'e-1' })]).entries[0]?.id).toBe('e-1');
  });
});

describe('selfCheck', () => {
  it.each<[boolean, number, boolean, string[]]>([
    [true, 1820, true, []],
    [true, 1819.99, false, ['NOT_ENOUGH_HOURS']],
    [false, 5000, false, ['NO_HIGH_SCHOOL']],
    [false, 0, false, ['NO_HIGH_SCHOOL', 'NOT_ENOUGH_HOURS']],
  ])('high school %s, %d hours → eligible %s', (hasHighSchool, hours, eligible, codes) => {
    const result = selfCheck({ today, hasHighSchool, hoursLastFiveYears: hours }, defaultPolicy);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('uses the same message as the full check', () => {
    expect(
      selfCheck({ today, hasHighSchool: true, hoursLastFiveYears: 1240 }, defaultPolicy).reasons,
    ).toEqual([{ code: 'NOT_ENOUGH_HOURS', message: shortBy('1,240') }]);
    expect(() => selfCheck({ today, hasHighSchool: true, hoursLastFiveYears: -1 }, defaultPolicy)).toThrow(
      RangeError,
    );
  });
});
