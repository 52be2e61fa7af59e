import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, forbidden, notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../../accounts/access.js';
import { findMembership } from '../../providers/repository.js';
import { loadCreditJudge } from '../roster-judge.js';
import {
  bundleNumbersAmong,
  candidatesByEmail,
  candidatesByNumber,
  coursesByNumber,
  recordedCompletionKeys,
} from '../roster-lookup-repository.js';
import {
  insertRosterImport,
  insertRosterRows,
  type RosterImportRow,
  type RosterRowRow,
} from '../roster-repository.js';
import { type MatchedRow, matchRosterRows } from '../rules/roster-match.js';
import { type RawRosterRow, type RowLabels, readRosterRow } from '../rules/roster-row.js';
import type { RosterRowOutcome } from '../schema.js';

/** The most rows one roster may carry (a big provider's year fits many times over). */
export const MAX_ROSTER_ROWS = 100_000;

export interface PreviewRow extends MatchedRow {
  id: string;
  /** For matched rows: whether the completion will count (the credit rule), and why not. */
  willCount: boolean | null;
  notCountedReason: string | null;
}

export interface ImportedRoster {
  roster: RosterImportRow;
  rows: PreviewRow[];
}

export const providerNotFound = () => notFound('That organisation');

/** A member of the provider may send its rosters; staff are told so; anyone else gets "not found". */
export async function requireProviderMember(
  ctx: Ctx,
  providerId: unknown,
): Promise<{ userId: string; providerId: string }> {
  const user = requireUser(ctx.actor);
  if (providerId === undefined || providerId === '')
    throw validationFailed({ providerId: 'Choose the organisation that gave the courses' });
  if (typeof providerId !== 'string' || !UUID_PATTERN.test(providerId)) throw providerNotFound();
  if (!(await findMembership(ctx.db, providerId, user.userId))) {
    if (!hasRole(ctx.actor, 'staff', 'admin')) throw providerNotFound();
    requireRole(ctx.actor, 'staff', 'admin');
    throw forbidden('Only members of a provider can send its rosters.');
  }
  return { userId: user.userId, providerId };
}

/**
 * Read, match and store a roster for preview; nothing becomes a completion until a member
 * confirms. Every row is kept with its outcome and, when it is not matched, a message naming the
 * line and the field. A handful of queries whatever the size (lookups by list, inserts in chunks).
 */
export async function importRoster(
  ctx: Ctx,
  input: {
    providerId: unknown;
    source: 'csv' | 'api';
    fileName: string | null;
    rows: readonly RawRosterRow[];
    labels: RowLabels;
  },
): Promise<ImportedRoster> {
  const { userId, providerId } = await requireProviderMember(ctx, input.providerId);
  if (input.rows.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The roster has no rows.', {
      rows: 'The roster has no rows.',
    });
  if (input.rows.length > MAX_ROSTER_ROWS) {
    const message = `The roster has ${input.rows.length.toLocaleString('en-US')} rows; send at most ${MAX_ROSTER_ROWS.toLocaleString('en-US')} at a time.`;
    throw new DomainError('VALIDATION_FAILED', message, { rows: message });
  }
  const today = ctx.clock.today();
  const read = input.rows.map((raw) => ({ raw, read: readRosterRow(raw, today, input.labels) }));

  return transact(ctx, async (w) => {
    const numbers: string[] = [];
    const emails: string[] = [];
    const courseNumbers = new Set<string>();
    for (const { read: r } of read) {
      if (!r.ok) continue;
      (r.value.candidate.kind === 'number' ? numbers : emails).push(r.value.candidate.value);
      courseNumbers.add(r.value.courseNumber);
    }
    const courseByNumber = await coursesByNumber(w.tx, [...courseNumbers]);
    const unknownNumbers = [...courseNumbers].filter((n) => !courseByNumber.has(n));
    const ownCourseIds = [...courseByNumber.values()]
      .filter((c) => c.providerId === providerId)
      .map((c) => c.id);
    const candidateByNumber = await candidatesByNumber(w.tx, numbers);
    const candidateByEmail = await candidatesByEmail(w.tx, emails);
    const lookups = {
      providerId,
      candidateByNumber,
      candidateByEmail,
      courseByNumber,
      bundleNumbers: await bundleNumbersAmong(w.tx, unknownNumbers),
      recorded: await recordedCompletionKeys(w.tx, ownCourseIds, [
        ...candidateByNumber.values(),
        ...candidateByEmail.values(),
      ]),
    };
    const matched = matchRosterRows(read, lookups, input.labels);
    const judge = await loadCreditJudge(w.tx, ownCourseIds);

    const now = ctx.clock.now();
    const counts: Record<RosterRowOutcome, number> = { matched: 0, unmatched: 0, invalid: 0, duplicate: 0 };
    for (const m of matched) counts[m.outcome]++;
    const roster: RosterImportRow = {
      id: uuidv7(now.getTime()),
      providerId,
      source: input.source,
      fileName: input.fileName,
      status: 'preview',
      totalRows: matched.length,
      matchedRows: counts.matched,
      unmatchedRows: counts.unmatched,
      invalidRows: counts.invalid,
      duplicateRows: counts.duplicate,
      uploadedBy: userId,
      createdAt: now,
      decidedBy: null,
      decidedAt: null,
    };
    await insertRosterImport(w.tx, roster);
    const rows: PreviewRow[] = matched.map((m) => {
      const judged =
        m.outcome === 'matched'
          ? judge({ courseId: m.courseId!, completedOn: m.completedOn!, passed: m.passed! })
          : null;
      return {
        ...m,
        id: uuidv7(now.getTime()),
        willCount: judged ? judged.counts : null,
        notCountedReason: judged && !judged.counts ? judged.reason : null,
      };
    });
    await insertRosterRows(
      w.tx,
      rows.map((r) => toStoredRow(r, roster)),
    );
    await w.audit({
      action: 'roster.uploaded',
      subjectType: 'roster_import',
      subjectId: roster.id,
      after: { providerId, source: input.source, fileName: input.fileName, ...counts },
    });
    return { roster, rows };
  });
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

function toStoredRow(r: PreviewRow, roster: RosterImportRow): RosterRowRow {
  return {
    id: r.id,
    importId: roster.id,
    providerId: roster.providerId,
    line: r.raw.line,
    // What was sent, as sent (cut to a sane length: a roster cell is never a novel).
    candidateRef: cut(r.raw.candidate.trim(), 320) || null,
    name: cut(r.raw.name.trim(), 200) || null,
    courseRef: cut(r.raw.course.trim(), 60) || null,
    completedOnText: cut(r.raw.completedOn.trim(), 60) || null,
    passedText: cut(r.raw.passed.trim(), 60) || null,
    completedOn: r.completedOn,
    passed: r.passed,
    courseId: r.courseId,
    candidateId: r.candidateId,
    outcome: r.outcome,
    message: r.message,
    completionId: null,
    resolvedBy: null,
    resolvedAt: null,
  };
}
