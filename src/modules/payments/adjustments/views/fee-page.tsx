import { formatMoney, money } from '../../../../lib/money.js';
import { formatDateTime } from '../../../../views/format.js';
import {
  ChoiceField,
  ErrorSummary,
  Form,
  SelectField,
  TextArea,
  TextField,
} from '../../../../views/forms.js';
import { feeKindLabels } from '../../fee-payment.js';
import { awards } from '../policy.js';
import type { FeeAdjustmentsView } from '../use-cases/list-adjustments.js';
import { adjustmentKindLabels, methodLabels } from '../view.js';
import { feePath, PendingRequest } from './adjustments-page.js';

const entryLabels = {
  charge: 'Fee charged',
  payment: 'Payment',
  refund: 'Refund',
  waiver: 'Waived',
  award: 'Award',
} as const;

const stateLabels = {
  pending: 'Waiting',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** One fee for staff: its ledger, its requests, and the form to ask for a refund, waiver or award. */
export function FeePage(p: {
  view: FeeAdjustmentsView;
  viewerId: string;
  csrfToken: string;
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
  formError?: string | undefined;
}) {
  const { view } = p;
  const usd = (cents: number) => formatMoney(money(cents, view.fee.currency));
  const b = view.balance;
  const v = p.values ?? {};
  const title = `${feeKindLabels[view.fee.kind]}${view.application?.number ? ` for ${view.application.number}` : ''}`;
  return (
    <>
      <p>
        {view.application ? (
          <a href={`/staff/applications/${view.application.id}`}>
            Back to application {view.application.number}
          </a>
        ) : (
          <a href="/staff/payments/adjustments">Back to refunds, waivers and awards</a>
        )}
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={p.errors} />
      {p.formError && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{p.formError}</p>
        </div>
      )}
      <p>
        Payer: {view.payerName}. Charged {usd(b.chargedCents)}, paid {usd(b.netPaidCents)} (after refunds),
        waived or awarded {usd(b.waivedCents)}. {b.dueCents > 0 ? `${usd(b.dueCents)} due.` : 'Nothing due.'}
      </p>
      {view.refundOwedCents > 0 && (
        <p class="warning">
          <strong>Refund owed: {usd(view.refundOwedCents)}</strong>
        </p>
      )}
      <table>
        <caption>Ledger</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Entry</th>
            <th scope="col">Method</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {view.entries.map((e) => (
            <tr>
              <th scope="row">{formatDateTime(e.createdAt)}</th>
              <td>
                {entryLabels[e.kind]}
                {e.note && <span class="meta"> · {e.note}</span>}
                {e.kind === 'payment' && (
                  <>
                    {' '}
                    <a href={`/staff/payments/receipts/${e.id}.pdf`}>
                      Receipt (PDF)
                      <span class="visually-hidden"> for the payment of {usd(e.amountCents)}</span>
                    </a>
                  </>
                )}
              </td>
              <td>
                {methodLabels[e.method]}
                {e.reference ? ` (${e.reference})` : ''}
              </td>
              <td>{usd(e.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.pending ? (
        <>
          <h2>Waiting for approval</h2>
          <PendingRequest
            r={view.pending}
            viewerId={p.viewerId}
            csrfToken={p.csrfToken}
            errors={p.errors}
            values={p.values}
          />
        </>
      ) : (
        <>
          <h2>Ask for a refund, waiver or award</h2>
          <p>A different staff member approves it before it reaches the ledger.</p>
          <Form action={`${feePath(view.fee.id)}/adjustments`} csrfToken={p.csrfToken}>
            <ChoiceField
              name="kind"
              legend="What to do"
              options={[
                ['refund', 'Refund money paid'],
                ['waiver', 'Waive part or all of what is due'],
                ['award', 'Apply an award'],
              ]}
              value={v.kind}
              error={p.errors?.kind}
            />
            <TextField
              name="amount"
              label="Amount in dollars (refund or waiver)"
              hint={view.refundOwedCents > 0 ? `The refund owed is ${usd(view.refundOwedCents)}.` : undefined}
              inputMode="decimal"
              width="short"
              value={v.amount}
              error={p.errors?.amount}
            />
            <SelectField
              name="method"
              label="How the refund goes back"
              options={[
                ['check', 'Check'],
                ['card', 'Card (back through the card provider)'],
                ['bank_transfer', 'Bank transfer'],
              ]}
              placeholder="Choose (refunds only)"
              value={v.method}
              error={p.errors?.method}
            />
            <TextField
              name="reference"
              label="Reference (refund check number or transfer reference, optional)"
              width="medium"
              value={v.reference}
              error={p.errors?.reference}
            />
            <SelectField
              name="award"
              label="Award"
              options={awards.map((a) => [a.id, `${a.label} (${usd(a.amountCents)})`] as const)}
              placeholder="Choose (awards only)"
              value={v.award}
              error={p.errors?.award}
            />
            <TextArea
              name="reason"
              label="Reason (the payer reads it)"
              rows={3}
              value={v.reason}
              error={p.errors?.reason}
            />
            <button type="submit">Ask for approval</button>
          </Form>
        </>
      )}
      {view.adjustments.some((a) => a.state !== 'pending') && (
        <table>
          <caption>Earlier requests</caption>
          <thead>
            <tr>
              <th scope="col">Asked</th>
              <th scope="col">What</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {view.adjustments
              .filter((a) => a.state !== 'pending')
              .map((a) => (
                <tr>
                  <th scope="row">{formatDateTime(new Date(a.requestedAt))}</th>
                  <td>
                    {adjustmentKindLabels[a.kind]} of {a.amount}, asked by {a.requesterName}
                  </td>
                  <td>
                    {stateLabels[a.state]}
                    {a.deciderName ? ` by ${a.deciderName}` : ''}
                    {a.decisionNote ? `: ${a.decisionNote}` : ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </>
  );
}
