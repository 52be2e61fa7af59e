import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { auditActions, mailTo } from '../support/factories.js';
import {
  acceptedInvitation,
  applicantList,
  appliedWithInstitution,
  feePayments,
  institutionWithContact,
  MEMBER,
  NON_MEMBER,
  ok,
  recordPayment,
  sendPo,
  statusOf,
  submitAsInvited,
} from '../support/institution-factories.js';
import { follow } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Decision = 'approve' | 'decline' | 'withdraw';
const RECEIVED = '2026-11-27';
const covered = (invoice: { lines: Array<{ covered: boolean }> }) => invoice.lines.map((l) => l.covered);

describe.each(testBackends())(
  'invoice payments over the approval limit need a second staff member on %s',
  (backend) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend);
    });
    const axe = httpAxe();
    afterAll(async () => {
      await axe.close();
      await t.close();
    });

    /** A fresh staff member (with MFA passed) for each role in a test, so mail and permissions are theirs alone. */
    const staffNamed = (name: string) => signedInAs(t, ['staff'], { name });

    /** An institution whose invoice names `applied` people who already applied, then `invited` who have not. */
    async function invoiceWith(name: string, poNumber: string, applied: number, invited = 0) {
      const { contact, institutionId } = await institutionWithContact(t, name);
      const people = [];
      for (let i = 0; i < applied; i++) {
        const a = await appliedWithInstitution(t, institutionId);
        const email = (await api(t, 'GET', '/api/v1/me', { session: a.session })).json().email as string;
        people.push({ ...a, email });
      }
      const invitees = applicantList(invited, `${poNumber.toLowerCase()}-invited`);
      const invoice = await ok(
        sendPo(t, contact, institutionId, {
          poNumber,
          amountCents: (applied + invited) * NON_MEMBER,
          applicants: [...people.map((p, i) => ({ name: `Applied ${i + 1}`, email: p.email })), ...invitees],
        }),
        201,
      );
      return { contact, institutionId, invoice, people, invitees };
    }

    const pay = (
      staff: TestSession,
      invoiceId: string,
      amountCents: number,
      reference: string,
      method = 'check',
    ) => recordPayment(t, staff, invoiceId, { method, amountCents, reference, receivedOn: RECEIVED });

    const decide = (
      session: TestSession,
      invoiceId: string,
      paymentId: string,
      d: Decision,
      body?: unknown,
    ) =>
      api(t, 'POST', `/api/v1/institutions/invoices/${invoiceId}/payments/${paymentId}/${d}`, {
        session,
        ...(body !== undefined ? { body } : {}),
      });

    const invoiceJson = (session: TestSession, invoiceId: string) =>
      ok(api(t, 'GET', `/api/v1/institutions/invoices/${invoiceId}`, { session }));

    const templates = async (email: string) => (await mailTo(t, email)).map((m) => m.template);

    const fetchAs = (url: string, session?: TestSession) =>
      t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
    const pdfText = async (url: string, session: TestSession) => {
      const res = await fetchAs(url, session);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
      return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const receiptUrl = (invoiceId: string, paymentId: string) =>
      `/staff/invoices/${invoiceId}/payments/${paymentId}/receipt.pdf`;

    it('a check over $500 is pending: it covers no one, pays no fee, mails no contact and has no receipt', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const other = await staffNamed('Omar Other');
      const { contact, invoice, people } = await invoiceWith('Pending Library', 'PO-PEND', 2);
      const recorded = await ok(pay(recorder, invoice.id, 2 * NON_MEMBER, 'CHK-9001'), 201);
      expect(recorded.paymentState).toBe('pending');
      expect(recorded.paidCents).toBe(0);
      expect(recorded.dueCents).toBe(2 * NON_MEMBER);
      expect(covered(recorded)).toEqual([false, false]);
      expect(recorded.payments).toEqual([]);
      const paymentId = recorded.paymentId as string;

      for (const p of people) {
        expect(await feePayments(t, p.applicationId)).toEqual([]);
        expect(await statusOf(t, p.applicationId)).toBe('awaiting_payment');
      }
      expect(await templates(contact.email)).not.toContain('institution-payment-recorded');
      expect(await auditActions(t, 'invoice', invoice.id)).toContain('invoice.payment_pending');
      expect(await auditActions(t, 'invoice', invoice.id)).not.toContain('invoice.payment_recorded');

      // The contact sees nothing of it; staff see it as pending.
      const forContact = await invoiceJson(contact, invoice.id);
      expect(forContact).toMatchObject({ paidCents: 0, payments: [], uncountedPayments: [] });
      const forStaff = await invoiceJson(other, invoice.id);
      expect(forStaff.paidCents).toBe(0);
      expect(forStaff.uncountedPayments).toEqual([
        {
          id: paymentId,
          state: 'pending',
          method: 'check',
          amountCents: 2 * NON_MEMBER,
          reference: 'CHK-9001',
          receivedOn: RECEIVED,
          recordedBy: recorder.userId,
          decisionNote: null,
        },
      ]);
      const contactPage = await get(t, `/institution/invoices/${invoice.id}`, contact);
      expect(contactPage.statusCode).toBe(200);
      expect(contactPage.body).not.toContain('CHK-9001');
      expect(contactPage.body).not.toContain('Waiting for approval');

      // No receipt for money that does not count.
      expect((await fetchAs(receiptUrl(invoice.id, paymentId), other)).statusCode).toBe(404);
      expect(
        (await fetchAs(`/institution/invoices/${invoice.id}/payments/${paymentId}/receipt.pdf`, contact))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await fetchAs(
            `/api/v1/institutions/invoices/${invoice.id}/payments/${paymentId}/receipt.pdf`,
            contact,
          )
        ).statusCode,
      ).toBe(404);

      // Listed for a second staff member: API, the approvals page and the invoice page.
      const list = await ok(
        api(t, 'GET', '/api/v1/institutions/pending-invoice-payments', { session: other }),
      );
      expect(list.payments).toContainEqual({
        id: paymentId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        institutionName: 'Pending Library',
        method: 'check',
        amountCents: 2 * NON_MEMBER,
        reference: 'CHK-9001',
        receivedOn: RECEIVED,
        recordedBy: recorder.userId,
        recordedByName: 'Rita Recorder',
        recordedAt: expect.any(String),
      });
      const approvals = await get(t, '/staff/payments/adjustments', other);
      expect(approvals.statusCode).toBe(200);
      expect(approvals.body).toContain('Invoice payments waiting for approval');
      expect(approvals.body).toContain(`href="/staff/invoices/${invoice.id}#payment-${paymentId}"`);
      expect(approvals.body).toContain(invoice.number);
      expect(approvals.body).toContain('Rita Recorder');
      const staffPage = await get(t, `/staff/invoices/${invoice.id}`, other);
      expect(staffPage.statusCode).toBe(200);
      expect(staffPage.body).toContain('Waiting for approval');
      expect(staffPage.body).toContain(`id="payment-${paymentId}"`);
      expect(staffPage.body).toContain('Check of $700.00, reference CHK-9001');
      expect(staffPage.body).toContain('No payment recorded yet.');
    });

    it('only a different staff member approves; approval covers the applicants, pays the fees and mails both sides', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const approver = await staffNamed('Aaron Approver');
      const third = await staffNamed('Thea Third');
      const { contact, invoice, people } = await invoiceWith('Approval Library', 'PO-APPR', 2);
      const { paymentId } = await ok(pay(recorder, invoice.id, 2 * NON_MEMBER, 'CHK-2001'), 201);

      const ownApprove = await decide(recorder, invoice.id, paymentId, 'approve');
      expect(ownApprove.statusCode).toBe(403);
      expect(ownApprove.json().detail).toContain('different staff member');
      expect(
        (await decide(recorder, invoice.id, paymentId, 'decline', { note: 'Changed my mind.' })).statusCode,
      ).toBe(403);
      const still = await invoiceJson(approver, invoice.id);
      expect(still.paidCents).toBe(0);
      expect(still.uncountedPayments.map((u: { state: string }) => u.state)).toEqual(['pending']);
      for (const p of people) expect(await feePayments(t, p.applicationId)).toEqual([]);

      t.clock.advance(60_000);
      const approved = await ok(decide(approver, invoice.id, paymentId, 'approve'));
      expect(covered(approved)).toEqual([true, true]);
      expect(approved).toMatchObject({ paidCents: 2 * NON_MEMBER, dueCents: 0, creditCents: 0 });
      expect(approved.uncountedPayments).toEqual([]);
      expect(approved.payments).toEqual([
        expect.objectContaining({ id: paymentId, amountCents: 2 * NON_MEMBER, reference: 'CHK-2001' }),
      ]);
      for (const p of people) {
        expect(await statusOf(t, p.applicationId)).toBe('in_review');
        expect(await feePayments(t, p.applicationId)).toEqual([
          { amountCents: NON_MEMBER, method: 'check', reference: `${invoice.number} CHK-2001` },
        ]);
      }
      expect(await templates(contact.email)).toContain('institution-payment-recorded');
      const toRecorder = (await mailTo(t, recorder.email)).filter((m) =>
        m.template.startsWith('institution-'),
      );
      expect(toRecorder.map((m) => m.template)).toEqual(['institution-payment-approved']);
      expect(toRecorder[0]!.text).toContain('Aaron Approver approved the payment you recorded');
      expect(toRecorder[0]!.text).toContain(invoice.number);
      expect(await auditActions(t, 'invoice', invoice.id)).toEqual(
        expect.arrayContaining(['invoice.payment_pending', 'invoice.payment_approved', 'invoice.line_paid']),
      );

      const receipt = await pdfText(receiptUrl(invoice.id, paymentId), approver);
      expect(receipt).toContain(`Receipt ${invoice.number}/1`);
      expect(receipt).toContain('Check (CHK-2001)');
      expect(receipt).toContain('$700.00');

      const again = await decide(third, invoice.id, paymentId, 'approve');
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('already approved');
      expect((await decide(third, invoice.id, paymentId, 'decline', { note: 'Too late.' })).statusCode).toBe(
        409,
      );
      expect((await decide(recorder, invoice.id, paymentId, 'withdraw')).statusCode).toBe(409);
      for (const p of people) expect(await feePayments(t, p.applicationId)).toHaveLength(1);
    });

    it('exactly $500.00 counts at once; one cent more waits', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const { invoice } = await invoiceWith('Threshold Library', 'PO-500', 2);
      const atLimit = await ok(pay(recorder, invoice.id, 50_000, 'CHK-500'), 201);
      expect(atLimit.paymentState).toBe('approved');
      expect(atLimit.paidCents).toBe(50_000);
      expect(covered(atLimit)).toEqual([true, false]);
      expect(atLimit.uncountedPayments).toEqual([]);
      const over = await ok(pay(recorder, invoice.id, 50_001, 'CHK-501'), 201);
      expect(over.paymentState).toBe('pending');
      expect(over.paidCents).toBe(50_000);
      expect(covered(over)).toEqual([true, false]);
    });

    it('a decline needs a note, never counts and frees the reference; only the recorder withdraws', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const decider = await staffNamed('Dana Decider');
      const { contact, invoice, people } = await invoiceWith('Decline Library', 'PO-DECL', 2);
      const { paymentId } = await ok(pay(recorder, invoice.id, 60_000, 'CHK-3001'), 201);

      for (const note of ['', '   ']) {
        const empty = await decide(decider, invoice.id, paymentId, 'decline', { note });
        expect(empty.statusCode, note).toBe(400);
        expect(empty.json().errors).toEqual([{ field: 'note', message: expect.any(String) }]);
      }
      expect((await invoiceJson(decider, invoice.id)).uncountedPayments[0].state).toBe('pending');

      t.clock.advance(60_000);
      const declined = await ok(
        decide(decider, invoice.id, paymentId, 'decline', { note: 'The check bounced.' }),
      );
      expect(declined.paidCents).toBe(0);
      expect(declined.payments).toEqual([]);
      expect(covered(declined)).toEqual([false, false]);
      expect(declined.uncountedPayments).toEqual([
        expect.objectContaining({ id: paymentId, state: 'declined', decisionNote: 'The check bounced.' }),
      ]);
      for (const p of people) expect(await feePayments(t, p.applicationId)).toEqual([]);
      expect(await templates(contact.email)).not.toContain('institution-payment-recorded');
      const declinedMail = (await mailTo(t, recorder.email)).find(
        (m) => m.template === 'institution-payment-declined',
      );
      expect(declinedMail?.text).toContain('Dana Decider declined the payment you recorded');
      expect(declinedMail?.text).toContain('Their note: The check bounced.');
      expect((await decide(decider, invoice.id, paymentId, 'approve')).statusCode).toBe(409);
      expect((await fetchAs(receiptUrl(invoice.id, paymentId), decider)).statusCode).toBe(404);

      // The same check number can be recorded again (say, the check was re-issued).
      const again = await ok(pay(recorder, invoice.id, 60_000, 'CHK-3001'), 201);
      expect(again.paymentState).toBe('pending');
      expect(again.paymentId).not.toBe(paymentId);
      // While it is pending the reference is taken.
      expect((await pay(recorder, invoice.id, 60_000, 'CHK-3001')).statusCode).toBe(409);

      const notTheirs = await decide(decider, invoice.id, again.paymentId, 'withdraw');
      expect(notTheirs.statusCode).toBe(403);
      t.clock.advance(60_000);
      const withdrawn = await ok(decide(recorder, invoice.id, again.paymentId, 'withdraw'));
      expect(withdrawn.paidCents).toBe(0);
      expect(withdrawn.uncountedPayments).toEqual([
        expect.objectContaining({ id: paymentId, state: 'declined' }),
        expect.objectContaining({ id: again.paymentId, state: 'withdrawn', decisionNote: null }),
      ]);
      // A withdrawal is the recorder's own act: no decision mail.
      expect((await templates(recorder.email)).filter((m) => m.startsWith('institution-payment-'))).toEqual([
        'institution-payment-declined',
      ]);
      expect(await auditActions(t, 'invoice', invoice.id)).toEqual(
        expect.arrayContaining(['invoice.payment_declined', 'invoice.payment_withdrawn']),
      );

      const page = await get(t, `/staff/invoices/${invoice.id}`, decider);
      expect(page.body).toContain('Payments that did not count');
      expect(page.body).toContain('declined by Dana Decider: The check bounced.');
      expect(page.body).toContain('withdrawn by the staff member who recorded it');
      expect(page.body).not.toContain('Waiting for approval');
      const list = await ok(
        api(t, 'GET', '/api/v1/institutions/pending-invoice-payments', { session: decider }),
      );
      expect(list.payments.filter((p: { invoiceId: string }) => p.invoiceId === invoice.id)).toEqual([]);
    });

    it('receipt numbers follow the order payments began to count, so they never change', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const approver = await staffNamed('Aaron Approver');
      const { contact, invoice } = await invoiceWith('Receipt Order Library', 'PO-ORDER', 2, 1);
      const a = await ok(pay(recorder, invoice.id, 60_000, 'CHK-A'), 201);
      expect(a.paymentState).toBe('pending');
      t.clock.advance(60_000);
      const b = await ok(pay(recorder, invoice.id, NON_MEMBER, 'BT-B', 'bank_transfer'), 201);
      expect(b.paymentState).toBe('approved');
      const bBefore = await pdfText(receiptUrl(invoice.id, b.paymentId), recorder);
      expect(bBefore).toContain(`Receipt ${invoice.number}/1`);
      expect(bBefore).toContain('Bank transfer (BT-B)');

      t.clock.advance(60_000);
      await ok(decide(approver, invoice.id, a.paymentId, 'approve'));
      const aText = await pdfText(receiptUrl(invoice.id, a.paymentId), approver);
      expect(aText).toContain(`Receipt ${invoice.number}/2`);
      expect(aText).toContain('Check (CHK-A)');
      const bAfter = await pdfText(receiptUrl(invoice.id, b.paymentId), approver);
      expect(bAfter).toContain(`Receipt ${invoice.number}/1`);
      const forContact = await invoiceJson(contact, invoice.id);
      expect(forContact.payments.map((p: { id: string }) => p.id)).toEqual([b.paymentId, a.paymentId]);
      expect(forContact.paidCents).toBe(60_000 + NON_MEMBER);
    });

    it('keeps receipt numbers when the clock has not moved: a payment approved later counts after', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const approver = await staffNamed('Aaron Approver');
      const { contact, invoice } = await invoiceWith('Frozen Clock Library', 'PO-FROZEN', 2, 1);
      // No clock advance between the steps: all three happen at the same instant.
      const a = await ok(pay(recorder, invoice.id, 60_000, 'CHK-FA'), 201);
      const b = await ok(pay(recorder, invoice.id, NON_MEMBER, 'BT-FB', 'bank_transfer'), 201);
      expect(await pdfText(receiptUrl(invoice.id, b.paymentId), recorder)).toContain(
        `Receipt ${invoice.number}/1`,
      );
      await ok(decide(approver, invoice.id, a.paymentId, 'approve'));
      expect(await pdfText(receiptUrl(invoice.id, b.paymentId), recorder)).toContain(
        `Receipt ${invoice.number}/1`,
      );
      expect(await pdfText(receiptUrl(invoice.id, a.paymentId), recorder)).toContain(
        `Receipt ${invoice.number}/2`,
      );
      const forContact = await invoiceJson(contact, invoice.id);
      expect(forContact.payments.map((p: { id: string }) => p.id)).toEqual([b.paymentId, a.paymentId]);
    });

    it('two staff members approving at the same moment: one wins, the other gets 409, each fee is paid once', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const first = await staffNamed('Fay First');
      const second = await staffNamed('Sam Second');
      const { contact, invoice, people } = await invoiceWith('Race Library', 'PO-RACE', 2);
      const { paymentId } = await ok(pay(recorder, invoice.id, 2 * NON_MEMBER, 'CHK-RACE'), 201);
      t.clock.advance(60_000);
      const results = await Promise.all([
        decide(first, invoice.id, paymentId, 'approve'),
        decide(second, invoice.id, paymentId, 'approve'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      for (const p of people) {
        expect(await feePayments(t, p.applicationId)).toEqual([
          { amountCents: NON_MEMBER, method: 'check', reference: `${invoice.number} CHK-RACE` },
        ]);
      }
      const actions = await auditActions(t, 'invoice', invoice.id);
      expect(actions.filter((a) => a === 'invoice.payment_approved')).toHaveLength(1);
      expect(actions.filter((a) => a === 'invoice.line_paid')).toHaveLength(2);
      expect(
        (await templates(contact.email)).filter((m) => m === 'institution-payment-recorded'),
      ).toHaveLength(1);
      expect(
        (await templates(recorder.email)).filter((m) => m === 'institution-payment-approved'),
      ).toHaveLength(1);
      expect((await invoiceJson(contact, invoice.id)).paidCents).toBe(2 * NON_MEMBER);
    });

    it('candidates and institution contacts cannot decide or list pending payments; anonymous callers must sign in', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const { contact, invoice, people } = await invoiceWith('Access Library', 'PO-ACCESS', 1);
      const { paymentId } = await ok(pay(recorder, invoice.id, 60_000, 'CHK-ACC'), 201);
      const candidate = await signedInAs(t, ['candidate']);
      const applicant = people[0]!.session;
      for (const session of [candidate, contact, applicant]) {
        for (const d of ['approve', 'decline', 'withdraw'] as const) {
          const res = await decide(
            session,
            invoice.id,
            paymentId,
            d,
            d === 'decline' ? { note: 'No.' } : undefined,
          );
          expect(res.statusCode, `${d} as ${session.email}`).toBe(403);
        }
        const list = await api(t, 'GET', '/api/v1/institutions/pending-invoice-payments', { session });
        expect(list.statusCode).toBe(403);
      }
      // Anonymous, with a valid anonymous CSRF token (so it is the missing sign-in that refuses it).
      const csrf = await t.app.inject({ method: 'GET', url: '/api/v1/session/csrf' });
      const anonCookie = ([] as string[])
        .concat(csrf.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0]!)
        .join('; ');
      for (const d of ['approve', 'decline', 'withdraw'] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/institutions/invoices/${invoice.id}/payments/${paymentId}/${d}`,
          headers: { cookie: anonCookie, 'x-csrf-token': csrf.json().csrfToken },
          ...(d === 'decline' ? { payload: { note: 'No.' } } : {}),
        });
        expect(res.statusCode, d).toBe(401);
      }
      expect((await api(t, 'GET', '/api/v1/institutions/pending-invoice-payments')).statusCode).toBe(401);
      // The page forms refuse them too, and the approvals page is for staff only.
      for (const session of [candidate, contact]) {
        const res = await postForm(
          t,
          `/staff/invoices/${invoice.id}/payments/${paymentId}/approve`,
          {},
          session,
        );
        // Refused before any invoice is shown: not the staff page (with its payment forms) under a 403.
        expect(res.statusCode, `page approve as ${session.email}`).toBe(403);
        expect(res.body).not.toContain('Record a payment');
        expect(res.body).not.toContain(invoice.number);
        expect((await get(t, '/staff/payments/adjustments', session)).statusCode).toBe(403);
      }
      const state = await invoiceJson(recorder, invoice.id);
      expect(state.uncountedPayments.map((u: { state: string }) => u.state)).toEqual(['pending']);
      expect(state.paidCents).toBe(0);
    });

    it('works without JavaScript: record, see the buttons, approve, and decline with an error next to the note', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const approver = await staffNamed('Aaron Approver');
      const { invoice, people } = await invoiceWith('Form Library', 'PO-FORM', 3);
      const url = `/staff/invoices/${invoice.id}`;
      const recorded = await postForm(
        t,
        `${url}/payments`,
        { method: 'check', amount: '1,050.00', reference: 'CHK-FORM', receivedOn: RECEIVED },
        recorder,
      );
      expect(recorded.statusCode, recorded.body.slice(0, 300)).toBe(303);
      expect(recorded.headers.location).toBe(url);
      const shown = await follow(t, recorded, recorder);
      expect(shown.body).toContain('waiting for approval');
      expect(shown.body).toContain('a different staff member must approve it');
      const [pending] = (await invoiceJson(approver, invoice.id)).uncountedPayments as Array<{ id: string }>;
      const base = `${url}/payments/${pending!.id}`;
      // The recorder may only withdraw.
      expect(shown.body).toContain(`action="${base}/withdraw"`);
      expect(shown.body).not.toContain(`action="${base}/approve"`);
      expect(shown.body).not.toContain(`action="${base}/decline"`);
      const ownApprove = await postForm(t, `${base}/approve`, {}, recorder);
      expect(ownApprove.statusCode).toBe(403);
      expect(ownApprove.body).toContain('a different staff member must approve it');

      const forApprover = await get(t, url, approver);
      expect(forApprover.body).toContain(`action="${base}/approve"`);
      expect(forApprover.body).toContain(`action="${base}/decline"`);
      expect(forApprover.body).not.toContain(`action="${base}/withdraw"`);
      expect(forApprover.body).toContain('Rita Recorder');

      t.clock.advance(60_000);
      const approved = await postForm(t, `${base}/approve`, {}, approver);
      expect(approved.statusCode, approved.body.slice(0, 300)).toBe(303);
      expect(approved.headers.location).toBe(url);
      const after = await follow(t, approved, approver);
      expect(after.body).toContain('Payment approved: it now counts.');
      expect(after.body.match(/<td>Covered/g)).toHaveLength(3);
      for (const p of people) {
        expect(after.body).toContain(p.number);
        expect(await statusOf(t, p.applicationId)).toBe('in_review');
      }
      expect(after.body).not.toContain('Waiting for approval');
      expect(after.body).toContain('Receipt (PDF)');

      // Two more pending payments; declining one without a note shows the error at that one only.
      const p2 = await ok(pay(recorder, invoice.id, 60_000, 'CHK-EXTRA-1'), 201);
      const p3 = await ok(pay(recorder, invoice.id, 70_000, 'CHK-EXTRA-2'), 201);
      const noNote = await postForm(t, `${url}/payments/${p2.paymentId}/decline`, { note: ' ' }, approver);
      expect(noNote.statusCode).toBe(400);
      expect(noNote.body).toContain(`id="f-note-${p2.paymentId}-error"`);
      expect(noNote.body).toContain(`aria-describedby="f-note-${p2.paymentId}-error"`);
      expect(noNote.body).not.toContain(`id="f-note-${p3.paymentId}-error"`);
      expect(noNote.body).toContain('Say why you decline');
      const state = await invoiceJson(approver, invoice.id);
      expect(state.uncountedPayments.map((u: { state: string }) => u.state)).toEqual(['pending', 'pending']);

      const declined = await postForm(
        t,
        `${url}/payments/${p2.paymentId}/decline`,
        { note: 'No such check arrived.' },
        approver,
      );
      expect(declined.statusCode).toBe(303);
      const afterDecline = await follow(t, declined, approver);
      expect(afterDecline.body).toContain('Payment declined.');
      expect(afterDecline.body).toContain('declined by Aaron Approver: No such check arrived.');
      const withdrawn = await postForm(t, `${url}/payments/${p3.paymentId}/withdraw`, {}, recorder);
      expect(withdrawn.statusCode).toBe(303);
      expect((await follow(t, withdrawn, recorder)).body).toContain('Payment withdrawn.');
      const noCsrf = await postForm(t, `${url}/payments/${p2.paymentId}/approve`, {}, approver, {
        csrf: false,
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it.skipIf(!axeTier || backend !== 'pglite')(
      'the staff invoice page with a payment waiting for approval passes axe, for both staff members',
      async () => {
        const recorder = await staffNamed('Rita Recorder');
        const approver = await staffNamed('Aaron Approver');
        const { invoice } = await invoiceWith('Axe Library', 'PO-AXE', 2);
        const { paymentId } = await ok(pay(recorder, invoice.id, 2 * NON_MEMBER, 'CHK-AXE'), 201);
        const url = `/staff/invoices/${invoice.id}`;
        const own = await get(t, url, recorder);
        expect(own.body).toContain('Withdraw the payment');
        expect(own.body).not.toContain('Approve: the money arrived');
        await axe.expectAccessible(own.body, 'staff invoice page, the recorder');
        const theirs = await get(t, url, approver);
        expect(theirs.body).toContain('Approve: the money arrived');
        await axe.expectAccessible(theirs.body, 'staff invoice page, another staff member');
        const bad = await postForm(t, `${url}/payments/${paymentId}/decline`, { note: '' }, approver);
        expect(bad.statusCode).toBe(400);
        await axe.expectAccessible(bad.body, 'staff invoice page, decline without a note');
        await axe.expectAccessible(
          (await get(t, '/staff/payments/adjustments', approver)).body,
          'approvals page with an invoice payment',
        );
      },
      60_000,
    );

    it('a member invited at the non-member fee: the $25 their fee did not need is the institution’s credit', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const { contact, invoice, invitees } = await invoiceWith('Member Library', 'PO-MEMBER', 0, 1);
      expect(invoice.lines[0]).toMatchObject({ amountCents: NON_MEMBER, member: false, memberUnknown: true });
      const session = await acceptedInvitation(t, invitees[0]!.email);
      const app = await submitAsInvited(t, session, { member: true });
      expect(app.status).toBe('awaiting_payment');

      const paid = await ok(pay(recorder, invoice.id, NON_MEMBER, 'CHK-MEM'), 201);
      expect(paid.paymentState).toBe('approved');
      expect(covered(paid)).toEqual([true]);
      expect(paid.lines[0].unusedCents).toBe(NON_MEMBER - MEMBER);
      expect(paid).toMatchObject({ paidCents: NON_MEMBER, dueCents: 0, creditCents: NON_MEMBER - MEMBER });
      expect(await feePayments(t, app.applicationId)).toEqual([
        { amountCents: MEMBER, method: 'check', reference: `${invoice.number} CHK-MEM` },
      ]);
      expect(await statusOf(t, app.applicationId)).toBe('in_review');
      const forContact = await invoiceJson(contact, invoice.id);
      expect(forContact.lines[0].unusedCents).toBe(2500);
      expect(forContact.creditCents).toBe(2500);
      const page = await get(t, `/staff/invoices/${invoice.id}`, recorder);
      expect(page.body).toContain('The fee needed $325.00: $25.00 is credit');
      expect(page.body).toContain('$25.00 paid beyond what the applicants’ fees needed');
    });

    it('paid first, then the invited person applies as a member: the fee takes $325 and $25 becomes credit', async () => {
      const recorder = await staffNamed('Rita Recorder');
      const approver = await staffNamed('Aaron Approver');
      const { contact, invoice, invitees } = await invoiceWith('Member First Library', 'PO-MEM-2', 0, 2);
      // Over $500, so it needs approval first.
      const { paymentId } = await ok(pay(recorder, invoice.id, 2 * NON_MEMBER, 'CHK-MEM-2'), 201);
      const approved = await ok(decide(approver, invoice.id, paymentId, 'approve'));
      expect(covered(approved)).toEqual([true, true]);
      expect(approved.lines.map((l: { unusedCents: number }) => l.unusedCents)).toEqual([0, 0]);
      expect(approved.creditCents).toBe(0);

      const member = await submitAsInvited(t, await acceptedInvitation(t, invitees[0]!.email), {
        member: true,
      });
      expect(member.status).toBe('in_review');
      expect(await feePayments(t, member.applicationId)).toEqual([
        { amountCents: MEMBER, method: 'check', reference: `${invoice.number} CHK-MEM-2` },
      ]);
      const nonMember = await submitAsInvited(t, await acceptedInvitation(t, invitees[1]!.email));
      expect(nonMember.status).toBe('in_review');
      expect(await feePayments(t, nonMember.applicationId)).toEqual([
        { amountCents: NON_MEMBER, method: 'check', reference: `${invoice.number} CHK-MEM-2` },
      ]);
      const view = await invoiceJson(contact, invoice.id);
      expect(view.lines.map((l: { unusedCents: number }) => l.unusedCents)).toEqual([2500, 0]);
      expect(view).toMatchObject({ paidCents: 2 * NON_MEMBER, dueCents: 0, creditCents: 2500 });
    });
  },
);
