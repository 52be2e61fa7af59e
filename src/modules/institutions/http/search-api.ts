import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import {
  PAYER_SEARCH_LIMIT,
  payerSearchQuerySchema,
  searchPayerInstitutions,
} from '../use-cases/view-institution.js';

const searchOut = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  more: z.boolean().describe(`More than ${PAYER_SEARCH_LIMIT} match: type more of the name`),
});

/** "Find your institution" as JSON: what an applicant names as the payer of their fee (`institutionId`). */
export function registerInstitutionSearchApi(app: App) {
  app.get(
    '/api/v1/institutions/search',
    {
      schema: {
        tags: ['institutions'],
        summary: 'Find institutions by part of the name or the state (signed-in users)',
        description: `For "my institution pays" when submitting an application: the id goes in \`institutionId\`. Case does not matter; every word must appear in the name or the state. At most ${PAYER_SEARCH_LIMIT}, by name.`,
        querystring: payerSearchQuerySchema,
        response: { 200: searchOut },
      },
    },
    async (req) => {
      const { items, more } = await searchPayerInstitutions(ctxFrom(req), req.query.q);
      return { items, more };
    },
  );
}
