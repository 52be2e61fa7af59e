import { z } from 'zod';
import { addDays, type CalendarDate, compareDates, isCalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import {
  type Agreement,
  addMatrices,
  agreementOf,
  emptyMatrix,
  matrixFromCounts,
  percentOf,
} from '../rules/agreement.js';
import {
  type OutcomeCounts,
  outcomeCountsBySet,
  ratingPairsBySet,
  type TurnaroundRow,
  turnaroundPage,
} from '../statistics-repository.js';
import { pageParam, type SetChoice, setChoices, setParam } from './view-portfolio-pipeline.js';

export const TURNAROUND_PAGE_SIZE = 50;
const FIRST_YEAR = 2000;

const optionalDate = (label: string) =>
  z
    .string({ error: `Enter the ${label} date like 2026-11-28` })
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || isCalendarDate(v),
      `Enter the ${label} date as a real date, like 2026-11-28`,
    )
    .describe(`The ${label} day of the period, YYYY-MM-DD (replaces year)`);

export const statisticsQuerySchema = z
  .object({
    year: z
      .preprocess(
        (v) => (v === '' ? undefined : v),
        z.coerce
          .number({ error: 'Enter a year like 2026' })
          .int('Enter a year like 2026')
          .min(FIRST_YEAR, `Enter a year from ${FIRST_YEAR} on`)
          .max(2100, 'Enter a year before 2100')
          .optional(),
      )
      .describe('A calendar year (UTC); the current year when no dates are given'),
    from: optionalDate('first'),
    to: optionalDate('last'),
    set: setParam,
    page: pageParam.describe('Page of the evaluator turnaround table'),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && compareDates(v.from, v.to) > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last date must be on or after the first date',
      });
  });

export interface StatisticsPeriod {
  /** The first and last day counted (UTC days). */
  from: CalendarDate;
  to: CalendarDate;
  /** Set when the period is a whole calendar year chosen as such. */
  year: number | null;
}

export interface Percent {
  n: number;
  /** n as a percentage of what it is a share of; null when that is 0. */
  percent: number | null;
}

export interface PassRates {
  setId: string;
  setTitle: string;
  decided: number;
  approved: Percent;
  notSatisfactory: Percent;
  firstRounds: number;
  moreInformation: Percent;
  resubmissions: number;
  approvedAfterResubmission: Percent;
}

export interface SetAgreement extends Agreement {
  setId: string;
  setTitle: string;
  /** Rows: first evaluator met, partial, not met; columns the second. */
  matrix: number[][];
}

export interface TurnaroundItem extends TurnaroundRow {
  onTimePercent: number | null;
}

export interface PortfolioStatistics {
  period: StatisticsPeriod;
  setId: string | undefined;
  sets: SetChoice[];
  turnaround: { items: TurnaroundItem[]; page: number; pageSize: number; total: number };
  passRates: { sets: PassRates[]; overall: PassRates };
  agreement: { sets: SetAgreement[]; overall: SetAgreement };
}

/** The period asked for: dates win over a year; a single date runs to the year's end or from its start. */
export function periodOf(
  q: { year?: number | undefined; from?: CalendarDate | undefined; to?: CalendarDate | undefined },
  today: CalendarDate,
): StatisticsPeriod {
  if (q.from || q.to) {
    const from = q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`;
    const to = q.to ?? (compareDates(from, today) <= 0 ? today : `${from.slice(0, 4)}-12-31`);
    return { from, to, year: null };
  }
  const year = q.year ?? Number(today.slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31`, year };
}

const share = (n: number, of: number): Percent => ({ n, percent: percentOf(n, of) });

function passRatesOf(setId: string, setTitle: string, c: Omit<OutcomeCounts, 'setId'>): PassRates {
  return {
    setId,
    setTitle,
    decided: c.decided,
    approved: share(c.approved, c.decided),
    notSatisfactory: share(c.notSatisfactory, c.decided),
    firstRounds: c.firstRounds,
    moreInformation: share(c.moreInformation, c.firstRounds),
    resubmissions: c.resubmissions,
    approvedAfterResubmission: share(c.approvedAfterResubmission, c.resubmissions),
  };
}

const noOutcomes: Omit<OutcomeCounts, 'setId'> = {
  decided: 0,
  approved: 0,
  notSatisfactory: 0,
  firstRounds: 0,
  moreInformation: 0,
  resubmissions: 0,
  approvedAfterResubmission: 0,
};

function sumOutcomes(rows: readonly OutcomeCounts[]): Omit<OutcomeCounts, 'setId'> {
  const total = { ...noOutcomes };
  for (const r of rows) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
  return total;
}

/**
 * Staff: turnaround per evaluator, outcomes per set and the first two evaluators' agreement per set,
 * for a year or a range of days, for every set or one.
 */
export async function viewPortfolioStatistics(ctx: Ctx, raw: unknown): Promise<PortfolioStatistics> {
  requireRole(ctx.actor, 'staff', 'admin');
  const q = parseInput(statisticsQuerySchema, raw ?? {});
  const sets = await setChoices(ctx, q.set);
  const today = ctx.clock.today();
  const period = periodOf(q, today);
  const instants = {
    from: new Date(`${period.from}T00:00:00Z`),
    to: new Date(`${addDays(period.to, 1)}T00:00:00Z`),
  };
  const setId = q.set;
  const [turnaround, outcomes, pairs] = await Promise.all([
    turnaroundPage(ctx.db, {
      period: instants,
      today,
      setId,
      limit: TURNAROUND_PAGE_SIZE,
      offset: (q.page - 1) * TURNAROUND_PAGE_SIZE,
    }),
    outcomeCountsBySet(ctx.db, { period: instants, setId }),
    ratingPairsBySet(ctx.db, { period: instants, setId }),
  ]);
  // Every set of the framework (or the one chosen), then any other set found in the figures.
  const titles = new Map(sets.map((s) => [s.id, s.title]));
  const shown = setId ? [setId] : sets.map((s) => s.id);
  for (const id of [...outcomes.map((o) => o.setId), ...pairs.map((p) => p.setId)])
    if (!shown.includes(id)) shown.push(id);
  const titleOf = (id: string) => titles.get(id) ?? id;

  const outcomeBySet = new Map(outcomes.map((o) => [o.setId, o]));
  const matrices = new Map<string, number[][]>();
  for (const id of shown) matrices.set(id, matrixFromCounts(pairs.filter((p) => p.setId === id)));
  const overallMatrix = [...matrices.values()].reduce(addMatrices, emptyMatrix());
  const agreementFor = (id: string, title: string, matrix: number[][]): SetAgreement => ({
    setId: id,
    setTitle: title,
    matrix,
    ...agreementOf(matrix),
  });
  return {
    period,
    setId,
    sets,
    turnaround: {
      items: turnaround.rows.map((r) => ({ ...r, onTimePercent: percentOf(r.onTime, r.done) })),
      page: q.page,
      pageSize: TURNAROUND_PAGE_SIZE,
      total: turnaround.total,
    },
    passRates: {
      sets: shown.map((id) => passRatesOf(id, titleOf(id), outcomeBySet.get(id) ?? noOutcomes)),
      overall: passRatesOf('', 'All sets', sumOutcomes(outcomes)),
    },
    agreement: {
      sets: shown.map((id) => agreementFor(id, titleOf(id), matrices.get(id)!)),
      overall: agreementFor('', 'All sets', overallMatrix),
    },
  };
}
