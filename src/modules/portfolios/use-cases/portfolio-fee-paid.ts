import { formatMoney, money } from '../../../lib/money.js';
import type { Work } from '../../../platform/context.js';
import { findUserById } from '../../accounts/users-repository.js';
import type { FeeRow } from '../../payments/repository.js';
import type { FeeBalance } from '../../payments/rules/ledger.js';
import { portfolioMails } from '../mails.js';
import { setOfPortfolio } from '../portfolio-set.js';
import { findPortfolio } from '../repository.js';

/**
 * Called by the payments module, inside the payment's transaction, when money for a portfolio fee
 * is recorded. Once the fee is settled the portfolio (status "submitted", fee paid) is ready for
 * its evaluators: this records that in the audit trail and tells the candidate. The row is read,
 * not locked: the caller holds the fee lock, and taking the portfolio lock after it would invert
 * the order submission uses (portfolio, then fee).
 *
 * Returns true when it told the payer, so the generic receipt is not sent as well.
 */
export async function portfolioFeePaid(
  w: Work,
  fee: FeeRow,
  payment: { amountCents: number; method: 'card' | 'check' | 'bank_transfer'; at: Date },
  balance: FeeBalance,
): Promise<boolean> {
  if (!balance.settled) return false;
  const portfolio = await findPortfolio(w.tx, fee.subjectId);
  if (!portfolio?.number) return false;
  await w.audit({
    action: 'portfolio.fee_paid',
    subjectType: 'portfolio',
    subjectId: portfolio.id,
    after: { feeId: fee.id, status: portfolio.status, readyForEvaluation: portfolio.status === 'submitted' },
  });
  const candidate = await findUserById(w.tx, portfolio.candidateId);
  if (!candidate) return false;
  const set = await setOfPortfolio(w.tx, portfolio);
  await w.mail(
    portfolioMails.paid(candidate, {
      number: portfolio.number,
      setTitle: set.title,
      paid: formatMoney(money(payment.amountCents, fee.currency)),
      method: payment.method,
    }),
  );
  return true;
}
