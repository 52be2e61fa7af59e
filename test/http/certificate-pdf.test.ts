import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { certifiedCandidate } from '../support/certificate-factories.js';
import { api, get, signedInAs } from '../support/sessions.js';
import { makeApplication, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PAGE = '/certification/certificate.pdf';
const API = '/api/v1/me/certification/certificate.pdf';
const staffUrl = (id: string) => `/staff/certifications/${id}/certificate.pdf`;

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe.each(testBackends())('certificate PDF on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('lets the holder download their certificate, from the page and the API', async () => {
    const c = await certifiedCandidate(t, { givenName: 'Zoë Ngọc', familyName: 'Ångström' });
    for (const url of [PAGE, API]) {
      const res = await get(t, url, c.session);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`attachment; filename="${c.number}.pdf"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(res.rawPayload);
      expect(text).toContain('Zoë Ngọc Ångström');
      expect(text).toContain(c.number);
      expect(text).toContain('Valid until 20 November 2030');
      expect(text).toContain(`${t.services.config.baseUrl}/verify/${c.number}`);
      for (const title of c.setTitles) expect(text.replace(/\s/g, '')).toContain(title.replace(/\s/g, ''));
    }
  });

  it('answers 404 to a candidate who is not certified, and never shows another holder’s', async () => {
    await certifiedCandidate(t);
    const staff = await staffMember(t);
    const other = await makeApplication(t, staff.ctx, { status: 'admitted' });
    const session = await sessionOf(t, other.candidate);
    expect((await get(t, PAGE, session)).statusCode).toBe(404);
    const res = await api(t, 'GET', API, { session });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail ?? res.json().title).toBeTruthy();
    const brandNew = await signedInAs(t, ['candidate']);
    expect((await get(t, PAGE, brandNew)).statusCode).toBe(404);
  });

  it('gives no certificate for a revoked certification', async () => {
    const c = await certifiedCandidate(t, { status: 'revoked' });
    // 409 with a plain reason (suspended or revoked), not 404 "you have no certification".
    expect((await get(t, PAGE, c.session)).statusCode).toBe(409);
  });

  it('asks people who are not signed in to sign in', async () => {
    const page = await get(t, PAGE);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/sign-in?next=${encodeURIComponent(PAGE)}`);
    expect((await get(t, API)).statusCode).toBe(401);
  });

  it('lets staff with MFA download any certificate, and nobody else', async () => {
    const c = await certifiedCandidate(t, { givenName: 'Ana', familyName: 'Pérez' });
    const staff = await staffMember(t);
    const res = await get(t, staffUrl(c.certificationId), staff.session);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename="${c.number}.pdf"`);
    expect(await pdfText(res.rawPayload)).toContain('Ana Pérez');

    expect((await get(t, staffUrl('00000000-0000-7000-8000-000000000000'), staff.session)).statusCode).toBe(
      404,
    );
    expect((await get(t, staffUrl('not-an-id'), staff.session)).statusCode).toBe(404);
    const noMfa = await staffMember(t, { mfaVerified: false });
    const withoutMfa = await get(t, staffUrl(c.certificationId), noMfa.session);
    expect(withoutMfa.statusCode).toBe(302);
    expect(withoutMfa.headers.location).toMatch(/^\/sign-in\/mfa/);
    // The holder themself does not get in through the staff address.
    expect((await get(t, staffUrl(c.certificationId), c.session)).statusCode).toBe(403);
    expect((await get(t, staffUrl(c.certificationId))).statusCode).toBe(302);
  });
});
