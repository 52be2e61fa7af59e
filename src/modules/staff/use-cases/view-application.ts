import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { toRuleEntry } from '../../applications/assessment.js';
import { policyFor } from '../../applications/own-application.js';
import {
  type ExperienceRow,
  listExperience,
  listMessages,
  type MessageRow,
} from '../../applications/repository.js';
import { completionDeadline } from '../../applications/rules/deadline.js';
import { assessEligibility, type EligibilityResult } from '../../applications/rules/eligibility.js';
import {
  type AuditRow,
  findApplicationWithCandidate,
  listApplicationAudit,
  type StaffApplicationRow,
} from '../../applications/staff-repository.js';
import { type ApplicationFeeSummary, applicationFeeSummary } from '../../payments/application-fee.js';

export interface AvailableActions {
  requestInformation: boolean;
  recordCheck: boolean;
  admit: boolean;
  reject: boolean;
}

export interface StaffApplicationView {
  application: StaffApplicationRow;
  experience: ExperienceRow[];
  /** Eligibility recomputed by the rules as of the submission day (null for a draft). */
  eligibility: EligibilityResult | null;
  policyVersion: string;
  fee: ApplicationFeeSummary | null;
  /** What the program owes back after a rejection (policy permitting); null unless rejected. */
  refundOwedCents: number | null;
  messages: MessageRow[];
  audit: AuditRow[];
  actions: AvailableActions;
  /** If admitted today: the deadline it would get under the policy in force. */
  admitPreview: { admittedOn: string; deadlineOn: string } | null;
}

/** Everything staff need to decide on one application, in a fixed handful of queries. */
export async function viewApplication(ctx: Ctx, applicationId: string): Promise<StaffApplicationView> {
  requireRole(ctx.actor, 'staff', 'admin');
  if (!UUID_PATTERN.test(applicationId)) throw notFound('That application');
  const application = await findApplicationWithCandidate(ctx.db, applicationId);
  if (!application) throw notFound('That application');
  const [experience, messages, fee, policy] = await Promise.all([
    listExperience(ctx.db, application.id),
    listMessages(ctx.db, application.id),
    applicationFeeSummary(ctx.db, application.id),
    policyFor(ctx.db, application),
  ]);
  const audit = await listApplicationAudit(ctx.db, application.id, fee?.feeId ?? null);
  const submittedOn = application.submittedOn;
  const eligibility = submittedOn
    ? assessEligibility(
        {
          today: submittedOn,
          submittedOn,
          hasHighSchool: application.hasHighSchool ?? false,
          experience: experience.map(toRuleEntry),
        },
        policy.policy,
      )
    : null;
  const status = application.status;
  const refundable = policy.policy.refunds.applicationFeeRefundableWhenIneligible;
  return {
    application,
    experience,
    eligibility,
    policyVersion: policy.version,
    fee,
    refundOwedCents:
      status === 'rejected' ? (refundable && fee ? Math.max(0, fee.balance.netPaidCents) : 0) : null,
    messages,
    audit,
    actions: {
      requestInformation: status === 'in_review',
      recordCheck:
        (status === 'awaiting_check' || status === 'awaiting_payment') &&
        fee !== null &&
        !fee.balance.settled,
      admit: status === 'in_review',
      reject: status === 'in_review' || status === 'info_requested',
    },
    admitPreview:
      status === 'in_review'
        ? { admittedOn: ctx.clock.today(), deadlineOn: completionDeadline(ctx.clock.today(), policy.policy) }
        : null,
  };
}
