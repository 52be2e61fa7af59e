import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, notFound } from '../errors.js';
import { formatBytes } from './format-bytes.js';

export interface BlobMeta {
  contentType: string;
  /** Refuse (and keep nothing) once more bytes than this arrive; defaults to the store's limit. */
  maxBytes?: number;
}

export interface StoredBlob {
  key: string;
  size: number;
  /** Hex digest of exactly the bytes stored. */
  sha256: string;
}

/**
 * Where uploaded files live: `./data/files` on the embedded default, an S3-compatible bucket in production.
 * Keys are chosen by our code (e.g. `applications/<id>/syllabus-<id>`), never by the person uploading.
 * A put either stores the whole blob or nothing, and readers never see a half-written one.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array | Readable, meta: BlobMeta): Promise<StoredBlob>;
  /** Throws `DomainError('NOT_FOUND')` when there is no such blob. */
  get(key: string): Promise<Readable>;
  stat(key: string): Promise<{ size: number } | undefined>;
  /** Removing a blob that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export class InvalidBlobKeyError extends Error {
  override name = 'InvalidBlobKeyError';
}

export const DEFAULT_MAX_BLOB_BYTES = 20 * 1024 * 1024;
const MAX_KEY_LENGTH = 512;
const SEGMENT = /^[a-z0-9-]+$/;

/**
 * Keys are `/`-separated segments of `a-z`, `0-9` and `-`. That rules out `..`, `.`, absolute paths, backslashes
 * and anything a file system treats specially, so a key can always be used as a relative path as it is.
 */
export function assertBlobKey(key: string): void {
  const problem = blobKeyProblem(key);
  if (problem) throw new InvalidBlobKeyError(`Invalid blob key ${JSON.stringify(key)}: ${problem}`);
}

function blobKeyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'the key is empty';
  if (key.length > MAX_KEY_LENGTH) return `the key is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/') || key.startsWith('\\') || /^[a-zA-Z]:/.test(key)) {
    return 'absolute paths are not allowed';
  }
  if (key.split(/[/\\]/).some((s) => s === '..' || s === '.')) return '"." and ".." segments are not allowed';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty segments (leading, trailing or double "/") are not allowed';
    if (!SEGMENT.test(segment)) return `segment ${JSON.stringify(segment)} may use only a-z, 0-9 and "-"`;
  }
  return undefined;
}

export function payloadTooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the limit of ${formatBytes(maxBytes, 'down')}.`,
  );
}

/** Counts and hashes bytes on their way to disk, and stops the stream the moment the limit is passed. */
export class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.size += bytes.length;
    if (this.size > this.maxBytes) {
      done(payloadTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(bytes);
    done(null, bytes);
  }
}

export interface LocalBlobStoreOptions {
  /** Default limit for each put (`config.maxUploadBytes`). */
  maxBytes?: number;
}

/**
 * Files under `dir`, one per key. Writes go to a temporary file in `dir/.incoming` (same file system, and
 * a name no key can take) and are renamed into place once complete and flushed, so concurrent puts of one
 * key leave whichever finished last, whole. The content type is not kept here: callers record the detected
 * type with their own row (the S3 adapter also sets it on the object).
 */
export function localBlobStore(dir: string, options: LocalBlobStoreOptions = {}): BlobStore {
  const root = path.resolve(dir);
  const incoming = path.join(root, '.incoming');
  const defaultMax = options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;

  function fileFor(key: string): string {
    assertBlobKey(key);
    const file = path.resolve(root, ...key.split('/'));
    // Belt and braces: the key rules already guarantee this.
    if (!file.startsWith(root + path.sep)) throw new InvalidBlobKeyError(`Invalid blob key ${key}`);
    return file;
  }

  return {
    async put(key, bytes, meta) {
      const file = fileFor(key);
      const maxBytes = meta.maxBytes ?? defaultMax;
      if (bytes instanceof Uint8Array && bytes.byteLength > maxBytes) throw payloadTooLarge(maxBytes);
      const source =
        bytes instanceof Uint8Array
          ? // One chunk: Readable.from would otherwise iterate a Uint8Array byte by byte.
            Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])
          : bytes;
      const temp = path.join(incoming, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.part`);
      const meter = new Meter(maxBytes);
      let handle: fs.promises.FileHandle | undefined;
      try {
        await fs.promises.mkdir(incoming, { recursive: true });
        // Opened here, not by the stream, so the file exists and is closed again before any clean-up runs.
        handle = await fs.promises.open(temp, 'wx', 0o600);
        await pipeline(source, meter, handle.createWriteStream({ flush: true }));
        await handle.close();
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.rename(temp, file);
      } catch (error) {
        // The caller's stream (an upload) must not hang half-read whatever failed.
        if (!source.destroyed) source.destroy();
        await handle?.close().catch(() => {});
        if (handle) await fs.promises.rm(temp, { force: true });
        throw error;
      }
      return { key, size: meter.size, sha256: meter.hash.digest('hex') };
    },

    async get(key) {
      const file = fileFor(key);
      let handle: fs.promises.FileHandle;
      try {
        handle = await fs.promises.open(file, 'r');
      } catch (error) {
        if (isMissing(error)) throw notFound('That file');
        throw error;
      }
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw notFound('That file'); // a folder that holds other keys, not a blob
      }
      // The open handle keeps reading the version it opened even if a put replaces the file meanwhile.
      return handle.createReadStream({ autoClose: true });
    },

    async stat(key) {
      const file = fileFor(key);
      try {
        const s = await fs.promises.stat(file);
        return s.isFile() ? { size: s.size } : undefined;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async delete(key) {
      const file = fileFor(key);
      try {
        // Empty parent folders stay: removing them could race a put that just created them.
        await fs.promises.unlink(file);
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
