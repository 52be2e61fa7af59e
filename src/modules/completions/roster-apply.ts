import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Ctx, Work } from '../../platform/context.js';
import { uuidv7 } from '../../platform/ids.js';
import { creditCompletedCoursesFor } from './course-credit.js';
import { loadCreditJudge } from './roster-judge.js';
import { type CompletionInsert, insertCompletionsOnce } from './roster-lookup-repository.js';
import { type RosterImportRow, type RowUpdate, updateRosterRows } from './roster-repository.js';

/** A roster row known to name a candidate and one of the provider's courses. */
export interface RowToApply {
  id: string;
  importId: string;
  /** How the roster came: a CSV line ("Line 4") or an API item ("Row 4"). */
  source: RosterImportRow['source'];
  line: number;
  candidateId: string;
  courseId: string;
  completedOn: CalendarDate;
  passed: boolean;
}

export interface AppliedRows {
  completions: number;
  counted: number;
  notCounted: number;
  /** Rows whose completion was recorded by something else first (a claim, another roster). */
  duplicates: number;
  /** Candidates who achieved a set by these completions. */
  candidatesCredited: number;
  setsAchieved: number;
}

/**
 * Inside a use case's transaction: turn roster rows into confirmed completions (judged by the
 * credit rule), link each row to its completion, and credit every candidate concerned, all set-based.
 * A row whose completion another roster or a claim recorded in the meantime becomes a duplicate.
 */
export async function applyRosterRows(
  ctx: Ctx,
  w: Work,
  rows: readonly RowToApply[],
  by: { userId: string; resolved: boolean },
): Promise<AppliedRows> {
  const judge = await loadCreditJudge(
    w.tx,
    rows.map((r) => r.courseId),
  );
  const now = ctx.clock.now();
  const completions: CompletionInsert[] = rows.map((r) => {
    const judged = judge(r);
    return {
      id: uuidv7(now.getTime()),
      courseId: r.courseId,
      candidateId: r.candidateId,
      completedOn: r.completedOn,
      passed: r.passed,
      source: r.source === 'api' ? 'api' : 'roster',
      status: 'confirmed',
      counts: judged.counts,
      notCountedReason: judged.counts ? null : judged.reason,
      rosterImportId: r.importId,
      decidedBy: by.userId,
      decidedAt: now,
      createdBy: by.userId,
      createdAt: now,
    };
  });
  const inserted = await insertCompletionsOnce(w.tx, completions);
  const result: AppliedRows = {
    completions: inserted.size,
    counted: 0,
    notCounted: 0,
    duplicates: rows.length - inserted.size,
    candidatesCredited: 0,
    setsAchieved: 0,
  };
  const credit = new Set<string>();
  const updates: RowUpdate[] = rows.map((r, i) => {
    const c = completions[i]!;
    const applied = inserted.has(c.id!);
    if (applied && c.counts) {
      result.counted++;
      credit.add(r.candidateId);
    } else if (applied) result.notCounted++;
    return {
      id: r.id,
      outcome: applied ? 'matched' : 'duplicate',
      message: applied
        ? null
        : `${r.source === 'api' ? 'Row' : 'Line'} ${r.line}: this completion was recorded for the candidate (by another roster or a claim) before this row was applied.`,
      candidateId: r.candidateId,
      completionId: applied ? c.id! : null,
      resolvedBy: by.resolved ? by.userId : null,
      resolvedAt: by.resolved ? now : null,
    };
  });
  await updateRosterRows(w.tx, updates);
  const credited = await creditCompletedCoursesFor(ctx, w, [...credit]);
  result.candidatesCredited = credited.size;
  for (const sets of credited.values()) result.setsAchieved += sets.length;
  return result;
}
