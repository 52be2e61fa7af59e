import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { auditActions, mailTo } from '../support/factories.js';
import {
  acceptedInvitation,
  applicantList,
  appliedWithInstitution,
  feePayments,
  institutionWithContact,
  invitationToken,
  MEMBER,
  NON_MEMBER,
  ok,
  recordPayment,
  sendPo,
  statusOf,
  submitAsInvited,
} from '../support/institution-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

async function pdfText(t: TestApp, url: string, session: TestSession): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

const covered = (invoice: { lines: Array<{ covered: boolean }> }) => invoice.lines.map((l) => l.covered);

describe.each(testBackends())('institution invoices and payments on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let secondStaff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await signedInAs(t, ['staff']);
    secondStaff = await signedInAs(t, ['staff']);
  });
  afterAll(() => t.close());

  it('prints the invoice as a PDF: number, applicant lines, total and due date', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Bibliothèque Zoë');
    const people = [
      { name: 'Ngọc Trần', email: 'ngoc.pdf@example.org' },
      { name: 'Åsa Öberg', email: 'asa.pdf@example.org' },
    ];
    const invoice = await ok(
      sendPo(t, contact, institutionId, { poNumber: 'PO-PDF', amountCents: 70000, applicants: people }),
      201,
    );
    const text = await pdfText(t, `/institution/invoices/${invoice.id}/pdf`, contact);
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain('PO-PDF');
    expect(text).toContain('Bibliothèque Zoë');
    expect(text).toContain('Ngọc Trần');
    expect(text).toContain('asa.pdf@example.org');
    expect(text).toContain('$350.00');
    expect(text).toMatch(/Total \$700\.00/);
    expect(text).toContain('Due 28 December 2026');
    expect(text).toContain('non-member application fee');
    const viaApi = await pdfText(t, `/api/v1/institutions/invoices/${invoice.id}/pdf`, contact);
    expect(viaApi).toContain(invoice.number);
  });

  it('a partial payment covers lines in order; the rest covers the last; each fee gets its ledger entry', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Partial Library');
    const first = await appliedWithInstitution(t, institutionId, { member: true });
    const firstEmail = (await api(t, 'GET', '/api/v1/me', { session: first.session })).json().email as string;
    const [second, third] = applicantList(2, 'partial');
    const invoice = await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-P1',
        amountCents: MEMBER + 2 * NON_MEMBER,
        applicants: [{ name: 'First', email: firstEmail }, second, third],
      }),
      201,
    );
    // The second person applies before any money arrives; the third only after.
    const secondSession = await acceptedInvitation(t, second!.email);
    const secondApp = await submitAsInvited(t, secondSession);
    expect(secondApp.status).toBe('awaiting_payment');

    // Over the $500 approval limit: it counts only once a second staff member approves it.
    const recorded = await ok(
      recordPayment(t, staff, invoice.id, {
        method: 'check',
        amountCents: MEMBER + NON_MEMBER,
        reference: 'CHK-1',
        receivedOn: '2026-11-27',
      }),
      201,
    );
    expect(recorded.paymentState).toBe('pending');
    expect(covered(recorded)).toEqual([false, false, false]);
    expect(await feePayments(t, first.applicationId)).toEqual([]);
    const partial = await ok(
      api(t, 'POST', `/api/v1/institutions/invoices/${invoice.id}/payments/${recorded.paymentId}/approve`, {
        session: secondStaff,
      }),
    );
    expect(covered(partial)).toEqual([true, true, false]);
    expect(partial.dueCents).toBe(NON_MEMBER);
    expect(await statusOf(t, first.applicationId)).toBe('in_review');
    expect(await statusOf(t, secondApp.applicationId)).toBe('in_review');
    expect(await feePayments(t, first.applicationId)).toEqual([
      { amountCents: MEMBER, method: 'check', reference: `${invoice.number} CHK-1` },
    ]);
    expect(await feePayments(t, secondApp.applicationId)).toEqual([
      { amountCents: NON_MEMBER, method: 'check', reference: `${invoice.number} CHK-1` },
    ]);
    const contactView = await get(t, `/institution/invoices/${invoice.id}`, contact);
    expect(contactView.body.match(/<td>Covered<\/td>/g)).toHaveLength(2);
    expect(contactView.body.match(/<td>Not yet<\/td>/g)).toHaveLength(1);
    expect((await mailTo(t, contact.email)).some((m) => m.template === 'institution-payment-recorded')).toBe(
      true,
    );

    const rest = await ok(
      recordPayment(t, staff, invoice.id, {
        method: 'bank_transfer',
        amountCents: NON_MEMBER,
        reference: 'TRF 2026/11',
        receivedOn: '2026-11-28',
      }),
      201,
    );
    expect(covered(rest)).toEqual([true, true, true]);
    expect(rest.dueCents).toBe(0);
    expect(rest.creditCents).toBe(0);

    // Covered before applying: the third person's application moves on the moment it is submitted.
    const thirdSession = await acceptedInvitation(t, third!.email);
    const thirdApp = await submitAsInvited(t, thirdSession);
    expect(thirdApp.status).toBe('in_review');
    expect(await feePayments(t, thirdApp.applicationId)).toEqual([
      { amountCents: NON_MEMBER, method: 'bank_transfer', reference: `${invoice.number} TRF 2026/11` },
    ]);
    expect(await auditActions(t, 'invoice', invoice.id)).toEqual(
      expect.arrayContaining([
        'invoice.issued',
        'invoice.payment_pending',
        'invoice.payment_approved',
        'invoice.payment_recorded',
        'invoice.line_paid',
        'invoice.line_matched',
      ]),
    );
    const final = await ok(
      api(t, 'GET', `/api/v1/institutions/invoices/${invoice.id}`, { session: contact }),
    );
    expect(final.lines.map((l: { applicationNumber: string | null }) => l.applicationNumber)).toEqual([
      first.number,
      secondApp.number,
      thirdApp.number,
    ]);
  });

  it('records an overpayment as credit and refuses a repeated payment reference', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Credit Library');
    const invoice = await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-C',
        amountCents: NON_MEMBER,
        applicants: applicantList(1),
      }),
      201,
    );
    const body = {
      method: 'check',
      amountCents: NON_MEMBER + 5000,
      reference: '777',
      receivedOn: '2026-11-28',
    };
    const paid = await ok(recordPayment(t, staff, invoice.id, body), 201);
    expect(paid.creditCents).toBe(5000);
    const again = await recordPayment(t, staff, invoice.id, body);
    expect(again.statusCode).toBe(409);
    const found = await get(
      t,
      `/staff/institutions?invoice=${encodeURIComponent(` ${invoice.number.toLowerCase()} `)}`,
      staff,
    );
    expect(found.headers.location).toBe(`/staff/invoices/${invoice.id}`);
    const missing = await get(t, '/staff/institutions?invoice=INV-1999-000001', staff);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('No invoice has the number INV-1999-000001');
    const page = await get(t, `/staff/invoices/${invoice.id}`, staff);
    expect(page.body).toContain('$50.00 paid beyond the invoice');
    const form = await postForm(
      t,
      `/staff/invoices/${invoice.id}/payments`,
      { method: 'check', amount: '10', reference: '777', receivedOn: '2026-11-28' },
      staff,
    );
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain('already recorded on this invoice');
  });

  it('refuses bad payment input field by field, and posts without CSRF', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Payment Input Library');
    const invoice = await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-B',
        amountCents: NON_MEMBER,
        applicants: applicantList(1),
      }),
      201,
    );
    const good = { method: 'check', amount: '350.00', reference: '12', receivedOn: '2026-11-28' };
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ method: 'cash' }, 'method', /check or bank transfer/],
      [{ amount: '0' }, 'amount', /more than \$0\.00/],
      [{ amount: '-5' }, 'amount', /more than \$0\.00/],
      [{ amount: 'ten' }, 'amount', /dollars and cents/],
      [{ reference: '' }, 'reference', /check number or transfer reference/],
      [{ receivedOn: '2026-02-30' }, 'receivedOn', /real date/],
      [{ receivedOn: '2026-12-01' }, 'receivedOn', /future/],
    ];
    for (const [patch, field, message] of cases) {
      const res = await postForm(t, `/staff/invoices/${invoice.id}/payments`, { ...good, ...patch }, staff);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.body).toMatch(message);
      expect(res.body).toContain(`id="f-${field}-error"`);
    }
    const noCsrf = await postForm(t, `/staff/invoices/${invoice.id}/payments`, good, staff, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const view = await ok(api(t, 'GET', `/api/v1/institutions/invoices/${invoice.id}`, { session: contact }));
    expect(view.payments).toEqual([]);
  });

  it('an invitation works only for the address it was sent to, and only once', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Bound Library');
    const [person] = applicantList(1, 'bound');
    await ok(
      sendPo(t, contact, institutionId, { poNumber: 'PO-I', amountCents: NON_MEMBER, applicants: [person] }),
      201,
    );
    const token = await invitationToken(t, person!.email);
    const anonymous = await get(t, `/institution-invitations/apply?token=${token}`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Bound Library');
    const stranger = await signedInAs(t, ['candidate']);
    const refused = await postForm(t, '/institution-invitations/apply', { token }, stranger);
    expect(refused.statusCode).toBe(403);
    expect(
      (await postForm(t, '/institution-invitations/apply', { token: 'nonsense' }, stranger)).statusCode,
    ).toBe(400);
    await acceptedInvitation(t, person!.email);
    const other = await signedInAs(t, ['candidate']);
    expect((await postForm(t, '/institution-invitations/apply', { token }, other)).statusCode).toBe(403);
  });
});
