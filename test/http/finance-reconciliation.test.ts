import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/modules/completions/rules/roster-csv.js';
import {
  institutions,
  invoiceLines,
  invoicePayments,
  invoices,
  purchaseOrders,
} from '../../src/modules/institutions/schema.js';
import {
  checkouts,
  fees,
  type LedgerEntryKind,
  type LedgerMethod,
  ledgerEntries,
} from '../../src/modules/payments/schema.js';
import { paymentEvents } from '../../src/modules/payments/stripe/schema.js';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { api, get, type TestSession } from '../support/sessions.js';
import { insertTestUser, staffMember, type UserRef } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const at = new Date('2026-11-02T12:00:00Z');

async function fee(t: TestApp, payer: UserRef): Promise<string> {
  const id = randomUUID();
  await t.services.db.insert(fees).values({
    id,
    kind: 'portfolio',
    subjectId: randomUUID(),
    payerUserId: payer.id,
    member: false,
    currency: 'USD',
    createdAt: at,
  });
  return id;
}

async function entry(
  t: TestApp,
  feeId: string,
  kind: LedgerEntryKind,
  amountCents: number,
  method: LedgerMethod = 'none',
  reference: string | null = null,
): Promise<string> {
  const id = randomUUID();
  await t.services.db
    .insert(ledgerEntries)
    .values({ id, feeId, kind, amountCents, method, reference, createdAt: at });
  return id;
}

async function checkout(t: TestApp, feeId: string, provider: 'sandbox' | 'stripe'): Promise<string> {
  const id = randomUUID();
  await t.services.db.insert(checkouts).values({
    id,
    feeId,
    provider,
    status: 'succeeded',
    amountCents: 35000,
    currency: 'USD',
    createdAt: at,
    completedAt: at,
  });
  return id;
}

/** An invoice of 350.00 with one payment and one line whose fee payment is the given ledger entry. */
async function invoicePaidTo(t: TestApp, by: UserRef, paidCents: number, entryId: string, n: number) {
  const db = t.services.db;
  const institutionId = randomUUID();
  await db.insert(institutions).values({
    id: institutionId,
    name: `Library ${n}`,
    kind: 'library',
    region: 'Iowa',
    billingAddress: '2 Elm Street',
    createdBy: by.id,
    createdAt: at,
    updatedAt: at,
  });
  const poId = randomUUID();
  await db.insert(purchaseOrders).values({
    id: poId,
    institutionId,
    poNumber: `PO-${n}`,
    amountCents: 35000,
    currency: 'USD',
    submittedBy: by.id,
    createdAt: at,
  });
  const id = randomUUID();
  const number = `INV-2026-90000${n}`;
  await db.insert(invoices).values({
    id,
    number,
    institutionId,
    purchaseOrderId: poId,
    totalCents: 35000,
    currency: 'USD',
    issuedOn: '2026-11-01',
    dueOn: '2026-12-01',
    createdAt: at,
  });
  await db.insert(invoicePayments).values({
    id: randomUUID(),
    invoiceId: id,
    method: 'check',
    amountCents: paidCents,
    reference: `CHK-${n}`,
    receivedOn: '2026-11-02',
    recordedBy: by.id,
    createdAt: at,
  });
  await db.insert(invoiceLines).values({
    id: randomUUID(),
    invoiceId: id,
    position: 1,
    name: 'Applicant',
    email: `applicant${n}@example.org`,
    amountCents: 35000,
    member: false,
    memberUnknown: false,
    feePaymentEntryId: entryId,
  });
  return { id, number };
}

