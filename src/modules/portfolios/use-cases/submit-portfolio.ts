import { formatMoney } from '../../../lib/money.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import { chargeFee } from '../../payments/charge-fee.js';
import { draftStatuses, portfolioForChange } from '../access.js';
import { portfolioMails } from '../mails.js';
import { formatPortfolioNumber, type PortfolioProgress, portfolioProgress } from '../portfolio-progress.js';
import { setOfPortfolio } from '../portfolio-set.js';
import { listEvidence, type PortfolioRow, transitionPortfolio } from '../repository.js';
import { submissionFee } from './view-portfolio.js';

export interface SubmitPortfolioResult {
  portfolio: PortfolioRow;
  /** True when this request found it already submitted (a double click or a retry). */
  alreadySubmitted: boolean;
  /** False when the policy charges nothing: then it goes to its evaluators at once. */
  feeCharged: boolean;
}

/** Exactly what stops submission, keyed by competency id (and "statement") for the check page. */
export function incompleteError(p: PortfolioProgress): DomainError {
  const fields: FieldErrors = {};
  for (const c of p.lackingPrimary) fields[c.id] = `${c.id} ${c.topic}: add primary evidence`;
  if (p.statementMissing) fields.statement = 'Write your Personal Learning Statement';
  const lacking = p.lackingPrimary.map((c) => c.id).join(', ');
  const parts = [
    p.lackingPrimary.length > 0
      ? `${p.lackingPrimary.length === 1 ? 'This competency has' : 'These competencies have'} no primary evidence yet: ${lacking}.`
      : '',
    p.statementMissing ? 'The Personal Learning Statement is not written yet.' : '',
  ].filter(Boolean);
  return new DomainError('APPLICATION_INCOMPLETE', `Your portfolio is not ready. ${parts.join(' ')}`, fields);
}

/**
 * Submit a complete portfolio: every competency has primary evidence and the statement is written.
 * Gives the PF number, charges the portfolio fee (member or non-member by the ALA membership on the
 * candidate's application), locks the portfolio and mails the candidate. The row lock and the
 * conditional status change make a repeated submit return the first result: one number, one fee.
 * It goes to evaluation once the fee is paid (see portfolio-fee-paid.ts).
 */
export async function submitPortfolio(ctx: Ctx, id: string): Promise<SubmitPortfolioResult> {
  return transact(ctx, async (w) => {
    const { user, portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    if (!draftStatuses.includes(portfolio.status))
      return { portfolio, alreadySubmitted: true, feeCharged: false };
    const set = await setOfPortfolio(w.tx, portfolio);
    const progress = portfolioProgress(set, await listEvidence(w.tx, portfolio.id), portfolio.statement);
    if (!progress.complete) throw incompleteError(progress);

    const { fee, member } = await submissionFee(w.tx, user.userId);
    const now = ctx.clock.now();
    const year = Number(ctx.clock.today().slice(0, 4));
    const number = portfolio.number ?? formatPortfolioNumber(year, await nextInSequence(w.tx, `PF-${year}`));
    const submitted = await transitionPortfolio(w.tx, portfolio.id, draftStatuses, {
      status: 'submitted',
      number,
      submittedAt: now,
      updatedAt: now,
    });
    if (!submitted) return { portfolio, alreadySubmitted: true, feeCharged: false };
    await w.audit({
      action: 'portfolio.submitted',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      before: { status: portfolio.status },
      after: {
        status: 'submitted',
        number,
        evidenceItems: progress.competencies.reduce((n, c) => n + c.items, 0),
        statementWords: progress.statementWords,
        feeCents: fee.amountCents,
        member,
        // With nothing to pay it is ready for its evaluators at once.
        readyForEvaluation: fee.amountCents === 0,
      },
    });
    if (fee.amountCents > 0) {
      await chargeFee(w, {
        kind: 'portfolio',
        subjectId: portfolio.id,
        payerUserId: user.userId,
        member,
        currency: fee.currency,
        amountCents: fee.amountCents,
        now,
      });
    }
    await w.mail(
      portfolioMails.submitted(user, {
        number,
        setTitle: set.title,
        fee: fee.amountCents > 0 ? formatMoney(fee) : null,
        link: `${ctx.config.baseUrl}/portfolios/${portfolio.id}`,
      }),
    );
    return { portfolio: submitted, alreadySubmitted: false, feeCharged: fee.amountCents > 0 };
  });
}
