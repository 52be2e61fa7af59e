import { addDays } from '../../lib/calendar-date.js';
import type { Actor, Ctx, Role, UserActor } from '../../platform/context.js';
import { completeSandboxCheckout } from '../payments/use-cases/complete-sandbox-checkout.js';
import { findSet } from '../policy/framework.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { listPortfolioAssignments } from '../portfolios/rating-repository.js';
import { addEvidence } from '../portfolios/use-cases/add-evidence.js';
import { assignPortfolioEvaluators } from '../portfolios/use-cases/assign-portfolio-evaluators.js';
import { saveEvaluatorProfile } from '../portfolios/use-cases/save-evaluator-profile.js';
import { savePortfolioRatings } from '../portfolios/use-cases/save-portfolio-ratings.js';
import { saveStatement } from '../portfolios/use-cases/save-statement.js';
import { startPortfolio } from '../portfolios/use-cases/start-portfolio.js';
import { startPortfolioCheckout } from '../portfolios/use-cases/start-portfolio-checkout.js';
import { submitPortfolio } from '../portfolios/use-cases/submit-portfolio.js';
import { submitPortfolioRatings } from '../portfolios/use-cases/submit-portfolio-ratings.js';
import { demoAccounts } from './demo-accounts.js';
import {
  catalogingEvidence,
  catalogingLinkEvidence,
  catalogingNotesFile,
  type DemoEvidence,
  type DemoRating,
  draftRatings,
  draftStatement,
  fullStatement,
  metComments,
  moreInfoRatings,
  partialSharing,
  thinEvidence,
} from './seed-demo-portfolio-content.js';

/** The demo portfolios are all for this set: the smallest, 8 competencies (CAT-1 to CAT-8). */
export const DEMO_PORTFOLIO_SET = 'cataloging-classification';

export const DEMO_PORTFOLIO_EMAILS = {
  building: 'portfolio@demo.lssc.example',
  inEvaluation: 'evaluation@demo.lssc.example',
  moreInformation: 'moreinfo@demo.lssc.example',
  firstEvaluator: 'portfolio.evaluator@demo.lssc.example',
  secondEvaluator: 'portfolio.evaluator2@demo.lssc.example',
} as const;

/**
 * The demo evaluators' profiles: qualified for the demo set and two others, trained, and working at
 * libraries none of the demo candidates has worked at (so no conflict keeps them off a portfolio).
 */
const evaluatorProfiles = {
  [DEMO_PORTFOLIO_EMAILS.firstEvaluator]: {
    setIds: [DEMO_PORTFOLIO_SET, 'technology', 'reference-information'],
    trainedDaysAgo: 120,
    employer: 'Lakeview County Library',
  },
  [DEMO_PORTFOLIO_EMAILS.secondEvaluator]: {
    setIds: [DEMO_PORTFOLIO_SET, 'collection-management', 'technology'],
    trainedDaysAgo: 45,
    employer: 'Millbrook Public Library',
  },
} as const;

function actorOf(email: string, userIds: Map<string, string>): Actor {
  const account = demoAccounts.find((a) => a.email === email);
  const userId = userIds.get(email);
  if (!account || !userId) throw new Error(`The demo account ${email} is missing.`);
  return {
    kind: 'user',
    userId,
    email,
    displayName: account.name,
    roles: account.roles as Role[],
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: account.roles.some((r) => r !== 'candidate'),
    via: 'session',
  };
}

type Ratings = Record<string, DemoRating>;
const asInput = (ratings: Ratings) => ({
  ratings: Object.entries(ratings).map(([competencyId, r]) => ({ competencyId, ...r })),
});

/**
 * Portfolios in the states the README promises, made through the same use cases people use (so
 * numbers, fees, ledger, assignments, ratings, outcome, mail and audit are what the system itself
 * produces): one being built, one with its evaluators, one sent back for more information.
 * Runs after the applications, which admit the three portfolio candidates.
 */
