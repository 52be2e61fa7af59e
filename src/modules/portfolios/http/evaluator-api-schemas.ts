import { z } from 'zod';
import type { EvaluatorConflictRow } from '../evaluator-repository.js';
import type { EvaluatorPoolPage } from '../use-cases/list-evaluator-pool.js';
import type { EvaluatorProfileView } from '../use-cases/view-evaluator-profile.js';

const instant = z.string().describe('ISO 8601 instant');

export const conflictOut = z.object({
  id: z.string(),
  kind: z.enum(['library', 'person']),
  value: z.string(),
  createdAt: instant,
});

const profileFields = {
  setIds: z.array(z.string()).describe('Competency set ids the evaluator is qualified for'),
  yearlyCapacity: z.int(),
  trainingCompletedOn: z.string().nullable().describe('YYYY-MM-DD'),
  employer: z.string().nullable(),
  active: z.boolean().describe('Whether new portfolios are sent to the evaluator'),
  updatedAt: instant,
};

export const profileOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  profile: z.object(profileFields).nullable().describe('Null until the profile is first saved'),
  conflicts: z.array(conflictOut),
  loadThisYear: z.int().describe('Portfolios assigned this calendar year (replaced ones not counted)'),
  loadTotal: z.int(),
});

export const poolOut = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      profile: z.object(profileFields).nullable(),
      loadThisYear: z.int(),
    }),
  ),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

type Profile = NonNullable<EvaluatorProfileView['profile']>;
const profileOf = (p: Profile | null | undefined) =>
  p
    ? {
        setIds: p.setIds,
        yearlyCapacity: p.yearlyCapacity,
        trainingCompletedOn: p.trainingCompletedOn,
        employer: p.employer,
        active: p.active,
        updatedAt: p.updatedAt.toISOString(),
      }
    : null;

export const conflictOf = (c: EvaluatorConflictRow) => ({
  id: c.id,
  kind: c.kind,
  value: c.value,
  createdAt: c.createdAt.toISOString(),
});

export const profileViewOf = (v: EvaluatorProfileView): z.infer<typeof profileOut> => ({
  userId: v.evaluator.id,
  name: v.evaluator.displayName,
  email: v.evaluator.email,
  profile: profileOf(v.profile),
  conflicts: v.conflicts.map(conflictOf),
  loadThisYear: v.load,
  loadTotal: v.total,
});

export const poolOf = (r: EvaluatorPoolPage): z.infer<typeof poolOut> => ({
  items: r.items.map((i) => ({
    userId: i.id,
    name: i.displayName,
    email: i.email,
    profile: profileOf(i.profile),
    loadThisYear: i.load,
  })),
  total: r.total,
  page: r.page,
  pageSize: r.pageSize,
});
