import type { BlobStore } from '../../platform/files/blob-store.js';
import { type BlobStoreConfig, blobStoreFor } from '../../platform/files/configured-blob-store.js';
import type { Kind } from '../../platform/files/file-type.js';

/** Evidence files: PDF, Word, images and plain text, judged by their content. */
export const PORTFOLIO_FILE_KINDS: readonly Kind[] = ['pdf', 'word', 'image', 'text'];

/** What the file input offers; the content decides, this only helps the person pick. */
export const PORTFOLIO_FILE_ACCEPT =
  '.pdf,.doc,.docx,.rtf,.txt,.png,.jpg,.jpeg,.gif,.webp,application/pdf,text/plain,image/*';

export function portfolioBlobStore(config: BlobStoreConfig): BlobStore {
  return blobStoreFor(config);
}

/** Each upload gets its own key (a replaced file keeps its old blob until the row no longer points at it). */
export const evidenceBlobKey = (portfolioId: string, uploadId: string) =>
  `portfolios/${portfolioId}/${uploadId}`;