export async function seedDemoPortfolios(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const as = (email: string): Ctx => ({ ...ctx, actor: actorOf(email, userIds) });
  const staff = as(demoAccounts.find((a) => a.roles.includes('staff'))!.email);
  const first = as(DEMO_PORTFOLIO_EMAILS.firstEvaluator);
  const second = as(DEMO_PORTFOLIO_EMAILS.secondEvaluator);
  const today = ctx.clock.today();

  for (const [email, p] of Object.entries(evaluatorProfiles)) {
    const evaluator = as(email);
    await saveEvaluatorProfile(evaluator, userIds.get(email)!, {
      setIds: [...p.setIds],
      yearlyCapacity: 12,
      trainingCompletedOn: addDays(today, -p.trainedDaysAgo),
      employer: p.employer,
    });
  }

  const { framework } = await getActiveProgramData(ctx);
  const set = findSet(framework.framework, DEMO_PORTFOLIO_SET);
  if (!set) throw new Error(`The framework has no ${DEMO_PORTFOLIO_SET} set for the demo portfolios.`);
  const competencyIds = set.competencies.map((c) => c.id);

  await seedBuilding(as(DEMO_PORTFOLIO_EMAILS.building));

  // Both remaining portfolios go to both demo evaluators: they are the only ones in the pool.
  const inEvaluation = await submittedAndAssigned(
    as(DEMO_PORTFOLIO_EMAILS.inEvaluation),
    staff,
    competencyIds,
    {},
  );
  const moreInfo = await submittedAndAssigned(
    as(DEMO_PORTFOLIO_EMAILS.moreInformation),
    staff,
    competencyIds,
    thinEvidence,
  );

  // The second evaluator has submitted on the portfolio in evaluation; the first has a draft.
  const allMet = (except: Ratings): Ratings =>
    Object.fromEntries(competencyIds.map((id) => [id, except[id] ?? metComments[id]!]));
  await submitPortfolioRatings(
    second,
    await assignmentOf(ctx, inEvaluation, second),
    asInput(allMet({ 'CAT-6': partialSharing })),
  );
  await savePortfolioRatings(first, await assignmentOf(ctx, inEvaluation, first), asInput(draftRatings));

  // Both rated the other: each found one of CAT-5 and CAT-6 not met, so the outcome is more information.
  await submitPortfolioRatings(
    first,
    await assignmentOf(ctx, moreInfo, first),
    asInput(allMet(moreInfoRatings.first)),
  );
  await submitPortfolioRatings(
    second,
    await assignmentOf(ctx, moreInfo, second),
    asInput(allMet(moreInfoRatings.second)),
  );
}

const evidenceInput = (e: DemoEvidence) => ({
  fields: { kind: 'text', role: e.role, title: e.title, explanation: e.explanation, body: e.body },
  file: null,
});

/** A draft: three competencies evidenced (one by an uploaded file, one with a link too), a statement begun. */
async function seedBuilding(candidate: Ctx): Promise<void> {
  const portfolio = await startPortfolio(candidate, { setId: DEMO_PORTFOLIO_SET });
  await addEvidence(candidate, portfolio.id, 'CAT-1', evidenceInput(catalogingEvidence['CAT-1']!));
  const notes = catalogingNotesFile;
  await addEvidence(candidate, portfolio.id, 'CAT-2', {
    fields: { kind: 'file', role: 'primary', title: notes.title, explanation: notes.explanation },
    file: { fileName: notes.fileName, bytes: new TextEncoder().encode(notes.text), truncated: false },
  });
  await addEvidence(candidate, portfolio.id, 'CAT-3', evidenceInput(catalogingEvidence['CAT-3']!));
  await addEvidence(candidate, portfolio.id, 'CAT-3', {
    fields: { kind: 'link', ...catalogingLinkEvidence },
    file: null,
  });
  await saveStatement(candidate, portfolio.id, { statement: draftStatement });
}

/** A complete portfolio, submitted, its fee paid by card in the sandbox, and given its evaluators by staff. */
async function submittedAndAssigned(
  candidate: Ctx,
  staff: Ctx,
  competencyIds: readonly string[],
  replaced: Record<string, DemoEvidence>,
): Promise<string> {
  const portfolio = await startPortfolio(candidate, { setId: DEMO_PORTFOLIO_SET });
  for (const id of competencyIds) {
    const evidence = replaced[id] ?? catalogingEvidence[id];
    if (!evidence) throw new Error(`No demo evidence written for ${id}.`);
    await addEvidence(candidate, portfolio.id, id, evidenceInput(evidence));
  }
  await saveStatement(candidate, portfolio.id, { statement: fullStatement });
  const submitted = await submitPortfolio(candidate, portfolio.id);
  if (submitted.feeCharged) {
    const checkout = await startPortfolioCheckout(candidate, portfolio.id);
    await completeSandboxCheckout(candidate, checkout.checkoutId, { choice: 'pay' });
  }
  await assignPortfolioEvaluators(staff, portfolio.id, {});
  return portfolio.id;
}

async function assignmentOf(ctx: Ctx, portfolioId: string, evaluator: Ctx): Promise<string> {
  const { userId, email } = evaluator.actor as UserActor;
  const found = (await listPortfolioAssignments(ctx.db, portfolioId)).find(
    (a) => a.evaluatorId === userId && !a.replacedAt,
  );
  if (!found) throw new Error(`Demo portfolio ${portfolioId} was not assigned to ${email}.`);
  return found.id;
}
