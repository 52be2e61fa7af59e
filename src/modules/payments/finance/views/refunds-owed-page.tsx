import type { RefundOwed } from '../../adjustments/use-cases/list-adjustments.js';
import { feePath } from '../../adjustments/views/adjustments-page.js';
import { REFUNDS_OWED_PATH } from '../labels.js';
import { BackToFinance, CsvLink, usd } from './money.js';

export const owedWhy = (why: RefundOwed['why']) =>
  why === 'rejected' ? 'Application not accepted' : 'Paid more than was due';

export function RefundsOwedPage({ owed }: { owed: RefundOwed[] }) {
  const total = owed.reduce((n, o) => n + o.owedCents, 0);
  return (
    <>
      <BackToFinance />
      <h1>Refunds owed</h1>
      <p>
        Fees where the program holds money it owes back. Refunds are asked for and approved on{' '}
        <a href="/staff/payments/adjustments">refunds, waivers and awards</a>.
      </p>
      <CsvLink href={`${REFUNDS_OWED_PATH}.csv`} what="refunds owed" />
      {owed.length === 0 ? (
        <p>No refunds are owed.</p>
      ) : (
        <table>
          <caption>Refunds owed: {usd(total)} in all</caption>
          <thead>
            <tr>
              <th scope="col">Fee</th>
              <th scope="col">Payer</th>
              <th scope="col">Why</th>
              <th scope="col">Owed</th>
            </tr>
          </thead>
          <tbody>
            {owed.map((o) => (
              <tr>
                <th scope="row">
                  <a href={feePath(o.feeId)}>
                    {o.applicationNumber ? `Application ${o.applicationNumber}` : 'Fee'}
                  </a>
                </th>
                <td>{o.payerName}</td>
                <td>{owedWhy(o.why)}</td>
                <td>{usd(o.owedCents, o.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
