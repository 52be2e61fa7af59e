import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../../platform/errors.js';
import { blobStoreFor } from '../../../platform/files/configured-blob-store.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { formatNumber } from '../../../views/format.js';
import { experienceFromForm } from '../../applications/forms.js';
import { findApplicationById } from '../../applications/repository.js';
import { isUploadedPart } from '../../courses/http/multipart.js';
import { rejectGraduationProof, verifyGraduation } from '../use-cases/decide-graduation.js';
import {
  decideHours,
  listPendingHours,
  reportProvisionalHours,
  viewMyHours,
} from '../use-cases/provisional-hours.js';
import { saveGraduation } from '../use-cases/save-graduation.js';
import {
  findGraduationProof,
  viewGraduationForStaff,
  viewMyGraduation,
} from '../use-cases/view-graduation.js';
import { MyGraduationPage, StaffGraduationSection } from '../views/graduation.js';
import { MyHoursPage, PendingHoursPage } from '../views/hours.js';
import { hide, idParams, seeOther, shownErrors } from './page-helpers.js';

type Shown = { errors: FieldErrors; status: number };

/** The fields and file of a multipart graduation form (page or API). */
export function graduationInputFrom(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    agreementId: text(b.agreementId),
    graduatedOn: text(b.graduatedOn),
    file: isUploadedPart(b.file) ? b.file : null,
  };
}

/** Graduates: the candidate's statement and proof, staff verification, and provisional holders' hours. */
export function registerGraduatePages(app: App) {
  const myForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o?: { values: Record<string, string>; shown: Shown },
  ) => {
    const ctx = ctxFrom(req);
    const v = await viewMyGraduation(ctx);
    return sendPage(
      req,
      reply,
      { title: `${o ? 'Error: ' : ''}Graduates of a recognised program`, status: o?.shown.status ?? 200 },
      <MyGraduationPage
        v={v}
        csrfToken={req.csrfToken()}
        maxBytes={ctx.config.maxUploadBytes}
        values={o?.values}
        errors={o?.shown.errors}
      />,
    );
  };
  app.get('/application/graduation', { schema: hide }, async (req, reply) => myForm(req, reply));
  app.post('/application/graduation', { schema: hide }, async (req, reply) => {
    const input = graduationInputFrom(req.body);
    try {
      await saveGraduation(ctxFrom(req), input);
      return seeOther(
        reply,
        '/application',
        'Your graduation is saved. Program staff will check your proof after you submit your application.',
      );
    } catch (err) {
      const shown = shownErrors(err, 'agreementId');
      if (!shown) throw err;
      return myForm(req, reply, {
        values: { agreementId: input.agreementId ?? '', graduatedOn: input.graduatedOn ?? '' },
        shown,
      });
    }
  });
  app.get('/application/graduation/proof', { schema: hide }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const v = await viewMyGraduation(ctx);
    const proof = await findGraduationProof(ctx, v.claim?.applicationId ?? 'none');
    return sendBlob(reply, blobStoreFor(ctx.config), proof);
  });

  const base = '/staff/applications/:id/graduation';
  const staffPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    o?: { values: Record<string, string>; shown: Shown },
  ) => {
    const ctx = ctxFrom(req);
    const v = await viewGraduationForStaff(ctx, id);
    const application = await findApplicationById(ctx.db, id);
    if (!v || !application) return reply.redirect(`/staff/applications/${id}`, 303);
    return sendPage(
      req,
      reply,
      {
        title: `${o ? 'Error: ' : ''}Graduation of application ${application.number ?? ''}`.trim(),
        status: o?.shown.status ?? 200,
      },
      <>
        <p>
          <a href={`/staff/applications/${id}`}>Application {application.number}</a>
        </p>
        <h1>Graduation of application {application.number}</h1>
        <StaffGraduationSection
          applicationId={id}
          v={v}
          csrfToken={req.csrfToken()}
          values={o?.values}
          errors={o?.shown.errors}
        />
      </>,
    );
  };
  app.get(base, { schema: { ...hide, params: idParams } }, async (req, reply) =>
    staffPage(req, reply, req.params.id),
  );
  app.get(`${base}/proof`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    await viewGraduationForStaff(ctx, req.params.id); // staff only, before the file
    return sendBlob(reply, blobStoreFor(ctx.config), await findGraduationProof(ctx, req.params.id));
  });
  app.post(`${base}/verify`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      const r = await verifyGraduation(ctxFrom(req), req.params.id);
      const sets =
        r.setsRecorded.length > 0
          ? ` ${r.setsRecorded.length} competency sets are recorded by agreement.`
          : ' The sets are recorded when the application is admitted.';
      return seeOther(
        reply,
        `/staff/applications/${req.params.id}`,
        `Graduation verified.${sets}${r.certified ? ' The candidate is certified.' : ''}`,
      );
    } catch (err) {
      const shown = shownErrors(err, 'reason');
      if (!shown) throw err;
      return staffPage(req, reply, req.params.id, { values: {}, shown });
    }
  });
  app.post(`${base}/reject`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      await rejectGraduationProof(ctxFrom(req), req.params.id, values);
      return seeOther(
        reply,
        `/staff/applications/${req.params.id}`,
        'Proof of graduation rejected. We told the candidate why.',
      );
    } catch (err) {
      const shown = shownErrors(err, 'reason');
      if (!shown) throw err;
      return staffPage(req, reply, req.params.id, { values, shown });
    }
  });

  const hoursPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o?: { values: Record<string, string>; shown: Shown },
  ) => {
    const v = await viewMyHours(ctxFrom(req));
    return sendPage(
      req,
      reply,
      { title: `${o ? 'Error: ' : ''}Library work for your certification`, status: o?.shown.status ?? 200 },
      <MyHoursPage v={v} csrfToken={req.csrfToken()} values={o?.values} errors={o?.shown.errors} />,
    );
  };
  app.get('/my-certification/hours', { schema: hide }, async (req, reply) => hoursPage(req, reply));
  app.post('/my-certification/hours', { schema: hide }, async (req, reply) => {
    const values = formValues(req.body);
    try {
      await reportProvisionalHours(ctxFrom(req), experienceFromForm(values));
      return seeOther(reply, '/my-certification/hours', 'Thank you. Program staff will confirm this work.');
    } catch (err) {
      const shown = shownErrors(err, 'library');
      if (!shown) throw err;
      return hoursPage(req, reply, { values, shown });
    }
  });

  app.get('/staff/provisional-hours', { schema: hide }, async (req, reply) => {
    const items = await listPendingHours(ctxFrom(req));
    return sendPage(
      req,
      reply,
      { title: 'Library work of provisional holders' },
      <PendingHoursPage items={items} csrfToken={req.csrfToken()} />,
    );
  });
  const decision = z.object({ id: z.string().max(64), decision: z.enum(['confirm', 'reject']) });
  app.post(
    '/staff/provisional-hours/:id/:decision',
    { schema: { ...hide, params: decision } },
    async (req, reply) => {
      const r = await decideHours(ctxFrom(req), req.params.id, req.params.decision);
      const flash =
        r.entry.status === 'rejected'
          ? 'The work is not confirmed.'
          : r.activated
            ? 'Work confirmed. The holder now has the hours: their certification is full.'
            : r.standing.kind === 'short'
              ? `Work confirmed. ${formatNumber(r.standing.hoursMissing, 2)} hours are still missing.`
              : 'Work confirmed.';
      return seeOther(reply, '/staff/provisional-hours', flash);
    },
  );
}
