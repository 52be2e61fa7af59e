import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { users } from '../accounts/schema.js';
import { providers } from '../providers/schema.js';
import { chunks, columnList, unnestRows } from './roster-sql.js';
import {
  courseCompletions,
  type RosterImportStatus,
  type RosterRowOutcome,
  rosterImports,
  rosterRows,
} from './schema.js';

export type RosterImportRow = typeof rosterImports.$inferSelect;
export type RosterRowRow = typeof rosterRows.$inferSelect;
export type RosterImportWithProvider = RosterImportRow & { providerName: string; uploadedByName: string };

export async function insertRosterImport(tx: Queryable, row: RosterImportRow): Promise<void> {
  await tx.insert(rosterImports).values(row);
}

const rowColumns = [
  ['id', 'uuid', (r: RosterRowRow) => r.id],
  ['import_id', 'uuid', (r: RosterRowRow) => r.importId],
  ['provider_id', 'uuid', (r: RosterRowRow) => r.providerId],
  ['line', 'int', (r: RosterRowRow) => r.line],
  ['candidate_ref', 'text', (r: RosterRowRow) => r.candidateRef],
  ['name', 'text', (r: RosterRowRow) => r.name],
  ['course_ref', 'text', (r: RosterRowRow) => r.courseRef],
  ['completed_on_text', 'text', (r: RosterRowRow) => r.completedOnText],
  ['passed_text', 'text', (r: RosterRowRow) => r.passedText],
  ['completed_on', 'date', (r: RosterRowRow) => r.completedOn],
  ['passed', 'boolean', (r: RosterRowRow) => r.passed],
  ['course_id', 'uuid', (r: RosterRowRow) => r.courseId],
  ['candidate_id', 'uuid', (r: RosterRowRow) => r.candidateId],
  ['outcome', 'text', (r: RosterRowRow) => r.outcome],
  ['message', 'text', (r: RosterRowRow) => r.message],
  ['completion_id', 'uuid', (r: RosterRowRow) => r.completionId],
  ['resolved_by', 'uuid', (r: RosterRowRow) => r.resolvedBy],
  ['resolved_at', 'timestamptz', (r: RosterRowRow) => r.resolvedAt],
] as const;

/** Many rows in one statement per chunk: one array per column, unnested (19 parameters, not 19 a row). */
export async function insertRosterRows(tx: Queryable, rows: readonly RosterRowRow[]): Promise<void> {
  for (const part of chunks(rows))
    await tx.execute(
      sql`insert into roster_rows (${columnList(rowColumns)}) select * from ${unnestRows('v', rowColumns, part)}`,
    );
}

const importColumns = {
  ...getTableColumns(rosterImports),
  providerName: providers.name,
  uploadedByName: users.displayName,
};

export async function findRosterImport(
  db: Queryable,
  id: string,
): Promise<RosterImportWithProvider | undefined> {
  const [row] = await db
    .select(importColumns)
    .from(rosterImports)
    .innerJoin(providers, eq(providers.id, rosterImports.providerId))
    .innerJoin(users, eq(users.id, rosterImports.uploadedBy))
    .where(eq(rosterImports.id, id))
    .limit(1);
  return row;
}

/** Lock the roster until the transaction ends, so a confirm and a discard (or two confirms) queue up. */
export async function lockRosterImport(tx: Queryable, id: string): Promise<RosterImportRow | undefined> {
  const [row] = await tx.select().from(rosterImports).where(eq(rosterImports.id, id)).for('update').limit(1);
  return row;
}

export async function decideRosterImport(
  tx: Queryable,
  id: string,
  patch: { status: RosterImportStatus; decidedBy: string; decidedAt: Date },
): Promise<void> {
  await tx.update(rosterImports).set(patch).where(eq(rosterImports.id, id));
}

/** Recount the outcomes from the rows themselves (after confirming, or matching held rows). */
export async function recountRosterImport(tx: Queryable, id: string): Promise<void> {
  await tx.execute(sql`
    update roster_imports as i set
      matched_rows = c.matched, unmatched_rows = c.unmatched, invalid_rows = c.invalid, duplicate_rows = c.duplicate
    from (
      select count(*) filter (where outcome = 'matched')::int as matched,
             count(*) filter (where outcome = 'unmatched')::int as unmatched,
             count(*) filter (where outcome = 'invalid')::int as invalid,
             count(*) filter (where outcome = 'duplicate')::int as duplicate
      from roster_rows where import_id = ${id}
    ) as c
    where i.id = ${id}`);
}

/** A discarded roster keeps its counts; the rows (people's details never applied) go. */
export async function deleteRosterRows(tx: Queryable, importId: string): Promise<void> {
  await tx.delete(rosterRows).where(eq(rosterRows.importId, importId));
}

