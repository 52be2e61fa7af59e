import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  buildCredential,
  type CredentialFacts,
  certificationNarrative,
  identityHash,
  issuerProfile,
  setNarrative,
} from '../../src/modules/certification/credentials/build-credential.js';
import {
  credentialSeed,
  decodeCredentialKey,
  issuerDid,
} from '../../src/modules/certification/credentials/signing-key.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD documents are read field by field in the assertions.
type Doc = Record<string, any>;

const facts = (over: Partial<CredentialFacts> = {}): CredentialFacts => ({
  id: '0190d5e4-0000-7000-8000-000000000001',
  issuer: issuerProfile('did:web:lssc.example', 'https://lssc.example', {
    name: 'LSSC Program Office',
    email: 'program@lssc.example',
  }),
  baseUrl: 'https://lssc.example',
  name: 'Certified Library Support Staff (CLSS)',
  holderName: 'Ada Okafor',
  emails: ['Ada@Example.org', ' ada@example.org ', 'ada.work@example.org'],
  salt: 'pepper',
  certificateNumber: 'CLSS-2026-000123',
  achievement: {
    id: 'https://lssc.example/credentials/achievements/clss',
    achievementType: 'Certification',
    name: 'Certified Library Support Staff (CLSS)',
    description: 'A certification.',
    narrative: 'Do the work.',
  },
  validFrom: '2026-09-30',
  validUntil: '2030-09-30',
  statusListIndex: 17,
  ...over,
});

describe('Open Badges 3.0 credential building', () => {
  it('makes a VC 2.0 OpenBadgeCredential with whole-day validity and the OB schema', () => {
    const c = buildCredential(facts()) as Doc;
    expect(c['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(c['@context']).toContain('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    expect(c.id).toBe('urn:uuid:0190d5e4-0000-7000-8000-000000000001');
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.validFrom).toBe('2026-09-30T00:00:00Z');
    expect(c.validUntil).toBe('2030-09-30T23:59:59Z');
    expect(c.issuer).toMatchObject({
      id: 'did:web:lssc.example',
      type: ['Profile'],
      url: 'https://lssc.example',
    });
    expect(c.credentialSchema[0].id).toMatch(/ob_v3p0_achievementcredential_schema\.json$/);
    expect(c.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Certification',
      criteria: { narrative: 'Do the work.' },
    });
    expect(c.credentialSubject.licenseNumber).toBe('CLSS-2026-000123');
  });

  it('hashes each distinct email with the salt, never showing it, and names the holder', () => {
    const c = buildCredential(facts()) as Doc;
    const ids = c.credentialSubject.identifier;
    expect(ids[0]).toEqual({
      type: 'IdentityObject',
      identityType: 'name',
      hashed: false,
      identityHash: 'Ada Okafor',
    });
    const emails = ids.filter((i: Doc) => i.identityType === 'emailAddress');
    expect(emails).toHaveLength(2);
    expect(emails[0].identityHash).toBe(identityHash('ada@example.org', 'pepper'));
    expect(emails[0].identityHash).toBe(
      `sha256$${createHash('sha256').update('ada@example.orgpepper').digest('hex')}`,
    );
    expect(emails.every((e: Doc) => e.hashed === true && e.salt === 'pepper')).toBe(true);
    expect(JSON.stringify(c).toLowerCase()).not.toContain('ada@example.org');
  });

  it('points both status entries at the same position in the two lists', () => {
    const c = buildCredential(facts()) as Doc;
    expect(c.credentialStatus).toEqual([
      {
        id: 'https://lssc.example/credentials/status/revocation#17',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '17',
        statusListCredential: 'https://lssc.example/credentials/status/revocation',
      },
      {
        id: 'https://lssc.example/credentials/status/suspension#17',
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: '17',
        statusListCredential: 'https://lssc.example/credentials/status/suspension',
      },
    ]);
  });

  it('states the requirements from the policy and the set from the framework', () => {
    const text = certificationNarrative({
      requiredSets: ['Foundations', 'Communication', 'Technology'],
      electiveCount: 7,
      electivesRequired: 3,
      completionYears: 4,
      validityYears: 4,
    });
    expect(text).toContain('all 3 required competency sets (Foundations, Communication, Technology)');
    expect(text).toContain('at least 3 of the 7 elective sets within 4 years of admission');
    const set = setNarrative({ title: 'Technology', competencies: [{ id: 'T-1', topic: 'Computers' }] });
    expect(set).toContain('Competencies: T-1: Computers.');
  });
});

describe('issuer DID and key setting', () => {
  it('derives did:web from the site address, a port written %3A, a path as colons', () => {
    expect(issuerDid('https://lssc.example')).toBe('did:web:lssc.example');
    expect(issuerDid('http://localhost:3000')).toBe('did:web:localhost%3A3000');
    expect(issuerDid('https://example.org/lssc/')).toBe('did:web:example.org:lssc');
  });

  it('reads a base64url seed or a multibase secret key, and says what is wrong otherwise', () => {
    const seed = Buffer.alloc(32, 7);
    expect(Buffer.from(decodeCredentialKey(seed.toString('base64url')))).toEqual(seed);
    expect(() => decodeCredentialKey(Buffer.alloc(31).toString('base64url'))).toThrow(/32 bytes/);
    expect(() => decodeCredentialKey('z111111111111111111111111111111111111111111')).toThrow(/multicodec/);
    expect(() => decodeCredentialKey('z0OIl')).toThrow(/base58/);
    // 1 in 64 random seeds is written in base64url starting with "z": still a seed, not a multibase key.
    const zSeed = Buffer.from(`z${'A'.repeat(42)}`, 'base64url');
    expect(zSeed).toHaveLength(32);
    expect(Buffer.from(decodeCredentialKey(zSeed.toString('base64url')))).toEqual(zSeed);
  });
});

describe('signing key in the configuration and the data directory', () => {
  it('is required in production and checked for shape', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x/y',
      SESSION_SECRET: 's'.repeat(40),
    };
    expect(() => loadConfig(production)).toThrow(/LSSC_CREDENTIAL_KEY is required in production/);
    expect(() => loadConfig({ ...production, LSSC_CREDENTIAL_KEY: 'too-short' })).toThrow(
      /LSSC_CREDENTIAL_KEY must be/,
    );
    const key = Buffer.alloc(32, 9).toString('base64url');
    expect(loadConfig({ ...production, LSSC_CREDENTIAL_KEY: key }).credentialKey).toBe(key);
  });

  it('accepts the secretKeyMultibase of a Multikey for the same key', async () => {
    const seed = new Uint8Array(32).fill(5);
    const pair = await Ed25519Multikey.generate({ seed });
    const exported = await pair.export({ secretKey: true, includeContext: false });
    expect(Buffer.from(decodeCredentialKey(String(exported.secretKeyMultibase)))).toEqual(Buffer.from(seed));
  });

  it('without a configured key, makes one on first use in the data directory (0600) and keeps it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-key-'));
    try {
      const config = loadConfig({ NODE_ENV: 'test', LSSC_DATA_DIR: dir });
      const first = credentialSeed(config);
      const file = path.join(dir, 'keys', 'credential-key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(credentialSeed(config))).toEqual(Buffer.from(first));
      expect(first).toHaveLength(32);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
