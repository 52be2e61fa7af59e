import { type Ctx, transact } from '../../../platform/context.js';
import { invalidState, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { heldRowNotFound, rosterViewerOf } from '../roster-access.js';
import { type AppliedRows, applyRosterRows } from '../roster-apply.js';
import { candidatesByEmail, candidatesByNumber } from '../roster-lookup-repository.js';
import {
  findRosterRow,
  lockRosterRow,
  type RosterRowRow,
  recountRosterImport,
} from '../roster-repository.js';
import { parseCandidateRef } from '../rules/roster-row.js';

/** A held row, for the form that matches it: members of its provider and staff. */
export async function viewHeldRow(ctx: Ctx, rowId: string): Promise<{ row: RosterRowRow; waiting: boolean }> {
  requireUser(ctx.actor);
  if (!UUID_PATTERN.test(rowId)) throw heldRowNotFound();
  const row = await findRosterRow(ctx.db, rowId);
  if (!row) throw heldRowNotFound();
  await rosterViewerOf(ctx.db, ctx.actor, row.providerId, heldRowNotFound);
  return { row, waiting: row.outcome === 'unmatched' && row.completionId === null };
}

/**
 * Match one held row to a candidate by hand (the provider knows who it was; the row had a typo or an
 * old email): the completion is recorded and the candidate credited, as a confirmed roster would.
 * Members of the provider and staff may do it.
 */
export async function matchHeldRow(
  ctx: Ctx,
  rowId: string,
  input: { candidate?: unknown },
): Promise<{ row: RosterRowRow; applied: AppliedRows }> {
  requireUser(ctx.actor);
  if (!UUID_PATTERN.test(rowId)) throw heldRowNotFound();
  const text = typeof input.candidate === 'string' ? input.candidate.trim() : '';
  return transact(ctx, async (w) => {
    const row = await lockRosterRow(w.tx, rowId);
    if (!row) throw heldRowNotFound();
    const { user } = await rosterViewerOf(w.tx, ctx.actor, row.providerId, heldRowNotFound);
    if (row.importStatus !== 'applied' || row.outcome !== 'unmatched' || row.completionId)
      throw invalidState('This row is not waiting to be matched any more.');
    if (text === '')
      throw validationFailed({
        candidate: 'Enter the candidate number (like LSSC-2026-000123) or email address',
      });
    const ref = parseCandidateRef(text);
    if (!ref)
      throw validationFailed({
        candidate:
          'Enter a candidate number like LSSC-2026-000123, or an email address like name@example.org',
      });
    const found =
      ref.kind === 'number'
        ? (await candidatesByNumber(w.tx, [ref.value])).get(ref.value)
        : (await candidatesByEmail(w.tx, [ref.value])).get(ref.value);
    if (!found)
      throw validationFailed({
        candidate:
          ref.kind === 'number'
            ? `No candidate has the number ${ref.value}`
            : `No candidate who has applied uses the email address ${ref.value}`,
      });
    const applied = await applyRosterRows(
      ctx,
      w,
      [
        {
          id: row.id,
          importId: row.importId,
          source: row.source,
          line: row.line,
          candidateId: found,
          courseId: row.courseId!,
          completedOn: row.completedOn!,
          passed: row.passed!,
        },
      ],
      { userId: user.userId, resolved: true },
    );
    await recountRosterImport(w.tx, row.importId);
    await w.audit({
      action: 'roster_row.matched',
      subjectType: 'roster_row',
      subjectId: row.id,
      before: { outcome: 'unmatched', candidateRef: row.candidateRef },
      after: {
        outcome: applied.completions === 1 ? 'matched' : 'duplicate',
        candidateId: found,
        enteredAs: ref.value,
        counts: applied.counted === 1,
      },
    });
    return { row: { ...row, candidateId: found }, applied };
  });
}
