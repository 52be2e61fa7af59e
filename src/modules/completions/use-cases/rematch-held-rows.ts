import { type Ctx, transact } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { rosterViewerOf } from '../roster-access.js';
import { type AppliedRows, applyRosterRows, type RowToApply } from '../roster-apply.js';
import { candidatesByEmail, candidatesByNumber } from '../roster-lookup-repository.js';
import { lockHeldRows, recountRosterImport } from '../roster-repository.js';
import { candidateIdOf } from '../rules/roster-match.js';
import { parseCandidateRef } from '../rules/roster-row.js';
import { providerNotFound } from './import-roster.js';

/**
 * Look for the candidates of all of a provider's held rows again: people apply after their course,
 * so a row nobody matched last month may match now. Found rows become completions (and credit);
 * the rest stay held. Set-based, like a roster.
 */
export async function rematchHeldRows(
  ctx: Ctx,
  providerId: string,
): Promise<{ held: number; applied: AppliedRows }> {
  requireUser(ctx.actor);
  if (!UUID_PATTERN.test(providerId)) throw providerNotFound();
  return transact(ctx, async (w) => {
    const { user } = await rosterViewerOf(w.tx, ctx.actor, providerId, providerNotFound);
    const rows = await lockHeldRows(w.tx, providerId);
    const refs = rows.map((r) => parseCandidateRef(r.candidateRef ?? ''));
    const numbers = refs.flatMap((r) => (r?.kind === 'number' ? [r.value] : []));
    const emails = refs.flatMap((r) => (r?.kind === 'email' ? [r.value] : []));
    const lookups = {
      candidateByNumber: await candidatesByNumber(w.tx, numbers),
      candidateByEmail: await candidatesByEmail(w.tx, emails),
    };
    const found: RowToApply[] = [];
    rows.forEach((r, i) => {
      const ref = refs[i];
      const candidateId = ref && candidateIdOf(ref, lookups);
      if (candidateId)
        found.push({
          id: r.id,
          importId: r.importId,
          source: r.source,
          line: r.line,
          candidateId,
          courseId: r.courseId!,
          completedOn: r.completedOn!,
          passed: r.passed!,
        });
    });
    const applied = await applyRosterRows(ctx, w, found, { userId: user.userId, resolved: true });
    for (const importId of new Set(found.map((r) => r.importId))) await recountRosterImport(w.tx, importId);
    await w.audit({
      action: 'roster.held_rows_rematched',
      subjectType: 'provider',
      subjectId: providerId,
      after: { held: rows.length, found: found.length, ...applied },
    });
    return { held: rows.length, applied };
  });
}
