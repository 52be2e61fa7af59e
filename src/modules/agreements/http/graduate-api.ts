import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import type { GraduationClaimRow } from '../claims-repository.js';
import { rejectProofSchema } from '../forms.js';
import { graduationClaimStatuses } from '../schema.js';
import { rejectGraduationProof, verifyGraduation } from '../use-cases/decide-graduation.js';
import { saveGraduation } from '../use-cases/save-graduation.js';
import { viewMyGraduation } from '../use-cases/view-graduation.js';
import { publicAgreementOut, tags } from './api-schemas.js';
import { graduationInputFrom } from './graduate-pages.js';

const claimOut = z.object({
  agreementId: z.string(),
  graduatedOn: z.string().describe('YYYY-MM-DD'),
  status: z.enum(graduationClaimStatuses),
  proofFileName: z.string(),
  rejectionReason: z.string().nullable(),
});
const claimOf = (c: GraduationClaimRow) => ({
  agreementId: c.agreementId,
  graduatedOn: c.graduatedOn,
  status: c.status,
  proofFileName: c.proofFileName,
  rejectionReason: c.status === 'rejected' ? c.rejectionReason : null,
});
const id = z.object({ id: z.string().max(64) });

/** Graduation through an agreement as JSON: the candidate's statement, staff verification. */
export function registerGraduateApi(app: App) {
  app.get(
    '/api/v1/application/graduation',
    {
      schema: {
        tags,
        summary: 'Your graduation through a recognition agreement, and the agreements to choose from',
        response: {
          200: z.object({
            claim: claimOut.nullable(),
            canChange: z.boolean(),
            choices: z.array(publicAgreementOut),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewMyGraduation(ctxFrom(req));
      return { claim: v.claim ? claimOf(v.claim) : null, canChange: v.canChange, choices: v.choices };
    },
  );
  app.post(
    '/api/v1/application/graduation',
    {
      schema: {
        tags,
        summary: 'State your graduation, with a proof (multipart/form-data)',
        description:
          'Fields: `agreementId`, `graduatedOn` (YYYY-MM-DD, in the agreement’s window, not in the future), then `file`: a PDF, image or Word document, judged by its content; larger than the upload limit answers 413. Saving again replaces the statement.',
        response: { 200: claimOut },
      },
    },
    async (req) => claimOf(await saveGraduation(ctxFrom(req), graduationInputFrom(req.body))),
  );
  app.post(
    '/api/v1/staff/applications/:id/graduation/verify',
    {
      schema: {
        tags,
        summary: 'Verify an applicant’s graduation',
        description:
          'Staff only. Once the application is admitted the covered sets are achieved by agreement.',
        params: id,
        response: {
          200: z.object({ claim: claimOut, setsRecorded: z.array(z.string()), certified: z.boolean() }),
        },
      },
    },
    async (req) => {
      const r = await verifyGraduation(ctxFrom(req), req.params.id);
      return { claim: claimOf(r.claim), setsRecorded: r.setsRecorded, certified: r.certified };
    },
  );
  app.post(
    '/api/v1/staff/applications/:id/graduation/reject',
    {
      schema: {
        tags,
        summary: 'Reject an applicant’s proof of graduation, with a reason (mailed to them)',
        description: 'Staff only.',
        params: id,
        body: rejectProofSchema,
        response: { 200: claimOut },
      },
    },
    async (req) => claimOf(await rejectGraduationProof(ctxFrom(req), req.params.id, req.body)),
  );
}
