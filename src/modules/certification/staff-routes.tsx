import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { Ctx } from '../../platform/context.js';
import { DomainError, errorStatus, type FieldErrors, notFound } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues } from '../../platform/http/forms.js';
import { sendPage } from '../../platform/http/render.js';
import { ErrorSummary, Form, TextArea, TextField } from '../../views/forms.js';
import { requireRole } from '../accounts/access.js';
import { findApplicationById } from '../applications/repository.js';
import { findCertificationForApplication, listDeadlineExtensions } from './repository.js';
import { statusRequestsOf } from './status-requests/use-cases/list-status-requests.js';
import { StatusChangeSection, type StatusForm } from './status-requests/views/status-section.js';
import { certifyManually, extendDeadline } from './use-cases/staff-certification.js';

const idParams = z.object({ id: z.string().max(64) });
const SHOWN_ON_PAGE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT']);

/** What staff see of an application's certification and deadline (staff only). */
async function staffCertificationView(ctx: Ctx, id: string) {
  const staff = requireRole(ctx.actor, 'staff', 'admin');
  const app = z.uuid().safeParse(id).success ? await findApplicationById(ctx.db, id) : undefined;
  if (!app) throw notFound('That application');
  const [certification, extensions] = await Promise.all([
    findCertificationForApplication(ctx.db, id),
    listDeadlineExtensions(ctx.db, id),
  ]);
  const statusRequests = certification ? await statusRequestsOf(ctx.db, certification.id) : [];
  return { app, certification, extensions, statusRequests, viewerId: staff.userId };
}

type View = Awaited<ReturnType<typeof staffCertificationView>>;

function StaffCertificationPage(p: {
  v: View;
  csrfToken: string;
  form?: 'certify' | 'extend' | StatusForm;
  values?: Record<string, string>;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
}) {
  const { app, certification, extensions } = p.v;
  const base = `/staff/applications/${app.id}`;
  const err = (form: 'certify' | 'extend', field: string) =>
    p.form === form ? p.errors?.[field] : undefined;
  const val = (form: 'certify' | 'extend', field: string) =>
    p.form === form ? p.values?.[field] : undefined;
  return (
    <>
      <h1>Certification and deadline: {app.number ?? 'application'}</h1>
      <ErrorSummary errors={p.errors} />
      {p.formError && <p class="warning">{p.formError}</p>}
      <p>
        <a href={base}>Back to the application</a>
      </p>
      <h2>Certification</h2>
      {certification ? (
        <p>
          Certified: {certification.number}, on {formatCalendarDate(certification.certifiedOn)}, valid until{' '}
          {formatCalendarDate(certification.expiresOn)} (
          {certification.basis === 'manual' ? 'by staff' : 'automatically'}
          ).
        </p>
      ) : app.status !== 'admitted' ? (
        <p>Not certified. Only an admitted candidate can be certified.</p>
      ) : (
        <>
          <p>
            Not certified yet. Certify by hand only when the requirements were met in a way this system does
            not record.
          </p>
          <Form action={`${base}/certify`} csrfToken={p.csrfToken}>
            <TextArea
              name="reason"
              label="Reason for certifying by hand"
              required
              error={err('certify', 'reason')}
              value={val('certify', 'reason')}
            />
            <button type="submit">Certify this candidate</button>
          </Form>
        </>
      )}
      {certification && (
        <StatusChangeSection
          certification={certification}
          requests={p.v.statusRequests}
          viewerId={p.v.viewerId}
          csrfToken={p.csrfToken}
          form={p.form}
          values={p.values}
          errors={p.errors}
        />
      )}
      <h2>Deadline</h2>
      <p>
        {app.deadlineOn
          ? `Current deadline: ${formatCalendarDate(app.deadlineOn)}.`
          : 'No deadline yet (not admitted).'}
      </p>
      {extensions.length > 0 && (
        <ul>
          {extensions.map((e) => (
            <li>
              Extended from {formatCalendarDate(e.previousDeadlineOn)} to{' '}
              {formatCalendarDate(e.newDeadlineOn)}: {e.reason}
            </li>
          ))}
        </ul>
      )}
      {app.status === 'admitted' && app.deadlineOn && (
        <Form action={`${base}/extend-deadline`} csrfToken={p.csrfToken}>
          <TextField
            name="newDeadlineOn"
            type="date"
            label="New deadline"
            hint="A date after the current deadline."
            required
            error={err('extend', 'newDeadlineOn')}
            value={val('extend', 'newDeadlineOn')}
          />
          <TextArea
            name="reason"
            label="Reason for the extension"
            required
            error={err('extend', 'reason')}
            value={val('extend', 'reason')}
          />
          <button type="submit">Extend the deadline</button>
        </Form>
      )}
    </>
  );
}

