import { evaluatorProfiles } from '../../src/modules/portfolios/schema.js';
import {
  saveEvaluatorProfile,
  setEvaluatorActive,
} from '../../src/modules/portfolios/use-cases/save-evaluator-profile.js';
import type { Journey } from './browser.js';
import { ctxOf } from './server-candidates.js';
import { createStaffMember, type StaffMember } from './server-users.js';

export interface PortfolioEvaluator extends StaffMember {
  id: string;
}

/**
 * A portfolio evaluator as the program office sets one up, with the real use cases: the account
 * with an authenticator app (evaluators need MFA like staff), then the profile the evaluator fills
 * in: the set they evaluate, a yearly capacity, the day they finished the training and their library.
 */
export async function createPortfolioEvaluator(
  journey: Journey,
  opts: { email: string; displayName: string; setId: string; employer: string; trainedOn: string },
): Promise<PortfolioEvaluator> {
  const member = await createStaffMember(journey, {
    email: opts.email,
    displayName: opts.displayName,
    roles: ['portfolio_evaluator'],
  });
  const ctx = await ctxOf(journey, member.email, ['portfolio_evaluator']);
  if (ctx.actor.kind !== 'user') throw new Error('expected a signed-in evaluator');
  const id = ctx.actor.userId;
  await saveEvaluatorProfile(ctx, id, {
    setIds: [opts.setId],
    yearlyCapacity: 12,
    trainingCompletedOn: opts.trainedOn,
    employer: opts.employer,
  });
  return { ...member, id };
}

/**
 * Staff stop every other active evaluator of the set from taking new portfolios, so the assignment
 * can only choose the journey's own evaluators. Returns how many were stopped.
 */
export async function keepOnlyEvaluators(
  journey: Journey,
  staffEmail: string,
  setId: string,
  keep: readonly PortfolioEvaluator[],
): Promise<number> {
  const ctx = await ctxOf(journey, staffEmail, ['staff']);
  const kept = new Set(keep.map((e) => e.id));
  const others = (await journey.services.db.select().from(evaluatorProfiles)).filter(
    (p) => p.active && p.setIds.includes(setId) && !kept.has(p.userId),
  );
  for (const p of others) await setEvaluatorActive(ctx, p.userId, false);
  return others.length;
}
