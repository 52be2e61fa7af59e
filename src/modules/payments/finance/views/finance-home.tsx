import { OUTSTANDING_PATH, PAYMENTS_PATH, RECONCILIATION_PATH, REFUNDS_OWED_PATH } from '../labels.js';

export function FinanceHomePage() {
  return (
    <>
      <p>
        <a href="/staff">Back to the staff home page</a>
      </p>
      <h1>Finance</h1>
      <p>Reports on the money the program received, is owed, and owes back. Each can be downloaded as CSV.</p>
      <ul>
        <li>
          <a href={PAYMENTS_PATH}>Payments by day and method</a>: money received, with refunds shown apart.
        </li>
        <li>
          <a href={OUTSTANDING_PATH}>Outstanding invoices by age</a>: institution invoices not fully paid.
        </li>
        <li>
          <a href={REFUNDS_OWED_PATH}>Refunds owed</a>: fees where the program holds money it owes back.
        </li>
        <li>
          <a href={RECONCILIATION_PATH}>Reconciliation</a>: the ledger checked against itself and its sources.
        </li>
      </ul>
    </>
  );
}
