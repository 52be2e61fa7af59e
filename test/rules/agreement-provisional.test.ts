import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provisionalStanding } from '../../src/modules/certification/rules/certification.js';
import { defaultPolicy } from '../../src/modules/policy/policy.js';

const standing = (hours: number, today: string, certifiedOn = '2026-12-01') =>
  provisionalStanding(certifiedOn, hours, today, defaultPolicy);

describe('provisional to full when hours are met', () => {
  it('becomes full with exactly 1,820 hours', () => {
    expect(standing(1820, '2027-06-01')).toEqual({ kind: 'activate' });
  });

  it('stays provisional with 1,819.99 hours, saying how many are missing and until when', () => {
    expect(standing(1819.99, '2027-06-01')).toEqual({
      kind: 'short',
      hoursMissing: 0.01,
      until: '2030-12-01',
    });
  });

  it('becomes full on the last day of the 4 years', () => {
    expect(standing(2000, '2030-12-01')).toEqual({ kind: 'activate' });
  });

  it('does not become full after the 4 years', () => {
    expect(standing(2000, '2030-12-02')).toEqual({ kind: 'lapsed', until: '2030-12-01' });
  });

  it('counts the years in calendar terms from 29 February', () => {
    const oneYear = {
      ...defaultPolicy,
      certification: { ...defaultPolicy.certification, provisionalHoursYears: 1 },
    };
    expect(provisionalStanding('2028-02-29', 0, '2029-02-28', oneYear)).toMatchObject({
      until: '2029-02-28',
    });
    expect(provisionalStanding('2028-02-29', 0, '2029-03-01', oneYear).kind).toBe('lapsed');
  });

  it('follows the policy hours and years', () => {
    const policy = {
      ...defaultPolicy,
      eligibility: { ...defaultPolicy.eligibility, minHours: 1000 },
      certification: { ...defaultPolicy.certification, provisionalHoursYears: 2 },
    };
    expect(provisionalStanding('2026-12-01', 1000, '2028-12-01', policy)).toEqual({ kind: 'activate' });
    expect(provisionalStanding('2026-12-01', 1000, '2028-12-02', policy).kind).toBe('lapsed');
  });

  it('property: within the years, full exactly when the hours reach 1,820', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 1460 }),
        (hundredths, day) => {
          const today = new Date(Date.UTC(2026, 11, 1 + day)).toISOString().slice(0, 10);
          const s = standing(hundredths / 100, today);
          expect(s.kind === 'activate').toBe(hundredths >= 182_000);
          if (s.kind === 'short') expect(s.hoursMissing).toBeCloseTo((182_000 - hundredths) / 100, 2);
        },
      ),
    );
  });
});
