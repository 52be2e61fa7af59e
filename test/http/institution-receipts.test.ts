import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import {
  applicantList,
  institutionWithContact,
  NON_MEMBER,
  ok,
  recordPayment,
  sendPo,
} from '../support/institution-factories.js';
import { get, signedInAs, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())("an institution's receipts for its invoice payments on %s", (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t.close());

  const fetchPdf = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  const textOf = async (url: string, session: TestSession) => {
    const res = await fetchPdf(url, session);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
  };

  it('gives one receipt per payment, numbered by the invoice, to the contact and staff only', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Bibliothèque Zoë');
    const invoice = await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-RCT-1',
        amountCents: 2 * NON_MEMBER,
        applicants: applicantList(2, 'receipt'),
      }),
      201,
    );
    const pay = (reference: string, amountCents: number) =>
      ok(
        recordPayment(t, staff, invoice.id, {
          method: reference.startsWith('BT') ? 'bank_transfer' : 'check',
          amountCents,
          reference,
          receivedOn: '2026-11-27',
        }),
        201,
      );
    await pay('10452', NON_MEMBER);
    await pay('BT-77', NON_MEMBER);
    const view = await ok(
      t.app.inject({
        method: 'GET',
        url: `/api/v1/institutions/invoices/${invoice.id}`,
        headers: { cookie: contact.cookie },
      }),
    );
    const [first, second] = view.payments as Array<{ id: string; receiptUrl: string }>;
    expect(second!.receiptUrl).toBe(
      `/api/v1/institutions/invoices/${invoice.id}/payments/${second!.id}/receipt.pdf`,
    );

    const page = await get(t, `/institution/invoices/${invoice.id}`, contact);
    expect(page.body).toContain(`/institution/invoices/${invoice.id}/payments/${first!.id}/receipt.pdf`);
    const one = await textOf(
      `/institution/invoices/${invoice.id}/payments/${first!.id}/receipt.pdf`,
      contact,
    );
    expect(one).toContain(`Receipt ${invoice.number}/1`);
    expect(one).toContain('Bibliothèque Zoë');
    expect(one).toContain(`Invoice ${invoice.number} (purchase order PO-RCT-1)`);
    expect(one).toContain('$350.00');
    expect(one).toContain('Check (10452)');
    expect(one).toContain('27 November 2026');
    const two = await textOf(
      `/api/v1/institutions/invoices/${invoice.id}/payments/${second!.id}/receipt.pdf`,
      contact,
    );
    expect(two).toContain(`Receipt ${invoice.number}/2`);
    expect(two).toContain('Bank transfer (BT-77)');
    const staffCopy = await textOf(`/staff/invoices/${invoice.id}/payments/${first!.id}/receipt.pdf`, staff);
    expect(staffCopy).toContain(`Receipt ${invoice.number}/1`);

    // Another institution's contact, a candidate and a visitor get nothing; a payment of another invoice neither.
    const other = await institutionWithContact(t, 'Other Library');
    const url = `/institution/invoices/${invoice.id}/payments/${first!.id}/receipt.pdf`;
    expect((await fetchPdf(url, other.contact)).statusCode).toBe(404);
    expect((await fetchPdf(url, await signedInAs(t, ['candidate']))).statusCode).toBe(404);
    const anonymous = await fetchPdf(url);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    const otherInvoice = await ok(
      sendPo(t, other.contact, other.institutionId, {
        poNumber: 'PO-RCT-2',
        amountCents: NON_MEMBER,
        applicants: applicantList(1, 'receipt-other'),
      }),
      201,
    );
    expect(
      (
        await fetchPdf(
          `/institution/invoices/${otherInvoice.id}/payments/${first!.id}/receipt.pdf`,
          other.contact,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await fetchPdf(`/staff/invoices/${invoice.id}/payments/${first!.id}/receipt.pdf`, contact)).statusCode,
    ).toBe(403);
  });
});
