/**
 * Money is a whole number of minor units (cents) with an ISO 4217 currency code. Integers keep
 * fee sums and refunds exact; floating-point dollars would drift (0.1 + 0.2).
 * Every currency the program charges in has two decimal places, so "cents" is literal.
 */
export interface Money {
  amountCents: number;
  currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

export function money(amountCents: number, currency = 'USD'): Money {
  if (!Number.isSafeInteger(amountCents)) {
    throw new RangeError(`Money must be a whole number of cents, got ${amountCents}`);
  }
  if (!CURRENCY_CODE.test(currency)) {
    throw new RangeError(`Currency must be a three-letter ISO 4217 code, got ${JSON.stringify(currency)}`);
  }
  return { amountCents, currency };
}

/** "$1,325.00" for US dollars (the program's own currency); "EUR 12.00" for anything else. */
export function formatMoney(m: Money): string {
  const sign = m.amountCents < 0 ? '-' : '';
  const absolute = Math.abs(m.amountCents);
  const whole = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const amount = `${whole}.${String(absolute % 100).padStart(2, '0')}`;
  return m.currency === 'USD' ? `${sign}$${amount}` : `${sign}${m.currency} ${amount}`;
}

export function addMoney(a: Money, b: Money): Money {
  return money(a.amountCents + b.amountCents, sameCurrency(a, b));
}

export function subtractMoney(a: Money, b: Money): Money {
  return money(a.amountCents - b.amountCents, sameCurrency(a, b));
}

/** Adding dollars to euros is a bug, not a conversion: refuse it. */
function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
  return a.currency;
}
