import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { collegeSchema, endSchema, pageQuerySchema, programSchema, signSchema } from '../forms.js';
import { endAgreement } from '../use-cases/end-agreement.js';
import { listAgreements } from '../use-cases/list-agreements.js';
import { createCollege, updateCollegeDetails } from '../use-cases/save-college.js';
import { createProgram } from '../use-cases/save-program.js';
import {
  addProgramCourse,
  removeProgramCourse,
  updateProgramCourse,
} from '../use-cases/save-program-course.js';
import { signAgreement } from '../use-cases/sign-agreement.js';
import { listCollegesForStaff, viewCollege, viewProgram } from '../use-cases/view-agreements-staff.js';
import {
  agreementOf,
  agreementOut,
  collegeOf,
  collegeOut,
  courseOf,
  courseOut,
  programDetailOf,
  programDetailOut,
  programOf,
  programOut,
  publicPageOut,
  tags,
} from './api-schemas.js';

const id = z.object({ id: z.string().max(64) });
const courseId = z.object({ id: z.string().max(64), courseId: z.string().max(64) });
const courseBody = z.object({ code: z.string(), title: z.string(), setIds: z.array(z.string()).optional() });
const staffOnly = 'Program staff (and admins) only; others get 403.';

/** Colleges, programs and agreements as JSON: the same use cases as the pages. */
export function registerAgreementsApi(app: App) {
  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags,
        summary: 'Public list of recognition agreements',
        description:
          'Signed agreements, newest first: college, program, award, full or partial coverage with the sets covered, and the graduation dates that count. No account needed.',
        querystring: pageQuerySchema,
        response: { 200: publicPageOut },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listAgreements(ctxFrom(req), req.query);
    },
  );

  app.get(
    '/api/v1/staff/colleges',
    {
      schema: {
        tags,
        summary: 'Every college',
        description: staffOnly,
        response: { 200: z.object({ items: z.array(collegeOut.extend({ programs: z.number().int() })) }) },
      },
    },
    async (req) => ({
      items: (await listCollegesForStaff(ctxFrom(req))).map((c) => ({
        ...collegeOf(c),
        programs: c.programs,
      })),
    }),
  );
  app.post(
    '/api/v1/staff/colleges',
    {
      schema: {
        tags,
        summary: 'Add a college',
        description: staffOnly,
        body: collegeSchema,
        response: { 201: collegeOut },
      },
    },
    async (req, reply) => reply.status(201).send(collegeOf(await createCollege(ctxFrom(req), req.body))),
  );
  app.get(
    '/api/v1/staff/colleges/:id',
    {
      schema: {
        tags,
        summary: 'A college and its programs',
        description: staffOnly,
        params: id,
        response: { 200: z.object({ college: collegeOut, programs: z.array(programOut) }) },
      },
    },
    async (req) => {
      const v = await viewCollege(ctxFrom(req), req.params.id);
      return { college: collegeOf(v.college), programs: v.programs.map(programOf) };
    },
  );
  app.put(
    '/api/v1/staff/colleges/:id',
    {
      schema: {
        tags,
        summary: 'Change a college',
        description: staffOnly,
        params: id,
        body: collegeSchema,
        response: { 200: collegeOut },
      },
    },
    async (req) => collegeOf(await updateCollegeDetails(ctxFrom(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/staff/colleges/:id/programs',
    {
      schema: {
        tags,
        summary: 'Add a program to a college',
        description: staffOnly,
        params: id,
        body: programSchema,
        response: { 201: programOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(programOf(await createProgram(ctxFrom(req), req.params.id, req.body))),
  );
  app.get(
    '/api/v1/staff/colleges/programs/:id',
    {
      schema: {
        tags,
        summary: 'A program: courses, coverage and agreements',
        description: `${staffOnly} Coverage is of the courses as they are now.`,
        params: id,
        response: { 200: programDetailOut },
      },
    },
    async (req) => programDetailOf(await viewProgram(ctxFrom(req), req.params.id)),
  );
  app.post(
    '/api/v1/staff/colleges/programs/:id/courses',
    {
      schema: {
        tags,
        summary: 'Add a required course, mapped to competency sets',
        description: `${staffOnly} setIds are set ids of the framework in force.`,
        params: id,
        body: courseBody,
        response: { 201: courseOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(courseOf(await addProgramCourse(ctxFrom(req), req.params.id, req.body))),
  );
  app.put(
    '/api/v1/staff/colleges/programs/:id/courses/:courseId',
    {
      schema: {
        tags,
        summary: 'Change a course or its mapping',
        description: staffOnly,
        params: courseId,
        body: courseBody,
        response: { 200: courseOut },
      },
    },
    async (req) =>
      courseOf(await updateProgramCourse(ctxFrom(req), req.params.id, req.params.courseId, req.body)),
  );
  app.delete(
    '/api/v1/staff/colleges/programs/:id/courses/:courseId',
    {
      schema: {
        tags,
        summary: 'Remove a course',
        description: staffOnly,
        params: courseId,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeProgramCourse(ctxFrom(req), req.params.id, req.params.courseId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/staff/colleges/programs/:id/agreements',
    {
      schema: {
        tags,
        summary: 'Sign an agreement for a program',
        description: `${staffOnly} The sets covered now are frozen on the agreement. A program with an agreement in force answers 409.`,
        params: id,
        body: signSchema,
        response: { 201: agreementOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(agreementOf(await signAgreement(ctxFrom(req), req.params.id, req.body))),
  );
  app.post(
    '/api/v1/staff/agreements/:id/end',
    {
      schema: {
        tags,
        summary: 'End an agreement',
        description: `${staffOnly} Graduates up to endsOn still count.`,
        params: id,
        body: endSchema,
        response: { 200: agreementOut },
      },
    },
    async (req) => agreementOf(await endAgreement(ctxFrom(req), req.params.id, req.body)),
  );
}
