import type { FastifyReply } from 'fastify';
import type { BlobStore } from './blob-store.js';
import { safeFileName } from './file-name.js';
import { fileTypeForMime } from './file-type.js';

export interface BlobDownload {
  key: string;
  /** The type detected from the content at upload (stored with the record), not what the browser claimed. */
  mime: string;
  /** The display name kept with the record; it is sanitised again here. */
  fileName: string;
}

/**
 * Stream a stored file to the browser as a download.
 *
 * Authorization is the caller's job: check that the actor may see this file (its application, its
 * portfolio) before calling, and answer 404 rather than 403 for files they may not know about.
 *
 * The headers make the browser save the file rather than render it on our origin (`attachment`, `nosniff`,
 * a sandboxing CSP for viewers that open it anyway), and keep it out of shared caches (`private, no-store`).
 * A type we do not know is sent as `application/octet-stream`. A missing blob throws `DomainError('NOT_FOUND')`
 * before any header is sent.
 */
export async function sendBlob(reply: FastifyReply, store: BlobStore, download: BlobDownload) {
  const type = fileTypeForMime(download.mime);
  const stream = await store.get(download.key);
  const contentType = !type
    ? 'application/octet-stream'
    : type.kind === 'text'
      ? `${type.mime}; charset=utf-8`
      : type.mime;
  return reply
    .header('Content-Type', contentType)
    .header('Content-Disposition', contentDisposition(safeFileName(download.fileName, type)))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(stream);
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 with RFC 5987 encoding): the
 * plain `filename` is a fallback for old clients, with anything outside printable ASCII replaced.
 */
export function contentDisposition(fileName: string): string {
  const fallback = Array.from(fileName, (ch) =>
    /^[\x20-\x7e]$/.test(ch) && ch !== '"' && ch !== '\\' ? ch : '_',
  )
    .join('')
    .replace(/%/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Percent-encode everything except RFC 5987 attr-char (encodeURIComponent also leaves ' ( ) * alone). */
export function encodeRfc5987(value: string): string {
  // encodeURIComponent throws on half a character (a lone surrogate); show it as the replacement character.
  const wellFormed = value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  return encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
