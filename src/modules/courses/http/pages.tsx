import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { detailsFromForm } from '../forms.js';
import { saveCompetencyMapEntry } from '../use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../use-cases/save-course-details.js';
import { startCourseApplication } from '../use-cases/start-course-application.js';
import {
  type CourseApplicationView,
  listMyCourseApplications,
  viewCourseApplication,
} from '../use-cases/view-course-application.js';
import { CourseListPage, StartCoursePage } from '../views/list-views.js';
import { CourseOverview } from '../views/overview.js';
import { DetailsForm, MapEntryForm, type Values } from '../views/step-forms.js';
import { competencyParams, fieldErrorsOf, idParams, seeOther, strings } from './page-helpers.js';

const hide = { hide: true };

function detailsValues(v: CourseApplicationView): Values {
  const a = v.application;
  const values = strings({
    title: a.title,
    description: a.description,
    delivery: a.delivery,
    synchronous: a.synchronous,
    length: a.length,
    contactHours: a.contactHours,
    locations: a.locations,
    registrationUrl: a.registrationUrl,
    teachingMethods: a.teachingMethods,
    assessmentStrategy: a.assessmentStrategy,
  });
  values.cost = a.costToStudentsCents === null ? '' : (a.costToStudentsCents / 100).toFixed(2);
  return values;
}

/** The provider's pages for course applications: list, start, task list, details and the map. */
export function registerCoursePages(app: App) {
  app.get('/provider/courses', { schema: hide }, async (req, reply) => {
    const { providers, applications, courses } = await listMyCourseApplications(ctxFrom(req));
    return sendPage(
      req,
      reply,
      { title: 'Course applications' },
      <CourseListPage providers={providers} applications={applications} courses={courses} />,
    );
  });

  const startForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors?: FieldErrors,
  ) => {
    const ctx = ctxFrom(req);
    const [{ providers }, { framework }] = await Promise.all([
      listMyCourseApplications(ctx),
      getActiveProgramData(ctx),
    ]);
    if (providers.length === 0) return seeOther(reply, '/provider/courses');
    return sendPage(
      req,
      reply,
      { title: 'Start a course application', status: errors ? 400 : 200 },
      <StartCoursePage
        csrfToken={req.csrfToken()}
        providers={providers}
        sets={framework.framework.framework.sets}
        values={values}
        errors={errors}
      />,
    );
  };
  app.get('/provider/courses/new', { schema: hide }, async (req, reply) => startForm(req, reply, {}));
  app.post('/provider/courses/new', { schema: hide }, async (req, reply) => {
    try {
      const row = await startCourseApplication(ctxFrom(req), formValues(req.body));
      return seeOther(reply, `/provider/courses/${row.id}`, 'Course application started.');
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      return startForm(req, reply, formValues(req.body), shown.errors);
    }
  });

  app.get('/provider/courses/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const v = await viewCourseApplication(ctxFrom(req), req.params.id);
    return sendPage(
      req,
      reply,
      { title: v.application.title ?? 'Course application' },
      <CourseOverview v={v} csrfToken={req.csrfToken()} />,
    );
  });

  const details = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: CourseApplicationView,
    values: Values,
    errors?: FieldErrors,
    status = 400,
  ) =>
    sendPage(
      req,
      reply,
      {
        title: v.application.kind === 'bundle' ? 'Bundle details' : 'Course details',
        status: errors ? status : 200,
      },
      <DetailsForm
        bundle={v.application.kind === 'bundle'}
        action={`/provider/courses/${v.application.id}/details`}
        csrfToken={req.csrfToken()}
        courseTitle={`${v.provider.name} · ${v.set.code} ${v.set.title}`}
        values={values}
        errors={errors}
      />,
    );
  app.get('/provider/courses/:id/details', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const v = await viewCourseApplication(ctxFrom(req), req.params.id);
    if (!v.editable) return seeOther(reply, `/provider/courses/${v.application.id}`);
    return details(req, reply, v, detailsValues(v));
  });
  app.post('/provider/courses/:id/details', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      await saveCourseDetails(ctxFrom(req), req.params.id, detailsFromForm(formValues(req.body)));
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      const v = await viewCourseApplication(ctxFrom(req), req.params.id);
      return details(req, reply, v, formValues(req.body), shown.errors, shown.status);
    }
    const v = await viewCourseApplication(ctxFrom(req), req.params.id);
    // A bundle's courses come next; a single course goes straight on to the map.
    if (v.application.kind === 'bundle')
      return seeOther(reply, `/provider/courses/${v.application.id}/parts`, 'Bundle details saved.');
    return seeOther(
      reply,
      `/provider/courses/${v.application.id}/map/${v.set.competencies[0]!.id}`,
      'Course details saved.',
    );
  });

  const mapEntry = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: CourseApplicationView,
    competencyId: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const position = v.set.competencies.findIndex((c) => c.id === competencyId);
    if (position < 0) return undefined;
    const entry = v.entries.find((e) => e.competencyId === competencyId);
    return sendPage(
      req,
      reply,
      { title: `Competency ${competencyId}`, status: errors ? 400 : 200 },
      <MapEntryForm
        action={`/provider/courses/${v.application.id}/map/${competencyId}`}
        csrfToken={req.csrfToken()}
        competency={v.set.competencies[position]!}
        position={position + 1}
        total={v.set.competencies.length}
        backHref={`/provider/courses/${v.application.id}`}
        parts={v.application.kind === 'bundle' ? v.parts : undefined}
        partsHref={`/provider/courses/${v.application.id}/parts`}
        values={values ?? strings({ ...entry })}
        errors={errors}
      />,
    );
  };
  app.get(
    '/provider/courses/:id/map/:competencyId',
    { schema: { ...hide, params: competencyParams } },
    async (req, reply) => {
      const v = await viewCourseApplication(ctxFrom(req), req.params.id);
      if (!v.editable) return seeOther(reply, `/provider/courses/${v.application.id}`);
      const page = mapEntry(req, reply, v, req.params.competencyId);
      if (!page) return reply.callNotFound();
      return page;
    },
  );
  app.post(
    '/provider/courses/:id/map/:competencyId',
    { schema: { ...hide, params: competencyParams } },
    async (req, reply) => {
      const { id, competencyId } = req.params;
      try {
        const { nextCompetencyId } = await saveCompetencyMapEntry(
          ctxFrom(req),
          id,
          competencyId,
          formValues(req.body),
        );
        const next = nextCompetencyId
          ? `/provider/courses/${id}/map/${nextCompetencyId}`
          : `/provider/courses/${id}/files`;
        return seeOther(reply, next, `Competency ${competencyId} saved.`);
      } catch (err) {
        const shown = fieldErrorsOf(err);
        if (!shown) throw err;
        const v = await viewCourseApplication(ctxFrom(req), id);
        return mapEntry(req, reply, v, competencyId, formValues(req.body), shown.errors);
      }
    },
  );
}
