import type { Config } from '../../config.js';
import { type BlobStore, localBlobStore } from '../../platform/files/blob-store.js';
import type { Kind } from '../../platform/files/file-type.js';

/** Syllabi and résumés: PDF, Word or plain text. */
export const COURSE_FILE_KINDS: readonly Kind[] = ['pdf', 'word', 'text'];

const stores = new Map<string, BlobStore>();

/** The blob store for uploaded course files (one per files folder, reused across requests). */
export function courseBlobStore(config: Pick<Config, 'filesDir' | 'maxUploadBytes'>): BlobStore {
  const key = `${config.filesDir}|${config.maxUploadBytes}`;
  let store = stores.get(key);
  if (!store) {
    store = localBlobStore(config.filesDir, { maxBytes: config.maxUploadBytes });
    stores.set(key, store);
  }
  return store;
}

export const blobKeyFor = (applicationId: string, fileId: string) =>
  `course-applications/${applicationId}/${fileId}`;
