import { z } from 'zod';
import type { ClaimDetail, CompletionRow } from '../claim-repository.js';
import { completionSources, completionStatuses } from '../schema.js';

export const tags = ['completions'];
export const idParams = z.object({ id: z.string().max(64) });
export const providerParams = z.object({ providerId: z.string().max(64) });

const proofOut = z
  .object({
    fileName: z.string(),
    mime: z.string(),
    size: z.int(),
    sha256: z.string(),
    downloadUrl: z.string(),
  })
  .nullable();

export const completionOut = z.object({
  id: z.uuid(),
  source: z.enum(completionSources),
  status: z.enum(completionStatuses),
  course: z.object({ id: z.uuid(), number: z.string(), title: z.string() }),
  providerName: z.string(),
  completedOn: z.string(),
  /** Null until confirmed. */
  counts: z.boolean().nullable(),
  notCountedReason: z.string().nullable(),
  claimNote: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  proof: proofOut,
});

export const claimOut = completionOut.extend({
  providerId: z.uuid(),
  candidate: z.object({ id: z.uuid(), name: z.string(), applicationNumber: z.string().nullable() }),
});

export const claimPageOut = z.object({
  items: z.array(claimOut),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});

export const proofUrl = (id: string) => `/api/v1/completion-claims/${id}/proof`;

function completionFields(
  c: CompletionRow,
  course: { id: string; number: string; title: string },
  providerName: string,
) {
  return {
    id: c.id,
    source: c.source,
    status: c.status,
    course,
    providerName,
    completedOn: c.completedOn,
    counts: c.counts,
    notCountedReason: c.notCountedReason,
    claimNote: c.claimNote,
    decisionNote: c.decisionNote,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    proof:
      c.proofBlobKey && c.proofFileName && c.proofMime
        ? {
            fileName: c.proofFileName,
            mime: c.proofMime,
            size: c.proofSize ?? 0,
            sha256: c.proofSha256 ?? '',
            downloadUrl: proofUrl(c.id),
          }
        : null,
  };
}

export const completionOf = (r: {
  completion: CompletionRow;
  courseNumber: string;
  courseTitle: string;
  providerName: string;
}) =>
  completionFields(
    r.completion,
    { id: r.completion.courseId, number: r.courseNumber, title: r.courseTitle },
    r.providerName,
  );

export const claimOf = (d: ClaimDetail) => ({
  ...completionFields(
    d.completion,
    { id: d.course.id, number: d.course.number, title: d.course.title },
    d.providerName,
  ),
  providerId: d.course.providerId,
  candidate: {
    id: d.candidate.id,
    name: d.candidate.displayName,
    applicationNumber: d.candidate.applicationNumber,
  },
});
