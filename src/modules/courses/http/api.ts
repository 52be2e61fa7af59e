import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import { competencyMapEntrySchema, courseDetailsSchema, startCourseApplicationSchema } from '../forms.js';
import { removeCourseFile } from '../use-cases/remove-course-file.js';
import { saveCompetencyMapEntry } from '../use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../use-cases/save-course-details.js';
import { startCourseApplication } from '../use-cases/start-course-application.js';
import { startCourseCheckout } from '../use-cases/start-course-checkout.js';
import { submitCourseApplication } from '../use-cases/submit-course-application.js';
import { uploadCourseFile } from '../use-cases/upload-course-file.js';
import { listMyCourseApplications, viewCourseApplication } from '../use-cases/view-course-application.js';
import {
  courseDetailOut,
  courseFileOut,
  courseSummaryOut,
  detailOf,
  fileOf,
  idParams,
  summaryOf,
  tags,
} from './api-schemas.js';
import { uploadFrom } from './multipart.js';

const base = '/api/v1/course-applications';
const detail = { 200: courseDetailOut };
const forMembers = 'For members of the provider (program staff may read); anyone else gets 404.';

/** The course approval application as JSON: the same use cases as the pages. */
export function registerCourseApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Course applications of the organisations you belong to',
        response: { 200: z.object({ items: z.array(courseSummaryOut) }) },
      },
    },
    async (req) => ({ items: (await listMyCourseApplications(ctxFrom(req))).applications.map(summaryOf) }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a course application for a competency set',
        description: 'Give providerId when you belong to more than one organisation.',
        body: startCourseApplicationSchema,
        response: { 201: courseDetailOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const row = await startCourseApplication(ctx, req.body);
      return reply.status(201).send(detailOf(await viewCourseApplication(ctx, row.id)));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One course application with its map, files and fee',
        description: forMembers,
        params: idParams,
        response: detail,
      },
    },
    async (req) => detailOf(await viewCourseApplication(ctxFrom(req), req.params.id)),
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Save the course details of a draft',
        description: forMembers,
        params: idParams,
        body: courseDetailsSchema,
        response: detail,
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      await saveCourseDetails(ctx, req.params.id, req.body);
      return detailOf(await viewCourseApplication(ctx, req.params.id));
    },
  );

  app.put(
    `${base}/:id/map/:competencyId`,
    {
      schema: {
        tags,
        summary: 'Save how the course covers one competency of its set',
        description:
          'The assessment may be left empty while drafting, but every competency needs one before submission.',
        params: z.object({ id: z.string().max(64), competencyId: z.string().max(64) }),
        body: competencyMapEntrySchema,
        response: { 200: z.object({ competencyId: z.string(), nextCompetencyId: z.string().nullable() }) },
      },
    },
    async (req) => {
      const saved = await saveCompetencyMapEntry(
        ctxFrom(req),
        req.params.id,
        req.params.competencyId,
        req.body,
      );
      return { competencyId: req.params.competencyId, nextCompetencyId: saved.nextCompetencyId };
    },
  );

  app.post(
    `${base}/:id/files`,
    {
      schema: {
        tags,
        summary: 'Upload the syllabus or an instructor’s résumé (multipart/form-data)',
        description:
          'Fields: `kind` (syllabus or resume), then `file`. PDF, Word or plain text, judged by content; larger than the upload limit answers 413.',
        params: idParams,
        response: { 201: courseFileOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(fileOf(await uploadCourseFile(ctxFrom(req), req.params.id, uploadFrom(req)))),
  );

  app.delete(
    `${base}/:id/files/:fileId`,
    {
      schema: {
        tags,
        summary: 'Remove an uploaded file from a draft',
        params: z.object({ id: z.string().max(64), fileId: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeCourseFile(ctxFrom(req), req.params.id, req.params.fileId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:id/submit`,
    {
      schema: {
        tags,
        summary: 'Submit a complete course application; charges the course approval fee',
        description:
          'Refused (422) until every competency has content and an assessment. A repeated call changes nothing.',
        params: idParams,
        response: { 200: courseDetailOut.extend({ alreadySubmitted: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const { alreadySubmitted } = await submitCourseApplication(ctx, req.params.id);
      return { ...detailOf(await viewCourseApplication(ctx, req.params.id)), alreadySubmitted };
    },
  );

  app.post(
    `${base}/:id/checkout`,
    {
      schema: {
        tags,
        summary: 'Start (or reuse) a card checkout for the course approval fee',
        description: 'Send the payer to `url`. Only the member who submitted pays by card.',
        params: idParams,
        response: { 200: z.object({ checkoutId: z.uuid(), url: z.string(), amount: moneySchema }) },
      },
    },
    async (req) => {
      const started = await startCourseCheckout(ctxFrom(req), req.params.id);
      return { checkoutId: started.checkoutId, url: started.url, amount: moneyOut(started.amount) };
    },
  );
}
