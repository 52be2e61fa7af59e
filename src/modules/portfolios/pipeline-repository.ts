import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { anyOf, rowsOf } from '../completions/roster-sql.js';
import { feeSettled, waitingForEvaluators } from './assignment-repository.js';
import { portfolioAssignments, portfolioDecisions, portfolios } from './schema.js';

/**
 * Where every submitted portfolio stands, for the staff pipeline: a count per stage and one page of a
 * stage. Counts are grouped in SQL; a page reads 50 rows and then the evaluators of those 50.
 */

export const pipelineStages = [
  'awaiting_payment',
  'awaiting_evaluators',
  'in_evaluation',
  'overdue',
  'more_information',
  'decided',
] as const;
export type PipelineStage = (typeof pipelineStages)[number];

/** A decision that ends the evaluation (the predicate of portfolio_decisions_final_idx, so written as a literal). */
const finalOutcome = sql`${portfolioDecisions.outcome} <> 'more_information'`;

const inSet = (
  column: typeof portfolios.setId | typeof portfolioDecisions.setId,
  setId: string | undefined,
) => (setId === undefined ? undefined : eq(column, setId));

/** How many portfolios are at each stage (overdue ones are also counted as in evaluation). */
export async function pipelineCounts(
  db: Queryable,
  q: { today: CalendarDate; setId?: string | undefined },
): Promise<Record<PipelineStage, number>> {
  const pSet = q.setId === undefined ? sql`` : sql`and ${portfolios.setId} = ${q.setId}`;
  const dSet = q.setId === undefined ? sql`` : sql`and ${portfolioDecisions.setId} = ${q.setId}`;
  const result = await db.execute(sql`
    select w.unpaid, w.paid,
      (select count(*)::int from ${portfolios} where ${portfolios.status} = 'in_evaluation' ${pSet}) as "inEvaluation",
      (select count(distinct a.portfolio_id)::int
         from ${portfolioAssignments} a join ${portfolios} on ${portfolios.id} = a.portfolio_id
         where a.submitted_at is null and a.replaced_at is null and a.due_on < ${q.today}::date
           and ${portfolios.status} = 'in_evaluation' ${pSet}) as overdue,
      (select count(*)::int from ${portfolios} where ${portfolios.status} = 'more_information' ${pSet}) as "moreInformation",
      (select count(*)::int from ${portfolioDecisions} where ${finalOutcome} ${dSet}) as decided
    from (select count(*) filter (where not settled)::int as unpaid, count(*) filter (where settled)::int as paid
          from (select ${feeSettled} as settled from ${portfolios}
                where ${waitingForEvaluators} ${pSet}) s) w`);
  const [row] = rowsOf<{
    unpaid: number;
    paid: number;
    inEvaluation: number;
    overdue: number;
    moreInformation: number;
    decided: number;
  }>(result);
  return {
    awaiting_payment: row?.unpaid ?? 0,
    awaiting_evaluators: row?.paid ?? 0,
    in_evaluation: row?.inEvaluation ?? 0,
    overdue: row?.overdue ?? 0,
    more_information: row?.moreInformation ?? 0,
    decided: row?.decided ?? 0,
  };
}

const rowColumns = {
  id: portfolios.id,
  number: portfolios.number,
  setId: portfolios.setId,
  frameworkVersionId: portfolios.frameworkVersionId,
  round: portfolios.round,
  status: portfolios.status,
  candidateName: users.displayName,
};

export interface PipelineRow {
  id: string;
  number: string | null;
  setId: string;
  frameworkVersionId: string;
  round: number;
  status: string;
  candidateName: string;
  /** When it entered the stage; for in evaluation and overdue it comes from the assignments. */
  since: Date | null;
  /** The outcome, for decided ones. */
  outcome: string | null;
}

export interface PipelinePageQuery {
  stage: PipelineStage;
  today: CalendarDate;
  setId?: string | undefined;
  limit: number;
  offset: number;
}

const submittedKey = sql`coalesce(${portfolios.submittedAt}, 'epoch'::timestamptz)`;

