import { addDays, addMonths, daysBetween, maxDate, minDate } from '../../../../lib/calendar-date.js';
import type { Ctx } from '../../../../platform/context.js';
import { requireRole } from '../../../accounts/access.js';
import { parseInput } from '../../../applications/validate.js';
import { closeLedgerDays, lastClosableDay } from '../day-totals-repository.js';
import { type DayRange, dayRangeOf, rangeQuerySchema } from '../range.js';
import { paymentsByDayAndMethod } from '../repository.js';

export interface DayMethodFigures {
  day: string;
  method: string;
  paymentCount: number;
  paymentCents: number;
  refundCount: number;
  refundCents: number;
  /** Payments less refunds. */
  netCents: number;
}

/** A calendar month (cut to the period) for one method: `day` is the month's first day in the period. */
export interface MonthMethodFigures extends DayMethodFigures {
  /** YYYY-MM */
  month: string;
  /** The month's days within the period, to link to them. */
  range: DayRange;
}

/** Periods longer than this are shown by month on the page (the CSV and API keep every day). */
export const MAX_DAYS_SHOWN_BY_DAY = 62;

export interface PaymentsByDay {
  range: DayRange;
  rows: DayMethodFigures[];
  /** The rows summed per month and method, by month then method. */
  byMonth: MonthMethodFigures[];
  /** Whether the page shows the period by month rather than by day. */
  showByMonth: boolean;
  /** One line per method over the whole period, then the grand total (method "all"). */
  byMethod: DayMethodFigures[];
  total: DayMethodFigures;
}

const empty = (day: string, method: string): DayMethodFigures => ({
  day,
  method,
  paymentCount: 0,
  paymentCents: 0,
  refundCount: 0,
  refundCents: 0,
  netCents: 0,
});

function add(into: DayMethodFigures, kind: 'payment' | 'refund', count: number, cents: number) {
  if (kind === 'payment') {
    into.paymentCount += count;
    into.paymentCents += cents;
    into.netCents += cents;
  } else {
    into.refundCount += count;
    into.refundCents += cents;
    into.netCents -= cents;
  }
}

/** Money in (payments) and out (refunds shown apart) per day and method, for a period of days. */
export async function viewPaymentsByDay(ctx: Ctx, raw: unknown): Promise<PaymentsByDay> {
  requireRole(ctx.actor, 'staff', 'admin');
  const today = ctx.clock.today();
  const range = dayRangeOf(parseInput(rangeQuerySchema, raw ?? {}), today);
  // Summarise the period's past days not yet summarised (a cache fill: read from the ledger only).
  await closeLedgerDays(ctx.db, {
    from: range.from,
    through: minDate(range.to, lastClosableDay(today)),
    now: ctx.clock.now(),
  });
  const found = await paymentsByDayAndMethod(ctx.db, range, today);
  const rows = new Map<string, DayMethodFigures>();
  const byMethod = new Map<string, DayMethodFigures>();
  const total = empty(range.to, 'all');
  for (const r of found) {
    const key = `${r.day} ${r.method}`;
    if (!rows.has(key)) rows.set(key, empty(r.day, r.method));
    if (!byMethod.has(r.method)) byMethod.set(r.method, empty(range.to, r.method));
    add(rows.get(key)!, r.kind, r.count, r.totalCents);
    add(byMethod.get(r.method)!, r.kind, r.count, r.totalCents);
    add(total, r.kind, r.count, r.totalCents);
  }
  const dayRows = [...rows.values()];
  return {
    range,
    rows: dayRows,
    byMonth: sumByMonth(dayRows, range),
    showByMonth: daysBetween(range.from, range.to) + 1 > MAX_DAYS_SHOWN_BY_DAY,
    byMethod: [...byMethod.values()].sort((a, b) => a.method.localeCompare(b.method)),
    total,
  };
}

/** Day rows (in day order) summed per month and method, each month cut to the period. */
export function sumByMonth(rows: DayMethodFigures[], range: DayRange): MonthMethodFigures[] {
  const months = new Map<string, MonthMethodFigures>();
  for (const r of rows) {
    const month = r.day.slice(0, 7);
    const key = `${month} ${r.method}`;
    let into = months.get(key);
    if (!into) {
      const first = `${month}-01`;
      const monthRange = {
        from: maxDate(first, range.from),
        to: minDate(addDays(addMonths(first, 1), -1), range.to),
      };
      into = { ...empty(monthRange.from, r.method), month, range: monthRange };
      months.set(key, into);
    }
    into.paymentCount += r.paymentCount;
    into.paymentCents += r.paymentCents;
    into.refundCount += r.refundCount;
    into.refundCents += r.refundCents;
    into.netCents += r.netCents;
  }
  return [...months.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.method.localeCompare(b.method),
  );
}
