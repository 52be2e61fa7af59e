import { minDate } from '../../../../lib/calendar-date.js';
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

export interface PaymentsByDay {
  range: DayRange;
  rows: DayMethodFigures[];
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
  return {
    range,
    rows: [...rows.values()],
    byMethod: [...byMethod.values()].sort((a, b) => a.method.localeCompare(b.method)),
    total,
  };
}
