import { z } from 'zod';
import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { fileTypeForMime } from '../../../platform/files/file-type.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { setTitleLookup } from '../assignment-service.js';
import { evaluatorLabel } from '../labels.js';
import { setOfPortfolio } from '../portfolio-set.js';
import { type DecisionRow, pageMyAssignments } from '../rating-repository.js';
import {
  assignmentForEvaluator,
  competenciesToRate,
  earlierAssignment,
  loadRatingsFor,
  roundAssignments,
} from '../rating-service.js';
import { type EvidenceRow, listEvidence } from '../repository.js';
import type { PortfolioRating } from '../schema.js';

/**
 * What an evaluator sees of a portfolio. Blind review: built only from the portfolio's number, set,
 * statement and evidence (files under neutral names), never from anything about the candidate.
 */
export interface BlindEvidence {
  id: string;
  kind: 'file' | 'link' | 'text';
  primary: boolean;
  title: string;
  explanation: string;
  url: string | null;
  body: string | null;
  /** For files: PF-2026-000001-CAT-3-1.pdf, never the name it was uploaded under. */
  file: { name: string; label: string; size: number } | null;
}

export interface ShownRating {
  rating: PortfolioRating;
  comment: string;
}

export interface RatedCompetency {
  id: string;
  topic: string;
  /** False in a resubmission for competencies that stayed locked: the earlier rating stands. */
  rateNow: boolean;
  evidence: BlindEvidence[];
  mine: ShownRating | null;
  /** The evaluator's own rating from the round before (resubmissions only). */
  earlier: ShownRating | null;
  /** Other evaluators' ratings, only once this evaluator and the first two have all submitted. */
  others: Array<ShownRating & { label: string }>;
}

export interface AssignmentView {
  assignment: {
    id: string;
    round: number;
    position: number;
    dueOn: CalendarDate;
    submittedAt: Date | null;
  };
  portfolio: { number: string; setTitle: string; statement: string; round: number };
  competencies: RatedCompetency[];
  othersVisible: boolean;
  decision: Pick<DecisionRow, 'outcome' | 'decidedBy'> | null;
  today: CalendarDate;
}

/**
 * Neutral download names: the PF number, the competency and the item's place among that
 * competency's evidence (PF-2026-000001-CAT-3-2.pdf). Counting within the competency keeps a file's
 * name the same in a resubmission, where only reopened competencies gain or lose items.
 */
export function blindEvidence(number: string, rows: readonly EvidenceRow[]): Map<string, BlindEvidence> {
  const out = new Map<string, BlindEvidence>();
  const placeIn = new Map<string, number>();
  for (const e of rows) {
    const place = (placeIn.get(e.competencyId) ?? 0) + 1;
    placeIn.set(e.competencyId, place);
    const type = e.mime ? fileTypeForMime(e.mime) : undefined;
    out.set(e.id, {
      id: e.id,
      kind: e.kind,
      primary: e.primary,
      title: e.title,
      explanation: e.explanation,
      url: e.kind === 'link' ? e.url : null,
      body: e.kind === 'text' ? e.body : null,
      file:
        e.kind === 'file'
          ? {
              name: `${number}-${e.competencyId}-${place}.${type?.ext ?? 'bin'}`,
              label: type?.label ?? 'file',
              size: e.size ?? 0,
            }
          : null,
    });
  }
  return out;
}

