import { formatNumber } from '../../views/format.js';
import type { ApplicationStatus } from '../applications/schema.js';
import { statusLabels } from './status.js';

const homeStatuses: ApplicationStatus[] = [
  'awaiting_check',
  'awaiting_payment',
  'in_review',
  'info_requested',
  'admitted',
  'rejected',
  'draft',
];

export function StaffHomePage({ counts }: { counts: Partial<Record<ApplicationStatus, number>> }) {
  return (
    <>
      <h1>Staff</h1>
      <h2>Applications</h2>
      <table>
        <caption>Applications by status</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Applications</th>
          </tr>
        </thead>
        <tbody>
          {homeStatuses.map((s) => (
            <tr>
              <th scope="row">
                {s === 'draft' ? (
                  statusLabels[s]
                ) : (
                  <a href={`/staff/applications?status=${s}`}>{statusLabels[s]}</a>
                )}
              </th>
              <td>{formatNumber(counts[s] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/staff/applications">All submitted applications</a>, oldest first.
      </p>
      <h2>Institutions</h2>
      <p>
        <a href="/staff/institutions">Institutions</a>: libraries and agencies that pay by purchase order,
        their invoices, and recording their payments.
      </p>
      <p>
        <a href="/staff/finance">Finance</a>: payments by day and method, outstanding invoices, refunds owed
        and the reconciliation of the ledger.
      </p>
      <h2>Course providers</h2>
      <p>
        <a href="/staff/providers">Course providers</a>: the organisations that offer courses, and their
        members.
      </p>
      <p>
        <a href="/staff/course-applications">Course applications</a>: evaluation and decisions.
      </p>
      <p>
        <a href="/staff/completion-claims">Completion claims</a>: completed courses that candidates reported
        and their providers have not confirmed.
      </p>
      <p>
        <a href="/staff/rosters">Completion rosters</a>: what providers reported, and rows still waiting to be
        matched to a candidate.
      </p>
      <h2>Portfolios</h2>
      <p>
        <a href="/staff/portfolios">Portfolios by stage</a>: awaiting payment or evaluators, in evaluation,
        overdue, waiting for more information, decided.{' '}
        <a href="/staff/portfolios/statistics">Evaluation statistics</a>: turnaround, outcomes and agreement
        between evaluators.
      </p>
      <p>
        <a href="/staff/portfolios/prereview">Portfolio pre-reviews</a>: draft portfolios whose candidates
        asked for comments before submitting.
      </p>
      <p>
        <a href="/staff/portfolios/webinars">Portfolio webinars</a>: the sessions candidates can join to
        prepare a portfolio.
      </p>
      <p>
        <a href="/staff/portfolios/assignment">Portfolio assignment</a>: paid portfolios waiting for
        evaluators, and <a href="/staff/portfolio-evaluators">portfolio evaluators</a> (sets, capacity,
        conflicts).
      </p>
      <h2>Colleges</h2>
      <p>
        <a href="/staff/colleges">Colleges and recognition agreements</a>: programs, their courses and the
        sets they cover, signed agreements.{' '}
        <a href="/staff/provisional-hours">Library work of provisional holders</a> waiting to be confirmed.
      </p>
      <h2>Certifications</h2>
      <p>
        <a href="/staff/certifications/approvals">Certification changes waiting for approval</a>: suspensions,
        revocations and reinstatements that need a second staff member.
      </p>
      <h2>Payments</h2>
      <p>
        <a href="/staff/payments/adjustments">Payment approvals and refunds</a>: refunds, waivers, awards,
        large checks and invoice payments waiting for a second staff member, and refunds owed.
      </p>
      <h2>Program</h2>
      <p>
        <a href="/staff/program">Program policy and framework in force</a>
      </p>
    </>
  );
}
