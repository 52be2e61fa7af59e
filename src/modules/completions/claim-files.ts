import type { BlobStore } from '../../platform/files/blob-store.js';
import { type BlobStoreConfig, blobStoreFor } from '../../platform/files/configured-blob-store.js';
import type { Kind } from '../../platform/files/file-type.js';

/** A certificate or transcript: a PDF, a photo or scan, or a Word document. */
export const PROOF_KINDS: readonly Kind[] = ['pdf', 'image', 'word'];

/** The blob store for proofs of completion: the one the configuration chooses (local folder or S3 bucket). */
export function proofBlobStore(config: BlobStoreConfig): BlobStore {
  return blobStoreFor(config);
}

export const proofBlobKey = (candidateId: string, claimId: string) =>
  `completion-claims/${candidateId}/${claimId}`;
