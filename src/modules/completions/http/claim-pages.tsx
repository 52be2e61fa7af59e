import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../../platform/errors.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { proofBlobStore } from '../claim-files.js';
import { claimListQuerySchema, staffClaimListQuerySchema } from '../claim-forms.js';
import { type ClaimDecisionResult, decideCompletionClaim } from '../use-cases/decide-completion-claim.js';
import { listClaimsForMember, listClaimsForStaff } from '../use-cases/list-completion-claims.js';
import { findClaimProof, viewCompletionClaim } from '../use-cases/view-completion-claim.js';
import { ProviderClaimListPage, StaffClaimListPage } from '../views/claim-list.js';
import { ClaimPage } from '../views/claim-page.js';
import { idParams } from './claim-api-schemas.js';
import { formErrorsOf } from './completion-pages.js';

const hide = { hide: true };

/** The flash after a decision: what happened, and whether the completion counts. */
function decidedMessage(r: ClaimDecisionResult, name: string, number: string, byStaff: boolean): string {
  if (r.completion.status === 'rejected')
    return `Claim rejected: ${name}, ${number}. We told the candidate why.`;
  const verb = byStaff ? 'verified' : 'confirmed';
  const counts = r.completion.counts
    ? 'It counts toward certification.'
    : 'It does not count toward certification; the candidate is told why.';
  const sets = r.setsAchieved.length > 0 ? ` It achieves ${r.setsAchieved.join(', ')}.` : '';
  return `Claim ${verb}: ${name}, ${number}. ${counts}${sets}`;
}

/** Claim pages for the provider's members and for staff, and the proof download for everyone allowed. */
export function registerClaimPages(app: App) {
  app.get(
    '/provider/claims',
    { schema: { ...hide, querystring: claimListQuerySchema } },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const r = await listClaimsForMember(ctx, req.query);
      return sendPage(
        req,
        reply,
        { title: 'Completion claims' },
        <ProviderClaimListPage r={r} today={ctx.clock.today()} />,
      );
    },
  );

  app.get(
    '/staff/completion-claims',
    { schema: { ...hide, querystring: staffClaimListQuerySchema } },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const r = await listClaimsForStaff(ctx, req.query);
      return sendPage(
        req,
        reply,
        { title: 'Completion claims' },
        <StaffClaimListPage r={r} today={ctx.clock.today()} />,
      );
    },
  );

  for (const [base, need] of [
    ['/provider/claims', 'member'],
    ['/staff/completion-claims', 'staff'],
  ] as const) {
    const claimPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values?: Record<string, string>,
      shown?: { errors: FieldErrors; status: number },
    ) => {
      const ctx = ctxFrom(req);
      const v = await viewCompletionClaim(ctx, id, need);
      return sendPage(
        req,
        reply,
        { title: `Completion claim ${v.claim.course.number}`, status: shown?.status ?? 200 },
        <ClaimPage
          v={v}
          base={base}
          today={ctx.clock.today()}
          csrfToken={req.csrfToken()}
          values={values}
          errors={shown?.errors}
        />,
      );
    };

    app.get(`${base}/:id`, { schema: { ...hide, params: idParams } }, async (req, reply) =>
      claimPage(req, reply, req.params.id),
    );

    app.post(`${base}/:id/decision`, { schema: { ...hide, params: idParams } }, async (req, reply) => {
      const values = formValues(req.body);
      try {
        const ctx = ctxFrom(req);
        const result = await decideCompletionClaim(ctx, req.params.id, values, need);
        const { claim } = await viewCompletionClaim(ctx, req.params.id, need);
        reply.flash(
          decidedMessage(result, claim.candidate.displayName, claim.course.number, need === 'staff'),
        );
        return reply.redirect(base, 303);
      } catch (err) {
        const shown = formErrorsOf(err);
        if (!shown) throw err;
        return claimPage(req, reply, req.params.id, values, shown);
      }
    });
  }

  app.get('/completion-claims/:id/proof', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const proof = await findClaimProof(ctxFrom(req), req.params.id);
    return sendBlob(reply, proofBlobStore(req.server.services.config), proof);
  });
}
