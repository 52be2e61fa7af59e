import { formatMoney, money } from '../../../../lib/money.js';

/** Report figures are in the program's currency (US dollars). */
export const usd = (cents: number, currency = 'USD') => formatMoney(money(cents, currency));

export function BackToFinance() {
  return (
    <p>
      <a href="/staff/finance">Back to finance</a>
    </p>
  );
}

/** The same report as a file for a spreadsheet. */
export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <p>
      <a href={href} download>
        Download {what} as CSV
      </a>
    </p>
  );
}
