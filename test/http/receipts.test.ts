import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { api, get, signedInAs } from '../support/sessions.js';
import { makeApplication, payInFull, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

const RECEIPT = /^RCT-2026-\d{6}$/;

describe.each(testBackends())('receipts on %s', (backend) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof staffMember>>;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  it('gives the payer one numbered receipt per payment, listed on a page and in the API, as a PDF', async () => {
    const app = await makeApplication(t, staff.ctx, {
      status: 'awaiting_payment',
      givenName: 'Zoë',
      familyName: 'Ångström',
    });
    await payInFull(t, app, 10000);
    await payInFull(t, app);
    const session = await sessionOf(t, app.candidate);
    expect((await get(t, '/dashboard', session)).body).toContain('href="/payments/receipts"');

    const list = await api(t, 'GET', '/api/v1/me/receipts', { session });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as Array<{
      id: string;
      number: string;
      amountCents: number;
      forWhat: string;
    }>;
    expect(items.map((r) => r.amountCents)).toEqual([10000, 25000]);
    for (const r of items) expect(r.number).toMatch(RECEIPT);
    expect(items[0]!.number).not.toBe(items[1]!.number);
    expect(items[0]!.forWhat).toBe(`Application fee for application ${app.number}`);
    // Numbers are given once: asking again returns the same.
    const again = (await api(t, 'GET', '/api/v1/me/receipts', { session })).json().items;
    expect(again.map((r: { number: string }) => r.number)).toEqual(items.map((r) => r.number));

    const page = await get(t, '/payments/receipts', session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${items[0]!.number} (PDF)`);

    for (const url of [`/payments/receipts/${items[1]!.id}.pdf`, `/api/v1/me/receipts/${items[1]!.id}.pdf`]) {
      const res = await get(t, url, session);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename="${items[1]!.number}.pdf"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const text = await pdfText(res.rawPayload);
      expect(text).toContain(`Receipt ${items[1]!.number}`);
      expect(text).toContain('Library Support Staff Certification program');
      expect(text).toContain(`Received from Zoë Ångström`);
      expect(text).toContain(`For Application fee for application ${app.number}`);
      expect(text).toContain('Amount $250.00');
      expect(text).toContain('Paid by Card');
      expect(text).toContain('Date 28 November 2026');
    }
  });

  it('numbers a check payment on first download, shows the check number, and lets staff download any receipt', async () => {
    const app = await makeApplication(t, staff.ctx, { status: 'awaiting_check' });
    const check = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/check-payments`, {
      session: staff.session,
      body: { checkNumber: '4242', amount: '350.00', receivedOn: '2026-11-27' },
    });
    const entryId = check.json().ledgerEntryId as string;
    const res = await get(t, `/staff/payments/receipts/${entryId}.pdf`, staff.session);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toMatch(/Receipt RCT-2026-\d{6}/);
    expect(text).toContain('Paid by Check (4242)');
    const mine = await get(t, `/api/v1/me/receipts/${entryId}.pdf`, await sessionOf(t, app.candidate));
    expect(await pdfText(mine.rawPayload)).toBe(text);
  });

  it('answers 404 for another person’s receipt, a charge, or nonsense; 401 to anonymous; 403 to candidates on staff URLs', async () => {
    const a = await makeApplication(t, staff.ctx, { status: 'in_review' });
    const other = await signedInAs(t, ['candidate']);
    const ownerSession = await sessionOf(t, a.candidate);
    const [receipt] = (await api(t, 'GET', '/api/v1/me/receipts', { session: ownerSession })).json().items;
    expect((await get(t, `/api/v1/me/receipts/${receipt.id}.pdf`, other)).statusCode).toBe(404);
    expect((await get(t, `/payments/receipts/${receipt.id}.pdf`, other)).statusCode).toBe(404);
    expect((await api(t, 'GET', '/api/v1/me/receipts', { session: other })).json().items).toEqual([]);
    const charge = await t.services.db.query.ledgerEntries.findFirst({
      where: (e, { and, eq }) => and(eq(e.feeId, a.feeId), eq(e.kind, 'charge')),
    });
    expect((await get(t, `/api/v1/me/receipts/${charge!.id}.pdf`, ownerSession)).statusCode).toBe(404);
    expect((await get(t, '/api/v1/me/receipts/nonsense.pdf', ownerSession)).statusCode).toBe(404);
    expect((await get(t, `/api/v1/me/receipts/${receipt.id}.pdf`)).statusCode).toBe(401);
    expect((await api(t, 'GET', '/api/v1/me/receipts')).statusCode).toBe(401);
    expect((await get(t, `/staff/payments/receipts/${receipt.id}.pdf`, ownerSession)).statusCode).toBe(403);
  });

  it('documents the receipt endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me/receipts',
        '/api/v1/me/receipts/{id}.pdf',
        '/api/v1/staff/payments/adjustments',
        '/api/v1/staff/fees/{id}/adjustments',
      ]),
    );
  });

  it('numbers a payment once when two first downloads arrive at the same moment', async () => {
    const app = await makeApplication(t, staff.ctx, { status: 'in_review' });
    const entry = await t.services.db.query.ledgerEntries.findFirst({
      where: (e, { and, eq }) => and(eq(e.feeId, app.feeId), eq(e.kind, 'payment')),
    });
    const session = await sessionOf(t, app.candidate);
    const [a, b] = await Promise.all([
      get(t, `/api/v1/me/receipts/${entry!.id}.pdf`, session),
      get(t, `/staff/payments/receipts/${entry!.id}.pdf`, staff.session),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.headers['content-disposition']).toBe(b.headers['content-disposition']);
    const rows = await t.services.db.query.receipts.findMany({
      where: (r, { eq }) => eq(r.ledgerEntryId, entry!.id),
    });
    expect(rows).toHaveLength(1);
    const fee = await get(t, `/staff/payments/fees/${app.feeId}`, staff.session);
    expect(fee.body).toContain(`/staff/payments/receipts/${entry!.id}.pdf`);
  });
});
