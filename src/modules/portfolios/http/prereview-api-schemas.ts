import { z } from 'zod';
import type { CommentWithAuthor, PrereviewEvidenceRow } from '../prereview-repository.js';
import { portfolioStatuses } from '../schema.js';
import type { StaffPortfolioView } from '../use-cases/view-portfolio-for-staff.js';
import { PREREVIEW_BASE } from '../views/prereview-queue-page.js';

export const tags = ['portfolio pre-review'];
export const idParams = z.object({ id: z.string().max(64) });

const commentOut = z.object({
  id: z.uuid(),
  competencyId: z.string().nullable().describe('Null for a comment on the Personal Learning Statement'),
  body: z.string(),
  createdAt: z.string(),
});
const staffCommentOut = commentOut.extend({ authorName: z.string() });

export const commentOf = (c: Omit<CommentWithAuthor, 'authorName'>) => ({
  id: c.id,
  competencyId: c.competencyId,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
});

const status = z.enum(portfolioStatuses);

export const myPrereviewOut = z.object({
  portfolioId: z.uuid(),
  setId: z.string(),
  setTitle: z.string(),
  status,
  requestedAt: z.string().nullable().describe('When the pending pre-review was asked for'),
  comments: z.array(commentOut).describe('Staff comments, newest first, once a pre-review is finished'),
});

export const prereviewStateOut = z.object({
  portfolioId: z.uuid(),
  status,
  requestedAt: z.string().nullable(),
});

export const candidateOut = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  applicationNumber: z.string().nullable(),
});

export const queueOut = z.object({
  items: z.array(
    z.object({
      portfolioId: z.uuid(),
      candidate: candidateOut,
      setId: z.string(),
      setTitle: z.string(),
      requestedAt: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const evidenceOut = z.object({
  id: z.uuid(),
  kind: z.enum(['file', 'link', 'text']),
  primary: z.boolean(),
  title: z.string(),
  explanation: z.string(),
  url: z.string().nullable(),
  body: z.string().nullable(),
  file: z
    .object({
      fileName: z.string().nullable(),
      mime: z.string().nullable(),
      size: z.number().nullable(),
      downloadUrl: z.string(),
    })
    .nullable(),
});

const evidenceOf = (portfolioId: string, e: PrereviewEvidenceRow) => ({
  id: e.id,
  kind: e.kind,
  primary: e.primary,
  title: e.title,
  explanation: e.explanation,
  url: e.url,
  body: e.body,
  file: e.blobKey
    ? {
        fileName: e.fileName,
        mime: e.mime,
        size: e.size,
        downloadUrl: `${PREREVIEW_BASE}/${portfolioId}/evidence/${e.id}`,
      }
    : null,
});

export const staffPortfolioOut = z.object({
  portfolioId: z.uuid(),
  status,
  requestedAt: z.string().nullable(),
  canComment: z.boolean().describe('True while the portfolio waits for a pre-review'),
  candidate: candidateOut.nullable(),
  set: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  competencies: z.array(
    z.object({
      id: z.string(),
      topic: z.string(),
      evidence: z.array(evidenceOut),
      comments: z.array(staffCommentOut),
    }),
  ),
  statement: z.object({ text: z.string().nullable(), comments: z.array(staffCommentOut) }),
});

export function staffPortfolioOf(v: StaffPortfolioView): z.infer<typeof staffPortfolioOut> {
  const staffComment = (c: CommentWithAuthor) => ({ ...commentOf(c), authorName: c.authorName });
  return {
    portfolioId: v.portfolio.id,
    status: v.portfolio.status,
    requestedAt: v.portfolio.prereviewRequestedAt?.toISOString() ?? null,
    canComment: v.open,
    candidate: v.candidate ?? null,
    set: { id: v.set.id, code: v.set.code, title: v.set.title },
    competencies: v.set.competencies.map((c) => ({
      id: c.id,
      topic: c.topic,
      evidence: v.evidence.filter((e) => e.competencyId === c.id).map((e) => evidenceOf(v.portfolio.id, e)),
      comments: v.comments.filter((m) => m.competencyId === c.id).map(staffComment),
    })),
    statement: {
      text: v.portfolio.statement,
      comments: v.comments.filter((m) => m.competencyId === null).map(staffComment),
    },
  };
}
