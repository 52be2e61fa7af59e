import { z } from 'zod';
import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { findActiveFramework } from '../../policy/repository.js';
import { setTitleLookup } from '../assignment-service.js';
import {
  liveAssignmentsOf,
  type PipelineAssignment,
  type PipelineStage,
  pipelineCounts,
  pipelinePage,
  pipelineStages,
} from '../pipeline-repository.js';

export const PIPELINE_PAGE_SIZE = 50;

/** The page number of a paginated staff list (the same words as the other staff lists). */
export const pageParam = z.coerce
  .number({ error: 'Enter a page number' })
  .int('Enter a whole page number')
  .min(1, 'Enter a page number of 1 or more')
  .max(10_000, 'Enter a smaller page number')
  .default(1);

/** A set id, or nothing (an empty choice) for every set; checked against the framework in the use case. */
export const setParam = z
  .string({ error: 'Choose a set from the list' })
  .trim()
  .max(64, 'Choose a set from the list')
  .optional()
  .transform((v) => (v ? v : undefined))
  .describe('A competency set id, e.g. technology; leave out for every set');

export const pipelineQuerySchema = z.object({
  stage: z
    .enum(pipelineStages, { error: 'Choose a stage from the list' })
    .default('awaiting_evaluators')
    .describe('Which stage to list; overdue portfolios are also in evaluation'),
  set: setParam,
  page: pageParam,
});

export interface SetChoice {
  id: string;
  title: string;
}

/** The sets of the framework in force, to choose from; an unknown set is a mistake to report, not an empty list. */
export async function setChoices(ctx: Ctx, chosen: string | undefined): Promise<SetChoice[]> {
  const framework = await findActiveFramework(ctx.db);
  const sets = (framework?.framework.framework.sets ?? []).map((s) => ({ id: s.id, title: s.title }));
  if (chosen !== undefined && !sets.some((s) => s.id === chosen))
    throw validationFailed({ set: 'Choose a set from the list' });
  return sets;
}

/** Staff: the sets to filter by, for a page showing a refused query again. */
export async function listSetChoices(ctx: Ctx): Promise<SetChoice[]> {
  requireRole(ctx.actor, 'staff', 'admin');
  return setChoices(ctx, undefined);
}

export interface PipelineEvaluator {
  name: string;
  position: number;
  dueOn: CalendarDate;
  submittedAt: Date | null;
  overdue: boolean;
}

export interface PipelineItem {
  portfolioId: string;
  number: string;
  setId: string;
  setTitle: string;
  candidateName: string;
  round: number;
  status: string;
  outcome: string | null;
  since: Date | null;
  /** This round's evaluators (a third as position 3). */
  evaluators: PipelineEvaluator[];
}

export interface PortfolioPipeline {
  stage: PipelineStage;
  setId: string | undefined;
  sets: SetChoice[];
  counts: Record<PipelineStage, number>;
  items: PipelineItem[];
  page: number;
  pageSize: number;
  total: number;
}

const byPortfolio = (rows: readonly PipelineAssignment[]) => {
  const out = new Map<string, PipelineAssignment[]>();
  for (const r of rows) out.set(r.portfolioId, [...(out.get(r.portfolioId) ?? []), r]);
  return out;
};

/** Staff: how many portfolios are at each stage, and one page of the chosen stage, optionally for one set. */
export async function viewPortfolioPipeline(ctx: Ctx, raw: unknown): Promise<PortfolioPipeline> {
  requireRole(ctx.actor, 'staff', 'admin');
  const { stage, set: setId, page } = parseInput(pipelineQuerySchema, raw ?? {});
  const sets = await setChoices(ctx, setId);
  const today = ctx.clock.today();
  const [counts, rows] = await Promise.all([
    pipelineCounts(ctx.db, { today, setId }),
    pipelinePage(ctx.db, {
      stage,
      today,
      setId,
      limit: PIPELINE_PAGE_SIZE,
      offset: (page - 1) * PIPELINE_PAGE_SIZE,
    }),
  ]);
  const [assignments, titleOf] = await Promise.all([
    liveAssignmentsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    setTitleLookup(ctx.db, rows),
  ]);
  const mine = byPortfolio(assignments);
  const items = rows.map((r): PipelineItem => {
    const current = (mine.get(r.id) ?? []).filter((a) => a.round === r.round);
    const assignedAt = current.map((a) => a.assignedAt.getTime());
    const since = r.since ?? (assignedAt.length > 0 ? new Date(Math.min(...assignedAt)) : null);
    return {
      portfolioId: r.id,
      number: r.number ?? '',
      setId: r.setId,
      setTitle: titleOf(r),
      candidateName: r.candidateName,
      round: r.round,
      status: r.status,
      outcome: r.outcome,
      since,
      evaluators: current.map((a) => ({
        name: a.evaluatorName,
        position: a.position,
        dueOn: a.dueOn,
        submittedAt: a.submittedAt,
        overdue: a.submittedAt === null && a.dueOn < today,
      })),
    };
  });
  return { stage, setId, sets, counts, items, page, pageSize: PIPELINE_PAGE_SIZE, total: counts[stage] };
}
