import { formatMoney, money } from '../../lib/money.js';
import type { ProgramPolicy } from './policy.js';

/** A policy as sections of labelled values, so staff can read every rule the system applies. */
export interface PolicySection {
  title: string;
  rows: Array<[label: string, value: string]>;
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const n = (v: number) => v.toLocaleString('en-US');
const unit = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

export function policySections(p: ProgramPolicy): PolicySection[] {
  const usd = (cents: number) => formatMoney(money(cents, p.currency));
  const fee = (f: { memberCents: number; nonMemberCents: number }) =>
    `${usd(f.memberCents)} members, ${usd(f.nonMemberCents)} non-members`;
  return [
    {
      title: 'Eligibility',
      rows: [
        ['Minimum library work', unit(p.eligibility.minHours, 'hour')],
        ['Counted within the last', unit(p.eligibility.windowYears, 'year')],
        ['High-school diploma or equivalent required', yesNo(p.eligibility.requiresHighSchool)],
        ['Hours in one year of full-time work', unit(p.eligibility.hoursPerYearFullTime, 'hour')],
      ],
    },
    {
      title: 'Fees',
      rows: [
        ['Currency', p.currency],
        ['Application', fee(p.fees.application)],
        ['Portfolio, per set', fee(p.fees.portfolio)],
        ['Course approval', fee(p.fees.courseApproval)],
        ['Course approval renewal', fee(p.fees.courseApprovalRenewal)],
        ['Certification renewal', fee(p.fees.certificationRenewal)],
      ],
    },
    {
      title: 'Certification',
      rows: [
        ['Electives required', n(p.certification.electivesRequired)],
        ['Years to complete after admission', unit(p.certification.completionYears, 'year')],
        ['Certification valid for', unit(p.certification.validityYears, 'year')],
        [
          'Provisional certification: years to meet the hours',
          unit(p.certification.provisionalHoursYears, 'year'),
        ],
      ],
    },
    {
      title: 'Renewal and continuing education',
      rows: [
        ['Renewal window before expiry', unit(p.renewal.windowMonthsBeforeExpiry, 'month')],
        ['Grace period after expiry', unit(p.renewal.graceMonths, 'month')],
        ['Continuing-education hours required', unit(p.renewal.ceHoursRequired, 'hour')],
        ['Of which about technology, at least', unit(p.renewal.ceTechnologyHoursRequired, 'hour')],
        ['Shortest activity accepted', unit(p.renewal.minActivityMinutes, 'minute')],
        ['One semester credit counts as', unit(p.renewal.conversions.semesterCreditHours, 'hour')],
        ['One quarter credit counts as', unit(p.renewal.conversions.quarterCreditHours, 'hour')],
        ['One conference day counts as', unit(p.renewal.conversions.conferenceDayHours, 'hour')],
      ],
    },
    {
      title: 'Courses',
      rows: [
        ['Approval valid for', unit(p.courses.approvalYears, 'year')],
        ['Retroactive credit before approval', unit(p.courses.retroactiveYears, 'year')],
        ['Course evaluators per application', n(p.courses.evaluatorsPerApplication)],
      ],
    },
    {
      title: 'Portfolios',
      rows: [
        ['Evaluators per portfolio', n(p.portfolios.evaluatorsPerPortfolio)],
        ['Pass: competencies met, at least', `${n(p.portfolios.passMetMinPercent)}%`],
        ['Pass: competencies partially met, at most', `${n(p.portfolios.partialMaxPercent)}%`],
        ['Resubmissions allowed', n(p.portfolios.resubmissionsAllowed)],
      ],
    },
    {
      title: 'Appeals',
      rows: [
        ['Notice of intent within', unit(p.appeals.intentDays, 'calendar day')],
        ['Grounds within', unit(p.appeals.groundsDays, 'day')],
      ],
    },
    {
      title: 'Refunds',
      rows: [
        [
          'Application fee refunded when found ineligible',
          yesNo(p.refunds.applicationFeeRefundableWhenIneligible),
        ],
      ],
    },
  ];
}
