import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { listHeldRosterRows } from '../use-cases/list-held-rows.js';
import { matchHeldRow, viewHeldRow } from '../use-cases/match-held-row.js';
import { rematchHeldRows } from '../use-cases/rematch-held-rows.js';
import { HeldRowsPage, heldHref, MatchRowPage } from '../views/roster-held.js';
import { ROSTER_BASES, seeOther, shownAtFields } from './roster-pages.js';

const hide = { hide: true };
const rowParams = z.object({ rowId: z.string().max(64) });

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Held rows (unmatched rows of confirmed rosters): the list, matching one by hand, matching all again. */
export function registerRosterHeldPages(app: App) {
  for (const base of ROSTER_BASES) {
    app.get(`${base}/held`, { schema: hide }, async (req, reply) => {
      const view = await listHeldRosterRows(
        ctxFrom(req),
        req.query as Record<string, unknown>,
        base === '/staff/rosters' ? 'staff' : 'member',
      );
      return sendPage(
        req,
        reply,
        { title: 'Held roster rows' },
        <HeldRowsPage base={base} view={view} csrfToken={req.csrfToken()} />,
      );
    });

    app.post(`${base}/held/rematch`, { schema: hide }, async (req, reply) => {
      const providerId = formValues(req.body).providerId ?? '';
      const { held, applied } = await rematchHeldRows(ctxFrom(req), providerId);
      const found = applied.completions + applied.duplicates;
      return seeOther(
        reply,
        heldHref(base, providerId),
        found === 0
          ? `None of the ${plural(held, 'held row')} could be matched yet.`
          : `${plural(found, 'row')} of ${held} matched: ${plural(applied.completions, 'completion')} recorded` +
              (applied.duplicates > 0 ? `, ${plural(applied.duplicates, 'row')} already recorded.` : '.'),
      );
    });

    const matchForm = async (
      req: FastifyRequest,
      reply: FastifyReply,
      rowId: string,
      values: { candidate?: string },
      shown?: { errors: FieldErrors; status: number },
    ) => {
      const { row, waiting } = await viewHeldRow(ctxFrom(req), rowId);
      return sendPage(
        req,
        reply,
        { title: 'Match a held row to a candidate', status: shown?.status ?? 200 },
        <MatchRowPage
          base={base}
          row={row}
          waiting={waiting}
          csrfToken={req.csrfToken()}
          values={values}
          errors={shown?.errors}
        />,
      );
    };

    app.get(`${base}/held/:rowId`, { schema: { ...hide, params: rowParams } }, async (req, reply) =>
      matchForm(req, reply, req.params.rowId, {}),
    );
    app.post(`${base}/held/:rowId`, { schema: { ...hide, params: rowParams } }, async (req, reply) => {
      const values = formValues(req.body);
      try {
        const { row, applied } = await matchHeldRow(ctxFrom(req), req.params.rowId, values);
        return seeOther(
          reply,
          heldHref(base, row.providerId),
          applied.completions === 1
            ? `Line ${row.line} matched and the completion recorded${applied.counted === 1 ? '.' : ', though it does not count (see the roster).'}`
            : `Line ${row.line} matched: this completion was already recorded for the candidate, so the row is closed as a duplicate.`,
        );
      } catch (err) {
        const shown = shownAtFields(err);
        if (!shown) throw err;
        return matchForm(req, reply, req.params.rowId, values, shown);
      }
    });
  }
}
