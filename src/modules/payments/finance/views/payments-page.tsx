import { formatCalendarMonth } from '../../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../../views/format.js';
import { ErrorSummary, TextField } from '../../../../views/forms.js';
import { methodLabel, PAYMENTS_PATH } from '../labels.js';
import {
  type DayMethodFigures,
  MAX_DAYS_SHOWN_BY_DAY,
  type PaymentsByDay,
} from '../use-cases/view-payments-by-day.js';
import { BackToFinance, CsvLink, usd } from './money.js';

function Figures({ r }: { r: DayMethodFigures }) {
  return (
    <>
      <td>{formatNumber(r.paymentCount)}</td>
      <td>{usd(r.paymentCents)}</td>
      <td>{formatNumber(r.refundCount)}</td>
      <td>{usd(r.refundCents)}</td>
      <td>{usd(r.netCents)}</td>
    </>
  );
}

function FigureHeads({ first }: { first: string[] }) {
  return (
    <thead>
      <tr>
        {first.map((h) => (
          <th scope="col">{h}</th>
        ))}
        <th scope="col">Payments</th>
        <th scope="col">Paid in</th>
        <th scope="col">Refunds</th>
        <th scope="col">Refunded</th>
        <th scope="col">Net</th>
      </tr>
    </thead>
  );
}

function ByDay({ v }: { v: PaymentsByDay }) {
  return (
    <table>
      <caption>By day and method</caption>
      <FigureHeads first={['Day', 'Method']} />
      <tbody>
        {v.rows.map((r) => (
          <tr>
            <th scope="row">{formatDate(r.day)}</th>
            <td>{methodLabel(r.method)}</td>
            <Figures r={r} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A long period by month (a year by day is too long a page); each month links to its days. */
function ByMonth({ v }: { v: PaymentsByDay }) {
  return (
    <>
      <p>
        This period is longer than {MAX_DAYS_SHOWN_BY_DAY} days, so it is shown by month. Choose a month to
        see its days; the CSV download has every day.
      </p>
      <table>
        <caption>By month and method</caption>
        <FigureHeads first={['Month', 'Method']} />
        <tbody>
          {v.byMonth.map((r) => (
            <tr>
              <th scope="row">
                <a href={`${PAYMENTS_PATH}?from=${r.range.from}&to=${r.range.to}`}>
                  {formatCalendarMonth(r.range.from)}
                </a>
              </th>
              <td>{methodLabel(r.method)}</td>
              <Figures r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PaymentsPage(p: {
  v: PaymentsByDay | null;
  values: { from: string; to: string };
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const query = v ? `from=${v.range.from}&to=${v.range.to}` : '';
  return (
    <>
      <BackToFinance />
      <h1>Payments by day and method</h1>
      <ErrorSummary errors={p.errors} />
      <form method="get" action={PAYMENTS_PATH} class="filters" aria-label="Choose the period">
        <div class="search-row">
          <TextField name="from" label="From" type="date" value={p.values.from} error={p.errors?.from} />
          <TextField name="to" label="To" type="date" value={p.values.to} error={p.errors?.to} />
        </div>
        <div class="actions">
          <button type="submit">Show</button>
          <a href={PAYMENTS_PATH}>The last 30 days</a>
        </div>
      </form>
      {v && (
        <>
          <p>
            From {formatDate(v.range.from)} to {formatDate(v.range.to)} (days in UTC). Refunds are shown apart
            and taken off in the net.
          </p>
          <CsvLink href={`${PAYMENTS_PATH}.csv?${query}`} what="payments by day and method" />
          {v.rows.length === 0 ? (
            <p>No payments or refunds in this period.</p>
          ) : (
            <>
              <table>
                <caption>Totals by method</caption>
                <FigureHeads first={['Method']} />
                <tbody>
                  {v.byMethod.map((r) => (
                    <tr>
                      <th scope="row">{methodLabel(r.method)}</th>
                      <Figures r={r} />
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">All methods</th>
                    <Figures r={v.total} />
                  </tr>
                </tbody>
              </table>
              {v.showByMonth ? <ByMonth v={v} /> : <ByDay v={v} />}
            </>
          )}
        </>
      )}
    </>
  );
}
