import { type Money, money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { policyFor } from '../../applications/own-application.js';
import { findCurrentApplication } from '../../applications/repository.js';
import { balanceOf, findFeeBySubject } from '../../payments/repository.js';
import type { Competency, CompetencySet } from '../../policy/framework.js';
import { feeFor } from '../../policy/policy.js';
import { draftStatuses, mayChange, portfolioForViewer } from '../access.js';
import { type PortfolioProgress, portfolioProgress } from '../portfolio-progress.js';
import { competencyOf, setOfPortfolio } from '../portfolio-set.js';
import { type EvidenceRow, findEvidence, listEvidence, type PortfolioRow } from '../repository.js';
import { evidenceNotFound } from './update-evidence.js';

export interface PortfolioFeeView {
  payerUserId: string;
  amount: Money;
  due: Money;
  settled: boolean;
}

export interface PortfolioView {
  portfolio: PortfolioRow;
  /** False for program staff reading it. */
  owner: boolean;
  set: CompetencySet;
  evidence: EvidenceRow[];
  progress: PortfolioProgress;
  /** The candidate may still submit it (a draft, or one waiting for pre-review). */
  draft: boolean;
  /** May the statement change now (false once submitted: the portfolio is locked)? */
  statementEditable: boolean;
  fee: PortfolioFeeView | null;
  /** Submitted and nothing left to pay: the portfolio waits for its evaluators. */
  readyForEvaluation: boolean;
}

/** The portfolio fee with what is still due; null before submission (or when the policy charged nothing). */
export async function portfolioFee(db: Queryable, portfolioId: string): Promise<PortfolioFeeView | null> {
  const fee = await findFeeBySubject(db, 'portfolio', portfolioId);
  if (!fee) return null;
  const { balance } = await balanceOf(db, fee.id);
  return {
    payerUserId: fee.payerUserId,
    amount: money(balance.chargedCents, fee.currency),
    due: money(Math.max(balance.dueCents, 0), fee.currency),
    settled: balance.settled,
  };
}

/**
 * The portfolio fee the candidate pays on submission: the member rate when their application
 * records an ALA membership, under the policy pinned at their admission.
 */
export async function submissionFee(
  db: Queryable,
  candidateId: string,
): Promise<{ fee: Money; member: boolean }> {
  const application = await findCurrentApplication(db, candidateId);
  const policy = await policyFor(db, application);
  const member = application?.alaMemberNumber != null;
  return { fee: feeFor(policy.policy, 'portfolio', member), member };
}

/** Everything the overview, the competency pages and the check page show. The candidate and staff only. */
export async function viewPortfolio(ctx: Ctx, id: string): Promise<PortfolioView> {
  const { portfolio, owner } = await portfolioForViewer(ctx.db, ctx.actor, id);
  const [set, evidence, fee] = await Promise.all([
    setOfPortfolio(ctx.db, portfolio),
    listEvidence(ctx.db, portfolio.id),
    portfolioFee(ctx.db, portfolio.id),
  ]);
  const draft = draftStatuses.includes(portfolio.status);
  return {
    portfolio,
    owner,
    set,
    evidence,
    progress: portfolioProgress(set, evidence, portfolio.statement),
    draft,
    statementEditable: owner && mayChange(portfolio, 'statement'),
    fee,
    readyForEvaluation: portfolio.status === 'submitted' && (fee === null || fee.settled),
  };
}

export interface CompetencyView extends PortfolioView {
  competency: Competency;
  items: EvidenceRow[];
  /** May the candidate add, change or remove evidence for this competency now? */
  editable: boolean;
  /** The competencies before and after this one, for "next" and "previous" links. */
  previous: Competency | null;
  next: Competency | null;
}

export async function viewCompetency(ctx: Ctx, id: string, competencyId: string): Promise<CompetencyView> {
  const v = await viewPortfolio(ctx, id);
  const competency = competencyOf(v.set, competencyId);
  const at = v.set.competencies.indexOf(competency);
  return {
    ...v,
    competency,
    items: v.evidence.filter((e) => e.competencyId === competency.id),
    editable: v.owner && mayChange(v.portfolio, { competencyId: competency.id }),
    previous: v.set.competencies[at - 1] ?? null,
    next: v.set.competencies[at + 1] ?? null,
  };
}

/** One evidence item of a portfolio the actor may see (for its page and its file download). */
export async function findEvidenceForViewer(
  ctx: Ctx,
  id: string,
  evidenceId: string,
): Promise<{ portfolio: PortfolioRow; evidence: EvidenceRow; owner: boolean }> {
  const { portfolio, owner } = await portfolioForViewer(ctx.db, ctx.actor, id);
  const evidence = UUID_PATTERN.test(evidenceId)
    ? await findEvidence(ctx.db, portfolio.id, evidenceId)
    : undefined;
  if (!evidence) throw evidenceNotFound();
  return { portfolio, evidence, owner };
}
