import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { type PortfolioStatus, portfolioEvidence, portfolios } from './schema.js';

export type PortfolioRow = typeof portfolios.$inferSelect;
export type PortfolioInsert = typeof portfolios.$inferInsert;
export type EvidenceRow = typeof portfolioEvidence.$inferSelect;
export type EvidenceInsert = typeof portfolioEvidence.$inferInsert;
export type PortfolioPatch = Partial<Omit<PortfolioInsert, 'id' | 'candidateId' | 'setId' | 'createdAt'>>;
export type EvidencePatch = Partial<
  Omit<EvidenceInsert, 'id' | 'portfolioId' | 'competencyId' | 'createdAt'>
>;

/** A new portfolio; undefined when the candidate already has an open one for the set (a double click). */
export async function insertPortfolio(
  tx: Queryable,
  row: PortfolioInsert,
): Promise<PortfolioRow | undefined> {
  const [inserted] = await tx.insert(portfolios).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findPortfolio(db: Queryable, id: string): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id)).limit(1);
  return row;
}

/** The row locked for the rest of the transaction: saves, uploads and submission queue behind each other. */
export async function lockPortfolio(tx: Queryable, id: string): Promise<PortfolioRow | undefined> {
  const [row] = await tx.select().from(portfolios).where(eq(portfolios.id, id)).limit(1).for('update');
  return row;
}

export async function findPortfolioByNumber(
  db: Queryable,
  number: string,
): Promise<PortfolioRow | undefined> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.number, number)).limit(1);
  return row;
}

/** The candidate's portfolios, newest first (a handful per person: one per set at most, plus retries). */
export async function listPortfoliosOf(db: Queryable, candidateId: string): Promise<PortfolioRow[]> {
  return db
    .select()
    .from(portfolios)
    .where(eq(portfolios.candidateId, candidateId))
    .orderBy(desc(portfolios.createdAt), desc(portfolios.id));
}

export async function updatePortfolio(
  tx: Queryable,
  id: string,
  patch: PortfolioPatch,
): Promise<PortfolioRow> {
  const [row] = await tx.update(portfolios).set(patch).where(eq(portfolios.id, id)).returning();
  return row!;
}

/** Change status only from one of `from`; undefined when it had already moved (a double submit). */
export async function transitionPortfolio(
  tx: Queryable,
  id: string,
  from: readonly PortfolioStatus[],
  patch: PortfolioPatch,
): Promise<PortfolioRow | undefined> {
  const [row] = await tx
    .update(portfolios)
    .set(patch)
    .where(and(eq(portfolios.id, id), inArray(portfolios.status, [...from])))
    .returning();
  return row;
}

/** Every evidence item of a portfolio, by competency then in the order added (portfolio_evidence_portfolio_idx). */
export async function listEvidence(db: Queryable, portfolioId: string): Promise<EvidenceRow[]> {
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

export async function listEvidenceFor(
  db: Queryable,
  portfolioId: string,
  competencyId: string,
): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(portfolioEvidence)
    .where(
      and(eq(portfolioEvidence.portfolioId, portfolioId), eq(portfolioEvidence.competencyId, competencyId)),
    )
    .orderBy(asc(portfolioEvidence.createdAt), asc(portfolioEvidence.id));
}

export async function findEvidence(
  db: Queryable,
  portfolioId: string,
  evidenceId: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(portfolioEvidence)
    .where(and(eq(portfolioEvidence.portfolioId, portfolioId), eq(portfolioEvidence.id, evidenceId)))
    .limit(1);
  return row;
}

export async function countEvidence(db: Queryable, portfolioId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(portfolioEvidence)
    .where(eq(portfolioEvidence.portfolioId, portfolioId));
  return Number(row?.n ?? 0);
}

export async function insertEvidence(tx: Queryable, row: EvidenceInsert): Promise<EvidenceRow> {
  const [inserted] = await tx.insert(portfolioEvidence).values(row).returning();
  return inserted!;
}

export async function updateEvidence(tx: Queryable, id: string, patch: EvidencePatch): Promise<EvidenceRow> {
  const [row] = await tx.update(portfolioEvidence).set(patch).where(eq(portfolioEvidence.id, id)).returning();
  return row!;
}

export async function deleteEvidence(tx: Queryable, id: string): Promise<void> {
  await tx.delete(portfolioEvidence).where(eq(portfolioEvidence.id, id));
}
