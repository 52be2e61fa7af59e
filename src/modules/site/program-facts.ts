import { formatMoney } from '../../lib/money.js';
import { formatNumber } from '../../views/format.js';
import { electiveSets, type Framework, requiredSets } from '../policy/framework.js';
import { type FeeKind, feeFor, type ProgramPolicy } from '../policy/policy.js';

/**
 * Every figure the public pages quote, read from the active policy and framework. Pages never
 * write a number themselves: a state program that changes its policy changes its pages.
 */
export interface ProgramFacts {
  minHours: string;
  windowYears: number;
  /** "about 1 year" of full-time work, from the policy's full-time hours per year. */
  minHoursInYears: string;
  requiresHighSchool: boolean;
  completionYears: number;
  validityYears: number;
  requiredSetCount: number;
  electiveSetCount: number;
  electivesRequired: number;
  setsNeeded: number;
  totalSets: number;
  renewalHours: number;
  renewalTechHours: number;
  renewalWindowMonths: number;
  graceMonths: number;
  refundWhenIneligible: boolean;
  fees: FeeLine[];
  applicationFee: { member: string; nonMember: string };
  portfolioFee: { member: string; nonMember: string };
  renewalFee: { member: string; nonMember: string };
}

export interface FeeLine {
  kind: FeeKind;
  label: string;
  memberCents: number;
  nonMemberCents: number;
  member: string;
  nonMember: string;
}

export function feeLabel(kind: FeeKind, policy: ProgramPolicy): string {
  switch (kind) {
    case 'application':
      return `Application (includes ${years(policy.certification.completionYears)} of access to the system)`;
    case 'portfolio':
      return 'Portfolio, per competency set';
    case 'courseApproval':
      return `Course approval (for course providers), per course, valid ${years(policy.courses.approvalYears)}`;
    case 'courseApprovalRenewal':
      return `Course approval renewal, ${years(policy.courses.approvalYears)} more`;
    case 'certificationRenewal':
      return 'Certification renewal';
  }
}

const feeKinds: FeeKind[] = [
  'application',
  'portfolio',
  'courseApproval',
  'courseApprovalRenewal',
  'certificationRenewal',
];

export function feeLines(policy: ProgramPolicy): FeeLine[] {
  return feeKinds.map((kind) => ({
    kind,
    label: feeLabel(kind, policy),
    memberCents: policy.fees[kind].memberCents,
    nonMemberCents: policy.fees[kind].nonMemberCents,
    member: formatMoney(feeFor(policy, kind, true)),
    nonMember: formatMoney(feeFor(policy, kind, false)),
  }));
}

export function programFacts(policy: ProgramPolicy, framework: Framework): ProgramFacts {
  const e = policy.eligibility;
  const required = requiredSets(framework).length;
  const electives = electiveSets(framework).length;
  const pair = (kind: FeeKind) => ({
    member: formatMoney(feeFor(policy, kind, true)),
    nonMember: formatMoney(feeFor(policy, kind, false)),
  });
  const yearsOfWork = e.minHours / e.hoursPerYearFullTime;
  return {
    minHours: formatNumber(e.minHours),
    windowYears: e.windowYears,
    minHoursInYears: `about ${formatNumber(yearsOfWork, 1)} ${yearsOfWork === 1 ? 'year' : 'years'}`,
    requiresHighSchool: e.requiresHighSchool,
    completionYears: policy.certification.completionYears,
    validityYears: policy.certification.validityYears,
    requiredSetCount: required,
    electiveSetCount: electives,
    electivesRequired: policy.certification.electivesRequired,
    setsNeeded: required + policy.certification.electivesRequired,
    totalSets: required + electives,
    renewalHours: policy.renewal.ceHoursRequired,
    renewalTechHours: policy.renewal.ceTechnologyHoursRequired,
    renewalWindowMonths: policy.renewal.windowMonthsBeforeExpiry,
    graceMonths: policy.renewal.graceMonths,
    refundWhenIneligible: policy.refunds.applicationFeeRefundableWhenIneligible,
    fees: feeLines(policy),
    applicationFee: pair('application'),
    portfolioFee: pair('portfolio'),
    renewalFee: pair('certificationRenewal'),
  };
}

/** "4 years", "1 year". */
export function years(n: number): string {
  return `${n} ${n === 1 ? 'year' : 'years'}`;
}

export function months(n: number): string {
  return `${n} ${n === 1 ? 'month' : 'months'}`;
}