describe.each(testBackends())('finance reconciliation on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let staffUser: UserRef;
  let payer: UserRef;
  const axe = httpAxe();

  beforeAll(async () => {
    t = await createTestApp(backend);
    ({ session: staff, user: staffUser } = await staffMember(t));
    payer = await insertTestUser(t, ['candidate'], 'Robin Payer');
  });
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  const reconciliation = async () => {
    const res = await api(t, 'GET', '/api/v1/staff/finance/reconciliation', { session: staff });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('finds nothing to reconcile in a consistent ledger, and totals each kind', async () => {
    const empty = await get(t, '/staff/finance/reconciliation', staff);
    expect(empty.statusCode).toBe(200);
    expect(empty.body.match(/Nothing to reconcile\./g)).toHaveLength(4);

    // A sandbox card payment (reference: the checkout), a Stripe one (reference: the payment intent an
    // event tied to the checkout), a check, a refund, a waiver and an award: all consistent.
    const sandboxFee = await fee(t, payer);
    await entry(t, sandboxFee, 'charge', 35000);
    await entry(t, sandboxFee, 'payment', 35000, 'card', await checkout(t, sandboxFee, 'sandbox'));
    await entry(t, sandboxFee, 'refund', 5000, 'card', 're_1');
    const stripeFee = await fee(t, payer);
    await entry(t, stripeFee, 'charge', 35000);
    await entry(t, stripeFee, 'award', 17500);
    await entry(t, stripeFee, 'payment', 17500, 'card', 'pi_good');
    await t.services.db.insert(paymentEvents).values({
      id: randomUUID(),
      provider: 'stripe',
      eventId: 'evt_good',
      type: 'checkout.session.completed',
      receivedAt: at,
      outcome: 'payment_recorded',
      checkoutId: await checkout(t, stripeFee, 'stripe'),
      paymentReference: 'pi_good',
    });
    const checkFee = await fee(t, payer);
    await entry(t, checkFee, 'charge', 32500);
    await entry(t, checkFee, 'waiver', 2500);
    const invoiceEntry = await entry(t, checkFee, 'payment', 30000, 'check', 'INV-2026-900001 CHK-1');
    await invoicePaidTo(t, staffUser, 35000, invoiceEntry, 1);

    const v = await reconciliation();
    expect(v.clean).toBe(true);
    expect(v.totals).toEqual([
      { kind: 'charge', count: 3, totalCents: 102500 },
      { kind: 'payment', count: 3, totalCents: 82500 },
      { kind: 'refund', count: 1, totalCents: 5000 },
      { kind: 'waiver', count: 1, totalCents: 2500 },
      { kind: 'award', count: 1, totalCents: 17500 },
    ]);
    const page = await get(t, '/staff/finance/reconciliation', staff);
    expect(page.body).toContain('Every check passed');
    expect(page.body).toContain('$1,025.00');
  });

  it('flags fabricated mismatches in every list, on the page, in JSON and in CSV', async () => {
    const overRefunded = await fee(t, payer);
    await entry(t, overRefunded, 'payment', 1000, 'check', 'CHK-9');
    await entry(t, overRefunded, 'refund', 1500, 'check', 'CHK-9-R');
    const ghostFee = await fee(t, payer);
    const ghost = await entry(t, ghostFee, 'payment', 35000, 'card', 'pi_ghost');
    const lostFee = await fee(t, payer);
    const lost = await checkout(t, lostFee, 'sandbox');
    const overpaidFee = await fee(t, payer);
    const tooMuch = await entry(t, overpaidFee, 'payment', 20000, 'check', 'INV-2026-900002 CHK-2');
    const invoice = await invoicePaidTo(t, staffUser, 10000, tooMuch, 2);

    const v = await reconciliation();
    expect(v.clean).toBe(false);
    expect(v.overRefunded).toEqual([
      { feeId: overRefunded, payerName: 'Robin Payer', paidCents: 1000, refundedCents: 1500 },
    ]);
    expect(v.cardPaymentsWithoutCheckout).toMatchObject([
      { ledgerEntryId: ghost, feeId: ghostFee, amountCents: 35000, reference: 'pi_ghost' },
    ]);
    expect(v.checkoutsWithoutPayment).toMatchObject([
      { checkoutId: lost, feeId: lostFee, provider: 'sandbox' },
    ]);
    expect(v.misallocatedInvoices).toEqual([
      {
        invoiceId: invoice.id,
        number: invoice.number,
        totalCents: 35000,
        paidCents: 10000,
        creditCents: 0,
        allocatedCents: 20000,
        wrongKind: 0,
      },
    ]);

    const page = await get(t, '/staff/finance/reconciliation', staff);
    expect(page.body).not.toContain('Nothing to reconcile.');
    expect(page.body).toContain('pi_ghost');
    expect(page.body).toContain(`href="/staff/invoices/${invoice.id}"`);
    if (axeTier && backend === 'pglite') await axe.expectAccessible(page.body, 'reconciliation');

    const csv = await get(t, '/staff/finance/reconciliation.csv', staff);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="reconciliation-2026-11-28\.csv"/,
    );
    const records = parseCsv(csv.body).records.map((r) => r.fields);
    expect(records[0]).toEqual(['Check', 'Subject', 'Detail', 'Count', 'Amount (USD)']);
    expect(records).toContainEqual([
      'Fee refunded beyond what was paid',
      overRefunded,
      'Robin Payer: paid 10.00',
      '1',
      '15.00',
    ]);
    expect(records).toContainEqual([
      'Card payment with no succeeded checkout',
      ghostFee,
      'pi_ghost',
      '1',
      '350.00',
    ]);
    expect(records).toContainEqual(['Succeeded checkout with no payment', lostFee, lost, '1', '350.00']);
    expect(records).toContainEqual([
      'Invoice payments not matching the ledger',
      invoice.number,
      'received 100.00, credit 0.00',
      '0',
      '200.00',
    ]);
  });
});
