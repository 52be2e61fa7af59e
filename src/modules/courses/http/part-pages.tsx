import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { partFromForm } from '../forms.js';
import { addCoursePart, removeCoursePart, saveCoursePart } from '../use-cases/save-course-part.js';
import { startCourseRenewal } from '../use-cases/start-course-renewal.js';
import { type CourseApplicationView, viewCourseApplication } from '../use-cases/view-course-application.js';
import { PartEditPage, PartsPage } from '../views/parts-page.js';
import type { Values } from '../views/step-forms.js';
import { fieldErrorsOf, idParams, partParams, seeOther, strings } from './page-helpers.js';

const hide = { hide: true };

/** A bundle's courses (list, add, change, remove) and "Apply to renew". */
export function registerCoursePartPages(app: App) {
  const partsPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: CourseApplicationView,
    values: Values = {},
    errors?: FieldErrors,
  ) =>
    sendPage(
      req,
      reply,
      { title: 'Courses in this bundle', status: errors ? 400 : 200 },
      <PartsPage v={v} csrfToken={req.csrfToken()} values={values} errors={errors} />,
    );

  app.get('/provider/courses/:id/parts', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const v = await viewCourseApplication(ctxFrom(req), req.params.id);
    if (v.application.kind !== 'bundle') return seeOther(reply, `/provider/courses/${v.application.id}`);
    return partsPage(req, reply, v);
  });
  app.post('/provider/courses/:id/parts', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      const part = await addCoursePart(ctxFrom(req), req.params.id, partFromForm(values));
      return seeOther(
        reply,
        `/provider/courses/${req.params.id}/parts`,
        `${part.title} added to the bundle.`,
      );
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      return partsPage(
        req,
        reply,
        await viewCourseApplication(ctxFrom(req), req.params.id),
        values,
        shown.errors,
      );
    }
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    partId: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const v = await viewCourseApplication(ctxFrom(req), id);
    const part = v.parts.find((p) => p.id === partId);
    if (!part) return reply.callNotFound();
    if (!v.editable) return seeOther(reply, `/provider/courses/${id}/parts`);
    return sendPage(
      req,
      reply,
      { title: `Change course ${part.position} of the bundle`, status: errors ? 400 : 200 },
      <PartEditPage
        v={v}
        part={part}
        csrfToken={req.csrfToken()}
        values={values ?? strings({ ...part })}
        errors={errors}
      />,
    );
  };
  app.get(
    '/provider/courses/:id/parts/:partId',
    { schema: { ...hide, params: partParams } },
    async (req, reply) => editPage(req, reply, req.params.id, req.params.partId),
  );
  app.post(
    '/provider/courses/:id/parts/:partId',
    { schema: { ...hide, params: partParams } },
    async (req, reply) => {
      const { id, partId } = req.params;
      const values = formValues(req.body);
      try {
        const part = await saveCoursePart(ctxFrom(req), id, partId, partFromForm(values));
        return seeOther(reply, `/provider/courses/${id}/parts`, `${part.title} saved.`);
      } catch (err) {
        const shown = fieldErrorsOf(err);
        if (!shown) throw err;
        return editPage(req, reply, id, partId, values, shown.errors);
      }
    },
  );
  app.post(
    '/provider/courses/:id/parts/:partId/remove',
    { schema: { ...hide, params: partParams } },
    async (req, reply) => {
      const { id, partId } = req.params;
      const part = await removeCoursePart(ctxFrom(req), id, partId);
      return seeOther(reply, `/provider/courses/${id}/parts`, `${part.title} removed from the bundle.`);
    },
  );

  app.post('/provider/courses/:id/renew', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      const renewal = await startCourseRenewal(ctxFrom(req), req.params.id);
      return seeOther(
        reply,
        `/provider/courses/${renewal.id}`,
        'Renewal started from the approved application. Check each step and upload the files again.',
      );
    } catch (err) {
      // Too early, or a renewal already open (a second click): the course page says where things stand.
      if (err instanceof DomainError && err.code === 'INVALID_STATE')
        return seeOther(reply, `/provider/courses/${req.params.id}`, err.message);
      throw err;
    }
  });
}
