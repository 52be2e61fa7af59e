import { formatMoney } from '../../../lib/money.js';
import { portfolioStatusLabels } from '../labels.js';
import type { PortfolioRow } from '../repository.js';
import type { PortfolioView } from '../use-cases/view-portfolio.js';

/** Shown wherever the candidate adds evidence: evaluators must not be able to tell who they are. */
export function BlindReminder() {
  return (
    <div class="warning">
      <p>
        <strong>Keep names out of your evidence.</strong> Evaluators review portfolios without knowing whose
        they are. Remove or black out your name, your colleagues’ and patrons’ names, and the name of your
        library from files, pages and text before you add them.
      </p>
    </div>
  );
}

export function StatusTag({ status }: { status: PortfolioRow['status'] }) {
  const tone = status === 'approved' ? 'tag ok' : status === 'not_satisfactory' ? 'tag bad' : 'tag';
  return <span class={tone}>{portfolioStatusLabels[status]}</span>;
}

/** The fee once submitted: what is due (with the pay button on the check page), or that it is paid. */
export function FeeNotice({ v }: { v: PortfolioView }) {
  if (v.portfolio.status === 'draft' || v.portfolio.status === 'prereview_requested') return null;
  if (!v.fee)
    return v.readyForEvaluation ? (
      <p>There is no fee to pay: your portfolio goes to its evaluators.</p>
    ) : null;
  if (v.fee.settled)
    return (
      <p>
        The portfolio fee of {formatMoney(v.fee.amount)} is paid.
        {v.readyForEvaluation && ' Your portfolio goes to two evaluators, who know it only by its number.'}
      </p>
    );
  return (
    <div class="warning">
      <p>
        The portfolio fee of {formatMoney(v.fee.amount)} is due: {formatMoney(v.fee.due)}. Evaluation starts
        once it is paid.{' '}
        {v.owner && <a href={`/portfolios/${v.portfolio.id}/check`}>Pay the portfolio fee</a>}
      </p>
    </div>
  );
}

export const portfolioTitle = (v: { set: { code: string; title: string } }) =>
  `Portfolio: ${v.set.code} ${v.set.title}`;

/** A change refused because the portfolio is locked: the reason and the way back. */
export function LockedPage({ id, message }: { id: string; message: string }) {
  return (
    <>
      <h1>This portfolio cannot be changed</h1>
      <p>{message}</p>
      <p>
        <a href={`/portfolios/${id}`}>Back to the portfolio</a>
      </p>
    </>
  );
}
