import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import type { EvidenceInput } from '../evidence-input.js';
import { evidenceRoles } from '../forms.js';
import type { PortfolioProgress } from '../portfolio-progress.js';
import type { EvidenceRow, PortfolioRow } from '../repository.js';
import { evidenceKinds, portfolioOutcomes, portfolioStatuses, ratings } from '../schema.js';
import type { MyPortfolio } from '../use-cases/list-my-portfolios.js';
import type { PortfolioFeeView, PortfolioView } from '../use-cases/view-portfolio.js';
import type { PortfolioOutcomeView } from '../use-cases/view-portfolio-outcome.js';

export const tags = ['portfolios'];
export const idParams = z.object({ id: z.string().max(64) });
export const competencyParams = idParams.extend({ competencyId: z.string().max(64) });
export const evidenceParams = idParams.extend({ evidenceId: z.string().max(64) });

/** The fields and the `file` part of an evidence form (page or API, multipart or urlencoded). */
export function evidenceInputFrom(req: FastifyRequest): EvidenceInput {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const part = body.file as { fileName?: unknown; bytes?: unknown; truncated?: unknown } | undefined;
  const file =
    part && Buffer.isBuffer(part.bytes) && typeof part.fileName === 'string'
      ? { fileName: part.fileName, bytes: part.bytes, truncated: part.truncated === true }
      : null;
  const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string'));
  return { fields, file };
}

export const evidenceOut = z.object({
  id: z.uuid(),
  competencyId: z.string(),
  kind: z.enum(evidenceKinds),
  role: z.enum(evidenceRoles),
  title: z.string(),
  explanation: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  file: z
    .object({
      fileName: z.string(),
      mime: z.string(),
      size: z.int(),
      sha256: z.string(),
      downloadUrl: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function evidenceOf(e: EvidenceRow): z.infer<typeof evidenceOut> {
  return {
    id: e.id,
    competencyId: e.competencyId,
    kind: e.kind,
    role: e.primary ? 'primary' : 'secondary',
    title: e.title,
    explanation: e.explanation,
    url: e.url,
    body: e.body,
    file:
      e.kind === 'file' && e.fileName && e.mime && e.sha256
        ? {
            fileName: e.fileName,
            mime: e.mime,
            size: e.size ?? 0,
            sha256: e.sha256,
            downloadUrl: `/api/v1/portfolios/${e.portfolioId}/evidence/${e.id}/file`,
          }
        : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const progressOut = z.object({
  competenciesWithPrimary: z.int(),
  competencies: z.int(),
  statementWords: z.int(),
  /** Competency ids without primary evidence yet. */
  lackingPrimary: z.array(z.string()),
  statementMissing: z.boolean(),
  complete: z.boolean(),
});

const progressOf = (p: PortfolioProgress): z.infer<typeof progressOut> => ({
  competenciesWithPrimary: p.withPrimary,
  competencies: p.total,
  statementWords: p.statementWords,
  lackingPrimary: p.lackingPrimary.map((c) => c.id),
  statementMissing: p.statementMissing,
  complete: p.complete,
});

export const portfolioSummaryOut = z.object({
  id: z.uuid(),
  setId: z.string(),
  setCode: z.string(),
  setTitle: z.string(),
  status: z.enum(portfolioStatuses),
  number: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  progress: progressOut,
});

const summaryFields = (
  p: PortfolioRow,
  set: { id: string; code: string; title: string },
  progress: PortfolioProgress,
) => ({
  id: p.id,
  setId: set.id,
  setCode: set.code,
  setTitle: set.title,
  status: p.status,
  number: p.number,
  submittedAt: p.submittedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  progress: progressOf(progress),
});

export const summaryOf = (m: MyPortfolio) => summaryFields(m.portfolio, m.set, m.progress);

const feeOut = z.object({ amount: moneySchema, due: moneySchema, paid: z.boolean() });
const feeOf = (f: PortfolioFeeView | null) =>
  f ? { amount: moneyOut(f.amount), due: moneyOut(f.due), paid: f.settled } : null;

/** Decided rounds only; evaluators appear as "Evaluator 1", "Evaluator 2", "Third evaluator", never by name. */
export const outcomeOut = z.object({
  rounds: z.array(
    z.object({
      round: z.int(),
      outcome: z.enum(portfolioOutcomes),
      decidedAt: z.string(),
      /** Competencies rated in the round (round 2: those rated again); the others kept their ratings. */
      competencies: z.array(
        z.object({
          id: z.string(),
          topic: z.string(),
          /** The first two evaluators' ratings reconciled by the program's table. */
          result: z.enum(ratings).nullable(),
          reopened: z.boolean(),
          ratings: z.array(
            z.object({
              evaluator: z.string().describe('"Evaluator 1", "Evaluator 2" or "Third evaluator"'),
              rating: z.enum(ratings),
              comment: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
  /** After "more information": the reopened competencies, the only ones that may change. */
  reopened: z.array(z.object({ id: z.string(), topic: z.string(), hasPrimary: z.boolean() })),
  /** While "more information": whether it can be resubmitted and what still lacks primary evidence. */
  resubmission: z.object({ possible: z.boolean(), lackingPrimary: z.array(z.string()) }).nullable(),
});

export function outcomeOf(o: PortfolioOutcomeView): z.infer<typeof outcomeOut> {
  return {
    rounds: o.rounds.map((r) => ({
      round: r.round,
      outcome: r.outcome,
      decidedAt: r.decidedAt.toISOString(),
      competencies: r.competencies.map((c) => ({
        id: c.competency.id,
        topic: c.competency.topic,
        result: c.result,
        reopened: c.reopened,
        ratings: c.ratings.map((x) => ({ evaluator: x.label, rating: x.rating, comment: x.comment })),
      })),
    })),
    reopened: o.reopened.map((c) => ({
      id: c.competency.id,
      topic: c.competency.topic,
      hasPrimary: c.hasPrimary,
    })),
    resubmission: o.resubmission && {
      possible: o.resubmission.possible,
      lackingPrimary: o.resubmission.lacking.map((c) => c.id),
    },
  };
}

export const portfolioDetailOut = portfolioSummaryOut.extend({
  frameworkVersionId: z.uuid(),
  statement: z.string().nullable(),
  /** False once submitted: every change to evidence and statement is refused (409). */
  editable: z.boolean(),
  /** Submitted with nothing left to pay: waiting for its evaluators. */
  readyForEvaluation: z.boolean(),
  fee: feeOut.nullable(),
  competencies: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      evidence: z.array(evidenceOut),
      hasPrimary: z.boolean(),
    }),
  ),
  /** The evaluation of decided rounds (given by the read and resubmit calls). */
  outcome: outcomeOut.optional(),
});

export function detailOf(
  v: PortfolioView,
  outcome?: PortfolioOutcomeView,
): z.infer<typeof portfolioDetailOut> {
  return {
    ...summaryFields(v.portfolio, v.set, v.progress),
    frameworkVersionId: v.portfolio.frameworkVersionId,
    statement: v.portfolio.statement,
    editable: v.owner && v.draft,
    readyForEvaluation: v.readyForEvaluation,
    fee: feeOf(v.fee),
    competencies: v.progress.competencies.map((c) => ({
      id: c.competency.id,
      topic: c.competency.topic,
      evidence: v.evidence.filter((e) => e.competencyId === c.competency.id).map(evidenceOf),
      hasPrimary: c.primary > 0,
    })),
    ...(outcome ? { outcome: outcomeOf(outcome) } : {}),
  };
}
