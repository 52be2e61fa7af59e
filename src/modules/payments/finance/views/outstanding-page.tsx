import { formatDate, formatNumber } from '../../../../views/format.js';
import { Pagination } from '../../../../views/forms.js';
import { bucketLabels, OUTSTANDING_PATH } from '../labels.js';
import type { OutstandingInvoices } from '../use-cases/view-outstanding-invoices.js';
import { BackToFinance, CsvLink, usd } from './money.js';

const pastDue = (days: number) =>
  days <= 0 ? 'Not yet due' : days === 1 ? '1 day' : `${formatNumber(days)} days`;

export function OutstandingPage({ v }: { v: OutstandingInvoices }) {
  return (
    <>
      <BackToFinance />
      <h1>Outstanding invoices by age</h1>
      <p>Institution invoices not fully paid, as of {formatDate(v.today)}, oldest due date first.</p>
      <CsvLink href={`${OUTSTANDING_PATH}.csv`} what="all outstanding invoices" />
      <table>
        <caption>Owed by age</caption>
        <thead>
          <tr>
            <th scope="col">Age</th>
            <th scope="col">Invoices</th>
            <th scope="col">Owed</th>
          </tr>
        </thead>
        <tbody>
          {v.buckets.map((b) => (
            <tr>
              <th scope="row">{bucketLabels[b.bucket]}</th>
              <td>{formatNumber(b.count)}</td>
              <td>{usd(b.dueCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.invoices.length === 0 ? (
        <p>{v.total === 0 ? 'Every invoice is paid.' : 'No invoices on this page.'}</p>
      ) : (
        <table>
          <caption>Invoices not fully paid</caption>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Institution</th>
              <th scope="col">Due on</th>
              <th scope="col">Past due</th>
              <th scope="col">Total</th>
              <th scope="col">Paid</th>
              <th scope="col">Owed</th>
            </tr>
          </thead>
          <tbody>
            {v.invoices.map((i) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/invoices/${i.id}`}>{i.number}</a>
                </th>
                <td>{i.institutionName}</td>
                <td>{formatDate(i.dueOn)}</td>
                <td>{pastDue(i.daysPastDue)}</td>
                <td>{usd(i.totalCents, i.currency)}</td>
                <td>{usd(i.paidCents, i.currency)}</td>
                <td>{usd(i.dueCents, i.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={v.page}
        pageSize={v.pageSize}
        total={v.total}
        href={(n) => `${OUTSTANDING_PATH}?page=${n}`}
      />
    </>
  );
}
