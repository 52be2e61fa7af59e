import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { mailTo } from '../support/factories.js';
import {
  applicantList,
  appliedWithInstitution,
  institutionWithContact,
  MEMBER,
  NON_MEMBER,
  ok,
  poRowCounts,
  sendPo,
} from '../support/institution-factories.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('institution purchase orders on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('matches an applicant who chose the institution, invites the others, issues and mails the invoice', async () => {
    const { contact, institutionId } = await institutionWithContact(t);
    const applied = await appliedWithInstitution(t, institutionId, { member: true });
    const [a, b] = applicantList(2);
    const appliedEmail = (await api(t, 'GET', '/api/v1/me', { session: applied.session })).json()
      .email as string;
    const invoice = await ok(
      sendPo(t, contact, institutionId, {
        poNumber: 'PO-1001',
        amountCents: MEMBER + 2 * NON_MEMBER,
        applicants: [{ name: 'Ada Applied', email: appliedEmail.toUpperCase() }, a, b],
      }),
      201,
    );
    expect(invoice.number).toMatch(/^INV-2026-\d{6}$/);
    expect(invoice.matched).toBe(1);
    expect(invoice.invited).toBe(2);
    expect(invoice.totalCents).toBe(MEMBER + 2 * NON_MEMBER);
    expect(invoice.dueOn).toBe('2026-12-28');
    expect(invoice.lines.map((l: { amountCents: number }) => l.amountCents)).toEqual([
      MEMBER,
      NON_MEMBER,
      NON_MEMBER,
    ]);
    expect(invoice.lines[0].applicationNumber).toBe(applied.number);
    expect(invoice.lines[1].memberUnknown).toBe(true);
    expect(invoice.lines.every((l: { covered: boolean }) => !l.covered)).toBe(true);

    const invitation = (await mailTo(t, a!.email)).find(
      (m) => m.template === 'institution-applicant-invitation',
    );
    expect(invitation?.text).toContain('/institution-invitations/apply?token=');
    expect(
      (await mailTo(t, appliedEmail)).some((m) => m.template === 'institution-applicant-invitation'),
    ).toBe(false);
    const mail = (await mailTo(t, contact.email)).find((m) => m.template === 'institution-invoice');
    expect(mail?.subject).toBe(`Invoice ${invoice.number} for purchase order PO-1001`);
    expect(mail?.text).toContain(`/institution/invoices/${invoice.id}/pdf`);

    const page = await get(t, `/institution/invoices/${invoice.id}`, contact);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(invoice.number);
    expect(page.body).toContain('Not yet');
  });

  it('refuses each kind of bad purchase order with a clear error and writes nothing', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Bad Input Library');
    const two = applicantList(2);
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      [
        'malformed email',
        { applicants: [{ name: 'X', email: 'not-an-email' }] },
        'applicants.0.email',
        /email address like/,
      ],
      [
        'duplicate email',
        { applicants: [two[0], { ...two[0], name: 'Again' }] },
        'applicants',
        /listed twice/,
      ],
      ['zero amount', { amountCents: 0 }, 'amountCents', /more than 0/],
      ['negative amount', { amountCents: -500 }, 'amountCents', /more than 0/],
      [
        'short amount',
        { amountCents: 2 * NON_MEMBER - 100 },
        'amountCents',
        /\$1\.00 short.*2 applicants come to \$700\.00/,
      ],
      [
        'too many applicants',
        { applicants: applicantList(201), amountCents: 201 * NON_MEMBER },
        'applicants',
        /at most 200/,
      ],
      ['no PO number', { poNumber: '  ' }, 'poNumber', /purchase order number/],
      ['missing name', { applicants: [{ name: '', email: two[0]!.email }] }, 'applicants.0.name', /name/],
    ];
    for (const [what, patch, field, message] of cases) {
      const before = await poRowCounts(t);
      const body = { poNumber: `PO-${what}`, amountCents: 2 * NON_MEMBER, applicants: two, ...patch };
      const res = await sendPo(t, contact, institutionId, body as never);
      expect(res.statusCode, what).toBe(400);
      const err = res.json().errors.find((e: { field: string }) => e.field === field);
      expect(err?.message, `${what}: ${res.body}`).toMatch(message);
      expect(await poRowCounts(t), what).toEqual(before);
    }
  });

  it('refuses a PO number used before by the same institution, but not by another', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Repeat Library');
    const body = { poNumber: 'PO-7', amountCents: NON_MEMBER, applicants: applicantList(1) };
    await ok(sendPo(t, contact, institutionId, body), 201);
    const before = await poRowCounts(t);
    const again = await sendPo(t, contact, institutionId, { ...body, applicants: applicantList(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail ?? again.body).toMatch(/PO-7 has already been sent/);
    expect(await poRowCounts(t)).toEqual(before);
    const other = await institutionWithContact(t, 'Other Library');
    await ok(sendPo(t, other.contact, other.institutionId, body), 201);
  });

  it('refuses a person already on an earlier purchase order of the institution, writing nothing', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Twice Library');
    const [person] = applicantList(1, 'twice');
    const first = await ok(
      sendPo(t, contact, institutionId, { poNumber: 'PO-T1', amountCents: NON_MEMBER, applicants: [person] }),
      201,
    );
    const before = await poRowCounts(t);
    const res = await sendPo(t, contact, institutionId, {
      poNumber: 'PO-T2',
      amountCents: NON_MEMBER,
      applicants: [person],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      field: 'applicants',
      message: `${person!.email} is already on your invoice ${first.number}; list each person on one purchase order only`,
    });
    expect(await poRowCounts(t)).toEqual(before);
  });

  it('double submission of the form: the second is refused at the PO number, one invoice', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Double Click Library');
    const fields = {
      poNumber: 'PO-DC',
      amount: '350.00',
      applicants: `Bo Reader, ${applicantList(1)[0]!.email}`,
    };
    const first = await postForm(t, `/institution/${institutionId}/purchase-orders`, fields, contact);
    expect(first.statusCode).toBe(303);
    const second = await postForm(t, `/institution/${institutionId}/purchase-orders`, fields, contact);
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('You already sent purchase order PO-DC');
    const detail = await ok(api(t, 'GET', `/api/v1/institutions/${institutionId}`, { session: contact }));
    expect(detail.invoices).toHaveLength(1);
  });

  it('the form shows field errors and keeps what was typed', async () => {
    const { contact, institutionId } = await institutionWithContact(t, 'Form Library');
    const res = await postForm(
      t,
      `/institution/${institutionId}/purchase-orders`,
      { poNumber: 'PO-F', amount: '100', applicants: 'Just a name without email' },
      contact,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain(
      'Line 1 (&quot;Just a name without email&quot;) is not a name and an email address',
    );
    const short = await postForm(
      t,
      `/institution/${institutionId}/purchase-orders`,
      { poNumber: 'PO-F', amount: '100', applicants: 'Ada Okafor, ada.f@example.org' },
      contact,
    );
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('The amount is $250.00 short');
    expect(short.body).toContain('ada.f@example.org');
  });

  it('denies other institutions, candidates, anonymous visitors and posts without CSRF', async () => {
    const mine = await institutionWithContact(t, 'Mine Library');
    const theirs = await institutionWithContact(t, 'Theirs Library');
    const invoice = await ok(
      sendPo(t, theirs.contact, theirs.institutionId, {
        poNumber: 'PO-X',
        amountCents: NON_MEMBER,
        applicants: applicantList(1),
      }),
      201,
    );
    expect((await get(t, `/institution/invoices/${invoice.id}`, mine.contact)).statusCode).toBe(404);
    expect((await get(t, `/institution/invoices/${invoice.id}/pdf`, mine.contact)).statusCode).toBe(404);
    expect(
      (await api(t, 'GET', `/api/v1/institutions/invoices/${invoice.id}`, { session: mine.contact }))
        .statusCode,
    ).toBe(404);
    expect((await get(t, `/institution/${theirs.institutionId}`, mine.contact)).statusCode).toBe(404);
    const po = { poNumber: 'PO-Y', amountCents: NON_MEMBER, applicants: applicantList(1) };
    expect((await sendPo(t, mine.contact, theirs.institutionId, po)).statusCode).toBe(404);
    const cand = await signedInAs(t, ['candidate']);
    expect((await get(t, '/staff/institutions', cand)).statusCode).toBe(403);
    expect((await get(t, `/staff/invoices/${invoice.id}`, cand)).statusCode).toBe(403);
    const pay = { method: 'check', amountCents: 100, reference: '1', receivedOn: '2026-11-28' };
    expect(
      (
        await api(t, 'POST', `/api/v1/institutions/invoices/${invoice.id}/payments`, {
          session: theirs.contact,
          body: pay,
        })
      ).statusCode,
    ).toBe(403);
    expect((await get(t, `/institution/invoices/${invoice.id}`)).statusCode).toBe(302);
    expect((await api(t, 'GET', `/api/v1/institutions/invoices/${invoice.id}`)).statusCode).toBe(401);
    const noCsrf = await postForm(
      t,
      `/institution/${mine.institutionId}/purchase-orders`,
      { poNumber: 'PO-Z', amount: '350', applicants: 'A B, ab@example.org' },
      mine.contact,
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const staff = await signedInAs(t, ['staff']);
    expect((await get(t, `/staff/invoices/${invoice.id}`, staff)).statusCode).toBe(200);
    expect((await get(t, `/institution/invoices/${invoice.id}/pdf`, staff)).statusCode).toBe(200);
  });
});
