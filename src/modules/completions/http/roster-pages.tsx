import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { isUploadedPart } from '../../courses/http/multipart.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { listMyProviders } from '../../providers/use-cases/list-my-providers.js';
import { formatCsv } from '../rules/roster-csv.js';
import { rosterColumns } from '../rules/roster-row.js';
import { confirmRoster } from '../use-cases/confirm-roster.js';
import { discardRoster } from '../use-cases/discard-roster.js';
import { uploadRoster } from '../use-cases/upload-roster.js';
import { listMyRosters, listRostersForStaff, viewRoster } from '../use-cases/view-roster.js';
import { RosterListPage } from '../views/roster-list.js';
import { RosterPage } from '../views/roster-preview.js';
import { UploadRosterPage } from '../views/roster-upload.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });
export const ROSTER_BASES = ['/provider/rosters', '/staff/rosters'] as const;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function seeOther(reply: FastifyReply, url: string, flash?: string) {
  if (flash) reply.flash(flash);
  return reply.redirect(url, 303);
}

/** Refusals shown on the form itself (field errors), with their status. */
export function shownAtFields(err: unknown): { errors: FieldErrors; status: number } | undefined {
  if (
    err instanceof DomainError &&
    err.fields &&
    (err.code === 'VALIDATION_FAILED' || err.code === 'PAYLOAD_TOO_LARGE')
  )
    return { errors: err.fields, status: errorStatus[err.code] };
  return undefined;
}

/** The template offered on the upload page: the header and two example rows to replace. */
export const rosterTemplate = formatCsv([
  [...rosterColumns],
  ['LSSC-2026-000123', 'Robin Reader', 'CRS-2026-000045', '2026-10-30', 'yes'],
  ['robin.reader@example.org', 'Robin Reader', 'CRS-2026-000046-1', '10/30/2026', 'no'],
]);

/** Rosters as pages: upload and preview, confirm or discard; the lists for members and for staff. */
export function registerRosterPages(app: App) {
  app.get('/provider/rosters', { schema: hide }, async (req, reply) => {
    const list = await listMyRosters(ctxFrom(req), req.query as Record<string, unknown>);
    return sendPage(
      req,
      reply,
      { title: 'Your completion rosters' },
      <RosterListPage staff={false} list={list} />,
    );
  });
  app.get('/staff/rosters', { schema: hide }, async (req, reply) => {
    const list = await listRostersForStaff(ctxFrom(req), req.query as Record<string, unknown>);
    return sendPage(req, reply, { title: 'Completion rosters' }, <RosterListPage staff={true} list={list} />);
  });

  app.get('/provider/rosters/template.csv', { schema: hide }, async (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="roster-template.csv"')
      .send(rosterTemplate),
  );

  const uploadForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: { providerId?: string },
    shown?: { errors: FieldErrors; status: number },
  ) => {
    const ctx = ctxFrom(req);
    const [providers, { policy }] = await Promise.all([listMyProviders(ctx), getActiveProgramData(ctx)]);
    return sendPage(
      req,
      reply,
      { title: 'Report course completions', status: shown?.status ?? 200 },
      <UploadRosterPage
        csrfToken={req.csrfToken()}
        providers={providers.map((p) => p.provider)}
        maxBytes={req.server.services.config.maxUploadBytes}
        retroactiveYears={policy.policy.courses.retroactiveYears}
        values={values}
        errors={shown?.errors}
      />,
    );
  };
  app.get('/provider/rosters/new', { schema: hide }, async (req, reply) => uploadForm(req, reply, {}));
  app.post('/provider/rosters/new', { schema: hide }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const providerId = typeof body.providerId === 'string' ? body.providerId : undefined;
    try {
      const { roster } = await uploadRoster(ctxFrom(req), {
        providerId,
        file: isUploadedPart(body.file) ? body.file : null,
      });
      return seeOther(
        reply,
        `/provider/rosters/${roster.id}`,
        `Roster uploaded: ${plural(roster.totalRows, 'row')} read. Nothing is recorded until you confirm it.`,
      );
    } catch (err) {
      const shown = shownAtFields(err);
      if (!shown) throw err;
      return uploadForm(req, reply, { providerId }, shown);
    }
  });

  for (const base of ROSTER_BASES) {
    app.get(`${base}/:id`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
      const view = await viewRoster(ctxFrom(req), req.params.id, req.query as Record<string, unknown>);
      return sendPage(
        req,
        reply,
        { title: `Roster ${view.roster.fileName ?? ''}`.trim() },
        <RosterPage base={base} view={view} csrfToken={req.csrfToken()} />,
      );
    });
  }

  app.post('/provider/rosters/:id/confirm', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const { roster, applied } = await confirmRoster(ctxFrom(req), req.params.id);
    return seeOther(
      reply,
      `/provider/rosters/${roster.id}`,
      `Roster confirmed: ${plural(applied.completions, 'completion')} recorded` +
        (roster.unmatchedRows > 0
          ? `, ${plural(roster.unmatchedRows, 'row')} held until the candidate is found.`
          : '.'),
    );
  });
  app.post('/provider/rosters/:id/discard', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    await discardRoster(ctxFrom(req), req.params.id);
    return seeOther(reply, '/provider/rosters', 'Roster discarded. Nothing of it was recorded.');
  });
}
