import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { evaluatorProfileAccess } from '../evaluator-access.js';
import { deleteConflict } from '../evaluator-repository.js';

const conflictNotFound = () => notFound('That declared conflict');

/** Take a declared library or person off the evaluator's list. */
export async function removeEvaluatorConflict(ctx: Ctx, userId: string, conflictId: string): Promise<void> {
  await evaluatorProfileAccess(ctx.db, ctx.actor, userId);
  if (!UUID_PATTERN.test(conflictId)) throw conflictNotFound();
  await transact(ctx, async (w) => {
    const removed = await deleteConflict(w.tx, userId, conflictId);
    if (!removed) throw conflictNotFound();
    await w.audit({
      action: 'evaluator_conflict.removed',
      subjectType: 'user',
      subjectId: userId,
      before: { conflictId, kind: removed.kind },
    });
  });
}
