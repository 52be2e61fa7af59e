import fs from 'node:fs';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { Config } from '../../../config.js';
import { createFileOnce } from '../../../platform/file-once.js';
import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from './contexts.js';

/** The program's Ed25519 signing key and how verifiers find its public half. */
export interface SigningKey {
  /** The secret seed: only for signing workers in this process; never logged, stored or sent. */
  seed: Uint8Array;
  baseUrl: string;
  /** did:web of the site, e.g. did:web:lssc.example or did:web:localhost%3A3000. */
  did: string;
  verificationMethodId: string;
  keyPair: Ed25519Multikey.Ed25519KeyPair;
  /** The public key as a Multikey verification method (what the DID document lists). */
  verificationMethod: Record<string, unknown>;
  didDocument: Record<string, unknown>;
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' };
}

/**
 * did:web of the site: the host (a port's colon written %3A), then any path segments joined by
 * colons, as the did:web method says. Its document is then at /.well-known/did.json (or <path>/did.json).
 */
export function issuerDid(baseUrl: string): string {
  const url = new URL(baseUrl);
  const host = encodeURIComponent(url.host).replace(/%3A/gi, '%3A');
  const segments = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...segments].join(':');
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58Decode(text: string): Uint8Array {
  let value = 0n;
  for (const ch of text) {
    const digit = BASE58.indexOf(ch);
    if (digit < 0) throw new Error('not base58');
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Multicodec prefix of an Ed25519 private key (0x1300 as a varint). */
const ED25519_PRIVATE_HEADER = [0x80, 0x26];

/**
 * The 32-byte seed from LSSC_CREDENTIAL_KEY: either the seed in base64url, or a Multikey
 * `secretKeyMultibase` (z…: base58btc, Ed25519 private-key multicodec, seed with or without the
 * public key after it). Throws a message that never repeats the secret.
 */
export function decodeCredentialKey(text: string): Uint8Array {
  // A base64url seed is exactly 43 characters and may itself begin with "z" (1 in 64 of them);
  // a multibase secret key is at least 48, so the seed form is tried first.
  const seed = Buffer.from(text, 'base64url');
  if (seed.length === 32 && seed.toString('base64url') === text) return new Uint8Array(seed);
  if (text.startsWith('z')) {
    let bytes: Uint8Array;
    try {
      bytes = base58Decode(text.slice(1));
    } catch {
      throw new Error(
        'LSSC_CREDENTIAL_KEY starting with "z" must be base58btc (a Multikey secretKeyMultibase).',
      );
    }
    if (bytes[0] !== ED25519_PRIVATE_HEADER[0] || bytes[1] !== ED25519_PRIVATE_HEADER[1])
      throw new Error('LSSC_CREDENTIAL_KEY is not an Ed25519 private key (wrong multicodec prefix).');
    const key = bytes.subarray(2);
    if (key.length !== 32 && key.length !== 64)
      throw new Error('LSSC_CREDENTIAL_KEY must hold a 32-byte Ed25519 seed.');
    return key.slice(0, 32);
  }
  throw new Error('LSSC_CREDENTIAL_KEY must be 32 bytes in base64url (43 characters) or a z… multibase key.');
}

/** Development and tests without a configured key: one made on first use, kept (0600) in the data directory. */
function seedFromDataDir(dataDir: string): Uint8Array {
  // data/keys/ is kept out of version control (the data directory also holds the seed data).
  const file = path.join(dataDir, 'keys', 'credential-key');
  try {
    return decodeCredentialKey(fs.readFileSync(file, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const made = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  // Another process may make it at the same moment: both then sign with the first one's key.
  return decodeCredentialKey(createFileOnce(file, made));
}

const loaded = new Map<string, Promise<SigningKey>>();

/** The key for this configuration, read once per process. */
export function signingKey(config: Config): Promise<SigningKey> {
  const cacheKey = `${config.baseUrl}\n${config.credentialKey ?? `dir:${config.dataDir}`}`;
  let key = loaded.get(cacheKey);
  if (!key) {
    key = makeSigningKey(config);
    loaded.set(cacheKey, key);
    key.catch(() => loaded.delete(cacheKey));
  }
  return key;
}

/** The configured seed, or the one kept in the data directory (made on first use). */
export function credentialSeed(config: Config): Uint8Array {
  return config.credentialKey ? decodeCredentialKey(config.credentialKey) : seedFromDataDir(config.dataDir);
}

function makeSigningKey(config: Config): Promise<SigningKey> {
  return signingKeyFromSeed(credentialSeed(config), config.baseUrl);
}

/** The key and its public documents from a seed (also how a signing worker rebuilds it). */
export async function signingKeyFromSeed(seed: Uint8Array, baseUrl: string): Promise<SigningKey> {
  const did = issuerDid(baseUrl);
  const verificationMethodId = `${did}#key-1`;
  const keyPair = await Ed25519Multikey.generate({ id: verificationMethodId, controller: did, seed });
  const verificationMethod = await keyPair.export({ publicKey: true, includeContext: false });
  const jwk = await Ed25519Multikey.toJwk({ keyPair });
  return {
    seed,
    baseUrl,
    did,
    verificationMethodId,
    keyPair,
    verificationMethod,
    didDocument: {
      '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
      id: did,
      verificationMethod: [verificationMethod],
      assertionMethod: [verificationMethodId],
    },
    publicJwk: { ...jwk, kid: verificationMethodId, alg: 'EdDSA', use: 'sig' },
  };
}
