import { type Ctx, transact } from '../../../platform/context.js';
import { validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { evaluatorProfileAccess } from '../evaluator-access.js';
import { conflictSchema } from '../evaluator-forms.js';
import { type EvaluatorConflictRow, insertConflict, listConflictsOf } from '../evaluator-repository.js';
import { isEmailDeclaration, normalizeEmail, normalizeName } from '../rules/conflicts.js';

/** Enough for any honest list; stops a runaway client filling the table. */
export const MAX_CONFLICTS = 200;

const keyOf = (c: { kind: string; value: string }) =>
  `${c.kind}:${c.kind === 'person' && isEmailDeclaration(c.value) ? normalizeEmail(c.value) : normalizeName(c.value)}`;

/** Declare a library the evaluator works for or with, or a person they know: never assigned to them. */
export async function addEvaluatorConflict(
  ctx: Ctx,
  userId: string,
  raw: unknown,
): Promise<EvaluatorConflictRow> {
  await evaluatorProfileAccess(ctx.db, ctx.actor, userId);
  const input = parseInput(conflictSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const existing = await listConflictsOf(w.tx, userId);
    if (existing.some((c) => keyOf(c) === keyOf(input)))
      throw validationFailed({ value: 'That is already on the list' });
    if (existing.length >= MAX_CONFLICTS)
      throw validationFailed({ value: `The list holds up to ${MAX_CONFLICTS} entries` });
    const now = ctx.clock.now();
    const row: EvaluatorConflictRow = {
      id: uuidv7(now.getTime()),
      evaluatorId: userId,
      kind: input.kind,
      value: input.value,
      createdAt: now,
    };
    await insertConflict(w.tx, row);
    // Which kind, not the name: the audit log is kept forever, a third party's name should not be.
    await w.audit({
      action: 'evaluator_conflict.added',
      subjectType: 'user',
      subjectId: userId,
      after: { conflictId: row.id, kind: row.kind },
    });
    return row;
  });
}
