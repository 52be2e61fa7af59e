import { type Ctx, transact } from '../../../platform/context.js';
import { alreadyDecided, rosterForDecision } from '../roster-access.js';
import { decideRosterImport, deleteRosterRows, type RosterImportRow } from '../roster-repository.js';

/** Drop a previewed roster: nothing of it is applied, and its rows (people's details) are deleted. */
export async function discardRoster(ctx: Ctx, id: string): Promise<RosterImportRow> {
  return transact(ctx, async (w) => {
    const { user, roster } = await rosterForDecision(w.tx, ctx.actor, id);
    if (roster.status !== 'preview') throw alreadyDecided(roster);
    await deleteRosterRows(w.tx, roster.id);
    const decidedAt = ctx.clock.now();
    await decideRosterImport(w.tx, roster.id, { status: 'discarded', decidedBy: user.userId, decidedAt });
    await w.audit({
      action: 'roster.discarded',
      subjectType: 'roster_import',
      subjectId: roster.id,
      before: { status: 'preview' },
      after: { status: 'discarded', rows: roster.totalRows },
    });
    return { ...roster, status: 'discarded', decidedBy: user.userId, decidedAt };
  });
}