export async function listRosterImports(
  db: Queryable,
  filter: { providerIds: readonly string[] | null; limit: number; offset: number },
): Promise<{ items: RosterImportWithProvider[]; total: number }> {
  if (filter.providerIds?.length === 0) return { items: [], total: 0 };
  const where = filter.providerIds ? inArray(rosterImports.providerId, [...filter.providerIds]) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select(importColumns)
      .from(rosterImports)
      .innerJoin(providers, eq(providers.id, rosterImports.providerId))
      .innerJoin(users, eq(users.id, rosterImports.uploadedBy))
      .where(where)
      .orderBy(desc(rosterImports.createdAt), desc(rosterImports.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(rosterImports).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One page of a roster's rows in file order, optionally of one outcome. */
export async function listRosterRows(
  db: Queryable,
  importId: string,
  filter: { outcome?: RosterRowOutcome | undefined; limit: number; offset: number },
): Promise<RosterRowRow[]> {
  return db
    .select()
    .from(rosterRows)
    .where(
      and(
        eq(rosterRows.importId, importId),
        filter.outcome ? eq(rosterRows.outcome, filter.outcome) : undefined,
      ),
    )
    .orderBy(asc(rosterRows.line))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** The matched rows a confirm turns into completions. */
export async function listRowsToApply(tx: Queryable, importId: string): Promise<RosterRowRow[]> {
  return tx
    .select()
    .from(rosterRows)
    .where(
      and(
        eq(rosterRows.importId, importId),
        eq(rosterRows.outcome, 'matched'),
        isNull(rosterRows.completionId),
      ),
    )
    .orderBy(asc(rosterRows.line));
}

export interface RowUpdate {
  id: string;
  outcome: RosterRowOutcome;
  message: string | null;
  candidateId: string | null;
  completionId: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

const updateColumns = [
  ['id', 'uuid', (u: RowUpdate) => u.id],
  ['outcome', 'text', (u: RowUpdate) => u.outcome],
  ['message', 'text', (u: RowUpdate) => u.message],
  ['candidate_id', 'uuid', (u: RowUpdate) => u.candidateId],
  ['completion_id', 'uuid', (u: RowUpdate) => u.completionId],
  ['resolved_by', 'uuid', (u: RowUpdate) => u.resolvedBy],
  ['resolved_at', 'timestamptz', (u: RowUpdate) => u.resolvedAt],
] as const;

/** Set outcome, message, candidate and completion of many rows: one statement per chunk. */
export async function updateRosterRows(tx: Queryable, updates: readonly RowUpdate[]): Promise<void> {
  for (const part of chunks(updates))
    await tx.execute(sql`
      update roster_rows as r set
        outcome = v.outcome, message = v.message, candidate_id = v.candidate_id,
        completion_id = v.completion_id, resolved_by = v.resolved_by, resolved_at = v.resolved_at
      from ${unnestRows('v', updateColumns, part)}
      where r.id = v.id`);
}

export type HeldRow = RosterRowRow & {
  fileName: string | null;
  source: 'csv' | 'api';
  appliedAt: Date | null;
  providerName: string;
};

const heldWhere = (providerId: string | null) =>
  and(
    providerId ? eq(rosterRows.providerId, providerId) : undefined,
    eq(rosterRows.outcome, 'unmatched'),
    isNull(rosterRows.completionId),
    eq(rosterImports.status, 'applied'),
  );

/** Unmatched rows of applied rosters, still waiting for their candidate (roster_rows_held_idx). */
export async function listHeldRows(
  db: Queryable,
  filter: { providerId: string | null; limit: number; offset: number },
): Promise<{ items: HeldRow[]; total: number }> {
  const where = heldWhere(filter.providerId);
  const [items, [total]] = await Promise.all([
    db
      .select({
        ...getTableColumns(rosterRows),
        fileName: rosterImports.fileName,
        source: rosterImports.source,
        appliedAt: rosterImports.decidedAt,
        providerName: providers.name,
      })
      .from(rosterRows)
      .innerJoin(rosterImports, eq(rosterImports.id, rosterRows.importId))
      .innerJoin(providers, eq(providers.id, rosterRows.providerId))
      .where(where)
      .orderBy(desc(rosterImports.createdAt), asc(rosterRows.importId), asc(rosterRows.line))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: count() })
      .from(rosterRows)
      .innerJoin(rosterImports, eq(rosterImports.id, rosterRows.importId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every held row of a provider, locked, for matching them all again. */
export async function lockHeldRows(
  tx: Queryable,
  providerId: string,
): Promise<Array<RosterRowRow & { source: 'csv' | 'api' }>> {
  return tx
    .select({ ...getTableColumns(rosterRows), source: rosterImports.source })
    .from(rosterRows)
    .innerJoin(rosterImports, eq(rosterImports.id, rosterRows.importId))
    .where(heldWhere(providerId))
    .orderBy(asc(rosterRows.importId), asc(rosterRows.line))
    .for('update', { of: rosterRows });
}

/** One row with its roster's status, locked for matching it by hand. */
export async function lockRosterRow(
  tx: Queryable,
  id: string,
): Promise<(RosterRowRow & { importStatus: RosterImportStatus; source: 'csv' | 'api' }) | undefined> {
  const [row] = await tx
    .select({
      ...getTableColumns(rosterRows),
      importStatus: rosterImports.status,
      source: rosterImports.source,
    })
    .from(rosterRows)
    .innerJoin(rosterImports, eq(rosterImports.id, rosterRows.importId))
    .where(eq(rosterRows.id, id))
    .for('update', { of: rosterRows })
    .limit(1);
  return row;
}

export async function findRosterRow(db: Queryable, id: string): Promise<RosterRowRow | undefined> {
  const [row] = await db.select().from(rosterRows).where(eq(rosterRows.id, id)).limit(1);
  return row;
}

/** Whether each of these completions counts, and why not: what an applied roster's rows show. */
export async function completionVerdicts(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { counts: boolean | null; notCountedReason: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: courseCompletions.id,
      counts: courseCompletions.counts,
      notCountedReason: courseCompletions.notCountedReason,
    })
    .from(courseCompletions)
    .where(inArray(courseCompletions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}
