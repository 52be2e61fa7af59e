import { addDays } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { findProvider } from '../../providers/repository.js';
import { type CourseRow, findBundle } from '../approved-course-repository.js';
import { evaluationMails } from '../evaluation-mails.js';
import { courseMails } from '../mails.js';
import {
  type ApprovalReminder,
  listCoursesToRemind,
  listOverdueEvaluations,
  markCoursesReminded,
  markEvaluationReminded,
} from '../reminder-repository.js';
import { findOpenRenewal } from '../renewal-repository.js';
import { memberEmails } from '../repository.js';
import { ENDING_REMINDER_DAYS, OVERDUE_REMINDER_DAYS } from '../rules/approval.js';

/**
 * Sweep: mail each course evaluator whose evaluation is past its due day, then again every week
 * while it stays overdue. The last-reminded day is set in the same transaction as the mail, and
 * only if nobody set it meanwhile, so a second run the same day (or two at once) sends nothing.
 */
export async function remindOverdueCourseEvaluations(ctx: Ctx): Promise<{ reminded: number }> {
  const today = ctx.clock.today();
  const cutoff = addDays(today, -OVERDUE_REMINDER_DAYS);
  let reminded = 0;
  for (const e of await listOverdueEvaluations(ctx.db, today, cutoff)) {
    const sent = await transact(ctx, async (w) => {
      if (!(await markEvaluationReminded(w.tx, e.id, today, cutoff))) return false;
      await w.audit({
        action: 'course_evaluation.overdue_reminded',
        subjectType: 'course_application',
        subjectId: e.applicationId,
        after: { evaluationId: e.id, dueOn: e.dueOn, remindedOn: today },
      });
      await w.mail(
        evaluationMails.overdue(e, {
          number: e.number ?? '',
          title: e.title ?? '',
          dueOn: e.dueOn,
          link: `${ctx.config.baseUrl}/evaluations/${e.applicationId}`,
        }),
      );
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}

/** The courses of one approval (a course, or a bundle's courses), grouped by their first application. */
function byApplication(rows: readonly CourseRow[]): Map<string, CourseRow[]> {
  const groups = new Map<string, CourseRow[]>();
  for (const c of rows) groups.set(c.applicationId, [...(groups.get(c.applicationId) ?? []), c]);
  return groups;
}

async function remindApprovals(ctx: Ctx, kind: ApprovalReminder): Promise<number> {
  const today = ctx.clock.today();
  const due = await listCoursesToRemind(ctx.db, kind, today, addDays(today, ENDING_REMINDER_DAYS));
  let reminded = 0;
  for (const [applicationId, group] of byApplication(due)) {
    // Someone already renewing needs no invitation to renew; if that renewal fails, the reminder is still due.
    if (kind === 'ending' && (await findOpenRenewal(ctx.db, applicationId))) continue;
    const sent = await transact(ctx, async (w) => {
      const marked = await markCoursesReminded(
        w.tx,
        kind,
        group.map((c) => c.id),
      );
      if (marked.length === 0) return false;
      const first = marked[0]!;
      const bundle = first.bundleId ? await findBundle(w.tx, first.bundleId) : undefined;
      const provider = await findProvider(w.tx, first.providerId);
      const about = {
        number: bundle?.number ?? first.number,
        title: bundle?.title ?? first.title,
        courses: marked.map((c) => ({ number: c.number, title: c.title })),
        providerName: provider?.name ?? '',
        link: `${ctx.config.baseUrl}/provider/courses/${applicationId}`,
      };
      await w.audit({
        action: kind === 'ending' ? 'course.approval_ending_reminded' : 'course.approval_lapsed_reminded',
        subjectType: 'course_application',
        subjectId: applicationId,
        after: { courseIds: marked.map((c) => c.id), approvalEndsOn: first.approvalEndsOn },
      });
      for (const member of await memberEmails(w.tx, first.providerId)) {
        await w.mail(
          kind === 'ending'
            ? courseMails.approvalEnding(member, { ...about, endsOn: first.approvalEndsOn })
            : courseMails.approvalLapsed(member, { ...about, endedOn: first.approvalEndsOn }),
        );
      }
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}

/**
 * Sweep: tell a provider's members once, 90 days before, that a course's approval is ending, and
 * once more when it has lapsed, inviting a renewal. Each course records the end date a reminder
 * went out for, so reruns send nothing and a renewed approval gets its own reminders.
 */
export async function remindCourseApprovals(ctx: Ctx): Promise<{ ending: number; lapsed: number }> {
  return { ending: await remindApprovals(ctx, 'ending'), lapsed: await remindApprovals(ctx, 'lapse') };
}
