import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDateTime } from '../../../views/format.js';
import { ErrorSummary, Form, SelectField } from '../../../views/forms.js';
import type { PanelAssignment, PortfolioAssignmentPanel } from '../use-cases/assign-portfolio-evaluators.js';

const statusLabels: Record<string, string> = {
  submitted: 'Submitted, waiting for evaluators',
  resubmitted: 'Resubmitted, waiting for evaluators',
  in_evaluation: 'In evaluation',
  more_information: 'More information requested',
  approved: 'Approved',
  not_satisfactory: 'Not satisfactory',
};

/** The form field for one slot's replacement: one per slot, so every id on the page is unique. */
export const slotField = (assignmentId: string) => `evaluator-${assignmentId}`;

const slotName = (position: number, per: number) =>
  position <= per ? `Evaluator ${position}` : 'Third evaluator';

function StateOf({ a, today }: { a: PanelAssignment; today: string }) {
  if (a.replacedAt) return <>Replaced on {formatDateTime(a.replacedAt)}</>;
  if (a.submittedAt) return <>Submitted on {formatDateTime(a.submittedAt)}</>;
  return (
    <>
      Due {formatCalendarDate(a.dueOn)} {a.dueOn < today && <span class="tag">Overdue</span>}
    </>
  );
}

export function AssignmentPanelPage(p: {
  v: PortfolioAssignmentPanel;
  csrfToken: string;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const pf = v.portfolio;
  const base = `/staff/portfolios/${pf.id}/assignment`;
  const waiting = pf.status === 'submitted' || pf.status === 'resubmitted';
  const firstDone =
    v.current.filter((a) => a.position <= v.perPortfolio && a.submittedAt).length === v.perPortfolio;
  const canAddThird =
    pf.status === 'in_evaluation' && firstDone && !v.current.some((a) => a.position > v.perPortfolio);
  const options = v.eligible.map(
    (e) => [e.id, `${e.displayName} (${e.email}), ${e.load} of ${e.capacity} this year`] as const,
  );
  return (
    <>
      <p>
        <a href="/staff/portfolios/assignment">Assign portfolio evaluators</a>
      </p>
      <h1>Evaluators for portfolio {pf.number}</h1>
      <ErrorSummary errors={p.errors} />
      <dl class="summary">
        <dt>Set</dt>
        <dd>{v.setTitle}</dd>
        <dt>Candidate</dt>
        <dd>{v.candidateName} (never shown to evaluators)</dd>
        <dt>Status</dt>
        <dd>
          {statusLabels[pf.status] ?? pf.status}
          {pf.round > 1 ? `, round ${pf.round}` : ''}
        </dd>
        <dt>Portfolio fee</dt>
        <dd>{!v.feeCharged ? 'None charged' : v.feeSettled ? 'Paid' : 'Not paid yet'}</dd>
      </dl>
      {waiting && (
        <>
          <h2>Send for evaluation</h2>
          {!v.feeSettled ? (
            <p>Evaluators are assigned once the portfolio fee is paid.</p>
          ) : v.shortfall ? (
            <p class="warning">This portfolio cannot be assigned now. {v.shortfall}</p>
          ) : (
            <Form action={base} csrfToken={p.csrfToken}>
              <p>The rule picks the least loaded eligible evaluators, as the batch does.</p>
              <button type="submit">Assign evaluators now</button>
            </Form>
          )}
        </>
      )}
      <h2>Current evaluators</h2>
      {v.current.length === 0 ? (
        <p>No evaluators are assigned to this round yet.</p>
      ) : (
        v.current.map((a) => (
          <section aria-labelledby={`slot-${a.id}`}>
            <h3 id={`slot-${a.id}`}>
              {slotName(a.position, v.perPortfolio)}: {a.evaluatorName}
            </h3>
            <p>
              {a.evaluatorEmail}. <StateOf a={a} today={v.today} />
            </p>
            {a.conflict && (
              <p class="warning">Conflict found since the assignment: {a.conflict}. Reassign this slot.</p>
            )}
            {!a.submittedAt && pf.status === 'in_evaluation' && (
              <Form action={`${base}/${a.id}/reassign`} csrfToken={p.csrfToken}>
                {options.length === 0 ? (
                  <p>Nobody else eligible is free to take this slot now.</p>
                ) : (
                  <>
                    <SelectField
                      name={slotField(a.id)}
                      label={`Give ${slotName(a.position, v.perPortfolio).toLowerCase()}'s place to`}
                      hint="Only evaluators who are eligible (qualified, trained, under capacity, no conflict), least loaded first."
                      placeholder="Choose an evaluator"
                      value={p.values?.[slotField(a.id)]}
                      error={p.errors?.[slotField(a.id)]}
                      options={options}
                    />
                    <button type="submit" class="secondary">
                      Reassign
                    </button>
                  </>
                )}
              </Form>
            )}
          </section>
        ))
      )}
      {canAddThird && (
        <Form action={`${base}/third`} csrfToken={p.csrfToken}>
          <p>Both evaluators have submitted. If their recommendations differ, a third evaluator rates.</p>
          <button type="submit" class="secondary">
            Add a third evaluator
          </button>
        </Form>
      )}
      <h2>Earlier assignments</h2>
      {v.history.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <caption>Replaced evaluators and earlier rounds</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Slot</th>
              <th scope="col">Evaluator</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {v.history.map((a) => (
              <tr>
                <td>{a.round}</td>
                <td>{slotName(a.position, v.perPortfolio)}</td>
                <td>{a.evaluatorName}</td>
                <td>
                  <StateOf a={a} today={v.today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
