import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader } from '@digitalbazaar/vc';
import * as vc from '@digitalbazaar/vc';
import { offlineDocumentLoader } from './contexts.js';
import type { SigningKey } from './signing-key.js';

/** This site's own key documents, for the loader: the DID document and its verification method. */
export function ownKeyDocuments(key: SigningKey) {
  const vmWithContext = { '@context': key.didDocument['@context'], ...key.verificationMethod };
  return async (url: string): Promise<unknown | undefined> => {
    if (url === key.did) return key.didDocument;
    if (url === key.verificationMethodId) return vmWithContext;
    return undefined;
  };
}

/** The loader used for signing: bundled contexts and our key only. */
export function signingLoader(key: SigningKey): DocumentLoader {
  return offlineDocumentLoader(ownKeyDocuments(key));
}

/** Sign with an eddsa-rdfc-2022 Data Integrity proof dated `at`. */
export async function signCredential(
  key: SigningKey,
  credential: Record<string, unknown>,
  at: Date,
  documentLoader: DocumentLoader = signingLoader(key),
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite, date: at });
  return vc.issue({ credential, suite, documentLoader });
}

export interface ProofCheck {
  valid: boolean;
  /** Why not, in the library's words (for logs and the API, not the page). */
  reason: string | null;
}

/**
 * Checks the proof only. Dates are judged apart (a credential past its end date still carries a
 * good signature): the check runs "as of" the credential's own validFrom. Status entries are read
 * by the caller, so the check is told they are fine here.
 */
export async function checkProof(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<ProofCheck> {
  const suite = new DataIntegrityProof({ cryptosuite });
  const validFrom = typeof credential.validFrom === 'string' ? credential.validFrom : undefined;
  try {
    const result = await vc.verifyCredential({
      credential,
      suite,
      documentLoader,
      checkStatus: async () => ({ verified: true }),
      ...(validFrom && !Number.isNaN(Date.parse(validFrom)) ? { now: validFrom } : {}),
    });
    if (result.verified) return { valid: true, reason: null };
    const reason =
      result.error?.errors?.[0]?.message ??
      result.error?.message ??
      result.results?.[0]?.error?.message ??
      'The proof does not match.';
    return { valid: false, reason };
  } catch (err) {
    return { valid: false, reason: (err as Error).message };
  }
}
