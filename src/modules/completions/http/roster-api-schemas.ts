import { z } from 'zod';
import type { AppliedRows } from '../roster-apply.js';
import type { HeldRow, RosterImportWithProvider, RosterRowRow } from '../roster-repository.js';
import type { RawRosterRow } from '../rules/roster-row.js';
import { rosterImportStatuses, rosterRowOutcomes } from '../schema.js';
import { MAX_ROSTER_ROWS, type PreviewRow } from '../use-cases/import-roster.js';
import type { RosterRowView } from '../use-cases/view-roster.js';

export const tags = ['rosters'];
export const idParams = z.object({ id: z.string().max(64) });
export const providerParams = z.object({ providerId: z.string().max(64) });
export const rowParams = z.object({ rowId: z.string().max(64) });
export const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
export const rowsQuery = pageQuery.extend({ outcome: z.enum(rosterRowOutcomes).optional() });

const text = (max: number) => z.string().max(max).nullish();

/** One completion as the provider's system sends it; each value is checked row by row, not refused whole. */
export const rosterRowIn = z.object({
  candidate: text(320).describe('Candidate number (LSSC-2026-000123) or the email address they applied with'),
  name: text(200).describe('The person’s name as you have it (helps match the row by hand)'),
  course: text(60).describe('Course number: CRS-2026-000123, or a bundle’s course CRS-2026-000123-1'),
  completedOn: text(60).describe('YYYY-MM-DD or M/D/YYYY'),
  passed: z
    .union([z.boolean(), z.string().max(60)])
    .nullish()
    .describe('true/false, or yes/no, pass/fail, y/n'),
});

export const rosterIn = z.object({ rows: z.array(rosterRowIn).min(1).max(MAX_ROSTER_ROWS) });

/** API rows become the same raw rows a CSV gives; the position (from 1) stands in for the line. */
export function rawRowsOf(rows: z.infer<typeof rosterIn>['rows']): RawRosterRow[] {
  return rows.map((r, i) => ({
    line: i + 1,
    candidate: r.candidate ?? '',
    name: r.name ?? '',
    course: r.course ?? '',
    completedOn: r.completedOn ?? '',
    passed: typeof r.passed === 'boolean' ? (r.passed ? 'yes' : 'no') : (r.passed ?? ''),
  }));
}

export const rosterOut = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  source: z.enum(['csv', 'api']),
  fileName: z.string().nullable(),
  status: z.enum(rosterImportStatuses),
  counts: z.object({
    total: z.int(),
    matched: z.int(),
    unmatched: z.int(),
    invalid: z.int(),
    duplicate: z.int(),
  }),
  uploadedBy: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const rowOut = z.object({
  id: z.uuid(),
  line: z.int().describe('Line of the file (the header is line 1), or position in the request from 1'),
  candidate: z.string().nullable(),
  name: z.string().nullable(),
  course: z.string().nullable(),
  completedOn: z.string().nullable().describe('As read (YYYY-MM-DD), or as sent when it could not be read'),
  passed: z.boolean().nullable(),
  outcome: z.enum(rosterRowOutcomes),
  message: z.string().nullable(),
  willCount: z
    .boolean()
    .nullable()
    .describe(
      'Matched rows: whether the completion counts toward certification (will count, before confirming)',
    ),
  notCountedReason: z.string().nullable(),
  completionId: z.uuid().nullable(),
});

/** What the sender needs back for each row it sent (it has the values): the outcome and why. */
export const rowOutcomeOut = rowOut.pick({
  id: true,
  line: true,
  outcome: true,
  message: true,
  willCount: true,
  notCountedReason: true,
});

export const heldRowOut = rowOut
  .omit({ willCount: true, notCountedReason: true, completionId: true })
  .extend({ rosterId: z.uuid(), providerName: z.string() });

export const appliedOut = z.object({
  completions: z.int(),
  counted: z.int(),
  notCounted: z.int(),
  duplicates: z.int(),
  candidatesCredited: z.int(),
  setsAchieved: z.int(),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.int(), pageSize: z.int(), total: z.int() });

export const rosterOf = (
  r: Omit<RosterImportWithProvider, 'uploadedByName'> & { uploadedByName?: string },
) => ({
  id: r.id,
  providerId: r.providerId,
  providerName: r.providerName,
  source: r.source,
  fileName: r.fileName,
  status: r.status,
  counts: {
    total: r.totalRows,
    matched: r.matchedRows,
    unmatched: r.unmatchedRows,
    invalid: r.invalidRows,
    duplicate: r.duplicateRows,
  },
  uploadedBy: r.uploadedByName ?? '',
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

const storedRow = (r: RosterRowRow) => ({
  id: r.id,
  line: r.line,
  candidate: r.candidateRef,
  name: r.name,
  course: r.courseRef,
  completedOn: r.completedOn ?? r.completedOnText,
  passed: r.passed,
  outcome: r.outcome,
  message: r.message,
});

export const rowOf = (r: RosterRowView) => ({
  ...storedRow(r),
  willCount: r.willCount,
  notCountedReason: r.notCountedReason,
  completionId: r.completionId,
});

export const previewRowOf = (r: PreviewRow) => ({
  id: r.id,
  line: r.raw.line,
  outcome: r.outcome,
  message: r.message,
  willCount: r.willCount,
  notCountedReason: r.notCountedReason,
});

export const heldRowOf = (r: HeldRow) => ({
  ...storedRow(r),
  rosterId: r.importId,
  providerName: r.providerName,
});

export const appliedOf = (a: AppliedRows) => ({ ...a });
