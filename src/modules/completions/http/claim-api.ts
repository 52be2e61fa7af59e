import { z } from 'zod';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { isUploadedPart } from '../../courses/http/multipart.js';
import { proofBlobStore } from '../claim-files.js';
import { claimDecisions, claimListQuerySchema, staffClaimListQuerySchema } from '../claim-forms.js';
import { decideCompletionClaim } from '../use-cases/decide-completion-claim.js';
import { listClaimsForStaff, listClaimsOfProvider } from '../use-cases/list-completion-claims.js';
import { listMyCompletions } from '../use-cases/list-my-completions.js';
import { submitCompletionClaim } from '../use-cases/submit-completion-claim.js';
import { findClaimProof, viewCompletionClaim } from '../use-cases/view-completion-claim.js';
import { withdrawCompletionClaim } from '../use-cases/withdraw-completion-claim.js';
import {
  claimOf,
  claimOut,
  claimPageOut,
  completionOf,
  completionOut,
  idParams,
  providerParams,
  tags,
} from './claim-api-schemas.js';

const claims = '/api/v1/completion-claims';
const whoSees =
  'For the candidate who made the claim, members of the course’s provider and program staff; anyone else gets 404.';

/** The fields and file of a multipart claim (page or API). */
export function claimInputFrom(body: unknown) {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    courseNumber: text(b.courseNumber),
    completedOn: text(b.completedOn),
    note: text(b.note),
    file: isUploadedPart(b.file) ? b.file : null,
  };
}

/** Course completion claims as JSON: the same use cases as the pages. */
export function registerClaimApi(app: App) {
  app.get(
    '/api/v1/completions',
    {
      schema: {
        tags,
        summary: 'Your course completions and the sets they achieved',
        description: 'Completions reported by providers and your own claims, newest first.',
        response: {
          200: z.object({
            canClaim: z.boolean(),
            items: z.array(completionOut),
            setsAchieved: z.array(
              z.object({
                setId: z.string(),
                title: z.string(),
                achievedOn: z.string(),
                reference: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const mine = await listMyCompletions(ctxFrom(req));
      return {
        canClaim: mine.canClaim,
        items: mine.completions.map(completionOf),
        setsAchieved: mine.setsByCourse,
      };
    },
  );

  app.post(
    claims,
    {
      schema: {
        tags,
        summary: 'Report a completed approved course, with a proof (multipart/form-data)',
        description:
          'Fields: `courseNumber` (CRS-…), `completedOn` (YYYY-MM-DD, not in the future), optional `note`, then `file`: a PDF, image or Word document, judged by its content; larger than the upload limit answers 413. The same course and date already pending or confirmed answers 409.',
        response: { 201: claimOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const row = await submitCompletionClaim(ctx, claimInputFrom(req.body));
      return reply.status(201).send(claimOf((await viewCompletionClaim(ctx, row.id)).claim));
    },
  );

  app.get(
    `${claims}/:id`,
    {
      schema: {
        tags,
        summary: 'One completion claim',
        description: whoSees,
        params: idParams,
        response: { 200: claimOut },
      },
    },
    async (req) => claimOf((await viewCompletionClaim(ctxFrom(req), req.params.id)).claim),
  );

  app.delete(
    `${claims}/:id`,
    {
      schema: {
        tags,
        summary: 'Withdraw your claim while nobody has decided it',
        description: 'A decided claim answers 409. The claim and its proof are removed.',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await withdrawCompletionClaim(ctxFrom(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${claims}/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Confirm or reject a pending claim (provider members; staff verify)',
        description:
          'Confirming judges the credit rule and credits the set to an admitted candidate. A reason is required to reject. A claim already decided answers 409; your own claim answers 403.',
        params: idParams,
        body: z.object({ decision: z.enum(claimDecisions), reason: z.string().max(2000).optional() }),
        response: { 200: claimOut.extend({ setsAchieved: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const result = await decideCompletionClaim(ctx, req.params.id, req.body);
      return {
        ...claimOf((await viewCompletionClaim(ctx, req.params.id)).claim),
        setsAchieved: result.setsAchieved,
      };
    },
  );

  app.get(
    `${claims}/:id/proof`,
    {
      schema: {
        tags,
        summary: 'Download the proof of a claim',
        description: `${whoSees} Sent as an attachment with the type found in its content.`,
        params: idParams,
        response: {
          200: z.string().meta({ format: 'binary' }).describe('The proof file (PDF, image or Word document)'),
        },
      },
    },
    async (req, reply) => {
      const proof = await findClaimProof(ctxFrom(req), req.params.id);
      return sendBlob(reply, proofBlobStore(req.server.services.config), proof);
    },
  );

  app.get(
    '/api/v1/providers/:providerId/completion-claims',
    {
      schema: {
        tags,
        summary: 'Claims waiting for the provider to confirm, oldest first',
        description: 'For the provider’s members (and staff); anyone else gets 404.',
        params: providerParams,
        querystring: claimListQuerySchema,
        response: { 200: claimPageOut },
      },
    },
    async (req) => {
      const r = await listClaimsOfProvider(ctxFrom(req), req.params.providerId, req.query);
      return { ...r, items: r.items.map(claimOf) };
    },
  );

  app.get(
    '/api/v1/staff/completion-claims',
    {
      schema: {
        tags,
        summary: 'Every claim waiting for a decision, oldest first (staff)',
        querystring: staffClaimListQuerySchema,
        response: { 200: claimPageOut },
      },
    },
    async (req) => {
      const r = await listClaimsForStaff(ctxFrom(req), req.query);
      return { items: r.items.map(claimOf), total: r.total, page: r.page, pageSize: r.pageSize };
    },
  );
}
