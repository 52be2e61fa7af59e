import type { Money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import { findClaimForApplication } from '../../agreements/claims-repository.js';
import { waiveHoursForGraduate } from '../../agreements/rules/graduate-eligibility.js';
import { type ApplicationFeeSummary, applicationFeeSummary } from '../../payments/application-fee.js';
import { latestCheckout } from '../../payments/repository.js';
import { feeFor } from '../../policy/policy.js';
import type { PolicyVersion } from '../../policy/repository.js';
import { type ApplicationAssessment, assessApplication, detailsOf } from '../assessment.js';
import type { ApplicationDetails } from '../forms.js';
import { EDITABLE, policyFor, requireCandidate } from '../own-application.js';
import {
  type ApplicationRow,
  type ExperienceRow,
  findCurrentApplication,
  listExperience,
  listMessages,
  type MessageRow,
} from '../repository.js';

export interface ApplicationOverview extends ApplicationAssessment {
  application: ApplicationRow;
  details: ApplicationDetails;
  entries: ExperienceRow[];
  messages: MessageRow[];
  policy: PolicyVersion;
  editable: boolean;
  /** Both application fees from the policy, and the one this applicant would pay now. */
  fees: { member: Money; nonMember: Money; applicable: Money };
  fee: ApplicationFeeSummary | null;
  /** The staff's latest question while the application waits for the candidate's answer. */
  openInfoRequest: MessageRow | null;
  /** The last card attempt was declined and the fee is still unpaid. */
  lastCardDeclined: boolean;
  emailVerified: boolean;
}

/** Everything the candidate's own application pages and API show; null before they start one. */
export async function getMyApplication(ctx: Ctx): Promise<ApplicationOverview | null> {
  const user = requireCandidate(ctx);
  const app = await findCurrentApplication(ctx.db, user.userId);
  if (!app) return null;
  const [entries, messages, policy, fee] = await Promise.all([
    listExperience(ctx.db, app.id),
    listMessages(ctx.db, app.id),
    policyFor(ctx.db, app),
    applicationFeeSummary(ctx.db, app.id),
  ]);
  const last = fee ? await latestCheckout(ctx.db, fee.feeId) : undefined;
  const infoRequests = messages.filter((m) => m.kind === 'info_request');
  const member = app.alaMemberNumber !== null;
  return {
    application: app,
    details: detailsOf(app),
    entries,
    messages,
    policy,
    editable: EDITABLE.includes(app.status),
    ...waiveHoursForGraduate(
      assessApplication(app, entries, policy.policy, ctx.clock.today()),
      await findClaimForApplication(ctx.db, app.id),
    ),
    fees: {
      member: feeFor(policy.policy, 'application', true),
      nonMember: feeFor(policy.policy, 'application', false),
      applicable: fee?.amount ?? feeFor(policy.policy, 'application', member),
    },
    fee,
    openInfoRequest: app.status === 'info_requested' ? (infoRequests.at(-1) ?? null) : null,
    lastCardDeclined: !!fee && !fee.balance.settled && last?.status === 'failed',
    emailVerified: user.emailVerified,
  };
}

/** Both application fees under the policy in force (for pages shown before a draft exists). */
export async function activeApplicationFees(ctx: Ctx): Promise<{ member: Money; nonMember: Money }> {
  requireCandidate(ctx);
  const { policy } = await policyFor(ctx.db, null);
  return { member: feeFor(policy, 'application', true), nonMember: feeFor(policy, 'application', false) };
}