/** One page of a stage: waiting ones oldest submission first, overdue by the earliest due date, decided newest first. */
export async function pipelinePage(db: Queryable, q: PipelinePageQuery): Promise<PipelineRow[]> {
  const page = <T>(query: { limit(n: number): { offset(n: number): Promise<T[]> } }) =>
    query.limit(q.limit).offset(q.offset);
  const fill = (rows: Array<Omit<PipelineRow, 'outcome' | 'since'> & Partial<PipelineRow>>) =>
    rows.map((r) => ({ ...r, since: r.since ?? null, outcome: r.outcome ?? null }));
  switch (q.stage) {
    case 'awaiting_payment':
    case 'awaiting_evaluators': {
      const paid = q.stage === 'awaiting_evaluators' ? feeSettled : sql`not ${feeSettled}`;
      return fill(
        await page(
          db
            .select({ ...rowColumns, since: portfolios.submittedAt })
            .from(portfolios)
            .innerJoin(users, eq(users.id, portfolios.candidateId))
            .where(and(waitingForEvaluators, paid, inSet(portfolios.setId, q.setId)))
            .orderBy(submittedKey, asc(portfolios.id)),
        ),
      );
    }
    case 'in_evaluation':
      return fill(
        await page(
          db
            .select(rowColumns)
            .from(portfolios)
            .innerJoin(users, eq(users.id, portfolios.candidateId))
            .where(and(eq(portfolios.status, 'in_evaluation'), inSet(portfolios.setId, q.setId)))
            .orderBy(asc(portfolios.submittedAt), asc(portfolios.id)),
        ),
      );
    case 'overdue': {
      const firstDue = sql`min(${portfolioAssignments.dueOn})`;
      return fill(
        await page(
          db
            .select(rowColumns)
            .from(portfolioAssignments)
            .innerJoin(portfolios, eq(portfolios.id, portfolioAssignments.portfolioId))
            .innerJoin(users, eq(users.id, portfolios.candidateId))
            .where(
              and(
                isNull(portfolioAssignments.submittedAt),
                isNull(portfolioAssignments.replacedAt),
                lt(portfolioAssignments.dueOn, q.today),
                eq(portfolios.status, 'in_evaluation'),
                inSet(portfolios.setId, q.setId),
              ),
            )
            .groupBy(portfolios.id, users.id)
            .orderBy(firstDue, asc(portfolios.id)),
        ),
      );
    }
    case 'more_information': {
      // The newest "more information" decision: the round number moves on at resubmission, not here.
      const askedAt = sql`(select max(d.decided_at) from ${portfolioDecisions} d
        where d.portfolio_id = ${portfolios.id} and d.outcome = 'more_information')`.mapWith(
        portfolioDecisions.decidedAt,
      );
      return fill(
        await page(
          db
            .select({ ...rowColumns, since: askedAt })
            .from(portfolios)
            .innerJoin(users, eq(users.id, portfolios.candidateId))
            .where(and(eq(portfolios.status, 'more_information'), inSet(portfolios.setId, q.setId)))
            .orderBy(sql`${askedAt} asc nulls last`, asc(portfolios.id)),
        ),
      );
    }
    case 'decided': {
      // The page's decisions first, from portfolio_decisions_final_idx (or _set_idx) alone, then
      // only those 50 joined: a deep page walks index entries, not joined rows.
      const pageIds = db
        .select({ id: portfolioDecisions.id })
        .from(portfolioDecisions)
        .where(and(finalOutcome, inSet(portfolioDecisions.setId, q.setId)))
        .orderBy(desc(portfolioDecisions.decidedAt), desc(portfolioDecisions.id))
        .limit(q.limit)
        .offset(q.offset)
        .as('page');
      return fill(
        await db
          .select({ ...rowColumns, since: portfolioDecisions.decidedAt, outcome: portfolioDecisions.outcome })
          .from(pageIds)
          .innerJoin(portfolioDecisions, eq(portfolioDecisions.id, pageIds.id))
          .innerJoin(portfolios, eq(portfolios.id, portfolioDecisions.portfolioId))
          .innerJoin(users, eq(users.id, portfolios.candidateId))
          .orderBy(desc(portfolioDecisions.decidedAt), desc(portfolioDecisions.id)),
      );
    }
  }
}

export interface PipelineAssignment {
  portfolioId: string;
  round: number;
  position: number;
  evaluatorName: string;
  assignedAt: Date;
  dueOn: CalendarDate;
  submittedAt: Date | null;
}

/** The assignments not replaced of a page of portfolios, with the evaluators' names. */
export async function liveAssignmentsOf(
  db: Queryable,
  portfolioIds: readonly string[],
): Promise<PipelineAssignment[]> {
  if (portfolioIds.length === 0) return [];
  return db
    .select({
      portfolioId: portfolioAssignments.portfolioId,
      round: portfolioAssignments.round,
      position: portfolioAssignments.position,
      evaluatorName: users.displayName,
      assignedAt: portfolioAssignments.assignedAt,
      dueOn: portfolioAssignments.dueOn,
      submittedAt: portfolioAssignments.submittedAt,
    })
    .from(portfolioAssignments)
    .innerJoin(users, eq(users.id, portfolioAssignments.evaluatorId))
    .where(
      and(
        anyOf(portfolioAssignments.portfolioId, portfolioIds, 'uuid'),
        isNull(portfolioAssignments.replacedAt),
      ),
    )
    .orderBy(asc(portfolioAssignments.round), asc(portfolioAssignments.position));
}
