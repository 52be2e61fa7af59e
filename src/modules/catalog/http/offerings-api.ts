import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { offeringSchema } from '../forms.js';
import { addOffering } from '../use-cases/add-offering.js';
import { changeOffering } from '../use-cases/change-offering.js';
import { removeOffering } from '../use-cases/remove-offering.js';
import { viewApprovedCourse } from '../use-cases/view-approved-course.js';
import { offeringOf, offeringOut } from './api-schemas.js';

const tags = ['catalog'];
// Ids are checked by the use cases, so a malformed id is "not found" like any unknown one.
const courseParams = z.object({ courseId: z.string().max(64) });
const offeringParams = courseParams.extend({ offeringId: z.string().max(64) });
const base = '/api/v1/courses/:courseId/offerings';
const forMembers =
  "For members of the course's provider (provider_member role); members of other providers get 404.";

/** Sessions of an approved course as JSON: the same use cases as the provider's pages. */
export function registerOfferingsApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The sessions of one of your approved courses, soonest first (past ones too)',
        description: forMembers,
        params: courseParams,
        response: { 200: z.object({ items: z.array(offeringOut) }) },
      },
    },
    async (req) => ({
      items: (await viewApprovedCourse(ctxFrom(req), req.params.courseId)).offerings.map(offeringOf),
    }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'List a new session of an approved course',
        description: `${forMembers} The session must end today or later, start within two years and before the approval ends; a lapsed course takes none (409).`,
        params: courseParams,
        body: offeringSchema,
        response: { 201: offeringOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(offeringOf(await addOffering(ctxFrom(req), req.params.courseId, req.body))),
  );

  app.put(
    `${base}/:offeringId`,
    {
      schema: {
        tags,
        summary: 'Change a session (send every field)',
        description: forMembers,
        params: offeringParams,
        body: offeringSchema,
        response: { 200: offeringOut },
      },
    },
    async (req) =>
      offeringOf(await changeOffering(ctxFrom(req), req.params.courseId, req.params.offeringId, req.body)),
  );

  app.delete(
    `${base}/:offeringId`,
    {
      schema: {
        tags,
        summary: 'Delete a session (cancelled, or entered by mistake)',
        description: forMembers,
        params: offeringParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (req, reply) => {
      await removeOffering(ctxFrom(req), req.params.courseId, req.params.offeringId);
      return reply.status(204).send(null);
    },
  );
}
