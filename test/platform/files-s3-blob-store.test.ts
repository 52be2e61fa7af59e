import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { proofBlobStore } from '../../src/modules/completions/claim-files.js';
import { courseBlobStore } from '../../src/modules/courses/files.js';
import { InvalidBlobKeyError } from '../../src/platform/files/blob-store.js';
import { blobStoreFor, checkBlobStore } from '../../src/platform/files/configured-blob-store.js';
import { S3RequestError, s3BlobStore, s3Url } from '../../src/platform/files/s3-blob-store.js';
import { startServer } from '../../src/server.js';
import { S3_TEST_CREDENTIALS, type S3TestServer, startS3TestServer } from '../support/s3-test-server.js';

// The contract every blob store keeps (limits, keys, all-or-nothing puts) runs against this adapter too, in
// files-blob-store.test.ts. Here: what is particular to S3.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-s3-'));
let server: S3TestServer;
beforeAll(async () => {
  server = await startS3TestServer({
    directory: path.join(root, 's3rver'),
    buckets: ['lssc-files', 'lssc-other'],
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const meta = { contentType: 'application/pdf' };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let n = 0;
function storeOn(
  bucket: string,
  options: { prefix?: string; secretAccessKey?: string; endpoint?: string } = {},
) {
  const spoolDir = path.join(root, `spool-${++n}`);
  const store = s3BlobStore({
    ...S3_TEST_CREDENTIALS,
    endpoint: server.endpoint,
    bucket,
    forcePathStyle: true,
    maxBytes: 1024 * 1024,
    spoolDir,
    ...options,
  });
  const spooled = () => (fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir) : []);
  return { store, spooled };
}
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe('S3 blob store', () => {
  it('keeps objects under the prefix with their type, signing the SHA-256 of exactly what is sent', async () => {
    const { store } = storeOn('lssc-files', { prefix: '/site-a/files/' });
    const bytes = randomBytes(40_000);
    const stored = await store.put('applications/a1/syllabus', Readable.from([bytes]), meta);
    expect(stored).toEqual({ key: 'applications/a1/syllabus', size: 40_000, sha256: sha256(bytes) });
    expect(await server.listKeys('lssc-files', 'site-a/')).toEqual(['site-a/files/applications/a1/syllabus']);
    const head = await server.headObject('lssc-files', 'site-a/files/applications/a1/syllabus');
    expect(head?.get('content-type')).toBe('application/pdf');
    expect(head?.get('content-length')).toBe('40000');
    // The service checks the body against this signed hash, so a corrupted upload is refused, not stored.
    const put = server.requests.filter((r) => r.method === 'PUT').at(-1);
    expect(put?.contentSha256).toBe(sha256(bytes));
  });

  it('works without a prefix', async () => {
    const { store } = storeOn('lssc-other');
    await store.put('x/y', Buffer.from('plain'), { contentType: 'text/plain' });
    expect(await server.listKeys('lssc-other', '')).toEqual(['x/y']);
    expect(Buffer.concat(await (await store.get('x/y')).toArray()).toString()).toBe('plain');
  });

  it('sends an upload again from the start when the service is busy', async () => {
    const { store, spooled } = storeOn('lssc-files', { prefix: 'retry' });
    const bytes = randomBytes(50_000);
    const before = server.requests.length;
    server.failNext(2);
    const stored = await store.put(
      'evidence',
      Readable.from([bytes.subarray(0, 20_000), bytes.subarray(20_000)]),
      meta,
    );
    expect(stored.sha256).toBe(sha256(bytes));
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(sha256(Buffer.concat(await (await store.get('evidence')).toArray()))).toBe(sha256(bytes));
    expect(spooled()).toEqual([]);
  });

  it('gives up after three busy answers, keeping nothing', async () => {
    const { store, spooled } = storeOn('lssc-files', { prefix: 'busy' });
    server.failNext(3);
    const error = await errorOf(store.put('evidence', Readable.from([Buffer.alloc(1000)]), meta));
    expect(error).toBeInstanceOf(S3RequestError);
    expect(error).toMatchObject({ status: 503, s3Code: 'SlowDown' });
    expect(await server.listKeys('lssc-files', 'busy/')).toEqual([]);
    expect(spooled()).toEqual([]);
  });

  it('treats a missing bucket as a fault, not as a missing file', async () => {
    const { store } = storeOn('no-such-bucket');
    const read = await errorOf(store.get('a'));
    expect(read).toBeInstanceOf(S3RequestError);
    expect(read).toMatchObject({ status: 404, s3Code: 'NoSuchBucket' });
    await expect(store.delete('a')).rejects.toMatchObject({ s3Code: 'NoSuchBucket' });
    await expect(store.checkBucket()).rejects.toMatchObject({ status: 404 });
    // A missing key in a bucket that exists is the ordinary NOT_FOUND.
    await expect(storeOn('lssc-files').store.get('no/such/key')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is refused with the wrong secret, and never puts the secret in an error', async () => {
    const secret = 'not-the-secret-0123456789';
    const { store } = storeOn('lssc-files', { secretAccessKey: secret });
    const error = await errorOf(store.put('a', Buffer.from('x'), meta));
    expect(error).toMatchObject({ status: 403, s3Code: 'SignatureDoesNotMatch' });
    expect(`${error?.message} ${error?.stack}`).not.toContain(secret);
    await expect(store.checkBucket()).rejects.toBeInstanceOf(S3RequestError);
  });

  it('fails plainly when the service cannot be reached, leaving no temporary file', async () => {
    const { store, spooled } = storeOn('lssc-files', { endpoint: `http://127.0.0.1:${await closedPort()}` });
    await expect(store.checkBucket()).rejects.toThrow(/S3 check of bucket lssc-files failed: .*ECONNREFUSED/);
    await expect(store.put('a', Readable.from([Buffer.alloc(5000)]), meta)).rejects.toBeInstanceOf(
      S3RequestError,
    );
    expect(spooled()).toEqual([]);
  });

  it('refuses a prefix that breaks the key rules', () => {
    expect(() => storeOn('lssc-files', { prefix: '../other' })).toThrow(InvalidBlobKeyError);
    expect(() => storeOn('lssc-files', { prefix: 'Files' })).toThrow(InvalidBlobKeyError);
  });

  it('addresses buckets path style or virtual-hosted', () => {
    const at = (endpoint: string, forcePathStyle: boolean, key?: string) =>
      s3Url({ endpoint, bucket: 'lssc', forcePathStyle }, key).toString();
    expect(at('http://minio:9000', true, 'a/b')).toBe('http://minio:9000/lssc/a/b');
    expect(at('http://minio:9000/', true)).toBe('http://minio:9000/lssc');
    expect(at('https://s3.eu-west-1.amazonaws.com', false, 'a/b')).toBe(
      'https://lssc.s3.eu-west-1.amazonaws.com/a/b',
    );
    expect(at('https://s3.eu-west-1.amazonaws.com', false)).toBe('https://lssc.s3.eu-west-1.amazonaws.com/');
    expect(at('https://gateway.example/storage/', true, 'k')).toBe('https://gateway.example/storage/lssc/k');
  });
});

describe('choosing the blob store in the configuration', () => {
  const s3Env = () => ({
    LSSC_BLOB_STORE: 's3',
    LSSC_S3_ENDPOINT: server.endpoint,
    LSSC_S3_BUCKET: 'lssc-files',
    LSSC_S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    LSSC_S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    LSSC_S3_FORCE_PATH_STYLE: 'true',
    LSSC_S3_PREFIX: 'wired/',
    LSSC_DATA_DIR: path.join(root, `data-${++n}`),
  });
  const configError = (env: Record<string, string | undefined>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('loadConfig accepted the settings');
  };

  it('uses the local folder unless told otherwise', () => {
    expect(loadConfig({}).blobStore).toEqual({ kind: 'local' });
    expect(loadConfig({ ...s3Env(), LSSC_BLOB_STORE: 'local' }).blobStore).toEqual({ kind: 'local' });
  });

  it('names each missing S3 setting', () => {
    expect(configError({ ...s3Env(), LSSC_S3_BUCKET: undefined })).toBe(
      'LSSC_BLOB_STORE=s3 needs LSSC_S3_BUCKET.',
    );
    expect(configError({ LSSC_BLOB_STORE: 's3' })).toBe(
      'LSSC_BLOB_STORE=s3 needs LSSC_S3_ENDPOINT, LSSC_S3_BUCKET, LSSC_S3_ACCESS_KEY_ID, LSSC_S3_SECRET_ACCESS_KEY.',
    );
  });

  it('refuses bucket settings that would be ignored, and malformed ones', () => {
    expect(configError({ LSSC_S3_BUCKET: 'lssc-files' })).toMatch(
      /^LSSC_S3_BUCKET is set: set LSSC_BLOB_STORE=s3 to use the bucket/,
    );
    expect(configError({ ...s3Env(), LSSC_S3_BUCKET: 'My_Bucket' })).toMatch(
      /LSSC_S3_BUCKET must be a bucket name/,
    );
    expect(configError({ ...s3Env(), LSSC_S3_ENDPOINT: 'minio:9000' })).toMatch(
      /LSSC_S3_ENDPOINT must be an http/,
    );
    expect(configError({ ...s3Env(), LSSC_S3_PREFIX: '../up' })).toMatch(/LSSC_S3_PREFIX may use only/);
    expect(configError({ ...s3Env(), LSSC_BLOB_STORE: 'ftp' })).toMatch(/LSSC_BLOB_STORE/);
  });

  it('reads the S3 settings, with the usual region and path style by default', () => {
    const env = { ...s3Env(), LSSC_S3_FORCE_PATH_STYLE: undefined };
    expect(loadConfig(env).blobStore).toEqual({
      kind: 's3',
      endpoint: server.endpoint,
      region: 'us-east-1',
      bucket: 'lssc-files',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: false,
      prefix: 'wired',
    });
  });

  it('puts course files and proofs in the bucket when S3 is chosen', async () => {
    const config = loadConfig(s3Env());
    await courseBlobStore(config).put('course-applications/c1/f1', Buffer.from('syllabus'), meta);
    await proofBlobStore(config).put('completion-claims/p1/c1', Buffer.from('certificate'), meta);
    expect(await server.listKeys('lssc-files', 'wired/')).toEqual([
      'wired/completion-claims/p1/c1',
      'wired/course-applications/c1/f1',
    ]);
    expect(blobStoreFor(config)).toBe(courseBlobStore(config)); // one store per setting, reused
    await expect(checkBlobStore(config)).resolves.toBeUndefined();
    await expect(
      checkBlobStore({
        ...config,
        blobStore: { ...config.blobStore, bucket: 'gone' } as typeof config.blobStore,
      }),
    ).rejects.toThrow(/bucket gone/);
    await expect(checkBlobStore(loadConfig({}))).resolves.toBeUndefined();
  });

  it('reports the server not ready while the bucket does not answer', async () => {
    const app = await startServer(
      loadConfig({
        ...s3Env(),
        PORT: '0',
        LOG_LEVEL: 'silent',
        LSSC_SEED_DEMO: 'never',
        LSSC_RUN_JOBS: 'false',
      }),
    );
    try {
      const readyz = async () => (await fetch(`${app.url}/readyz`)).status;
      expect(await readyz()).toBe(200);
      server.failNext(1);
      expect(await readyz()).toBe(503);
      expect(await readyz()).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