export async function viewPortfolioAssignment(ctx: Ctx, assignmentId: string): Promise<AssignmentView> {
  const r = await assignmentForEvaluator(ctx.db, ctx.actor, assignmentId);
  const { assignment: a, portfolio, assignments, decisions } = r;
  const number = portfolio.number ?? '';
  const [set, evidenceRows, byAssignment] = await Promise.all([
    setOfPortfolio(ctx.db, portfolio),
    listEvidence(ctx.db, portfolio.id),
    loadRatingsFor(ctx.db, assignments),
  ]);
  const allIds = set.competencies.map((c) => c.id);
  const rateNow = new Set(competenciesToRate(allIds, a, assignments, decisions));
  const round = roundAssignments(assignments, a.round);
  const firstTwoIn =
    round.filter((x) => x.position <= 2).length === 2 &&
    round.filter((x) => x.position <= 2).every((x) => x.submittedAt);
  const othersVisible = Boolean(a.submittedAt) && firstTwoIn;
  const earlier = earlierAssignment(assignments, a);
  const evidence = blindEvidence(number, evidenceRows);
  const shown = (assignmentIdOf: string | undefined, id: string): ShownRating | null => {
    const row = assignmentIdOf ? byAssignment.get(assignmentIdOf)?.get(id) : undefined;
    return row ? { rating: row.rating, comment: row.comment } : null;
  };
  const competencies = set.competencies.map((c): RatedCompetency => {
    const own = rateNow.has(c.id);
    return {
      id: c.id,
      topic: c.topic,
      rateNow: own,
      evidence: evidenceRows.filter((e) => e.competencyId === c.id).map((e) => evidence.get(e.id)!),
      mine: own ? shown(a.id, c.id) : null,
      earlier: shown(earlier?.id, c.id),
      others: othersVisible
        ? round
            .filter((x) => x.id !== a.id && x.submittedAt)
            .flatMap((x) => {
              const prior = earlierAssignment(assignments, x);
              const rated = competenciesToRate(allIds, x, assignments, decisions).includes(c.id);
              const s = shown(rated ? x.id : prior?.id, c.id);
              return s ? [{ ...s, label: evaluatorLabel(x.position) }] : [];
            })
        : [],
    };
  });
  const decision = a.submittedAt ? (decisions.find((d) => d.round === a.round) ?? null) : null;
  return {
    assignment: {
      id: a.id,
      round: a.round,
      position: a.position,
      dueOn: a.dueOn,
      submittedAt: a.submittedAt,
    },
    portfolio: { number, setTitle: set.title, statement: portfolio.statement ?? '', round: portfolio.round },
    competencies,
    othersVisible,
    decision: decision ? { outcome: decision.outcome, decidedBy: decision.decidedBy } : null,
    today: ctx.clock.today(),
  };
}

/** One evidence file of an assigned portfolio, under its neutral name. */
export async function evidenceFileForEvaluator(ctx: Ctx, assignmentId: string, evidenceId: string) {
  const r = await assignmentForEvaluator(ctx.db, ctx.actor, assignmentId);
  if (!UUID_PATTERN.test(evidenceId)) throw notFound('That file');
  const rows = await listEvidence(ctx.db, r.portfolio.id);
  const row = rows.find((e) => e.id === evidenceId);
  const blind = row && blindEvidence(r.portfolio.number ?? '', rows).get(row.id);
  if (!row?.blobKey || !row.mime || !blind?.file) throw notFound('That file');
  return { key: row.blobKey, mime: row.mime, fileName: blind.file.name };
}

export const myAssignmentsQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'Enter a page number' })
    .int('Enter a whole page number')
    .min(1, 'Enter a page number of 1 or more')
    .max(10_000, 'Enter a page number of 10,000 or less')
    .default(1),
});

export const MY_ASSIGNMENTS_PAGE_SIZE = 50;

export interface MyAssignmentItem {
  id: string;
  number: string;
  setTitle: string;
  round: number;
  position: number;
  dueOn: CalendarDate;
  submittedAt: Date | null;
  /** to_rate, waiting (submitted, others not yet), decided: the round's outcome is known. */
  state: 'to_rate' | 'waiting' | 'decided';
  overdue: boolean;
}

const decidedStatuses = ['approved', 'more_information', 'not_satisfactory', 'resubmitted'];

/** An evaluator's portfolios: open ones first by due date, then those they have rated. */
export async function listMyPortfolioAssignments(
  ctx: Ctx,
  raw: unknown,
): Promise<{
  items: MyAssignmentItem[];
  total: number;
  page: number;
  pageSize: number;
  today: CalendarDate;
}> {
  const user = requireRole(ctx.actor, 'portfolio_evaluator');
  const { page } = parseInput(myAssignmentsQuerySchema, raw ?? {});
  const today = ctx.clock.today();
  const { rows, total } = await pageMyAssignments(ctx.db, user.userId, {
    limit: MY_ASSIGNMENTS_PAGE_SIZE,
    offset: (page - 1) * MY_ASSIGNMENTS_PAGE_SIZE,
  });
  const titleOf = await setTitleLookup(ctx.db, rows);
  const items = rows.map((row): MyAssignmentItem => {
    const a = row.assignment;
    const decided =
      a.submittedAt !== null &&
      (row.portfolioRound > a.round || decidedStatuses.includes(row.portfolioStatus));
    return {
      id: a.id,
      number: row.number ?? '',
      setTitle: titleOf(row),
      round: a.round,
      position: a.position,
      dueOn: a.dueOn,
      submittedAt: a.submittedAt,
      state: a.submittedAt === null ? 'to_rate' : decided ? 'decided' : 'waiting',
      overdue: a.submittedAt === null && a.dueOn < today,
    };
  });
  return { items, total, page, pageSize: MY_ASSIGNMENTS_PAGE_SIZE, today };
}
