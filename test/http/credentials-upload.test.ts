import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../../src/modules/certification/schema.js';
import { testBackends } from '../support/backends.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { multipart } from '../support/course-factories.js';
import { anonymousForm, api, get } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD documents are read field by field in the assertions.
type Doc = Record<string, any>;
const PAGE = '/verify/credential';
const API = '/api/v1/verifications/credential';

describe.each(testBackends())('checking a credential file on %s', (backend) => {
  let t: TestApp;
  let cert: Doc;
  let set: Doc;
  let certificationId: string;
  let number: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const h = await certifiedHolder(t, { givenName: 'Ada', familyName: 'Lovelace' });
    certificationId = h.certificationId;
    number = h.number;
    const list = (await api(t, 'GET', '/api/v1/me/credentials', { session: h.session })).json().credentials;
    cert = JSON.parse((await get(t, `/certification/credentials/${list[0].id}`, h.session)).body);
    set = JSON.parse((await get(t, `/certification/credentials/${list[1].id}`, h.session)).body);
  });
  afterAll(() => t.close());

  /** Upload as a visitor would: the form page first (anonymous CSRF cookie), then the file. */
  async function upload(bytes: Buffer, opts: { csrf?: boolean; name?: string } = {}) {
    const form = await anonymousForm(t, '/verify');
    const fields: Record<string, string> = opts.csrf === false ? {} : { _csrf: form.csrf };
    const { payload, contentType } = multipart(fields, {
      name: opts.name ?? 'credential.json',
      bytes,
      type: 'application/json',
    });
    return t.app.inject({
      method: 'POST',
      url: PAGE,
      headers: { cookie: form.cookie, 'content-type': contentType },
      payload,
    });
  }
  const asFile = (doc: unknown) => Buffer.from(JSON.stringify(doc));
  const tampered = () => ({ ...cert, validUntil: '2045-09-30T23:59:59Z' });

  it('documents the credential endpoints in the OpenAPI document', async () => {
    const doc = (await get(t, '/api/openapi.json')).json();
    expect(doc.paths['/api/v1/verifications/credential'].post.summary).toBe('Check a digital credential');
    expect(doc.paths['/api/v1/me/credentials'].get.tags).toEqual(['certification']);
    expect(doc.paths['/api/v1/me/credentials/{id}'].get).toBeDefined();
  });

  it('offers the upload form on the public check page', async () => {
    const page = await get(t, '/verify');
    expect(page.body).toContain('action="/verify/credential"');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect((await get(t, PAGE)).body).toContain('<h1>Check a digital credential</h1>');
  });

  it('says a downloaded credential is valid, with the standing and the sets', async () => {
    const res = await upload(asFile(cert));
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.body).toContain('<h1>Credential checked</h1>');
    expect(res.body).toContain('Valid signature');
    expect(res.body).toContain('<dd>Ada Lovelace</dd>');
    expect(res.body).toContain(number);
    expect(res.body).toContain('<strong class="tag ok">Valid</strong>');
    expect(res.body).toContain('<li>Foundations of Library Services</li>');
    const setRes = await upload(asFile(set));
    expect(setRes.body).toContain('<h1>Credential checked</h1>');

    const json = await api(t, 'POST', API, { body: cert });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json()).toMatchObject({
      signatureValid: true,
      issuedByThisProgram: true,
      kind: 'certification',
      standing: 'valid',
      status: { revocation: false, suspension: false },
      certificate: { holderName: 'Ada Lovelace', number, validUntil: '2030-09-30' },
    });
    expect(json.json().certificate.sets).toHaveLength(3);
  });

  it('says clearly that a changed file is not valid', async () => {
    const res = await upload(asFile(tampered()));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Credential not valid</h1>');
    expect(res.body).toContain('Not valid: this file was changed after the program signed it');
    expect(res.body).not.toContain('Ada Lovelace');
    const json = await api(t, 'POST', API, { body: tampered() });
    expect(json.json()).toMatchObject({ signatureValid: false, standing: null, certificate: null });
    const foreign = await api(t, 'POST', API, {
      body: { ...cert, issuer: { ...cert.issuer, id: 'did:web:other.example' } },
    });
    expect(foreign.json()).toMatchObject({ signatureValid: false, issuedByThisProgram: false });
    expect(foreign.json().summary).toContain('not issued by this program');
  });

  it('shows a suspension or revocation from the status lists', async () => {
    const setStatus = async (status: 'suspended' | 'revoked' | 'active') => {
      t.clock.advance(1000);
      await t.services.db
        .update(certifications)
        .set({ status, updatedAt: t.clock.now() })
        .where(eq(certifications.id, certificationId));
    };
    await setStatus('suspended');
    expect((await api(t, 'POST', API, { body: cert })).json()).toMatchObject({
      signatureValid: true,
      standing: 'suspended',
      status: { suspension: true, revocation: false },
    });
    expect((await upload(asFile(cert))).body).toContain('Suspended');
    await setStatus('revoked');
    expect((await api(t, 'POST', API, { body: set })).json()).toMatchObject({
      standing: 'revoked',
      status: { revocation: true },
    });
    await setStatus('active');
    // Past its end date the signature still holds; the standing says what the dates mean.
    const now = t.clock.now();
    t.clock.set('2030-10-15T15:00:00Z');
    expect((await api(t, 'POST', API, { body: cert })).json()).toMatchObject({
      signatureValid: true,
      standing: 'in_renewal_grace',
    });
    t.clock.set('2031-01-15T15:00:00Z');
    const expired = await upload(asFile(cert));
    expect(expired.body).toContain('Valid signature');
    expect(expired.body).toContain('<strong class="tag bad">Expired</strong>');
    t.clock.set(now);
  });

  it('refuses files that are not credentials, too large, or sent without the form token', async () => {
    const notJson = await upload(Buffer.from('%PDF-1.7 not json'), { name: 'x.pdf' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('This file is not a verifiable credential.');
    expect(notJson.body).toContain('class="error-summary"');
    const notCredential = await upload(asFile({ hello: 'world' }));
    expect(notCredential.statusCode).toBe(400);
    expect(notCredential.body).toContain('This file is not a verifiable credential.');
    const unsigned = { ...cert };
    delete unsigned.proof;
    expect((await upload(asFile(unsigned))).statusCode).toBe(400);
    const big = Buffer.from(JSON.stringify({ ...cert, padding: 'x'.repeat(70 * 1024) }));
    const tooLarge = await upload(big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('too large to be a credential');
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(asFile(cert), { csrf: false })).statusCode).toBe(403);

    expect((await api(t, 'POST', API, { body: { hello: 'world' } })).statusCode).toBe(400);
    expect((await api(t, 'POST', API, { body: JSON.parse(big.toString()) })).statusCode).toBe(413);
    const text = await t.app.inject({
      method: 'POST',
      url: API,
      headers: { 'content-type': 'application/json' },
      payload: 'not json',
    });
    expect(text.statusCode).toBe(400);
  });

  it('limits checks per network address, with a clear answer; other networks are not affected', async () => {
    const from = (remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: API, remoteAddress, payload: tampered() });
    for (let i = 0; i < 60; i++) expect((await from('203.0.113.9')).statusCode).toBe(200);
    const refused = await from('203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toContain('Too many credential checks from your network');
    // Another network is not affected.
    expect((await from('198.51.100.4')).statusCode).toBe(200);
  });
});
