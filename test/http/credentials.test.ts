import fs from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailAddresses } from '../../src/modules/accounts/email-addresses-schema.js';
import { users } from '../../src/modules/accounts/schema.js';
import { identityHash } from '../../src/modules/certification/credentials/build-credential.js';
import { offlineDocumentLoader } from '../../src/modules/certification/credentials/contexts.js';
import { issueCredentialsBatch } from '../../src/modules/certification/credentials/issue-credentials.js';
import { type CertificationStatus, certifications } from '../../src/modules/certification/schema.js';
import { systemCtx } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { testBackends } from '../support/backends.js';
import { certifiedCandidate } from '../support/certificate-factories.js';
import { certifiedHolder } from '../support/certification-factories.js';
import { api, get, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD documents are read field by field in the assertions.
type Doc = Record<string, any>;

/**
 * The bundled 1EdTech OB 3.0 schema (test/data/README.md), with its two VC 1.1 points read the VC 2.0
 * way: `validFrom` is required where `issuanceDate` was, and `credentialStatus` may list several
 * entries, each a CredentialStatus (as `proof` and `credentialSchema` already may).
 */
function obSchemaValidator() {
  const schema = JSON.parse(fs.readFileSync('test/data/ob_v3p0_achievementcredential_schema.json', 'utf8'));
  schema.required = schema.required.map((r: string) => (r === 'issuanceDate' ? 'validFrom' : r));
  schema.properties.validFrom = schema.properties.issuanceDate;
  schema.properties.validUntil = schema.properties.expirationDate;
  const status = { $ref: '#/$defs/CredentialStatus' };
  schema.properties.credentialStatus = { oneOf: [status, { type: 'array', minItems: 1, items: status }] };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe.each(testBackends())('Open Badges credentials on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const base = () => t.services.config.baseUrl;
  const json = async (url: string) => {
    const res = await get(t, url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    return JSON.parse(res.body) as Doc;
  };

  /**
   * A verifier's loader, offline: the bundled contexts, and this site's DID document and status
   * lists fetched through the app itself. Anything else throws.
   */
  const verifierLoader = () =>
    offlineDocumentLoader(async (url) => {
      if (url.startsWith('did:web:')) {
        const did = await json('/.well-known/did.json');
        if (!url.includes('#')) return did;
        const vm = did.verificationMethod.find((m: Doc) => m.id === url);
        return vm && { '@context': did['@context'], ...vm };
      }
      if (url.startsWith(`${base()}/credentials/status/`)) return json(url.slice(base().length));
      return undefined;
    });

  const verify = (credential: Doc, documentLoader = verifierLoader()) =>
    vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      checkStatus: (options) =>
        checkStatus({ ...options, documentLoader, suite: new DataIntegrityProof({ cryptosuite }) }),
    });

  async function myCredentials(session: TestSession) {
    const list = await api(t, 'GET', '/api/v1/me/credentials', { session });
    expect(list.statusCode, list.body).toBe(200);
    return list.json().credentials as Array<{
      id: string;
      kind: string;
      setId: string | null;
      name: string;
      url: string;
      fileName: string;
      validUntil: string;
    }>;
  }

  async function download(session: TestSession, id: string) {
    const res = await get(t, `/certification/credentials/${id}`, session);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return { res, doc: JSON.parse(res.body) as Doc };
  }

  // Straight to the row: the staff approval flow that changes it is tested on its own.
  const setStatus = (certificationId: string, status: CertificationStatus) => {
    t.clock.advance(1000);
    return t.services.db
      .update(certifications)
      .set({ status, updatedAt: t.clock.now() })
      .where(eq(certifications.id, certificationId));
  };

  it('lets the holder download a signed credential for the certification and each set, which verifies offline', async () => {
    const h = await certifiedHolder(t, { givenName: 'Grace', familyName: 'Hopperton' });
    const list = await myCredentials(h.session);
    expect(list.map((c) => c.kind)).toEqual(['certification', 'set', 'set', 'set']);
    expect(
      list
        .map((c) => c.setId)
        .slice(1)
        .sort(),
    ).toEqual(['access-services', 'foundations', 'technology']);
    expect(list[0]!.name).toBe('Certified Library Support Staff (CLSS)');

    const page = await get(t, '/my-certification', h.session);
    expect(page.body).toContain('<h2>Digital credentials</h2>');
    for (const c of list) expect(page.body).toContain(`href="/certification/credentials/${c.id}"`);

    for (const c of list) {
      const { res, doc } = await download(h.session, c.id);
      expect(res.headers['content-disposition']).toContain(`attachment; filename="${c.fileName}"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(doc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(doc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
      expect(doc.validUntil).toBe('2030-09-30T23:59:59Z');
      expect(doc.credentialSubject.licenseNumber).toBe(h.number);
      const result = await verify(doc);
      expect(result.verified, JSON.stringify(result.error ?? result)).toBe(true);
      expect((result.statusResult as Doc).results.map((r: Doc) => r.status)).toEqual([false, false]);
      // The API gives the same document.
      const viaApi = await api(t, 'GET', c.url, { session: h.session });
      expect(JSON.parse(viaApi.body)).toEqual(doc);
    }
    const cert = (await download(h.session, list[0]!.id)).doc;
    expect(cert.validFrom).toBe('2026-09-30T00:00:00Z');
    expect(cert.credentialSubject.achievement.achievementType).toBe('Certification');
    expect(cert.credentialSubject.achievement.criteria.narrative).toContain('3 required competency sets');
    const email = cert.credentialSubject.identifier.find((i: Doc) => i.identityType === 'emailAddress');
    const { createHash } = await import('node:crypto');
    expect(email.identityHash).toBe(
      `sha256$${createHash('sha256')
        .update(h.session.email.toLowerCase() + email.salt)
        .digest('hex')}`,
    );
    expect(JSON.stringify(cert)).not.toContain(h.session.email);
  });

  it('validates against the Open Badges 3.0 JSON schema', async () => {
    const validate = obSchemaValidator();
    const h = await certifiedHolder(t);
    for (const c of await myCredentials(h.session)) {
      const doc = (await download(h.session, c.id)).doc;
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    // The schema does catch a credential that breaks it.
    const [first] = await myCredentials(h.session);
    const broken = (await download(h.session, first!.id)).doc;
    delete broken.credentialSubject.achievement.criteria;
    broken.credentialSubject.identifier[0].identityType = 'shoeSize';
    expect(validate(broken)).toBe(false);
  });

  it('fails verification when any field is changed', async () => {
    const h = await certifiedHolder(t);
    const [cert, set] = await myCredentials(h.session);
    const doc = (await download(h.session, cert!.id)).doc;
    const setDoc = (await download(h.session, set!.id)).doc;
    const tampered: Array<[string, Doc]> = [
      ['name', { ...doc, name: 'Master Librarian' }],
      ['validUntil', { ...doc, validUntil: '2040-09-30T23:59:59Z' }],
      ['issuer', { ...doc, issuer: { ...doc.issuer, name: 'Someone else' } }],
      [
        'set',
        {
          ...setDoc,
          credentialSubject: {
            ...setDoc.credentialSubject,
            achievement: { ...setDoc.credentialSubject.achievement, name: 'Youth Services (YS)' },
          },
        },
      ],
    ];
    for (const [what, changed] of tampered) expect((await verify(changed)).verified, what).toBe(false);
    // An issuer swapped for another DID is not even resolvable offline.
    const otherIssuer = { ...doc, issuer: { ...doc.issuer, id: 'did:web:elsewhere.example' } };
    expect((await verify(otherIssuer)).verified).toBe(false);
  });

  it('publishes the issuer profile, the DID document and the JWK set, and that key verifies the proof', async () => {
    const h = await certifiedHolder(t);
    const [c] = await myCredentials(h.session);
    const doc = (await download(h.session, c!.id)).doc;
    const did = await json('/.well-known/did.json');
    expect(did.id).toBe(`did:web:${new URL(base()).host.replace(':', '%3A')}`);
    expect(doc.issuer.id).toBe(did.id);
    const profile = await json('/credentials/issuer');
    expect(profile).toMatchObject({ id: did.id, type: ['Profile'], url: base(), email: expect.any(String) });
    expect(profile.name).toBe(doc.issuer.name);

    const jwks = await json('/.well-known/jwks.json');
    expect(jwks.keys).toHaveLength(1);
    const jwk = jwks.keys[0];
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: doc.proof.verificationMethod });
    expect(jwk.d).toBeUndefined();
    // A verifier that only trusts the JWK set: its key, as the verification method, checks the proof.
    const key = await Ed25519Multikey.fromJwk({ jwk, id: jwk.kid, controller: did.id });
    const vm = await key.export({ publicKey: true, includeContext: true });
    const fromJwks = offlineDocumentLoader(async (url) => {
      if (url === jwk.kid) return vm;
      if (url === did.id) return { '@context': did['@context'], id: did.id, assertionMethod: [vm] };
      return url.startsWith(`${base()}/credentials/status/`) ? json(url.slice(base().length)) : undefined;
    });
    expect((await verify(doc, fromJwks)).verified).toBe(true);

    // Achievement ids resolve to the achievement they name.
    const [, set] = await myCredentials(h.session);
    const setDoc = (await download(h.session, set!.id)).doc;
    for (const achievement of [doc.credentialSubject.achievement, setDoc.credentialSubject.achievement]) {
      expect(achievement.id.startsWith(base())).toBe(true);
      const published = await json(achievement.id.slice(base().length));
      expect(published).toMatchObject({ id: achievement.id, name: achievement.name, type: ['Achievement'] });
    }
    expect((await get(t, '/credentials/achievements/lssc-2012/no-such-set')).statusCode).toBe(404);
    expect((await get(t, '/credentials/achievements/other-framework/foundations')).statusCode).toBe(404);
  });

  it('publishes signed status lists whose bit follows suspension and revocation', async () => {
    const h = await certifiedHolder(t);
    const [c] = await myCredentials(h.session);
    const doc = (await download(h.session, c!.id)).doc;
    const index = Number(doc.credentialStatus[0].statusListIndex);
    const bits = async () => {
      const result = await verify(doc);
      expect(result.error).toBeUndefined();
      return (result.statusResult as Doc).results.map(
        (r: Doc) => `${r.credentialStatus.statusPurpose}:${r.status}`,
      );
    };
    for (const purpose of ['revocation', 'suspension']) {
      const list = await json(`/credentials/status/${purpose}`);
      expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
      expect(list.credentialSubject.statusPurpose).toBe(purpose);
      expect((await verify(list)).verified).toBe(true);
      expect(doc.credentialStatus.find((s: Doc) => s.statusPurpose === purpose).statusListIndex).toBe(
        String(index),
      );
    }
    expect(await bits()).toEqual(['revocation:false', 'suspension:false']);
    await setStatus(h.certificationId, 'suspended');
    expect(await bits()).toEqual(['revocation:false', 'suspension:true']);
    await setStatus(h.certificationId, 'revoked');
    expect(await bits()).toEqual(['revocation:true', 'suspension:false']);
    await setStatus(h.certificationId, 'active');
    expect(await bits()).toEqual(['revocation:false', 'suspension:false']);
    expect((await get(t, '/credentials/status/other')).statusCode).toBe(400);
  });

  it('keeps credentials to their holder and staff', async () => {
    const h = await certifiedHolder(t);
    const other = await certifiedHolder(t);
    const [mine] = await myCredentials(h.session);
    expect((await get(t, `/certification/credentials/${mine!.id}`, other.session)).statusCode).toBe(404);
    expect(
      (await api(t, 'GET', `/api/v1/me/credentials/${mine!.id}`, { session: other.session })).statusCode,
    ).toBe(404);
    expect((await get(t, '/certification/credentials/not-a-uuid', h.session)).statusCode).toBe(404);
    expect((await api(t, 'GET', '/api/v1/me/credentials')).statusCode).toBe(401);
    const anonymous = await get(t, `/certification/credentials/${mine!.id}`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);

    const staff = await staffMember(t);
    const forStaff = await get(t, `/staff/certifications/${h.certificationId}/credentials`, staff.session);
    expect(forStaff.json().credentials.map((c: Doc) => c.id)).toContain(mine!.id);
    const file = await get(
      t,
      `/staff/certifications/${h.certificationId}/credentials/${mine!.id}`,
      staff.session,
    );
    expect(file.statusCode).toBe(200);
    expect(
      (await get(t, `/staff/certifications/${other.certificationId}/credentials/${mine!.id}`, staff.session))
        .statusCode,
    ).toBe(404);
    expect(
      (await get(t, `/staff/certifications/${h.certificationId}/credentials`, h.session)).statusCode,
    ).toBe(403);

    // A revoked certification offers no credentials to download.
    await setStatus(other.certificationId, 'revoked');
    expect(await myCredentials(other.session)).toEqual([]);
  });

  it('names every confirmed address of the holder, hashed, and signs again when one is added', async () => {
    const h = await certifiedHolder(t);
    const [user] = await t.services.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, h.session.userId));
    type Subject = { identifier: Array<{ identityType: string; identityHash: string; salt?: string }> };
    const emailsIn = (doc: Doc) =>
      (doc as { credentialSubject: Subject }).credentialSubject.identifier.filter(
        (i) => i.identityType === 'emailAddress',
      );
    const [first] = await myCredentials(h.session);
    const before = (await download(h.session, first!.id)).doc as Doc;
    expect(emailsIn(before)).toHaveLength(1);

    const now = t.clock.now();
    await t.services.db.insert(emailAddresses).values([
      {
        id: uuidv7(),
        userId: h.session.userId,
        email: 'at.work@library.example',
        confirmedAt: now,
        createdAt: now,
      },
      { id: uuidv7(), userId: h.session.userId, email: 'not.confirmed@example.org', createdAt: now },
    ]);
    const [again] = await myCredentials(h.session);
    expect(again!.id).toBe(first!.id);
    const doc = (await download(h.session, again!.id)).doc as Doc;
    const emails = emailsIn(doc);
    expect(emails.map((e) => e.identityHash)).toEqual(
      [user!.email, 'at.work@library.example'].map((address) => identityHash(address, emails[0]!.salt!)),
    );
    expect((doc as { credentialStatus: unknown }).credentialStatus).toEqual(
      (before as { credentialStatus: unknown }).credentialStatus,
    );
    expect(JSON.stringify(doc)).not.toContain('not.confirmed');
    expect(JSON.stringify(doc)).not.toContain('at.work@');
    expect((await verify(doc)).verified).toBe(true);
  });

  it('signs again, in place, when the certification gets a new end date', async () => {
    const h = await certifiedHolder(t);
    const before = await myCredentials(h.session);
    const old = (await download(h.session, before[0]!.id)).doc;
    t.clock.advance(1000);
    await t.services.db
      .update(certifications)
      .set({ expiresOn: '2034-09-30', updatedAt: t.clock.now() })
      .where(eq(certifications.id, h.certificationId));
    const after = await myCredentials(h.session);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.every((c) => c.validUntil === '2034-09-30')).toBe(true);
    const renewed = (await download(h.session, after[0]!.id)).doc;
    expect(renewed.validUntil).toBe('2034-09-30T23:59:59Z');
    expect(renewed.credentialStatus).toEqual(old.credentialStatus);
    expect((await verify(renewed)).verified).toBe(true);
  });

  it('signs what certifications lack in the batch job, once', async () => {
    const a = await certifiedCandidate(t);
    const b = await certifiedCandidate(t);
    const ctx = systemCtx(t.services, 'test');
    const first = await issueCredentialsBatch(ctx, { chunk: 1 });
    expect(first.certifications).toBeGreaterThanOrEqual(2);
    expect(first.credentials).toBeGreaterThanOrEqual(2 * 6);
    expect(await issueCredentialsBatch(ctx)).toEqual({ certifications: 0, credentials: 0 });
    for (const c of [a, b]) {
      const list = await myCredentials(c.session);
      expect(list).toHaveLength(1 + c.setTitles.length);
    }
  });
});
