import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { apiLabels } from '../rules/roster-row.js';
import { confirmRoster } from '../use-cases/confirm-roster.js';
import { discardRoster } from '../use-cases/discard-roster.js';
import { importRoster } from '../use-cases/import-roster.js';
import { listHeldRosterRows } from '../use-cases/list-held-rows.js';
import { matchHeldRow } from '../use-cases/match-held-row.js';
import { rematchHeldRows } from '../use-cases/rematch-held-rows.js';
import { getRoster, listMyRosters, listRostersForStaff, viewRoster } from '../use-cases/view-roster.js';
import {
  appliedOf,
  appliedOut,
  heldRowOf,
  heldRowOut,
  idParams,
  listOf,
  pageQuery,
  previewRowOf,
  providerParams,
  rawRowsOf,
  rosterIn,
  rosterOf,
  rosterOut,
  rowOf,
  rowOut,
  rowOutcomeOut,
  rowParams,
  rowsQuery,
  tags,
} from './roster-api-schemas.js';

const forViewers = 'For members of the provider and program staff; anyone else gets 404.';
const forMembers = 'Only members of the provider (staff get 403, anyone else 404).';

/** Rosters of completions as JSON: the same use cases as the pages. */
export function registerRosterApi(app: App) {
  app.post(
    '/api/v1/providers/:providerId/rosters',
    {
      // A roster can be large: allow what an uploaded file may be.
      bodyLimit: app.services.config.maxUploadBytes,
      schema: {
        tags,
        summary: 'Send a roster of completions; answers with the preview (nothing is recorded yet)',
        description: `Each row is read, matched and stored. The answer gives every row's outcome (matched, unmatched, invalid, duplicate) in the order sent, with a message for rows that are not matched and, for matched rows, whether the completion will count. Confirm the roster to record the completions. ${forMembers}`,
        params: providerParams,
        body: rosterIn,
        response: { 201: z.object({ roster: rosterOut, rows: z.array(rowOutcomeOut) }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const { roster, rows } = await importRoster(ctx, {
        providerId: req.params.providerId,
        source: 'api',
        fileName: null,
        rows: rawRowsOf(req.body.rows),
        labels: apiLabels,
      });
      const full = await getRoster(ctx, roster.id);
      return reply.status(201).send({ roster: rosterOf(full), rows: rows.map(previewRowOf) });
    },
  );

  app.get(
    '/api/v1/rosters',
    {
      schema: {
        tags,
        summary: 'Rosters of the organisations you belong to, newest first',
        querystring: pageQuery,
        response: { 200: listOf(rosterOut) },
      },
    },
    async (req) => {
      const list = await listMyRosters(ctxFrom(req), req.query);
      return { items: list.items.map(rosterOf), page: list.page, pageSize: list.pageSize, total: list.total };
    },
  );

  app.get(
    '/api/v1/staff/rosters',
    {
      schema: {
        tags,
        summary: 'Every provider’s rosters, newest first (program staff)',
        querystring: pageQuery,
        response: { 200: listOf(rosterOut) },
      },
    },
    async (req) => {
      const list = await listRostersForStaff(ctxFrom(req), req.query);
      return { items: list.items.map(rosterOf), page: list.page, pageSize: list.pageSize, total: list.total };
    },
  );

  app.get(
    '/api/v1/rosters/:id',
    {
      schema: {
        tags,
        summary: 'One roster: status and the count of each outcome',
        description: forViewers,
        params: idParams,
        response: { 200: rosterOut },
      },
    },
    async (req) => rosterOf(await getRoster(ctxFrom(req), req.params.id)),
  );

  app.get(
    '/api/v1/rosters/:id/rows',
    {
      schema: {
        tags,
        summary: 'A page of a roster’s rows in file order, optionally of one outcome',
        description: `${forViewers} Rows of a discarded roster are deleted.`,
        params: idParams,
        querystring: rowsQuery,
        response: { 200: listOf(rowOut) },
      },
    },
    async (req) => {
      const view = await viewRoster(ctxFrom(req), req.params.id, req.query);
      return { items: view.rows.map(rowOf), page: view.page, pageSize: view.pageSize, total: view.total };
    },
  );

  app.post(
    '/api/v1/rosters/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a roster: record its matched completions and credit the candidates',
        description: `${forMembers} A roster is confirmed once; again answers 409.`,
        params: idParams,
        response: { 200: z.object({ roster: rosterOut, applied: appliedOut }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const { roster, applied } = await confirmRoster(ctx, req.params.id);
      return { roster: rosterOf(await getRoster(ctx, roster.id)), applied: appliedOf(applied) };
    },
  );

  app.post(
    '/api/v1/rosters/:id/discard',
    {
      schema: {
        tags,
        summary: 'Discard a roster that was not confirmed: nothing of it is recorded',
        description: `${forMembers} Its rows are deleted. A confirmed roster cannot be discarded (409).`,
        params: idParams,
        response: { 200: rosterOut },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const roster = await discardRoster(ctx, req.params.id);
      return rosterOf(await getRoster(ctx, roster.id));
    },
  );

  app.get(
    '/api/v1/providers/:providerId/held-rows',
    {
      schema: {
        tags,
        summary: 'Held rows: rows of confirmed rosters whose candidate was not found yet',
        description: forViewers,
        params: providerParams,
        querystring: pageQuery,
        response: { 200: listOf(heldRowOut) },
      },
    },
    async (req) => {
      const view = await listHeldRosterRows(ctxFrom(req), {
        ...req.query,
        providerId: req.params.providerId,
      });
      return {
        items: view.items.map(heldRowOf),
        page: view.page,
        pageSize: view.pageSize,
        total: view.total,
      };
    },
  );

  app.post(
    '/api/v1/providers/:providerId/held-rows/rematch',
    {
      schema: {
        tags,
        summary: 'Look for the candidates of all held rows again (people may have applied since)',
        description: forViewers,
        params: providerParams,
        response: { 200: z.object({ held: z.int(), applied: appliedOut }) },
      },
    },
    async (req) => {
      const { held, applied } = await rematchHeldRows(ctxFrom(req), req.params.providerId);
      return { held, applied: appliedOf(applied) };
    },
  );

  app.post(
    '/api/v1/held-rows/:rowId/match',
    {
      schema: {
        tags,
        summary: 'Match a held row to a candidate; records the completion and credits the candidate',
        description: `${forViewers} If the candidate already has this completion, the row is closed as a duplicate.`,
        params: rowParams,
        body: z.object({
          candidate: z.string().max(320).describe('Candidate number (LSSC-2026-000123) or email address'),
        }),
        response: {
          200: z.object({ rowId: z.uuid(), outcome: z.enum(['matched', 'duplicate']), applied: appliedOut }),
        },
      },
    },
    async (req) => {
      const { row, applied } = await matchHeldRow(ctxFrom(req), req.params.rowId, req.body);
      return {
        rowId: row.id,
        outcome: applied.completions === 1 ? ('matched' as const) : ('duplicate' as const),
        applied: appliedOf(applied),
      };
    },
  );
}
