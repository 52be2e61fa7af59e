import type { Ctx } from '../../../platform/context.js';
import type { CompetencySet } from '../../policy/framework.js';
import { setTitleLookup } from '../assignment-service.js';
import { evaluatorProfileAccess, frameworkSets } from '../evaluator-access.js';
import {
  type EvaluatorConflictRow,
  type EvaluatorProfileRow,
  findEvaluatorProfile,
  listConflictsOf,
  listCurrentAssignmentsOf,
  loadOf,
  yearStartOf,
} from '../evaluator-repository.js';

export interface EvaluatorProfileView {
  evaluator: { id: string; email: string; displayName: string };
  /** Undefined until the profile is first saved. */
  profile: EvaluatorProfileRow | undefined;
  conflicts: EvaluatorConflictRow[];
  load: number;
  total: number;
  sets: CompetencySet[];
  asStaff: boolean;
  /** Portfolios assigned now: PF number, set, round and due date only. */
  assignments: Array<{ number: string; setTitle: string; round: number; dueOn: string; submitted: boolean }>;
}

/** An evaluator's profile with their declared conflicts and this year's load (own, or any for staff). */
export async function viewEvaluatorProfile(ctx: Ctx, userId: string): Promise<EvaluatorProfileView> {
  const access = await evaluatorProfileAccess(ctx.db, ctx.actor, userId);
  const [profile, conflicts, load, sets, current] = await Promise.all([
    findEvaluatorProfile(ctx.db, userId),
    listConflictsOf(ctx.db, userId),
    loadOf(ctx.db, userId, yearStartOf(ctx.clock.today())),
    frameworkSets(ctx.db),
    listCurrentAssignmentsOf(ctx.db, userId),
  ]);
  const setTitle = await setTitleLookup(ctx.db, current);
  const assignments = current.map((a) => ({
    number: a.number ?? '',
    setTitle: setTitle(a),
    round: a.round,
    dueOn: a.dueOn,
    submitted: a.submittedAt !== null,
  }));
  return {
    evaluator: access.evaluator,
    profile,
    conflicts,
    ...load,
    sets,
    asStaff: access.asStaff,
    assignments,
  };
}

/** The signed-in evaluator's own profile. */
export async function viewMyEvaluatorProfile(ctx: Ctx): Promise<EvaluatorProfileView> {
  return viewEvaluatorProfile(ctx, ctx.actor.kind === 'user' ? ctx.actor.userId : '');
}
