import { z } from 'zod';
import { type Money, money } from '../../lib/money.js';

/**
 * The program policy: every number in PROGRAM.md, as versioned data. An administrator can
 * publish a new version (a state program may adapt LSSC), and a candidate stays on the version in
 * force when they were admitted, so rules take a policy argument instead of reading constants.
 */

const count = z.int().nonnegative();
const positiveCount = z.int().positive();
const percent = z.number().min(0).max(100);

const feeSchema = z.strictObject({
  memberCents: z.int().nonnegative(),
  nonMemberCents: z.int().nonnegative(),
});

// Strict objects: a stored policy with a key this code does not know comes from another schema
// version, and silently dropping it would apply rules the administrator never saw.
export const programPolicySchema = z
  .strictObject({
    version: z.string().trim().min(1),
    title: z.string().trim().min(1),
    currency: z.literal('USD'),
    eligibility: z.strictObject({
      minHours: positiveCount,
      windowYears: positiveCount,
      requiresHighSchool: z.boolean(),
      /** Hours in one year of full-time work; used to say "1,820 hours (about 1 year)". */
      hoursPerYearFullTime: positiveCount,
    }),
    fees: z.strictObject({
      application: feeSchema,
      portfolio: feeSchema,
      courseApproval: feeSchema,
      courseApprovalRenewal: feeSchema,
      certificationRenewal: feeSchema,
    }),
    certification: z.strictObject({
      electivesRequired: count,
      completionYears: positiveCount,
      validityYears: positiveCount,
      provisionalHoursYears: positiveCount,
    }),
    renewal: z.strictObject({
      windowMonthsBeforeExpiry: count,
      graceMonths: count,
      ceHoursRequired: positiveCount,
      ceTechnologyHoursRequired: count,
      minActivityMinutes: positiveCount,
      conversions: z.strictObject({
        semesterCreditHours: positiveCount,
        quarterCreditHours: positiveCount,
        conferenceDayHours: positiveCount,
      }),
    }),
    courses: z.strictObject({
      approvalYears: positiveCount,
      retroactiveYears: count,
      evaluatorsPerApplication: positiveCount,
    }),
    portfolios: z.strictObject({
      evaluatorsPerPortfolio: positiveCount,
      passMetMinPercent: percent,
      partialMaxPercent: percent,
      resubmissionsAllowed: count,
    }),
    appeals: z.strictObject({
      intentDays: positiveCount,
      groundsDays: positiveCount,
    }),
    refunds: z.strictObject({
      applicationFeeRefundableWhenIneligible: z.boolean(),
    }),
  })
  .refine((p) => p.renewal.ceTechnologyHoursRequired <= p.renewal.ceHoursRequired, {
    message: 'Technology hours are part of the continuing-education hours, so they cannot exceed them',
    path: ['renewal', 'ceTechnologyHoursRequired'],
  })
  .refine((p) => p.appeals.intentDays <= p.appeals.groundsDays, {
    message: 'The notice of intent is due before the grounds, so its period cannot be longer',
    path: ['appeals', 'intentDays'],
  });

export type ProgramPolicy = z.infer<typeof programPolicySchema>;
export type FeeKind = keyof ProgramPolicy['fees'];

export const defaultPolicy: ProgramPolicy = deepFreeze({
  version: 'lssc-2026.1',
  title: 'LSSC default policy',
  currency: 'USD',
  eligibility: { minHours: 1820, windowYears: 5, requiresHighSchool: true, hoursPerYearFullTime: 1820 },
  fees: {
    application: { memberCents: 32500, nonMemberCents: 35000 },
    portfolio: { memberCents: 5000, nonMemberCents: 6000 },
    courseApproval: { memberCents: 10000, nonMemberCents: 10000 },
    courseApprovalRenewal: { memberCents: 10000, nonMemberCents: 10000 },
    // Program-chosen default: PROGRAM.md says the renewal fee is "set by policy" and publishes no
    // figure. These follow the course-approval fee with the usual member discount.
    certificationRenewal: { memberCents: 10000, nonMemberCents: 12500 },
  },
  certification: { electivesRequired: 3, completionYears: 4, validityYears: 4, provisionalHoursYears: 4 },
  renewal: {
    windowMonthsBeforeExpiry: 12,
    graceMonths: 2,
    ceHoursRequired: 32,
    ceTechnologyHoursRequired: 4,
    minActivityMinutes: 60,
    conversions: { semesterCreditHours: 15, quarterCreditHours: 10, conferenceDayHours: 6 },
  },
  courses: { approvalYears: 4, retroactiveYears: 2, evaluatorsPerApplication: 2 },
  portfolios: {
    evaluatorsPerPortfolio: 2,
    passMetMinPercent: 70,
    partialMaxPercent: 30,
    resubmissionsAllowed: 1,
  },
  appeals: { intentDays: 10, groundsDays: 30 },
  refunds: { applicationFeeRefundableWhenIneligible: true },
});

/** The fee a person pays; ALA members pay the member rate. */
export function feeFor(policy: ProgramPolicy, kind: FeeKind, isMember: boolean): Money {
  const fee = policy.fees[kind];
  return money(isMember ? fee.memberCents : fee.nonMemberCents, policy.currency);
}

// The default is shared by every request; freezing it turns an accidental edit into an error.
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
