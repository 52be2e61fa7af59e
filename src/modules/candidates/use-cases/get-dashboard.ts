import { type CalendarDate, todayFromInstant } from '../../../lib/calendar-date.js';
import { formatMoney, type Money, money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { findUserById } from '../../accounts/users-repository.js';
import { requireCandidate } from '../../applications/own-application.js';
import { listAchievements } from '../../applications/repository.js';
import {
  completionDeadline,
  type DeadlineStatus,
  deadlineStatus,
} from '../../applications/rules/deadline.js';
import type { ApplicationStatus } from '../../applications/schema.js';
import {
  type ApplicationOverview,
  getMyApplication,
} from '../../applications/use-cases/get-my-application.js';
import { requirementProgress } from '../../certification/rules/requirements.js';
import { findActiveFramework, findActivePolicy, findFrameworkById } from '../../policy/repository.js';
import { listPortfoliosOf } from '../../portfolios/repository.js';
import type { PortfolioStatus } from '../../portfolios/schema.js';
import { type NextStep, nextSteps } from './next-steps.js';

export interface TimelineStep {
  key: 'account' | 'drafted' | 'submitted' | 'paid' | 'admitted';
  label: string;
  state: 'done' | 'current' | 'upcoming';
  date: CalendarDate | null;
}

export interface SetStatus {
  id: string;
  code: string;
  title: string;
  required: boolean;
  achieved: { on: CalendarDate; how: 'course' | 'portfolio' | 'agreement' } | null;
  /** The candidate's latest portfolio for the set, if any. */
  portfolio: { id: string; status: PortfolioStatus; number: string | null } | null;
}

export interface Dashboard {
  displayName: string;
  emailVerified: boolean;
  application: {
    number: string | null;
    status: ApplicationStatus;
    submittedOn: CalendarDate | null;
    admittedOn: CalendarDate | null;
    rejectionReason: string | null;
  } | null;
  timeline: TimelineStep[];
  nextSteps: NextStep[];
  deadline: DeadlineStatus | null;
  framework: { id: string; title: string; pinned: boolean };
  sets: SetStatus[];
  progress: {
    summary: string;
    requiredDone: number;
    requiredTotal: number;
    electivesDone: number;
    electivesNeeded: number;
    complete: boolean;
  };
  fee: {
    amount: Money;
    due: Money;
    paidOn: CalendarDate | null;
    /** Set when the application was not accepted and paid money has not yet gone back. */
    refundOwed: Money | null;
    refunded: Money | null;
  } | null;
  infoRequest: string | null;
}

const dayOf = (d: Date) => todayFromInstant(d, 'UTC');

/** The candidate's own dashboard: where they stand, and what to do next. */
export async function getDashboard(ctx: Ctx): Promise<Dashboard> {
  const actor = requireCandidate(ctx);
  const [user, overview] = await Promise.all([findUserById(ctx.db, actor.userId), getMyApplication(ctx)]);
  if (!user) throw new DomainError('NOT_FOUND', 'Your account was not found.');
  const app = overview?.application;
  const frameworkVersion = app?.frameworkVersionId
    ? await findFrameworkById(ctx.db, app.frameworkVersionId)
    : await findActiveFramework(ctx.db);
  if (!frameworkVersion)
    throw new DomainError('INVALID_STATE', 'The program has no active competency framework yet.');
  const [achievements, portfolios] = await Promise.all([
    listAchievements(ctx.db, actor.userId),
    listPortfoliosOf(ctx.db, actor.userId),
  ]);
  const policy = overview?.policy.policy ?? (await findActivePolicy(ctx.db))?.policy;
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  const progress = requirementProgress(
    frameworkVersion.framework,
    achievements.map((a) => ({ setId: a.setId, how: a.how, on: a.achievedOn })),
    policy,
  );
  const achievedBy = new Map(
    [...progress.required, ...progress.electives].map((p) => [p.set.id, p.achieved]),
  );
  const electivesNeeded = progress.electivesNeeded;
  const today = ctx.clock.today();
  const deadlineOn = app?.admittedOn ? (app.deadlineOn ?? completionDeadline(app.admittedOn, policy)) : null;
  const fee = overview ? feeView(overview) : null;

  return {
    displayName: user.displayName,
    emailVerified: actor.emailVerified,
    application: app
      ? {
          number: app.number,
          status: app.status,
          submittedOn: app.submittedOn,
          admittedOn: app.admittedOn,
          rejectionReason: app.rejectionReason,
        }
      : null,
    timeline: timeline(dayOf(user.createdAt), overview, fee?.paidOn ?? null),
    nextSteps: nextSteps(overview, actor.emailVerified, electivesNeeded),
    deadline: deadlineOn ? deadlineStatus(today, deadlineOn) : null,
    framework: { id: frameworkVersion.id, title: frameworkVersion.title, pinned: !!app?.frameworkVersionId },
    sets: frameworkVersion.framework.framework.sets.map((s) => {
      const a = achievedBy.get(s.id);
      // Newest first: the latest portfolio for the set is the one that matters.
      const p = portfolios.find((row) => row.setId === s.id);
      return {
        id: s.id,
        code: s.code,
        title: s.title,
        required: s.required,
        achieved: a ? { on: a.on, how: a.how } : null,
        portfolio: p ? { id: p.id, status: p.status, number: p.number } : null,
      };
    }),
    progress: {
      summary: `${progress.requiredDone} of ${progress.requiredTotal} required, ${Math.min(progress.electivesDone, electivesNeeded)} of ${electivesNeeded} electives`,
      requiredDone: progress.requiredDone,
      requiredTotal: progress.requiredTotal,
      electivesDone: progress.electivesDone,
      electivesNeeded,
      complete: progress.complete,
    },
    fee,
    infoRequest: overview?.openInfoRequest?.body ?? null,
  };
}

function feeView(o: ApplicationOverview): Dashboard['fee'] {
  if (!o.fee) return null;
  const { balance, entries, amount } = o.fee;
  const currency = amount.currency;
  const lastPayment = entries.filter((e) => e.kind === 'payment').at(-1);
  const refundable =
    o.application.status === 'rejected' && o.policy.policy.refunds.applicationFeeRefundableWhenIneligible;
  return {
    amount,
    due: money(Math.max(balance.dueCents, 0), currency),
    paidOn: balance.settled && lastPayment ? dayOf(lastPayment.createdAt) : null,
    refundOwed: refundable && balance.netPaidCents > 0 ? money(balance.netPaidCents, currency) : null,
    refunded: balance.refundedCents > 0 ? money(balance.refundedCents, currency) : null,
  };
}

function timeline(
  accountOn: CalendarDate,
  o: ApplicationOverview | null,
  paidOn: CalendarDate | null,
): TimelineStep[] {
  const app = o?.application;
  const submitted = !!app?.number;
  const paid = !!o?.fee?.balance.settled || (submitted && !o?.fee);
  const admitted = !!app?.admittedOn;
  const steps: Array<Omit<TimelineStep, 'state'> & { done: boolean }> = [
    { key: 'account', label: 'Account created', date: accountOn, done: true },
    { key: 'drafted', label: 'Application started', date: app ? dayOf(app.createdAt) : null, done: !!app },
    {
      key: 'submitted',
      label: submitted ? `Application submitted (${app!.number})` : 'Application submitted',
      date: app?.submittedOn ?? null,
      done: submitted,
    },
    {
      key: 'paid',
      label: o?.fee ? `Fee paid (${formatMoney(o.fee.amount)})` : 'Fee paid',
      date: paidOn,
      done: paid,
    },
    { key: 'admitted', label: 'Admitted to the program', date: app?.admittedOn ?? null, done: admitted },
  ];
  const firstOpen = steps.findIndex((s) => !s.done);
  return steps.map(({ done, ...s }, i) => ({
    ...s,
    state: done ? 'done' : i === firstOpen ? 'current' : 'upcoming',
  }));
}
