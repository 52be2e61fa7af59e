import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { viewGraduationForStaff } from '../agreements/use-cases/view-graduation.js';
import { StaffGraduationSection } from '../agreements/views/graduation.js';
import { admitApplication } from '../applications/use-cases/admit-application.js';
import { recordCheckPayment } from '../applications/use-cases/record-check-payment.js';
import { rejectApplication } from '../applications/use-cases/reject-application.js';
import { requestMoreInformation } from '../applications/use-cases/request-more-information.js';
import { ApplicationPage } from './application-page.js';
import { StaffHomePage } from './home-page.js';
import { QueuePage, type QueuePageProps } from './queue-page.js';
import { listApplications } from './use-cases/list-applications.js';
import { staffOverview } from './use-cases/staff-overview.js';
import { viewApplication } from './use-cases/view-application.js';

const idParams = z.object({ id: z.string().max(64) });
/** Refusals shown on the application page itself, next to the form that caused them. */
const SHOWN_ON_PAGE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT']);

export function registerStaffPages(app: App) {
  app.get('/staff', { schema: { hide: true } }, async (req, reply) => {
    const { counts } = await staffOverview(ctxFrom(req));
    return sendPage(req, reply, { title: 'Staff' }, <StaffHomePage counts={counts} />);
  });

  app.get('/staff/applications', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
    const values: QueuePageProps['values'] = {
      status: ([] as unknown[]).concat(raw.status ?? []).map(String),
      submittedFrom: text('submittedFrom'),
      submittedTo: text('submittedTo'),
      region: text('region'),
      q: text('q'),
    };
    try {
      // The page size is fixed on the page; the API lets clients choose.
      const result = await listApplications(ctxFrom(req), { ...raw, pageSize: undefined });
      return sendPage(req, reply, { title: 'Applications' }, <QueuePage values={values} result={result} />);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'VALIDATION_FAILED')) throw err;
      return sendPage(
        req,
        reply,
        { title: 'Error: Applications', status: 400 },
        <QueuePage values={values} errors={err.fields} result={null} />,
      );
    }
  });

  app.get('/staff/applications/:id', { schema: { hide: true, params: idParams } }, async (req, reply) =>
    renderApplication(req, reply, req.params.id, {}),
  );

  const act = (
    path: string,
    run: (req: FastifyRequest, id: string, body: Record<string, string>) => Promise<unknown>,
    done: string | ((result: unknown) => string),
  ) =>
    app.post(path, { schema: { hide: true, params: idParams } }, async (req, reply) => {
      const { id } = req.params;
      const body = formValues(req.body);
      try {
        const result = await run(req, id, body);
        reply.flash(typeof done === 'string' ? done : done(result));
      } catch (err) {
        if (!(err instanceof DomainError) || !SHOWN_ON_PAGE.has(err.code)) throw err;
        return renderApplication(req, reply, id, {
          values: body,
          errors: err.fields,
          formError: err.fields ? undefined : err.message,
          status: errorStatus[err.code],
        });
      }
      return reply.redirect(`/staff/applications/${id}`, 303);
    });

  act(
    '/staff/applications/:id/request-information',
    (req, id, b) => requestMoreInformation(ctxFrom(req), { applicationId: id, message: b.message }),
    'Your question was sent to the candidate.',
  );
  act(
    '/staff/applications/:id/check-payments',
    (req, id, b) =>
      recordCheckPayment(ctxFrom(req), {
        applicationId: id,
        checkNumber: b.checkNumber,
        amount: b.amount,
        receivedOn: b.receivedOn,
      }),
    (r) =>
      (r as { pendingApprovalId: string | null }).pendingApprovalId
        ? 'The check is over the approval limit: it will be recorded once another staff member approves it.'
        : 'The check was recorded.',
  );
  act(
    '/staff/applications/:id/admit',
    (req, id) => admitApplication(ctxFrom(req), { applicationId: id }),
    'The applicant is admitted.',
  );
  act(
    '/staff/applications/:id/reject',
    (req, id, b) => rejectApplication(ctxFrom(req), { applicationId: id, reason: b.reason }),
    'The application was rejected and the candidate told why.',
  );
}

async function renderApplication(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  p: {
    values?: Record<string, string>;
    errors?: FieldErrors | undefined;
    formError?: string | undefined;
    status?: number;
  },
) {
  const view = await viewApplication(ctxFrom(req), id);
  const graduation = await viewGraduationForStaff(ctxFrom(req), id);
  const title = `${p.status ? 'Error: ' : ''}Application ${view.application.number ?? ''}`.trim();
  return sendPage(
    req,
    reply,
    { title, status: p.status ?? 200 },
    <ApplicationPage
      view={view}
      state={{
        values: p.values ?? {},
        errors: p.errors ?? {},
        formError: p.formError,
        today: req.server.services.clock.today(),
        csrfToken: req.csrfToken(),
      }}
    >
      {graduation && <StaffGraduationSection applicationId={id} v={graduation} csrfToken={req.csrfToken()} />}
    </ApplicationPage>,
  );
}
