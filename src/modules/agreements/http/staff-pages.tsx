import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldErrors, notFound } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { findAgreement } from '../repository.js';
import { endAgreement } from '../use-cases/end-agreement.js';
import { createCollege, updateCollegeDetails } from '../use-cases/save-college.js';
import { createProgram, updateProgramDetails } from '../use-cases/save-program.js';
import {
  addProgramCourse,
  removeProgramCourse,
  updateProgramCourse,
} from '../use-cases/save-program-course.js';
import { signAgreement } from '../use-cases/sign-agreement.js';
import { listCollegesForStaff, viewCollege, viewProgram } from '../use-cases/view-agreements-staff.js';
import { CollegeForm, CollegePage, CollegesPage, collegeValues } from '../views/staff-colleges.js';
import { CoursePage, type ProgramForm, ProgramPage, type Values } from '../views/staff-program.js';
import { courseParams, formFields, hide, idParams, seeOther, shownErrors } from './page-helpers.js';

type Shown = { errors: FieldErrors; status: number };
const flat = (v: Values) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? (x[0] ?? '') : x]));

/** Staff pages: colleges, their programs, required courses and mapping, signing and ending agreements. */
export function registerAgreementStaffPages(app: App) {
  app.get('/staff/colleges', { schema: hide }, async (req, reply) => {
    const colleges = await listCollegesForStaff(ctxFrom(req));
    return sendPage(req, reply, { title: 'Colleges and agreements' }, <CollegesPage colleges={colleges} />);
  });

  const collegeForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { id?: string; values: Values; shown?: Shown },
  ) =>
    sendPage(
      req,
      reply,
      {
        title: `${o.shown ? 'Error: ' : ''}${o.id ? 'Change the college' : 'Add a college'}`,
        status: o.shown?.status ?? 200,
      },
      <CollegeForm
        title={o.id ? 'Change the college' : 'Add a college'}
        action={o.id ? `/staff/colleges/${o.id}/edit` : '/staff/colleges/new'}
        csrfToken={req.csrfToken()}
        values={flat(o.values)}
        errors={o.shown?.errors}
        submitLabel={o.id ? 'Save the college' : 'Add the college'}
        cancelHref={o.id ? `/staff/colleges/${o.id}` : '/staff/colleges'}
      />,
    );

  app.get('/staff/colleges/new', { schema: hide }, async (req, reply) => {
    await listCollegesForStaff(ctxFrom(req)); // permission check before showing the form
    return collegeForm(req, reply, { values: { country: 'US' } });
  });
  app.post('/staff/colleges/new', { schema: hide }, async (req, reply) => {
    const values = formFields(req.body);
    try {
      const college = await createCollege(ctxFrom(req), flat(values));
      return seeOther(reply, `/staff/colleges/${college.id}`, `College added: ${college.name}.`);
    } catch (err) {
      const shown = shownErrors(err, 'name');
      if (!shown) throw err;
      return collegeForm(req, reply, { values, shown });
    }
  });

  app.get('/staff/colleges/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const view = await viewCollege(ctxFrom(req), req.params.id);
    return sendPage(
      req,
      reply,
      { title: view.college.name },
      <CollegePage view={view} csrfToken={req.csrfToken()} />,
    );
  });
  app.get('/staff/colleges/:id/edit', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const view = await viewCollege(ctxFrom(req), req.params.id);
    return collegeForm(req, reply, { id: view.college.id, values: collegeValues(view.college) });
  });
  app.post('/staff/colleges/:id/edit', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    try {
      const college = await updateCollegeDetails(ctxFrom(req), req.params.id, flat(values));
      return seeOther(reply, `/staff/colleges/${college.id}`, 'The college details are saved.');
    } catch (err) {
      const shown = shownErrors(err, 'name');
      if (!shown) throw err;
      return collegeForm(req, reply, { id: req.params.id, values, shown });
    }
  });

  app.post('/staff/colleges/:id/programs', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formFields(req.body);
    try {
      const program = await createProgram(ctxFrom(req), req.params.id, flat(values));
      return seeOther(
        reply,
        `/staff/programs/${program.id}`,
        `Program added: ${program.name}. Now list its required courses.`,
      );
    } catch (err) {
      const shown = shownErrors(err, 'name');
      if (!shown) throw err;
      const view = await viewCollege(ctxFrom(req), req.params.id);
      return sendPage(
        req,
        reply,
        { title: `Error: ${view.college.name}`, status: shown.status },
        <CollegePage view={view} csrfToken={req.csrfToken()} values={flat(values)} errors={shown.errors} />,
      );
    }
  });

  const programPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    o?: { form: ProgramForm; values: Values; shown: Shown },
  ) => {
    const view = await viewProgram(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: `${o ? 'Error: ' : ''}${view.program.name}`, status: o?.shown.status ?? 200 },
      <ProgramPage
        view={view}
        csrfToken={req.csrfToken()}
        form={o?.form}
        values={o?.values}
        errors={o?.shown.errors}
      />,
    );
  };

  app.get('/staff/programs/:id', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    programPage(req, reply, req.params.id),
  );

  /** A program form post: run the use case, then go back to the program page or show the errors there. */
  const programPost = (
    path: string,
    form: ProgramForm,
    mainField: string,
    run: (req: FastifyRequest, id: string, values: Values) => Promise<{ to: string; flash: string }>,
    programIdOf: (req: FastifyRequest, id: string) => Promise<string> = async (_req, id) => id,
  ) =>
    app.post(path, { schema: { ...hide, params: idParams } }, async (req, reply) => {
      const values = formFields(req.body);
      try {
        const done = await run(req, req.params.id, values);
        return seeOther(reply, done.to, done.flash);
      } catch (err) {
        const shown = shownErrors(err, mainField);
        if (!shown) throw err;
        return programPage(req, reply, await programIdOf(req, req.params.id), { form, values, shown });
      }
    });

  programPost('/staff/programs/:id', 'details', 'name', async (req, id, values) => {
    await updateProgramDetails(ctxFrom(req), id, flat(values));
    return { to: `/staff/programs/${id}`, flash: 'The program details are saved.' };
  });
  programPost('/staff/programs/:id/courses', 'course', 'code', async (req, id, values) => {
    const course = await addProgramCourse(ctxFrom(req), id, values);
    return { to: `/staff/programs/${id}`, flash: `Course added: ${course.code}.` };
  });
  programPost('/staff/programs/:id/agreements', 'sign', 'effectiveFrom', async (req, id, values) => {
    const a = await signAgreement(ctxFrom(req), id, flat(values));
    return {
      to: `/staff/programs/${id}`,
      flash: `Agreement ${a.reference} signed: ${a.coverage === 'full' ? 'full' : 'partial'} coverage.`,
    };
  });
  programPost(
    '/staff/agreements/:id/end',
    'end',
    'endsOn',
    async (req, id, values) => {
      const a = await endAgreement(ctxFrom(req), id, flat(values));
      return { to: `/staff/programs/${a.programId}`, flash: `Agreement ${a.reference} ended.` };
    },
    async (req, id) => (await findAgreement(req.server.services.db, id))?.programId ?? id,
  );

  const coursePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    courseId: string,
    o?: { values: Values; shown: Shown },
  ) => {
    const view = await viewProgram(ctxFrom(req), id);
    const course = view.courses.find((c) => c.id === courseId);
    if (!course) throw notFound('That course');
    return sendPage(
      req,
      reply,
      { title: `${o ? 'Error: ' : ''}Course ${course.code}`, status: o?.shown.status ?? 200 },
      <CoursePage
        view={view}
        course={course}
        csrfToken={req.csrfToken()}
        values={o?.values}
        errors={o?.shown.errors}
      />,
    );
  };
  app.get(
    '/staff/programs/:id/courses/:courseId',
    { schema: { ...hide, params: courseParams } },
    async (req, reply) => coursePage(req, reply, req.params.id, req.params.courseId),
  );
  app.post(
    '/staff/programs/:id/courses/:courseId',
    { schema: { ...hide, params: courseParams } },
    async (req, reply) => {
      const values = formFields(req.body);
      try {
        const course = await updateProgramCourse(ctxFrom(req), req.params.id, req.params.courseId, values);
        return seeOther(reply, `/staff/programs/${req.params.id}`, `Course ${course.code} saved.`);
      } catch (err) {
        const shown = shownErrors(err, 'code');
        if (!shown) throw err;
        return coursePage(req, reply, req.params.id, req.params.courseId, { values, shown });
      }
    },
  );
  app.post(
    '/staff/programs/:id/courses/:courseId/remove',
    { schema: { ...hide, params: courseParams } },
    async (req, reply) => {
      const course = await removeProgramCourse(ctxFrom(req), req.params.id, req.params.courseId);
      return seeOther(reply, `/staff/programs/${req.params.id}`, `Course ${course.code} removed.`);
    },
  );
}
