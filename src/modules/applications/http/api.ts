import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import {
  educationSchema,
  experienceEntrySchema,
  membershipSchema,
  personalDetailsSchema,
  researchSchema,
  respondSchema,
  submitApplicationSchema,
} from '../forms.js';
import { addExperienceEntry } from '../use-cases/add-experience-entry.js';
import { type ApplicationOverview, getMyApplication } from '../use-cases/get-my-application.js';
import { removeExperienceEntry } from '../use-cases/remove-experience-entry.js';
import { respondToInfoRequest } from '../use-cases/respond-to-info-request.js';
import { saveEducation } from '../use-cases/save-education.js';
import { saveMembership } from '../use-cases/save-membership.js';
import { savePersonalDetails } from '../use-cases/save-personal-details.js';
import { saveResearch } from '../use-cases/save-research.js';
import { submitApplication } from '../use-cases/submit-application.js';
import { updateExperienceEntry } from '../use-cases/update-experience-entry.js';
import {
  applicationOut,
  applicationSchema,
  eligibilityOut,
  eligibilitySchema,
  entryOut,
  experienceEntryOutSchema,
  moneyOut,
  moneySchema,
} from './api-schemas.js';

const tags = ['applications'];
const entryParams = z.object({ entryId: z.uuid('Not a work entry id') });
const experienceListSchema = z.object({
  entries: z.array(experienceEntryOutSchema),
  eligibility: eligibilitySchema,
});
const submitResponseSchema = z.object({
  number: z.string(),
  status: z.string(),
  paymentMethod: z.enum(['card', 'check', 'institution']).nullable(),
  alreadySubmitted: z.boolean(),
  fee: moneySchema.nullable(),
});

async function mine(ctx: Ctx): Promise<ApplicationOverview> {
  const o = await getMyApplication(ctx);
  if (!o) throw new DomainError('NOT_FOUND', 'You have not started an application yet.');
  return o;
}

const experienceList = (o: ApplicationOverview) => ({
  entries: o.entries.map((e, i) => entryOut(e, o.eligibility.entries[i])),
  eligibility: eligibilityOut(o.eligibility),
});

/** The candidate's own application as JSON. There is never an application id in these URLs. */
export function registerApplicationApi(app: App) {
  app.get(
    '/api/v1/application',
    { schema: { tags, summary: 'Your application', response: { 200: applicationSchema } } },
    async (req) => applicationOut(await mine(ctxFrom(req))),
  );

  const sections = [
    ['personal', 'Save personal and contact details', personalDetailsSchema, savePersonalDetails],
    ['education', 'Save the education answer', educationSchema, saveEducation],
    ['membership', 'Save the ALA membership answer', membershipSchema, saveMembership],
    ['research', 'Save the optional research answers', researchSchema, saveResearch],
  ] as const;
  for (const [name, summary, body, save] of sections) {
    app.put(
      `/api/v1/application/${name}`,
      {
        schema: {
          tags,
          summary,
          description: 'Starts a draft application if there is none.',
          body,
          response: { 200: applicationSchema },
        },
      },
      async (req) => {
        const ctx = ctxFrom(req);
        await save(ctx, req.body);
        return applicationOut(await mine(ctx));
      },
    );
  }

  app.get(
    '/api/v1/application/experience',
    {
      schema: {
        tags,
        summary: 'Your library work entries and the hours that count',
        response: { 200: experienceListSchema },
      },
    },
    async (req) => experienceList(await mine(ctxFrom(req))),
  );

  app.post(
    '/api/v1/application/experience',
    {
      schema: {
        tags,
        summary: 'Add a library work entry',
        body: experienceEntrySchema,
        response: { 201: experienceEntryOutSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const row = await addExperienceEntry(ctx, req.body);
      const o = await mine(ctx);
      const i = o.entries.findIndex((e) => e.id === row.id);
      return reply.status(201).send(entryOut(row, o.eligibility.entries[i]));
    },
  );

  app.put(
    '/api/v1/application/experience/:entryId',
    {
      schema: {
        tags,
        summary: 'Change a library work entry',
        params: entryParams,
        body: experienceEntrySchema,
        response: { 200: experienceEntryOutSchema },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const row = await updateExperienceEntry(ctx, req.params.entryId, req.body);
      const o = await mine(ctx);
      const i = o.entries.findIndex((e) => e.id === row.id);
      return entryOut(row, o.eligibility.entries[i]);
    },
  );

  app.delete(
    '/api/v1/application/experience/:entryId',
    {
      schema: {
        tags,
        summary: 'Remove a library work entry',
        params: entryParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await removeExperienceEntry(ctxFrom(req), req.params.entryId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/application/eligibility',
    {
      schema: {
        tags,
        summary: 'Eligibility as the rules see your answers now',
        description:
          'Hours count in the 5-year window ending today (or on the submission day once submitted).',
        response: { 200: eligibilitySchema },
      },
    },
    async (req) => eligibilityOut((await mine(ctxFrom(req))).eligibility),
  );

  app.post(
    '/api/v1/application/submit',
    {
      schema: {
        tags,
        summary: 'Submit your application',
        description:
          'Refused with 422 (APPLICATION_INCOMPLETE or APPLICATION_NOT_ELIGIBLE) and the reasons when it cannot go in. ' +
          'Idempotent: repeating it returns the same number with 200.',
        body: submitApplicationSchema,
        response: { 200: submitResponseSchema },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const { application, alreadySubmitted } = await submitApplication(ctx, req.body);
      const o = await mine(ctx);
      return {
        number: application.number!,
        status: application.status,
        paymentMethod: application.paymentMethod,
        alreadySubmitted,
        fee: o.fee ? moneyOut(o.fee.amount) : null,
      };
    },
  );

  app.post(
    '/api/v1/application/respond',
    {
      schema: {
        tags,
        summary: 'Answer the staff’s request for more information and send the application back',
        body: respondSchema,
        response: { 200: applicationSchema },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      await respondToInfoRequest(ctx, req.body);
      return applicationOut(await mine(ctx));
    },
  );
}
