import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney } from '../../../lib/money.js';
import { statusLabels } from '../../applications/labels.js';
import { portfolioStatusLabels } from '../../portfolios/labels.js';
import type { Dashboard } from '../use-cases/get-dashboard.js';

const howLabels = {
  course: 'an approved course',
  portfolio: 'a portfolio',
  agreement: 'a recognition agreement',
} as const;

export function DashboardPage({ d }: { d: Dashboard }) {
  const app = d.application;
  return (
    <>
      <h1>My certification</h1>
      <p class="lead">Hello {d.displayName}.</p>
      {app && (
        <p>
          <strong>Application:</strong> {statusLabels[app.status]}
          {app.number && ` (${app.number})`}
        </p>
      )}
      {d.fee && (
        <p>
          <a href="/payments/receipts">Your payments and receipts</a>
        </p>
      )}
      {d.infoRequest && (
        <div class="warning">
          <h2>Program staff asked you a question</h2>
          <p>{d.infoRequest}</p>
          <p>
            <a href="/application/respond">Answer it</a>
          </p>
        </div>
      )}
      {app?.status === 'rejected' && (
        <div class="warning">
          <h2>Your application was not accepted</h2>
          <p>{app.rejectionReason ?? 'Program staff did not give a reason.'}</p>
          {d.fee?.refunded && <p>We refunded {formatMoney(d.fee.refunded)} of your application fee.</p>}
          {d.fee?.refundOwed && (
            <p>Your application fee of {formatMoney(d.fee.refundOwed)} will be refunded to you.</p>
          )}
        </div>
      )}

      <h2>What to do next</h2>
      <ul>
        {d.nextSteps.map((s) => (
          <li>{s.href ? <a href={s.href}>{s.text}</a> : s.text}</li>
        ))}
      </ul>

      {app?.status === 'admitted' && d.progress.complete && (
        <p class="lead">
          You have met every requirement. <a href="/my-certification">See your certification</a>
        </p>
      )}
      {app?.status === 'admitted' && !d.progress.complete && d.deadline?.expired && (
        <p class="warning">
          Your deadline has passed. <a href="/my-certification">What you can do now</a>
        </p>
      )}
      {d.deadline && app?.admittedOn && (
        <>
          <h2>Your deadline</h2>
          <p class="lead">
            Complete the program by <strong>{formatCalendarDate(d.deadline.deadline)}</strong>.
          </p>
          <p>
            You were admitted on {formatCalendarDate(app.admittedOn)}. {d.deadline.timeLeft}
          </p>
        </>
      )}

      <h2>Your progress</h2>
      <ol class="timeline">
        {d.timeline.map((s) => (
          <li class={s.state === 'done' ? 'done' : s.state === 'current' ? 'current' : undefined}>
            {s.label}
            {s.date && <span class="hint"> · {formatCalendarDate(s.date)}</span>}
            {s.state === 'current' && <span class="visually-hidden"> (next step)</span>}
            {s.state === 'upcoming' && <span class="visually-hidden"> (not yet)</span>}
          </li>
        ))}
      </ol>

      <h2>Competency sets</h2>
      <p>
        {d.progress.summary}. You need all required sets and any {d.progress.electivesNeeded} electives
        {app?.admittedOn ? '' : ', once you are admitted'}. <span class="hint">{d.framework.title}</span>
      </p>
      <table>
        <caption>The competency sets</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Required or elective</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {d.sets.map((s) => (
            <tr>
              <td>{s.title}</td>
              <td>{s.required ? 'Required' : 'Elective'}</td>
              <td>
                {s.achieved ? (
                  <span class="tag ok">
                    Achieved on {formatCalendarDate(s.achieved.on)} by {howLabels[s.achieved.how]}
                  </span>
                ) : s.portfolio ? (
                  <a href={`/portfolios/${s.portfolio.id}`}>
                    Portfolio: {portfolioStatusLabels[s.portfolio.status].toLowerCase()}
                    <span class="visually-hidden"> ({s.title})</span>
                  </a>
                ) : (
                  <>
                    <span class="tag">Not started</span>
                    {app?.status === 'admitted' && (
                      <>
                        {' '}
                        <a href={`/portfolios?setId=${encodeURIComponent(s.id)}`}>
                          Build a portfolio<span class="visually-hidden"> for {s.title}</span>
                        </a>
                      </>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {app?.number && app.status !== 'rejected' && (
        <p>
          <a href="/completions/claim">Report a course you completed</a> ·{' '}
          <a href="/completions">Your course completions</a>
        </p>
      )}
    </>
  );
}
