import { formatMoney } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatNumber } from '../../../views/format.js';
import { ErrorSummary, Form } from '../../../views/forms.js';
import { evidenceKindLabels, evidenceRoleLabels, roleOf } from '../labels.js';
import { progressSummary } from '../portfolio-progress.js';
import type { PortfolioView } from '../use-cases/view-portfolio.js';
import type { PortfolioOutcomeView } from '../use-cases/view-portfolio-outcome.js';
import { FeeNotice, portfolioTitle } from './candidate-common.js';
import { ResubmitStep } from './candidate-outcome.js';
import { MissingList } from './candidate-overview.js';

/** Check before submitting, then submit; once submitted, the fee and the card payment. */
export function CheckPage(p: {
  v: PortfolioView;
  csrfToken: string;
  /** The fee submitting will charge, e.g. "$60.00". */
  feeAmount: string;
  userId: string;
  errors?: FieldErrors | undefined;
  outcome?: PortfolioOutcomeView | undefined;
}) {
  const { v } = p;
  const resubmitting = v.portfolio.status === 'more_information';
  const base = `/portfolios/${v.portfolio.id}`;
  const canPay = v.owner && v.fee && !v.fee.settled && v.fee.payerUserId === p.userId;
  return (
    <>
      <h1>{v.draft ? 'Check and submit your portfolio' : `Portfolio ${v.portfolio.number}`}</h1>
      <p class="hint">{portfolioTitle(v)}</p>
      <ErrorSummary
        errors={p.errors}
        title={`Your portfolio is not ready to ${resubmitting ? 'resubmit' : 'submit'}`}
      />
      {p.outcome && <ResubmitStep v={v} o={p.outcome} csrfToken={p.csrfToken} level={2} />}
      <FeeNotice v={v} />
      {canPay && (
        <Form action={`${base}/checkout`} csrfToken={p.csrfToken}>
          <button type="submit">Pay {formatMoney(v.fee!.due)} by card</button>
        </Form>
      )}
      <h2>Evidence</h2>
      <p>{progressSummary(v.progress)}.</p>
      <table>
        <caption class="visually-hidden">Evidence by competency</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {v.progress.competencies.map((c) => {
            const items = v.evidence.filter((e) => e.competencyId === c.competency.id);
            return (
              <tr>
                <td>
                  <a href={`${base}/competencies/${c.competency.id}`}>
                    {c.competency.id} {c.competency.topic}
                  </a>
                </td>
                <td>
                  {items.length === 0 ? (
                    <span class="hint">None yet</span>
                  ) : (
                    <ul>
                      {items.map((e) => (
                        <li>
                          {e.title} ({evidenceRoleLabels[roleOf(e)].toLowerCase()},{' '}
                          {evidenceKindLabels[e.kind].toLowerCase()})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Personal Learning Statement</h2>
      <p>
        {v.progress.statementMissing
          ? 'Not written yet.'
          : `${formatNumber(v.progress.statementWords)} words.`}{' '}
        <a href={`${base}/statement`}>
          {v.statementEditable ? 'Change the statement' : 'Read the statement'}
        </a>
      </p>
      {v.draft && v.owner && (
        <>
          <h2>Submit</h2>
          {v.progress.complete ? (
            <p>
              Submitting gives your portfolio its number, charges the portfolio fee of {p.feeAmount} and{' '}
              <strong>locks the portfolio</strong>: after that you cannot change its evidence or statement.
              You can pay the fee by card straight away.
            </p>
          ) : (
            <>
              <p>Before you can submit:</p>
              <MissingList v={v} />
            </>
          )}
          <Form action={`${base}/submit`} csrfToken={p.csrfToken}>
            <button type="submit">Submit the portfolio</button>
          </Form>
        </>
      )}
      <p>
        <a href={base}>Back to the portfolio</a>
      </p>
    </>
  );
}
