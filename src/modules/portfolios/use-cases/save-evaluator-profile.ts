import { type Ctx, transact } from '../../../platform/context.js';
import { forbidden, validationFailed } from '../../../platform/errors.js';
import { parseInput } from '../../applications/validate.js';
import { evaluatorProfileAccess, frameworkSets } from '../evaluator-access.js';
import { evaluatorProfileSchema, staffEvaluatorProfileSchema } from '../evaluator-forms.js';
import {
  type EvaluatorProfileRow,
  findEvaluatorProfile,
  upsertEvaluatorProfile,
} from '../evaluator-repository.js';

/**
 * Save an evaluator's profile: the sets they evaluate, their yearly capacity, when they finished the
 * training, and their own library. Evaluators save their own; staff save anyone's and also decide
 * whether the evaluator is active (takes new portfolios). A first profile starts active.
 */
export async function saveEvaluatorProfile(
  ctx: Ctx,
  userId: string,
  raw: unknown,
): Promise<EvaluatorProfileRow> {
  const access = await evaluatorProfileAccess(ctx.db, ctx.actor, userId);
  const input = access.asStaff
    ? parseInput(staffEvaluatorProfileSchema, raw ?? {})
    : { ...parseInput(evaluatorProfileSchema, raw ?? {}), active: undefined };
  const known = new Set((await frameworkSets(ctx.db)).map((s) => s.id));
  const setIds = [...new Set(input.setIds)];
  if (!setIds.every((s) => known.has(s)))
    throw validationFailed({ setIds: 'Choose competency sets from the list' });
  if (input.trainingCompletedOn && input.trainingCompletedOn > ctx.clock.today())
    throw validationFailed({ trainingCompletedOn: 'The training date cannot be in the future' });
  return transact(ctx, async (w) => {
    const before = await findEvaluatorProfile(w.tx, userId);
    const row: EvaluatorProfileRow = {
      userId,
      // Framework order, so lists read the same everywhere.
      setIds: [...known].filter((s) => setIds.includes(s)),
      yearlyCapacity: input.yearlyCapacity,
      trainingCompletedOn: input.trainingCompletedOn,
      employer: input.employer,
      active: input.active ?? before?.active ?? true,
      updatedAt: ctx.clock.now(),
    };
    await upsertEvaluatorProfile(w.tx, row);
    const fields = ['setIds', 'yearlyCapacity', 'trainingCompletedOn', 'employer', 'active'] as const;
    const changed = fields.filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(row[k]));
    // The employer's name stays out of the audit log (kept forever); that it changed is recorded.
    const shown = (p: EvaluatorProfileRow | undefined) =>
      p && {
        setIds: p.setIds,
        yearlyCapacity: p.yearlyCapacity,
        trainingCompletedOn: p.trainingCompletedOn,
        active: p.active,
      };
    await w.audit({
      action: before ? 'evaluator_profile.updated' : 'evaluator_profile.created',
      subjectType: 'user',
      subjectId: userId,
      before: shown(before),
      after: { ...shown(row), changed },
    });
    return row;
  });
}

/** Staff: stop or resume giving an evaluator new portfolios (their current ones stay with them). */
export async function setEvaluatorActive(
  ctx: Ctx,
  userId: string,
  active: boolean,
): Promise<EvaluatorProfileRow> {
  const access = await evaluatorProfileAccess(ctx.db, ctx.actor, userId);
  if (!access.asStaff) throw forbidden('Only program staff can stop or resume an evaluator.');
  return transact(ctx, async (w) => {
    const before = await findEvaluatorProfile(w.tx, userId);
    if (!before)
      throw validationFailed({ active: 'This evaluator has no profile yet; fill in the profile first.' });
    const row = { ...before, active, updatedAt: ctx.clock.now() };
    await upsertEvaluatorProfile(w.tx, row);
    await w.audit({
      action: active ? 'evaluator_profile.activated' : 'evaluator_profile.deactivated',
      subjectType: 'user',
      subjectId: userId,
      before: { active: before.active },
      after: { active },
    });
    return row;
  });
}
