import type { Config } from '../../config.js';
import { type BlobStore, localBlobStore } from './blob-store.js';
import { type S3BlobStore, s3BlobStore } from './s3-blob-store.js';

export type BlobStoreConfig = Pick<Config, 'blobStore' | 'filesDir' | 'maxUploadBytes'>;

// One store per setting, reused across requests (the S3 client caches its signing keys).
const stores = new Map<string, BlobStore | S3BlobStore>();

/** The blob store the configuration chooses: files under `filesDir`, or the S3-compatible bucket. */
export function blobStoreFor(config: BlobStoreConfig): BlobStore {
  return storeFor(config);
}

/** For readiness: throws when the configured bucket does not answer; the local folder needs no check. */
export async function checkBlobStore(config: BlobStoreConfig): Promise<void> {
  const store = storeFor(config);
  if ('checkBucket' in store) await store.checkBucket();
}

function storeFor(config: BlobStoreConfig): BlobStore | S3BlobStore {
  const settings = config.blobStore;
  const cacheKey = JSON.stringify([config.filesDir, config.maxUploadBytes, settings]);
  let store = stores.get(cacheKey);
  if (!store) {
    store =
      settings.kind === 'local'
        ? localBlobStore(config.filesDir, { maxBytes: config.maxUploadBytes })
        : s3BlobStore({ ...settings, maxBytes: config.maxUploadBytes });
    stores.set(cacheKey, store);
  }
  return store;
}
