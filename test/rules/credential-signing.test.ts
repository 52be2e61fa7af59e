import { describe, expect, it } from 'vitest';
import {
  buildCredential,
  issuerProfile,
} from '../../src/modules/certification/credentials/build-credential.js';
import { offlineDocumentLoader } from '../../src/modules/certification/credentials/contexts.js';
import { checkProof, ownKeyDocuments } from '../../src/modules/certification/credentials/proofs.js';
import { signMany } from '../../src/modules/certification/credentials/sign-pool.js';
import { signingKeyFromSeed } from '../../src/modules/certification/credentials/signing-key.js';

describe('signing many credentials', () => {
  it('returns every credential signed, in order (threads where they can start), each verifiable offline', async () => {
    const key = await signingKeyFromSeed(new Uint8Array(32).fill(3), 'https://lssc.example');
    const issuer = issuerProfile(key.did, 'https://lssc.example', {
      name: 'Office',
      email: 'office@lssc.example',
    });
    const unsigned = Array.from({ length: 210 }, (_, i) =>
      buildCredential({
        id: `0190d5e4-0000-7000-8000-${String(i).padStart(12, '0')}`,
        issuer,
        baseUrl: 'https://lssc.example',
        name: `Credential ${i}`,
        holderName: `Holder ${i}`,
        emails: [`holder${i}@example.org`],
        salt: 'salt',
        certificateNumber: `CLSS-2026-${String(i).padStart(6, '0')}`,
        achievement: {
          id: 'https://lssc.example/credentials/achievements/clss',
          achievementType: 'Certification',
          name: 'CLSS',
          description: 'Certification.',
          narrative: 'Six sets.',
        },
        validFrom: '2026-09-30',
        validUntil: '2030-09-30',
        statusListIndex: i,
      }),
    );
    const signed = await signMany(key, unsigned, new Date('2026-11-28T15:00:00Z'));
    expect(signed.map((d) => d.id)).toEqual(unsigned.map((d) => d.id));
    const loader = offlineDocumentLoader(ownKeyDocuments(key));
    for (const doc of [signed[0]!, signed[105]!, signed[209]!]) {
      expect(doc.proof).toMatchObject({
        created: '2026-11-28T15:00:00Z',
        verificationMethod: `${key.did}#key-1`,
      });
      expect(await checkProof(doc, loader)).toEqual({ valid: true, reason: null });
    }
    // A proof moved onto another credential does not match it.
    const swapped = { ...signed[1]!, proof: signed[2]!.proof };
    expect((await checkProof(swapped, loader)).valid).toBe(false);
    // A loader that knows no key refuses rather than fetching.
    const result = await checkProof(signed[0]!, offlineDocumentLoader());
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/only bundled documents are used|Refused/);
  });
});
