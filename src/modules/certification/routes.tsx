import { z } from 'zod';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { sendPage } from '../../platform/http/render.js';
import { registerCredentialRoutes } from './credentials/routes.js';
import { registerStaffCertificationRoutes } from './staff-routes.js';
import { registerStatusRequestRoutes } from './status-requests/routes.js';
import { getMyCertification } from './use-cases/get-my-certification.js';
import { CertificationPage } from './views/certification-page.js';

const howSchema = z.enum(['course', 'portfolio', 'agreement']);

const myCertificationSchema = z.object({
  state: z.enum(['certified', 'in_progress', 'expired', 'not_admitted']),
  designation: z.string(),
  certification: z
    .object({
      number: z.string(),
      status: z.enum(['active', 'provisional', 'suspended', 'revoked']),
      certifiedOn: z.string(),
      expiresOn: z.string(),
      basis: z.enum(['automatic', 'manual']),
      inRegistry: z.boolean(),
      verifyUrl: z.string(),
    })
    .nullable(),
  deadline: z.object({ deadline: z.string(), expired: z.boolean() }).nullable(),
  progress: z.object({
    summary: z.string(),
    requiredDone: z.int(),
    requiredTotal: z.int(),
    electivesDone: z.int(),
    electivesNeeded: z.int(),
    complete: z.boolean(),
  }),
  sets: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      required: z.boolean(),
      achieved: z.object({ on: z.string(), how: howSchema }).nullable(),
    }),
  ),
});

/** The candidate's certification page and API, and staff certification by hand and extensions. */
export function registerCertificationRoutes(app: App): void {
  app.get('/my-certification', { schema: { hide: true } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const c = await getMyCertification(ctx);
    return sendPage(
      req,
      reply,
      {
        title:
          c.certification?.status === 'suspended' || c.certification?.status === 'revoked'
            ? `Your certification is ${c.certification.status}`
            : c.state === 'certified'
              ? 'You are certified'
              : 'My certification',
      },
      <CertificationPage c={c} baseUrl={ctx.config.baseUrl} />,
    );
  });

  app.get(
    '/api/v1/me/certification',
    {
      schema: {
        tags: ['certification'],
        summary: 'Your certification, or your progress toward it',
        response: { 200: myCertificationSchema },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const c = await getMyCertification(ctx);
      return {
        ...c,
        certification: c.certification && {
          ...c.certification,
          verifyUrl: `${ctx.config.baseUrl}/verify/${c.certification.number}`,
        },
        deadline: c.deadline && { deadline: c.deadline.deadline, expired: c.deadline.expired },
      };
    },
  );

  registerStaffCertificationRoutes(app);
  registerStatusRequestRoutes(app);
  registerCredentialRoutes(app);
}
