import { formatCalendarDate, todayFromInstant } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { findUserById } from '../../accounts/users-repository.js';
import { findProvider } from '../../providers/repository.js';
import { alreadyDecided, rosterForDecision } from '../roster-access.js';
import { type AppliedRows, applyRosterRows } from '../roster-apply.js';
import { rosterMails } from '../roster-mails.js';
import {
  decideRosterImport,
  listRowsToApply,
  lockRosterImport,
  type RosterImportRow,
  recountRosterImport,
} from '../roster-repository.js';

/**
 * Apply a previewed roster, all in one transaction: its matched rows become confirmed completions
 * (judged by the credit rule), every candidate concerned is credited with the sets they now achieve,
 * unmatched rows are held for matching later. The member who sent it gets a summary by mail.
 */
export async function confirmRoster(
  ctx: Ctx,
  id: string,
): Promise<{ roster: RosterImportRow; applied: AppliedRows }> {
  return transact(ctx, async (w) => {
    const { user, roster } = await rosterForDecision(w.tx, ctx.actor, id);
    if (roster.status !== 'preview') throw alreadyDecided(roster);
    const rows = await listRowsToApply(w.tx, roster.id);
    const applied = await applyRosterRows(
      ctx,
      w,
      rows.map((r) => ({
        id: r.id,
        importId: roster.id,
        source: roster.source,
        line: r.line,
        candidateId: r.candidateId!,
        courseId: r.courseId!,
        completedOn: r.completedOn!,
        passed: r.passed!,
      })),
      { userId: user.userId, resolved: false },
    );
    await recountRosterImport(w.tx, roster.id);
    await decideRosterImport(w.tx, roster.id, {
      status: 'applied',
      decidedBy: user.userId,
      decidedAt: ctx.clock.now(),
    });
    const after = (await lockRosterImport(w.tx, roster.id))!;
    await w.audit({
      action: 'roster.confirmed',
      subjectType: 'roster_import',
      subjectId: roster.id,
      before: { status: 'preview' },
      after: {
        status: 'applied',
        ...applied,
        held: after.unmatchedRows,
        invalid: after.invalidRows,
        duplicate: after.duplicateRows,
      },
    });
    // One connection in a transaction: one query at a time.
    const uploader = await findUserById(w.tx, roster.uploadedBy);
    const provider = await findProvider(w.tx, roster.providerId);
    if (uploader && provider)
      await w.mail(
        rosterMails.confirmed(uploader, {
          providerName: provider.name,
          fileName: roster.fileName,
          sentOn: formatCalendarDate(todayFromInstant(roster.createdAt)),
          confirmedBy: uploader.id === user.userId ? 'you' : user.displayName,
          applied,
          held: after.unmatchedRows,
          invalid: after.invalidRows,
          duplicate: after.duplicateRows,
          link: `${ctx.config.baseUrl}/provider/rosters/${roster.id}`,
          heldLink: `${ctx.config.baseUrl}/provider/rosters/held?providerId=${roster.providerId}`,
        }),
      );
    return { roster: after, applied };
  });
}
