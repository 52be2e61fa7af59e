import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { offeringFromForm } from '../forms.js';
import { addOffering } from '../use-cases/add-offering.js';
import { changeOffering } from '../use-cases/change-offering.js';
import { listMyApprovedCourses } from '../use-cases/list-my-approved-courses.js';
import { removeOffering } from '../use-cases/remove-offering.js';
import { viewApprovedCourse } from '../use-cases/view-approved-course.js';
import {
  ApprovedCoursePage,
  ApprovedCoursesPage,
  OfferingForm,
  type OfferingValues,
  offeringValues,
} from '../views/approved-courses.js';
import { dateRange } from '../views/labels.js';

const hide = true;
const courseParams = z.object({ courseId: z.string().max(64) });
const offeringParams = courseParams.extend({ offeringId: z.string().max(64) });
const base = '/provider/approved-courses';

/** Refusals shown on the page itself: bad fields at the fields, a lapsed course as a message. */
function shownOnPage(err: unknown): { errors?: FieldErrors; problem?: string; status: number } | undefined {
  if (!(err instanceof DomainError)) return undefined;
  if (err.code === 'VALIDATION_FAILED' && err.fields) return { errors: err.fields, status: 400 };
  if (err.code === 'INVALID_STATE') return { problem: err.message, status: errorStatus[err.code] };
  return undefined;
}

function seeOther(reply: FastifyReply, url: string, flash: string) {
  reply.flash(flash);
  return reply.redirect(url, 303);
}

/** The provider members' pages: their approved courses and each course's sessions (no JavaScript needed). */
export function registerApprovedCoursePages(app: App) {
  app.get(base, { schema: { hide } }, async (req, reply) => {
    const { courses } = await listMyApprovedCourses(ctxFrom(req));
    return sendPage(req, reply, { title: 'Approved courses' }, <ApprovedCoursesPage courses={courses} />);
  });

  const coursePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    courseId: string,
    state: { values?: OfferingValues; errors?: FieldErrors; problem?: string; status?: number } = {},
  ) => {
    const view = await viewApprovedCourse(ctxFrom(req), courseId);
    return sendPage(
      req,
      reply,
      { title: view.course.title, status: state.status ?? 200 },
      <ApprovedCoursePage
        view={view}
        csrfToken={req.csrfToken()}
        values={state.values}
        errors={state.errors}
        problem={state.problem}
      />,
    );
  };

  app.get(`${base}/:courseId`, { schema: { hide, params: courseParams } }, async (req, reply) =>
    coursePage(req, reply, req.params.courseId),
  );

  app.post(`${base}/:courseId/offerings`, { schema: { hide, params: courseParams } }, async (req, reply) => {
    const { courseId } = req.params;
    const values = formValues(req.body);
    try {
      const added = await addOffering(ctxFrom(req), courseId, offeringFromForm(values));
      return seeOther(
        reply,
        `${base}/${courseId}`,
        `The session of ${dateRange(added.startsOn, added.endsOn)} is added.`,
      );
    } catch (err) {
      const shown = shownOnPage(err);
      if (!shown) throw err;
      return coursePage(req, reply, courseId, { values, ...shown });
    }
  });

  const editForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    p: { courseId: string; offeringId: string },
    state: { values?: OfferingValues; errors?: FieldErrors; problem?: string; status?: number } = {},
  ) => {
    const view = await viewApprovedCourse(ctxFrom(req), p.courseId);
    const offering = view.offerings.find((o) => o.id === p.offeringId);
    if (!offering) throw new DomainError('NOT_FOUND', 'That session was not found.');
    return sendPage(
      req,
      reply,
      { title: `Change a session of ${view.course.title}`, status: state.status ?? 200 },
      <>
        <p>
          <a href={`${base}/${p.courseId}`}>Back to {view.course.title}</a>
        </p>
        <h1>Change the session</h1>
        <p class="lead">
          {view.course.title}, {dateRange(offering.startsOn, offering.endsOn)}
        </p>
        {state.problem && (
          <div class="error-summary" role="alert" aria-labelledby="problem-title" tabIndex={-1}>
            <h2 id="problem-title">That cannot be done</h2>
            <p>{state.problem}</p>
          </div>
        )}
        <OfferingForm
          action={`${base}/${p.courseId}/offerings/${p.offeringId}/edit`}
          csrfToken={req.csrfToken()}
          values={state.values ?? offeringValues(offering)}
          errors={state.errors}
          submitLabel="Save the session"
          cancelHref={`${base}/${p.courseId}`}
        />
      </>,
    );
  };

  app.get(
    `${base}/:courseId/offerings/:offeringId/edit`,
    { schema: { hide, params: offeringParams } },
    async (req, reply) => editForm(req, reply, req.params),
  );

  app.post(
    `${base}/:courseId/offerings/:offeringId/edit`,
    { schema: { hide, params: offeringParams } },
    async (req, reply) => {
      const { courseId, offeringId } = req.params;
      const values = formValues(req.body);
      try {
        await changeOffering(ctxFrom(req), courseId, offeringId, offeringFromForm(values));
        return seeOther(reply, `${base}/${courseId}`, 'The session is saved.');
      } catch (err) {
        const shown = shownOnPage(err);
        if (!shown) throw err;
        return editForm(req, reply, req.params, { values, ...shown });
      }
    },
  );

  app.post(
    `${base}/:courseId/offerings/:offeringId/delete`,
    { schema: { hide, params: offeringParams } },
    async (req, reply) => {
      const { courseId, offeringId } = req.params;
      const removed = await removeOffering(ctxFrom(req), courseId, offeringId);
      return seeOther(
        reply,
        `${base}/${courseId}`,
        `The session of ${dateRange(removed.startsOn, removed.endsOn)} is deleted.`,
      );
    },
  );
}
