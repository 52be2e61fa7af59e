import { formatMoney, money } from '../../lib/money.js';
import type { FieldErrors } from '../../platform/errors.js';
import { formatDate } from '../../views/format.js';
import { Form, TextArea, TextField } from '../../views/forms.js';
import type { StaffApplicationView } from './use-cases/view-application.js';

export interface ActionFormState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** A refusal that belongs to no field, e.g. "This application is already admitted." */
  formError?: string | undefined;
  today: string;
  csrfToken: string;
}

/** The actions the application's state allows, each its own small form posting to its own address. */
export function ActionsSection({ view, state }: { view: StaffApplicationView; state: ActionFormState }) {
  const { actions, application } = view;
  const base = `/staff/applications/${application.id}`;
  const any = actions.requestInformation || actions.recordCheck || actions.admit || actions.reject;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {!any && <p>There is nothing to do on this application in its current state.</p>}
      {actions.recordCheck && view.fee && (
        <>
          <h3>Record a check</h3>
          <Form action={`${base}/check-payments`} csrfToken={state.csrfToken}>
            <TextField
              name="checkNumber"
              label="Check number"
              width="medium"
              value={state.values.checkNumber}
              error={state.errors.checkNumber}
            />
            <TextField
              name="amount"
              label="Amount in dollars"
              hint={`Still due: ${formatMoney(money(view.fee.balance.dueCents, view.fee.amount.currency))}`}
              inputMode="decimal"
              width="short"
              value={state.values.amount}
              error={state.errors.amount}
            />
            <TextField
              name="receivedOn"
              label="Date received"
              type="date"
              width="medium"
              value={state.values.receivedOn ?? state.today}
              error={state.errors.receivedOn}
            />
            <button type="submit">Record the check</button>
          </Form>
        </>
      )}
      {actions.admit && (
        <>
          <h3>Admit</h3>
          {view.admitPreview && (
            <p>
              Admitted today, {formatDate(view.admitPreview.admittedOn)}, the candidate's deadline will be{' '}
              {formatDate(view.admitPreview.deadlineOn)}.
            </p>
          )}
          <Form action={`${base}/admit`} csrfToken={state.csrfToken}>
            <button type="submit">Admit the applicant</button>
          </Form>
        </>
      )}
      {actions.requestInformation && (
        <>
          <h3>Ask for more information</h3>
          <Form action={`${base}/request-information`} csrfToken={state.csrfToken}>
            <TextArea
              name="message"
              label="Question for the candidate"
              hint="The candidate gets this by email and answers on their dashboard. The review waits for the answer."
              value={state.values.message}
              error={state.errors.message}
            />
            <button type="submit" class="secondary">
              Send the question
            </button>
          </Form>
        </>
      )}
      {actions.reject && (
        <>
          <h3>Reject as ineligible</h3>
          {view.fee && view.fee.balance.netPaidCents > 0 && (
            <p>
              The candidate has paid{' '}
              {formatMoney(money(view.fee.balance.netPaidCents, view.fee.amount.currency))}; it is owed back
              if the policy refunds ineligible applicants.
            </p>
          )}
          <Form action={`${base}/reject`} csrfToken={state.csrfToken}>
            <TextArea
              name="reason"
              label="Why the applicant is not eligible"
              hint="The candidate reads this in the email we send."
              value={state.values.reason}
              error={state.errors.reason}
            />
            <button type="submit" class="danger">
              Reject as ineligible
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
