import type { Config } from '../../config.js';
import { type BlobStore, localBlobStore } from '../../platform/files/blob-store.js';
import type { Kind } from '../../platform/files/file-type.js';

/** A certificate or transcript: a PDF, a photo or scan, or a Word document. */
export const PROOF_KINDS: readonly Kind[] = ['pdf', 'image', 'word'];

const stores = new Map<string, BlobStore>();

/** The blob store for proofs of completion (one per files folder, reused across requests). */
export function proofBlobStore(config: Pick<Config, 'filesDir' | 'maxUploadBytes'>): BlobStore {
  const key = `${config.filesDir}|${config.maxUploadBytes}`;
  let store = stores.get(key);
  if (!store) {
    store = localBlobStore(config.filesDir, { maxBytes: config.maxUploadBytes });
    stores.set(key, store);
  }
  return store;
}

export const proofBlobKey = (candidateId: string, claimId: string) =>
  `completion-claims/${candidateId}/${claimId}`;
