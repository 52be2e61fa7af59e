import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { pipelineStages } from '../pipeline-repository.js';
import { RATING_ORDER, roundTo } from '../rules/agreement.js';
import { pipelineQuerySchema, viewPortfolioPipeline } from '../use-cases/view-portfolio-pipeline.js';
import {
  type Percent,
  statisticsQuerySchema,
  viewPortfolioStatistics,
} from '../use-cases/view-portfolio-statistics.js';

// The assignment's area of the API reference: staff follow portfolios from payment to decision there.
const tags = ['portfolio assignment'];
const instant = z.string().describe('ISO 8601 instant');
const day = z.string().describe('YYYY-MM-DD');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const setRef = { setId: z.string(), setTitle: z.string() };
const percentOut = z.object({
  n: z.int(),
  percent: z
    .number()
    .nullable()
    .describe('n as a percentage (one decimal) of its whole; null when that is 0'),
});
const percent = (p: Percent) => ({ n: p.n, percent: roundTo(p.percent, 1) });

const passRatesOut = z.object({
  ...setRef,
  decided: z.int().describe('Approved or not satisfactory in the period'),
  approved: percentOut,
  notSatisfactory: percentOut,
  firstRounds: z.int().describe('First evaluations decided in the period'),
  moreInformation: percentOut.describe('First evaluations that asked for more information'),
  resubmissions: z.int().describe('Evaluations of a resubmission decided in the period'),
  approvedAfterResubmission: percentOut,
});

const agreementOut = z.object({
  ...setRef,
  pairs: z.int().describe('Competencies rated by both of the first two evaluators in the same round'),
  observedPercent: z.number().nullable().describe('Share given the same rating, in percent (one decimal)'),
  expectedPercent: z.number().nullable().describe('Share expected to match by chance, in percent'),
  kappa: z
    .number()
    .nullable()
    .describe("Cohen's kappa (three decimals); null when there are too few ratings"),
  matrix: z
    .array(z.array(z.int()))
    .describe(
      `Counts: rows the first evaluator's rating, columns the second's, in the order ${RATING_ORDER.join(', ')}`,
    ),
});

/** Staff: the pipeline and the statistics as JSON, the same use cases as the pages. */
export function registerStatisticsApi(app: App) {
  app.get(
    '/api/v1/staff/portfolio-pipeline',
    {
      schema: {
        tags,
        summary: 'Submitted portfolios counted by stage, and one page (50) of a stage, for every set or one',
        querystring: pipelineQuerySchema,
        response: {
          200: z.object({
            stage: z.enum(pipelineStages),
            setId: z.string().nullable(),
            counts: z.object(
              Object.fromEntries(pipelineStages.map((s) => [s, z.int()])) as Record<
                (typeof pipelineStages)[number],
                z.ZodInt
              >,
            ),
            items: z.array(
              z.object({
                portfolioId: z.string(),
                number: z.string(),
                ...setRef,
                candidateName: z.string(),
                round: z.int(),
                status: z.string(),
                outcome: z.string().nullable(),
                since: instant.nullable().describe('When it entered the stage'),
                evaluators: z.array(
                  z.object({
                    name: z.string(),
                    position: z.int().describe('1 and 2, or 3 for a third evaluator'),
                    dueOn: day,
                    submittedAt: instant.nullable(),
                    overdue: z.boolean(),
                  }),
                ),
              }),
            ),
            page: z.int(),
            pageSize: z.int(),
            total: z.int(),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewPortfolioPipeline(ctxFrom(req), req.query);
      return {
        stage: v.stage,
        setId: v.setId ?? null,
        counts: v.counts,
        items: v.items.map((i) => ({
          ...i,
          since: iso(i.since),
          evaluators: i.evaluators.map((e) => ({ ...e, submittedAt: iso(e.submittedAt) })),
        })),
        page: v.page,
        pageSize: v.pageSize,
        total: v.total,
      };
    },
  );

  app.get(
    '/api/v1/staff/portfolio-statistics',
    {
      schema: {
        tags,
        summary: 'Evaluator turnaround, outcomes per set and agreement between evaluators, for a period',
        querystring: statisticsQuerySchema,
        response: {
          200: z.object({
            period: z.object({ from: day, to: day, year: z.int().nullable() }),
            setId: z.string().nullable(),
            turnaround: z.object({
              items: z.array(
                z.object({
                  evaluatorId: z.string(),
                  name: z.string(),
                  done: z.int().describe('Ratings submitted in the period'),
                  medianDays: z
                    .number()
                    .nullable()
                    .describe('Days from assignment to submission (one decimal)'),
                  longestDays: z.number().nullable(),
                  onTime: z.int().describe('Submitted on or before the due day'),
                  onTimePercent: z.number().nullable(),
                  open: z.int().describe('Not yet submitted, now'),
                  overdue: z.int().describe('Open and past the due day, now'),
                }),
              ),
              page: z.int(),
              pageSize: z.int(),
              total: z.int(),
            }),
            passRates: z.object({ sets: z.array(passRatesOut), overall: passRatesOut }),
            agreement: z.object({ sets: z.array(agreementOut), overall: agreementOut }),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewPortfolioStatistics(ctxFrom(req), req.query);
      const rates = (r: (typeof v.passRates.sets)[number]) => ({
        ...r,
        approved: percent(r.approved),
        notSatisfactory: percent(r.notSatisfactory),
        moreInformation: percent(r.moreInformation),
        approvedAfterResubmission: percent(r.approvedAfterResubmission),
      });
      const agreement = (a: (typeof v.agreement.sets)[number]) => ({
        setId: a.setId,
        setTitle: a.setTitle,
        pairs: a.pairs,
        observedPercent: roundTo(a.observed === null ? null : a.observed * 100, 1),
        expectedPercent: roundTo(a.expected === null ? null : a.expected * 100, 1),
        kappa: roundTo(a.kappa, 3),
        matrix: a.matrix,
      });
      return {
        period: v.period,
        setId: v.setId ?? null,
        turnaround: {
          ...v.turnaround,
          items: v.turnaround.items.map((r) => ({
            ...r,
            medianDays: roundTo(r.medianDays, 1),
            longestDays: roundTo(r.longestDays, 1),
            onTimePercent: roundTo(r.onTimePercent, 1),
          })),
        },
        passRates: { sets: v.passRates.sets.map(rates), overall: rates(v.passRates.overall) },
        agreement: { sets: v.agreement.sets.map(agreement), overall: agreement(v.agreement.overall) },
      };
    },
  );
}
