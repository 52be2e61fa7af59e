import { z } from 'zod';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { sendPage } from '../../platform/http/render.js';
import { programPolicySchema } from './policy.js';
import { StaffProgramPage } from './staff-program-page.js';
import { viewProgramForStaff } from './use-cases/view-program-for-staff.js';

const staffProgramResponse = z.object({
  policyVersion: z.object({
    id: z.string(),
    version: z.string(),
    activatedAt: z.string().nullable(),
    policy: programPolicySchema,
  }),
  frameworkVersion: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    version: z.string(),
    activatedAt: z.string().nullable(),
    competencyCount: z.int(),
    sets: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        required: z.boolean(),
        competencyCount: z.int(),
        inferredIds: z.array(z.string()),
      }),
    ),
  }),
});

/** Staff view of the policy and framework in force; editing them comes with the admin tools. */
export function registerPolicyRoutes(app: App): void {
  app.get('/staff/program', { schema: { hide: true } }, async (req, reply) => {
    const view = await viewProgramForStaff(ctxFrom(req));
    return sendPage(req, reply, { title: 'Program policy and framework' }, <StaffProgramPage view={view} />);
  });

  app.get(
    '/api/v1/staff/program',
    {
      schema: {
        tags: ['staff'],
        summary:
          'The active policy version (all values) and framework version (sets, counts, reconstructed competencies)',
        response: { 200: staffProgramResponse },
      },
    },
    async (req) => {
      const view = await viewProgramForStaff(ctxFrom(req));
      const { policy, framework } = view;
      return {
        policyVersion: {
          id: policy.id,
          version: policy.version,
          activatedAt: policy.activatedAt?.toISOString() ?? null,
          policy: policy.policy,
        },
        frameworkVersion: {
          id: framework.id,
          code: framework.code,
          title: framework.title,
          version: framework.framework.framework.version,
          activatedAt: framework.activatedAt?.toISOString() ?? null,
          competencyCount: view.competencyCount,
          sets: view.sets,
        },
      };
    },
  );
}
