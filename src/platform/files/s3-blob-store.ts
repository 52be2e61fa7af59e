import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { notFound } from '../errors.js';
import {
  assertBlobKey,
  type BlobStore,
  DEFAULT_MAX_BLOB_BYTES,
  Meter,
  payloadTooLarge,
} from './blob-store.js';

export interface S3BlobStoreOptions {
  /** The service's base URL, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://minio:9000`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key`: MinIO, Ceph and most self-hosted services need it. */
  forcePathStyle: boolean;
  /** Every key is stored under `<prefix>/`, so one bucket can serve several installations. Same rules as a key. */
  prefix?: string;
  /** Default limit for each put (`config.maxUploadBytes`). */
  maxBytes?: number;
  /** Where a streamed upload waits while it is counted and hashed; the system's temporary folder by default. */
  spoolDir?: string;
}

export interface S3BlobStore extends BlobStore {
  /** Resolves when the bucket answers to these credentials; for the readiness probe. */
  checkBucket(timeoutMs?: number): Promise<void>;
}

/** The service refused or failed a request; never carries credentials or signed headers. */
export class S3RequestError extends Error {
  override name = 'S3RequestError';
  constructor(
    readonly status: number,
    readonly s3Code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const ATTEMPTS = 3;

/** The URL of the bucket (no key) or of one object, path style or virtual-hosted. */
export function s3Url(
  opts: Pick<S3BlobStoreOptions, 'endpoint' | 'bucket' | 'forcePathStyle'>,
  objectKey?: string,
) {
  const url = new URL(opts.endpoint);
  const basePath = url.pathname.replace(/\/+$/, '');
  if (opts.forcePathStyle) {
    url.pathname =
      objectKey === undefined ? `${basePath}/${opts.bucket}` : `${basePath}/${opts.bucket}/${objectKey}`;
  } else {
    url.hostname = `${opts.bucket}.${url.hostname}`;
    url.pathname = `${basePath}/${objectKey ?? ''}`;
  }
  return url;
}

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), signed with AWS Signature V4.
 *
 * A put that arrives as a stream is first written to a private temporary file through the same meter as the
 * local store, so the size limit is enforced while reading and nothing is sent for a refused or broken upload.
 * The object is then sent in one PutObject with its length and its SHA-256 as the signed payload hash: the
 * service rejects a body that does not match it, and a PutObject is all or nothing, so the bucket only ever
 * holds whole objects whose digest is the one we return. Concurrent puts of one key leave one of them, whole.
 */
export function s3BlobStore(opts: S3BlobStoreOptions): S3BlobStore {
  const prefix = opts.prefix?.replace(/^\/+|\/+$/g, '') || undefined;
  if (prefix !== undefined) assertBlobKey(prefix);
  const defaultMax = opts.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const spoolDir = opts.spoolDir ?? os.tmpdir();
  // Retries are ours (below): the client's own would resend a streamed body that has already been read.
  const client = new AwsClient({
    accessKeyId: opts.accessKeyId,
    secretAccessKey: opts.secretAccessKey,
    service: 's3',
    region: opts.region,
    retries: 0,
  });

  function urlFor(key: string): URL {
    assertBlobKey(key);
    return s3Url(opts, prefix ? `${prefix}/${key}` : key);
  }

  /** One signed request, tried again on throttling, server errors and dropped connections (all idempotent). */
  async function send(
    method: string,
    url: URL,
    what: string,
    init: {
      headers?: Record<string, string>;
      body?: () => Buffer | Readable;
      signal?: AbortSignal;
      attempts?: number;
    } = {},
  ): Promise<Response> {
    const attempts = init.attempts ?? ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      const body = init.body?.();
      try {
        // A stream body needs `duplex: 'half'`, which the client adds itself when Request asks for it.
        const request = await client.sign(url, {
          method,
          headers: init.headers,
          body:
            body instanceof Readable
              ? (Readable.toWeb(body) as ReadableStream)
              : (body as Uint8Array<ArrayBuffer>),
          signal: init.signal,
        });
        const response = await fetch(request);
        if ((response.status < 500 && response.status !== 429) || attempt >= attempts) return response;
        await response.body?.cancel();
      } catch (error) {
        if (attempt >= attempts || init.signal?.aborted) {
          const cause = error instanceof Error ? (error.cause ?? error) : error;
          const reason = cause instanceof Error ? cause.message : String(cause);
          throw new S3RequestError(0, undefined, `S3 ${what} failed: ${reason}`);
        }
      } finally {
        // A file stream the request did not finish must not keep its descriptor open.
        if (body instanceof Readable) body.destroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }

  async function upload(
    key: string,
    contentType: string,
    size: number,
    sha256: string,
    body: () => Buffer | Readable,
  ) {
    const response = await send('PUT', urlFor(key), `upload of ${key}`, {
      headers: {
        'Content-Type': contentType,
        'Content-Length': String(size),
        'X-Amz-Content-Sha256': sha256,
      },
      body,
    });
    if (!response.ok) throw await failure(response, `upload of ${key}`);
    await response.body?.cancel();
  }

  return {
    async put(key, bytes, meta) {
      assertBlobKey(key);
      const maxBytes = meta.maxBytes ?? defaultMax;
      if (bytes instanceof Uint8Array) {
        if (bytes.byteLength > maxBytes) throw payloadTooLarge(maxBytes);
        const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const sha256 = createHash('sha256').update(body).digest('hex');
        await upload(key, meta.contentType, body.length, sha256, () => body);
        return { key, size: body.length, sha256 };
      }
      const spooled = await spool(bytes, maxBytes, spoolDir);
      try {
        await upload(key, meta.contentType, spooled.size, spooled.sha256, () =>
          fs.createReadStream(spooled.file),
        );
      } finally {
        await fs.promises.rm(spooled.file, { force: true });
      }
      return { key, size: spooled.size, sha256: spooled.sha256 };
    },

    async get(key) {
      const response = await send('GET', urlFor(key), `download of ${key}`);
      if (response.ok && response.body) {
        return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
      }
      const error = await failure(response, `download of ${key}`);
      if (isMissingKey(error)) throw notFound('That file');
      throw error;
    },

    async stat(key) {
      const response = await send('HEAD', urlFor(key), `look-up of ${key}`);
      await response.body?.cancel();
      // A HEAD answer has no body to tell a missing key from a missing bucket; the readiness probe catches the latter.
      if (response.status === 404) return undefined;
      if (!response.ok) throw await failure(response, `look-up of ${key}`);
      return { size: Number(response.headers.get('content-length') ?? 0) };
    },

    async delete(key) {
      const response = await send('DELETE', urlFor(key), `removal of ${key}`);
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const error = await failure(response, `removal of ${key}`);
      if (!isMissingKey(error)) throw error;
    },

    async checkBucket(timeoutMs = 5000) {
      const response = await send('HEAD', s3Url(opts), `check of bucket ${opts.bucket}`, {
        signal: AbortSignal.timeout(timeoutMs),
        attempts: 1,
      });
      await response.body?.cancel();
      if (!response.ok) throw await failure(response, `check of bucket ${opts.bucket}`);
    },
  };
}

/** A 404 about the key (not the bucket): some services send no error document at all. */
function isMissingKey(error: S3RequestError): boolean {
  return error.status === 404 && (error.s3Code === undefined || error.s3Code === 'NoSuchKey');
}

async function failure(response: Response, what: string): Promise<S3RequestError> {
  const text = await response.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]{1,300})<\/Message>/.exec(text)?.[1];
  const detail = [response.status, code].filter(Boolean).join(' ') + (message ? `: ${message}` : '');
  return new S3RequestError(response.status, code, `S3 ${what} failed: ${detail}`);
}

/** Write the stream to a private temporary file, counting and hashing it; nothing is left if it fails. */
async function spool(source: Readable, maxBytes: number, dir: string) {
  const file = path.join(
    dir,
    `lssc-upload-${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.part`,
  );
  const meter = new Meter(maxBytes);
  let handle: fs.promises.FileHandle | undefined;
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    handle = await fs.promises.open(file, 'wx', 0o600);
    await pipeline(source, meter, handle.createWriteStream());
    await handle.close();
  } catch (error) {
    // The caller's stream (an upload) must not hang half-read whatever failed.
    if (!source.destroyed) source.destroy();
    await handle?.close().catch(() => {});
    if (handle) await fs.promises.rm(file, { force: true });
    throw error;
  }
  return { file, size: meter.size, sha256: meter.hash.digest('hex') };
}
