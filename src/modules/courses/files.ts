import type { BlobStore } from '../../platform/files/blob-store.js';
import { type BlobStoreConfig, blobStoreFor } from '../../platform/files/configured-blob-store.js';
import type { Kind } from '../../platform/files/file-type.js';

/** Syllabi and résumés: PDF, Word or plain text. */
export const COURSE_FILE_KINDS: readonly Kind[] = ['pdf', 'word', 'text'];

/** The blob store for uploaded course files: the one the configuration chooses (local folder or S3 bucket). */
export function courseBlobStore(config: BlobStoreConfig): BlobStore {
  return blobStoreFor(config);
}

export const blobKeyFor = (applicationId: string, fileId: string) =>
  `course-applications/${applicationId}/${fileId}`;
