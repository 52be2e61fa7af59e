import { formatDateTime, formatNumber } from '../../../views/format.js';
import { progressSummary } from '../portfolio-progress.js';
import type { PortfolioView } from '../use-cases/view-portfolio.js';
import type { PortfolioOutcomeView } from '../use-cases/view-portfolio-outcome.js';
import { BlindReminder, FeeNotice, portfolioTitle, StatusTag } from './candidate-common.js';
import { OutcomeSection } from './candidate-outcome.js';

/** What is still missing before the portfolio can be submitted, each item linking to where to fix it. */
export function MissingList({ v }: { v: PortfolioView }) {
  const base = `/portfolios/${v.portfolio.id}`;
  const { lackingPrimary, statementMissing } = v.progress;
  return (
    <ul>
      {lackingPrimary.map((c) => (
        <li id={`f-${c.id}`}>
          <a href={`${base}/competencies/${c.id}`}>
            {c.id} {c.topic}
          </a>
          : no primary evidence yet
        </li>
      ))}
      {statementMissing && (
        <li id="f-statement">
          <a href={`${base}/statement`}>Personal Learning Statement</a>: not written yet
        </li>
      )}
    </ul>
  );
}

/** The portfolio at a glance: each competency's evidence, the statement, what is missing, the status. */
export function PortfolioOverview({
  v,
  outcome,
  csrfToken = '',
}: {
  v: PortfolioView;
  outcome?: PortfolioOutcomeView | undefined;
  csrfToken?: string;
}) {
  const p = v.portfolio;
  const base = `/portfolios/${p.id}`;
  const words = v.progress.statementWords;
  return (
    <>
      <h1>{portfolioTitle(v)}</h1>
      <p>
        <strong>Status:</strong> <StatusTag status={p.status} />
        {p.number && (
          <>
            {' '}
            · <strong>Number:</strong> {p.number}
          </>
        )}
      </p>
      {p.submittedAt && (
        <p>
          Submitted {formatDateTime(p.submittedAt)}.{' '}
          {p.status === 'more_information'
            ? 'Only the competencies the evaluators reopened can change now.'
            : 'The portfolio is locked: its evidence and statement can no longer be changed.'}
        </p>
      )}
      <FeeNotice v={v} />
      {outcome && <OutcomeSection v={v} o={outcome} csrfToken={csrfToken} />}
      {v.draft && v.owner && <BlindReminder />}
      <h2>Competencies</h2>
      <p class="lead">{progressSummary(v.progress)}.</p>
      <table>
        <caption class="visually-hidden">Evidence for each competency</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Evidence items</th>
            <th scope="col">Primary evidence</th>
          </tr>
        </thead>
        <tbody>
          {v.progress.competencies.map((c) => (
            <tr>
              <td>
                <a href={`${base}/competencies/${c.competency.id}`}>
                  {c.competency.id} {c.competency.topic}
                </a>
              </td>
              <td>{c.items}</td>
              <td>{c.primary > 0 ? <span class="tag ok">Yes</span> : <span class="tag">Not yet</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Personal Learning Statement</h2>
      <p>
        {words === 0
          ? 'Not written yet.'
          : `Saved: ${formatNumber(words)} ${words === 1 ? 'word' : 'words'}.`}{' '}
        <a href={`${base}/statement`}>
          {v.statementEditable
            ? words === 0
              ? 'Write the statement'
              : 'Change the statement'
            : 'Read the statement'}
        </a>
      </p>
      {v.draft && (
        <>
          <h2>Before you submit</h2>
          {v.progress.complete ? (
            <p>Every competency has primary evidence and the statement is written.</p>
          ) : (
            <>
              <p>Still missing:</p>
              <MissingList v={v} />
            </>
          )}
          {v.owner && (
            <p>
              Want a second pair of eyes first?{' '}
              <a href={`${base}/prereview`}>Ask program staff for a pre-review</a> or join a{' '}
              <a href="/portfolios/webinars">portfolio webinar</a>.
            </p>
          )}
        </>
      )}
      <p>
        <a href={`${base}/check`}>{v.draft ? 'Check and submit' : 'Submission and fee'}</a>
      </p>
      <p>
        <a href={v.owner ? '/portfolios' : '/staff'}>
          {v.owner ? 'All your portfolios' : 'Back to staff pages'}
        </a>
      </p>
    </>
  );
}
