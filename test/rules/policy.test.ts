import { describe, expect, it } from 'vitest';
import { money } from '../../src/lib/money.js';
import { electiveSets, findSet, frameworkSchema, requiredSets } from '../../src/modules/policy/framework.js';
import { defaultPolicy, type FeeKind, feeFor, programPolicySchema } from '../../src/modules/policy/policy.js';
import { loadSeedFramework, readSeedFrameworkJson } from './fixtures.js';

const clonePolicy = () => structuredClone(defaultPolicy);

describe('defaultPolicy', () => {
  it('passes its own schema unchanged', () => {
    expect(programPolicySchema.parse(defaultPolicy)).toEqual(defaultPolicy);
  });

  it('carries the numbers of the published program', () => {
    expect(defaultPolicy.eligibility).toEqual({
      minHours: 1820,
      windowYears: 5,
      requiresHighSchool: true,
      hoursPerYearFullTime: 1820,
    });
    expect(defaultPolicy.certification).toEqual({
      electivesRequired: 3,
      completionYears: 4,
      validityYears: 4,
      provisionalHoursYears: 4,
    });
    expect(defaultPolicy.renewal.ceHoursRequired).toBe(32);
    expect(defaultPolicy.renewal.ceTechnologyHoursRequired).toBe(4);
    expect(defaultPolicy.portfolios).toEqual({
      evaluatorsPerPortfolio: 2,
      passMetMinPercent: 70,
      partialMaxPercent: 30,
      resubmissionsAllowed: 1,
    });
    expect(defaultPolicy.appeals).toEqual({ intentDays: 10, groundsDays: 30 });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(defaultPolicy.fees.application)).toBe(true);
    expect(() => {
      (defaultPolicy.eligibility as { minHours: number }).minHours = 1;
    }).toThrow(TypeError);
  });
});

describe('programPolicySchema rejects a policy that cannot be right', () => {
  it.each<[string, (p: ReturnType<typeof clonePolicy>) => void]>([
    ['a fee in fractional cents', (p) => (p.fees.application.memberCents = 325.5)],
    ['a negative fee', (p) => (p.fees.portfolio.nonMemberCents = -1)],
    ['zero hours', (p) => (p.eligibility.minHours = 0)],
    ['a percentage over 100', (p) => (p.portfolios.passMetMinPercent = 101)],
    ['more technology hours than CE hours', (p) => (p.renewal.ceTechnologyHoursRequired = 33)],
    ['an intent period longer than the grounds period', (p) => (p.appeals.intentDays = 31)],
    ['an empty version', (p) => (p.version = ' ')],
    ['a key this code does not know', (p) => Object.assign(p.fees, { examCents: 100 })],
  ])('%s', (_, spoil) => {
    const policy = clonePolicy();
    spoil(policy);
    expect(programPolicySchema.safeParse(policy).success).toBe(false);
  });
});

describe('feeFor', () => {
  it.each<[FeeKind, number, number]>([
    ['application', 32500, 35000],
    ['portfolio', 5000, 6000],
    ['courseApproval', 10000, 10000],
    ['courseApprovalRenewal', 10000, 10000],
    ['certificationRenewal', 10000, 12500],
  ])('%s: member %i, non-member %i cents', (kind, member, nonMember) => {
    expect(feeFor(defaultPolicy, kind, true)).toEqual(money(member));
    expect(feeFor(defaultPolicy, kind, false)).toEqual(money(nonMember));
  });

  it('reads the figures from the policy it is given', () => {
    const policy = clonePolicy();
    policy.fees.application = { memberCents: 17500, nonMemberCents: 20000 };
    expect(feeFor(policy, 'application', true)).toEqual({ amountCents: 17500, currency: 'USD' });
    expect(feeFor(policy, 'application', false)).toEqual({ amountCents: 20000, currency: 'USD' });
  });
});

describe('framework', () => {
  it('the seed file passes the schema', () => {
    expect(frameworkSchema.safeParse(readSeedFrameworkJson()).success).toBe(true);
  });

  const fw = loadSeedFramework();

  it('has the 2012 revision: 10 sets, 110 competencies, 4 inferred', () => {
    expect(fw.framework.id).toBe('lssc-2012');
    expect(fw.framework.version).toBe('2012');
    expect(fw.framework.sets).toHaveLength(10);
    const competencies = fw.framework.sets.flatMap((s) => s.competencies);
    expect(competencies).toHaveLength(110);
    expect(competencies.filter((c) => c.inferred).map((c) => c.id)).toEqual([
      'RA-12',
      'SM-15',
      'SM-16',
      'YS-12',
    ]);
  });

  it('splits sets into 3 required and 7 electives, in framework order', () => {
    expect(requiredSets(fw).map((s) => s.title)).toEqual([
      'Foundations of Library Services',
      'Communication and Teamwork',
      'Technology',
    ]);
    expect(electiveSets(fw).map((s) => s.title)).toEqual([
      'Access Services',
      "Adult Readers' Advisory Services",
      'Cataloging and Classification',
      'Collection Management',
      'Reference and Information Services',
      'Supervision and Management',
      'Youth Services',
    ]);
  });

  it('finds a set by id', () => {
    expect(findSet(fw, 'technology')?.code).toBe('TECH');
    expect(findSet(fw, 'no-such-set')).toBeUndefined();
  });

  it('rejects duplicate set or competency ids and empty sets', () => {
    const duplicateSet = structuredClone(fw);
    duplicateSet.framework.sets.push({ ...structuredClone(duplicateSet.framework.sets[0]!), code: 'X' });
    expect(frameworkSchema.safeParse(duplicateSet).success).toBe(false);

    const duplicateCompetency = structuredClone(fw);
    duplicateCompetency.framework.sets[1]!.competencies.push({ id: 'FLS-1', topic: 'Again' });
    expect(frameworkSchema.safeParse(duplicateCompetency).success).toBe(false);

    const emptySet = structuredClone(fw);
    emptySet.framework.sets[0]!.competencies = [];
    expect(frameworkSchema.safeParse(emptySet).success).toBe(false);
  });
});