/** The staff certification page; also re-rendered with errors by the status-request forms. */
export async function renderStaffCertificationPage(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  p: {
    form?: 'certify' | 'extend' | StatusForm;
    values?: Record<string, string>;
    errors?: FieldErrors | undefined;
    formError?: string;
    status?: number;
  } = {},
) {
  const v = await staffCertificationView(ctxFrom(req), id);
  return sendPage(
    req,
    reply,
    { title: `${p.status ? 'Error: ' : ''}Certification and deadline`, status: p.status ?? 200 },
    <StaffCertificationPage v={v} csrfToken={req.csrfToken()} {...p} />,
  );
}

export function registerStaffCertificationRoutes(app: App): void {
  const page = '/staff/applications/:id/certification';
  app.get(page, { schema: { hide: true, params: idParams } }, async (req, reply) =>
    renderStaffCertificationPage(req, reply, req.params.id),
  );

  const act = (
    form: 'certify' | 'extend',
    path: string,
    run: (ctx: Ctx, id: string, b: Record<string, string>) => Promise<unknown>,
    done: string,
  ) =>
    app.post(path, { schema: { hide: true, params: idParams } }, async (req, reply) => {
      const { id } = req.params;
      const body = formValues(req.body);
      try {
        await run(ctxFrom(req), id, body);
      } catch (err) {
        if (!(err instanceof DomainError) || !SHOWN_ON_PAGE.has(err.code)) throw err;
        return renderStaffCertificationPage(req, reply, id, {
          form,
          values: body,
          errors: err.fields,
          ...(err.fields ? {} : { formError: err.message }),
          status: errorStatus[err.code],
        });
      }
      reply.flash(done);
      return reply.redirect(`/staff/applications/${id}/certification`, 303);
    });
  act(
    'certify',
    '/staff/applications/:id/certify',
    (ctx, id, b) => certifyManually(ctx, { applicationId: id, reason: b.reason }),
    'The candidate is certified and was told by email.',
  );
  act(
    'extend',
    '/staff/applications/:id/extend-deadline',
    (ctx, id, b) =>
      extendDeadline(ctx, { applicationId: id, newDeadlineOn: b.newDeadlineOn, reason: b.reason }),
    'The deadline was extended and the candidate was told by email.',
  );

  const api = '/api/v1/staff/applications/:id';
  app.post(
    `${api}/certify`,
    {
      schema: {
        tags: ['certification'],
        summary: 'Certify an admitted candidate by hand, with a reason',
        params: idParams,
        body: z.object({ reason: z.string().max(2000) }),
        response: {
          201: z.object({
            number: z.string(),
            certifiedOn: z.string(),
            expiresOn: z.string(),
            basis: z.enum(['automatic', 'manual']),
          }),
        },
      },
    },
    async (req, reply) => {
      const c = await certifyManually(ctxFrom(req), {
        applicationId: req.params.id,
        reason: req.body.reason,
      });
      return reply
        .code(201)
        .send({ number: c.number, certifiedOn: c.certifiedOn, expiresOn: c.expiresOn, basis: c.basis });
    },
  );
  app.post(
    `${api}/deadline-extensions`,
    {
      schema: {
        tags: ['certification'],
        summary: "Extend an admitted candidate's deadline, with a reason",
        params: idParams,
        body: z.object({ newDeadlineOn: z.string().max(20), reason: z.string().max(2000) }),
        response: { 201: z.object({ previousDeadlineOn: z.string(), newDeadlineOn: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await extendDeadline(ctxFrom(req), { applicationId: req.params.id, ...req.body })),
  );
}
