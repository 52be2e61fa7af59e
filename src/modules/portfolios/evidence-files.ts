import type { Ctx } from '../../platform/context.js';
import type { StoredBlob } from '../../platform/files/blob-store.js';
import { uuidv7 } from '../../platform/ids.js';
import type { CheckedFile } from './evidence-input.js';
import { evidenceBlobKey, portfolioBlobStore } from './files.js';

export interface StoredEvidenceFile {
  blobKey: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

/**
 * Store a checked file under a fresh key, then run `record` (which writes the row). If recording
 * fails the blob is removed again, so a refused or rolled-back change leaves nothing behind.
 */
export async function withStoredFile<T>(
  ctx: Ctx,
  portfolioId: string,
  file: CheckedFile,
  record: (stored: StoredEvidenceFile) => Promise<T>,
): Promise<T> {
  const store = portfolioBlobStore(ctx.config);
  const stored: StoredBlob = await store.put(
    evidenceBlobKey(portfolioId, uuidv7(ctx.clock.now().getTime())),
    file.bytes,
    { contentType: file.type.mime, maxBytes: ctx.config.maxUploadBytes },
  );
  try {
    return await record({
      blobKey: stored.key,
      fileName: file.fileName,
      mime: file.type.mime,
      size: stored.size,
      sha256: stored.sha256,
    });
  } catch (error) {
    await store.delete(stored.key).catch(() => {});
    throw error;
  }
}

/** After commit: a blob no row points at any more. If this fails an orphan blob stays, never a row without its blob. */
export async function deleteEvidenceBlob(ctx: Ctx, key: string | null): Promise<void> {
  if (!key) return;
  await portfolioBlobStore(ctx.config)
    .delete(key)
    .catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not delete a portfolio evidence file'));
}
