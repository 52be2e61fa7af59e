import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { applications } from '../applications/schema.js';
import { type PortfolioStatus, portfolioComments, portfolioEvidence, portfolios } from './schema.js';

/*
 * Queries for pre-review: the portfolio row's status and the staff comments. Evidence is only
 * read here; the candidate's own pages change it.
 */

export type PrereviewPortfolioRow = typeof portfolios.$inferSelect;
export type PrereviewEvidenceRow = typeof portfolioEvidence.$inferSelect;
export type PortfolioCommentRow = typeof portfolioComments.$inferSelect;
export type CommentWithAuthor = PortfolioCommentRow & { authorName: string };

export async function findPortfolioForPrereview(
  db: Queryable,
  id: string,
): Promise<PrereviewPortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id)).limit(1);
  return row;
}

export async function lockPortfolioForPrereview(
  tx: Queryable,
  id: string,
): Promise<PrereviewPortfolioRow | undefined> {
  const [row] = await tx.select().from(portfolios).where(eq(portfolios.id, id)).limit(1).for('update');
  return row;
}

/** Move the status on only from the expected one: a double click or a race finds nothing to change. */
export async function movePrereviewStatus(
  tx: Queryable,
  id: string,
  from: PortfolioStatus,
  patch: { status: PortfolioStatus; prereviewRequestedAt: Date | null; updatedAt: Date },
): Promise<PrereviewPortfolioRow | undefined> {
  const [row] = await tx
    .update(portfolios)
    .set(patch)
    .where(and(eq(portfolios.id, id), eq(portfolios.status, from)))
    .returning();
  return row;
}

export async function insertPortfolioComment(tx: Queryable, row: PortfolioCommentRow): Promise<void> {
  await tx.insert(portfolioComments).values(row);
}

/** Every staff comment on a portfolio, newest first (portfolio_comments_portfolio_idx). */
export async function listPortfolioComments(
  db: Queryable,
  portfolioId: string,
): Promise<CommentWithAuthor[]> {
  const rows = await db
    .select({ c: portfolioComments, authorName: users.displayName })
    .from(portfolioComments)
    .innerJoin(users, eq(users.id, portfolioComments.authorId))
    .where(eq(portfolioComments.portfolioId, portfolioId))
    .orderBy(desc(portfolioComments.createdAt), desc(portfolioComments.id));
  return rows.map((r) => ({ ...r.c, authorName: r.authorName }));
}

/** The evidence, per competency in the order it was added (portfolio_evidence_portfolio_idx). */
export async function listEvidenceForPrereview(
  db: Queryable,
  portfolioId: string,
): Promise<PrereviewEvidenceRow[]> {
  return db
    .select()
    .from(portfolioEvidence)
    .where(eq(portfolioEvidence.portfolioId, portfolioId))
    .orderBy(
      asc(portfolioEvidence.competencyId),
      asc(portfolioEvidence.createdAt),
      asc(portfolioEvidence.id),
    );
}

export async function findEvidenceForPrereview(
  db: Queryable,
  portfolioId: string,
  evidenceId: string,
): Promise<PrereviewEvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(portfolioEvidence)
    .where(and(eq(portfolioEvidence.portfolioId, portfolioId), eq(portfolioEvidence.id, evidenceId)))
    .limit(1);
  return row;
}

export interface PortfolioCandidate {
  id: string;
  email: string;
  displayName: string;
  /** LSSC-YYYY-NNNNNN of the candidate's admitted application. */
  applicationNumber: string | null;
}

export async function findPortfolioCandidate(
  db: Queryable,
  candidateId: string,
): Promise<PortfolioCandidate | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      applicationNumber: applications.number,
    })
    .from(users)
    .leftJoin(applications, and(eq(applications.candidateId, users.id), eq(applications.status, 'admitted')))
    .where(eq(users.id, candidateId))
    .limit(1);
  return row;
}

export type PrereviewQueueRow = PrereviewPortfolioRow & { candidate: PortfolioCandidate };

/** Portfolios waiting for a pre-review, the longest waiting first (portfolios_status_idx narrows the status). */
export async function listPrereviewQueue(
  db: Queryable,
  page: { limit: number; offset: number },
): Promise<{ rows: PrereviewQueueRow[]; total: number }> {
  const where = eq(portfolios.status, 'prereview_requested');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        p: portfolios,
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        applicationNumber: applications.number,
      })
      .from(portfolios)
      .innerJoin(users, eq(users.id, portfolios.candidateId))
      .leftJoin(
        applications,
        and(eq(applications.candidateId, portfolios.candidateId), eq(applications.status, 'admitted')),
      )
      .where(where)
      .orderBy(asc(portfolios.prereviewRequestedAt), asc(portfolios.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(portfolios).where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r.p,
      candidate: {
        id: r.id,
        email: r.email,
        displayName: r.displayName,
        applicationNumber: r.applicationNumber,
      },
    })),
    total: total?.n ?? 0,
  };
}
