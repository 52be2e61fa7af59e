import { parentPort, workerData } from 'node:worker_threads';
import { signCredential, signingLoader } from './proofs.js';
import { signingKeyFromSeed } from './signing-key.js';

/**
 * A signing thread (sign-pool.ts): JSON-LD canonicalization is CPU-bound, so a large batch is
 * shared between threads. It receives the key seed from its parent, in memory only.
 */
const { seed, baseUrl } = workerData as { seed: Uint8Array; baseUrl: string };
const key = await signingKeyFromSeed(seed, baseUrl);
const loader = signingLoader(key);

parentPort?.on('message', async (msg: { id: number; credentials: Record<string, unknown>[]; at: string }) => {
  try {
    const signed = [];
    for (const credential of msg.credentials)
      signed.push(await signCredential(key, credential, new Date(msg.at), loader));
    parentPort?.postMessage({ id: msg.id, signed });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: (err as Error).message });
  }
});
parentPort?.postMessage({ ready: true });
