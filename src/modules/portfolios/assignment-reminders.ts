import { addDays } from '../../lib/calendar-date.js';
import { type Ctx, transact } from '../../platform/context.js';
import { assignmentMails } from './assignment-mails.js';
import { listOverdueAssignments, markAssignmentsReminded } from './assignment-repository.js';
import { evaluatorLink, setTitleLookup } from './assignment-service.js';

/** Remind again every this many days while an evaluation stays overdue. */
export const PORTFOLIO_OVERDUE_REMINDER_DAYS = 7;
/** Reminders per run; the next hourly run takes the rest. */
const BATCH = 500;

/**
 * Sweep: mail each portfolio evaluator whose ratings are past their due day, then weekly while they
 * stay overdue. The last-reminded day is set in the same transaction as the mail, and only where
 * nobody set it meanwhile, so a second run the same day (or two at once) sends nothing twice.
 * Like every evaluator mail, it names the portfolio by its PF number only.
 */
export async function remindOverduePortfolioEvaluations(ctx: Ctx): Promise<{ reminded: number }> {
  const today = ctx.clock.today();
  const cutoff = addDays(today, -PORTFOLIO_OVERDUE_REMINDER_DAYS);
  const due = await listOverdueAssignments(ctx.db, today, cutoff, BATCH);
  if (due.length === 0) return { reminded: 0 };
  const titleOf = await setTitleLookup(ctx.db, due);
  return transact(ctx, async (w) => {
    const marked = await markAssignmentsReminded(
      w.tx,
      due.map((d) => d.id),
      today,
      cutoff,
    );
    const sent = due.filter((d) => marked.has(d.id));
    await w.auditMany(
      sent.map((d) => ({
        action: 'portfolio_assignment.overdue_reminded',
        subjectType: 'portfolio',
        subjectId: d.portfolioId,
        after: { assignmentId: d.id, dueOn: d.dueOn, remindedOn: today },
      })),
    );
    await w.mailMany(
      sent.map((d) =>
        assignmentMails.overdue(d, {
          number: d.number ?? '',
          setTitle: titleOf(d),
          dueOn: d.dueOn,
          link: evaluatorLink(ctx, d.portfolioId),
        }),
      ),
    );
    return { reminded: sent.length };
  });
}
