import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../../platform/errors.js';
import { contentDisposition } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireRole } from '../../accounts/access.js';
import { fieldErrorsOf, seeOther } from '../../courses/http/page-helpers.js';
import { localTimeOf } from '../rules/webinar-time.js';
import { addWebinar } from '../use-cases/add-webinar.js';
import { changeWebinar } from '../use-cases/change-webinar.js';
import {
  findWebinarForStaff,
  listUpcomingWebinars,
  listWebinarsForStaff,
  staffWebinarsQuery,
  upcomingWebinarsQuery,
  webinarCalendarFile,
} from '../use-cases/list-webinars.js';
import { removeWebinar } from '../use-cases/remove-webinar.js';
import { WebinarPublicPage } from '../views/webinar-public-page.js';
import {
  RemoveWebinarPage,
  StaffWebinarListPage,
  WEBINARS_BASE,
  WebinarFormPage,
} from '../views/webinar-staff-pages.js';
import type { WebinarRow } from '../webinar-repository.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });

/** The form's values for a stored webinar: its local date and time in its own zone. */
function valuesOf(w: WebinarRow): Record<string, string> {
  return {
    title: w.title,
    description: w.description ?? '',
    ...localTimeOf(w.startsAt, w.timeZone),
    timeZone: w.timeZone,
    durationMinutes: String(w.durationMinutes),
    registrationUrl: w.registrationUrl,
  };
}

/** The public list of upcoming webinars, their calendar files, and staff's pages to keep the list. */
export function registerWebinarPages(app: App) {
  app.get(
    '/portfolios/webinars',
    { schema: { ...hide, querystring: upcomingWebinarsQuery } },
    async (req, reply) => {
      const r = await listUpcomingWebinars(ctxFrom(req), req.query);
      return sendPage(req, reply, { title: 'Portfolio webinars' }, <WebinarPublicPage {...r} />);
    },
  );
  app.get('/portfolios/webinars/:id.ics', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const file = await webinarCalendarFile(ctxFrom(req), req.params.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', contentDisposition(file.fileName))
      .header('cache-control', 'no-cache')
      .send(file.body);
  });

  app.get(WEBINARS_BASE, { schema: { ...hide, querystring: staffWebinarsQuery } }, async (req, reply) => {
    const r = await listWebinarsForStaff(ctxFrom(req), req.query);
    return sendPage(
      req,
      reply,
      { title: r.when === 'upcoming' ? 'Portfolio webinars' : 'Past portfolio webinars' },
      <StaffWebinarListPage {...r} />,
    );
  });

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    webinar: WebinarRow | undefined,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) =>
    sendPage(
      req,
      reply,
      {
        title: webinar ? `Change “${webinar.title}”` : 'Add a portfolio webinar',
        status: errors ? 400 : 200,
      },
      <WebinarFormPage webinar={webinar} csrfToken={req.csrfToken()} values={values} errors={errors} />,
    );

  app.get(`${WEBINARS_BASE}/new`, { schema: hide }, async (req, reply) => {
    requireRole(req.actor, 'staff', 'admin');
    return formPage(req, reply, undefined, { durationMinutes: '60' });
  });
  app.post(WEBINARS_BASE, { schema: hide }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      const { webinar, note } = await addWebinar(ctxFrom(req), values);
      return seeOther(reply, WEBINARS_BASE, note ?? `“${webinar.title}” added.`);
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      return formPage(req, reply, undefined, values, shown.errors);
    }
  });
  app.get(`${WEBINARS_BASE}/:id`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const webinar = await findWebinarForStaff(ctxFrom(req), req.params.id);
    return formPage(req, reply, webinar, valuesOf(webinar));
  });
  app.post(`${WEBINARS_BASE}/:id`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      const { webinar, note } = await changeWebinar(ctxFrom(req), req.params.id, values);
      return seeOther(reply, WEBINARS_BASE, note ?? `“${webinar.title}” saved.`);
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      const webinar = await findWebinarForStaff(ctxFrom(req), req.params.id);
      return formPage(req, reply, webinar, values, shown.errors);
    }
  });
  app.get(`${WEBINARS_BASE}/:id/remove`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const webinar = await findWebinarForStaff(ctxFrom(req), req.params.id);
    return sendPage(
      req,
      reply,
      { title: `Remove “${webinar.title}”?` },
      <RemoveWebinarPage webinar={webinar} csrfToken={req.csrfToken()} />,
    );
  });
  app.post(`${WEBINARS_BASE}/:id/remove`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const removed = await removeWebinar(ctxFrom(req), req.params.id);
    return seeOther(reply, WEBINARS_BASE, `“${removed.title}” removed.`);
  });
}
