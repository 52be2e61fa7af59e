import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { type CompetencySet, type Framework, findSet } from '../policy/framework.js';
import { programPolicySchema } from '../policy/policy.js';
import type { FrameworkVersion } from '../policy/repository.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { feeLines } from './program-facts.js';
import { checkEligibility, selfCheckBody } from './use-cases/check-eligibility.js';

const feeLine = z.object({
  kind: z.string(),
  label: z.string(),
  memberCents: z.int(),
  nonMemberCents: z.int(),
  member: z.string().describe('Formatted, e.g. "$325.00"'),
  nonMember: z.string(),
});

const setSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  required: z.boolean(),
  summary: z.string(),
  competencyCount: z.int(),
});

const frameworkSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  version: z.string(),
  sets: z.array(setSummary),
});

const programResponse = z.object({
  policyVersion: z.object({ id: z.string(), version: z.string(), activatedAt: z.string().nullable() }),
  policy: programPolicySchema,
  fees: z.array(feeLine),
  framework: frameworkSummary,
});

const setDetail = setSummary.extend({
  frameworkVersion: z.string(),
  competencies: z.array(z.object({ id: z.string(), topic: z.string(), inferred: z.boolean() })),
});

const selfCheckResponse = z.object({
  eligible: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  requiredHours: z.number(),
  windowYears: z.int(),
  windowFrom: z.string().describe('First day whose work counts if applying today (YYYY-MM-DD)'),
  hoursShort: z.number(),
  estimatedReachOn: z.string().nullable(),
  policyVersion: z.string(),
});

export const summariseSet = (s: CompetencySet) => ({
  id: s.id,
  code: s.code,
  title: s.title,
  required: s.required,
  summary: s.summary,
  competencyCount: s.competencies.length,
});

export function summariseFramework(
  v: Pick<FrameworkVersion, 'id' | 'code' | 'title'> & { framework: Framework },
) {
  return {
    id: v.id,
    code: v.code,
    title: v.title,
    version: v.framework.framework.version,
    sets: v.framework.framework.sets.map(summariseSet),
  };
}

/** The public program API: everything on the public pages, as JSON. */
export function registerProgramApi(app: App) {
  app.get(
    '/api/v1/program',
    {
      schema: {
        tags: ['program'],
        summary: 'The active program policy, its fees and the competency framework in brief',
        security: [],
        response: { 200: programResponse },
      },
    },
    async (req) => {
      const { policy, framework } = await getActiveProgramData(req.server.services);
      return {
        policyVersion: {
          id: policy.id,
          version: policy.version,
          activatedAt: policy.activatedAt?.toISOString() ?? null,
        },
        policy: policy.policy,
        fees: feeLines(policy.policy),
        framework: summariseFramework(framework),
      };
    },
  );

  app.get(
    '/api/v1/program/competency-sets',
    {
      schema: {
        tags: ['program'],
        summary: 'The competency sets of the active framework',
        security: [],
        response: { 200: z.object({ frameworkVersion: z.string(), items: z.array(setSummary) }) },
      },
    },
    async (req) => {
      const { framework } = await getActiveProgramData(req.server.services);
      return {
        frameworkVersion: framework.title,
        items: framework.framework.framework.sets.map(summariseSet),
      };
    },
  );

  app.get(
    '/api/v1/program/competency-sets/:setId',
    {
      schema: {
        tags: ['program'],
        summary: 'One competency set with its competencies',
        security: [],
        params: z.object({ setId: z.string().min(1).max(100) }),
        response: { 200: setDetail },
      },
    },
    async (req) => {
      const { framework } = await getActiveProgramData(req.server.services);
      const set = findSet(framework.framework, req.params.setId);
      if (!set) throw notFound('That competency set');
      return {
        ...summariseSet(set),
        frameworkVersion: framework.title,
        competencies: set.competencies.map((c) => ({
          id: c.id,
          topic: c.topic,
          inferred: c.inferred ?? false,
        })),
      };
    },
  );

  app.post(
    '/api/v1/eligibility/self-check',
    {
      schema: {
        tags: ['program'],
        summary: 'Check eligibility without an account; nothing is stored',
        security: [],
        body: selfCheckBody,
        response: { 200: selfCheckResponse },
      },
    },
    async (req) =>
      checkEligibility(req.server.services, {
        hasHighSchool: req.body.hasHighSchool,
        libraryHours: req.body.libraryHours,
        hoursPerWeekNow: req.body.hoursPerWeekNow ?? null,
      }),
  );
}
