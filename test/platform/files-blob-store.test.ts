import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/errors.js';
import { type BlobStore, InvalidBlobKeyError, localBlobStore } from '../../src/platform/files/blob-store.js';
import { s3BlobStore } from '../../src/platform/files/s3-blob-store.js';
import { S3_TEST_CREDENTIALS, type S3TestServer, startS3TestServer } from '../support/s3-test-server.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface FreshStore {
  store: BlobStore;
  /** Everything the store holds, temporary files included: what a failed or finished put left behind. */
  stored(): Promise<string[]>;
  /** Whether anything was written or sent at all. */
  touched(): boolean;
}

interface StoreKind {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  fresh(maxBytes?: number): FreshStore;
}

let n = 0;

const local: StoreKind = {
  name: 'local',
  async start() {},
  async stop() {},
  fresh(maxBytes = 1024 * 1024) {
    const dir = path.join(root, `store-${++n}`);
    return {
      store: localBlobStore(dir, { maxBytes }),
      stored: async () => filesUnder(dir).map((f) => f.split(path.sep).join('/')),
      touched: () => fs.existsSync(dir),
    };
  },
};

/** An S3 store on an in-process S3 server: each fresh store gets its own prefix and temporary folder. */
const s3: StoreKind & { server?: S3TestServer } = {
  name: 'S3',
  async start() {
    this.server = await startS3TestServer({ directory: path.join(root, 's3rver'), buckets: ['lssc-test'] });
  },
  async stop() {
    await this.server?.close();
  },
  fresh(maxBytes = 1024 * 1024) {
    const server = this.server!;
    const prefix = `store-${++n}`;
    const spoolDir = path.join(root, `spool-${n}`);
    const store = s3BlobStore({
      endpoint: server.endpoint,
      bucket: 'lssc-test',
      forcePathStyle: true,
      prefix,
      maxBytes,
      spoolDir,
      ...S3_TEST_CREDENTIALS,
    });
    return {
      store,
      async stored() {
        const keys = await server.listKeys('lssc-test', `${prefix}/`);
        const spooled = fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir).map((f) => `spool/${f}`) : [];
        return [...keys.map((k) => k.slice(prefix.length + 1)), ...spooled];
      },
      touched: () => fs.existsSync(spoolDir) || server.requests.some((r) => r.path.includes(`/${prefix}/`)),
    };
  },
};
const meta = { contentType: 'application/pdf' };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const read = async (store: BlobStore, key: string) => Buffer.concat(await (await store.get(key)).toArray());

/** Every regular file under dir, relative: what a failed or finished put left behind. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A stream that yields `chunk` `times` times, recording whether it was stopped early. */
function chunks(chunk: Buffer, times: number) {
  const state = { produced: 0, stopped: false };
  async function* generate() {
    try {
      for (; state.produced < times; state.produced++) yield chunk;
    } finally {
      state.stopped = state.produced < times;
    }
  }
  return { stream: Readable.from(generate()), state };
}

describe.each([local, s3])('$name blob store', (kind) => {
  beforeAll(() => kind.start());
  afterAll(() => kind.stop());
  const freshStore = (maxBytes?: number) => kind.fresh(maxBytes);

  it('round-trips bytes: put, stat, get, delete, with the sha256 of what was stored', async () => {
    const { store, stored } = freshStore();
    const bytes = randomBytes(70_000);
    const key = 'applications/0190f3a2-7b1c-7000-8000-000000000001/syllabus';
    expect(await store.put(key, bytes, meta)).toEqual({ key, size: bytes.length, sha256: sha256(bytes) });
    expect(await store.stat(key)).toEqual({ size: bytes.length });
    expect(sha256(await read(store, key))).toBe(sha256(bytes));
    expect(await stored()).toEqual([key]);

    await store.delete(key);
    expect(await store.stat(key)).toBeUndefined();
    await expect(store.get(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.delete(key); // deleting again is fine
  });

  it('stores a stream and hashes it on the way', async () => {
    const { store } = freshStore();
    const { stream } = chunks(Buffer.from('0123456789'), 1000);
    const stored = await store.put('portfolios/p1/evidence-1', stream, meta);
    expect(stored.size).toBe(10_000);
    expect(stored.sha256).toBe(sha256(Buffer.from('0123456789'.repeat(1000))));
  });

  it('replaces a blob in place and treats a folder of keys as no blob', async () => {
    const { store } = freshStore();
    await store.put('a/b', Buffer.from('first'), meta);
    await store.put('a/b', Buffer.from('second'), meta);
    expect((await read(store, 'a/b')).toString()).toBe('second');
    expect(await store.stat('a')).toBeUndefined();
    await expect(store.get('a')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['../secret', /"\." and "\.\." segments/],
    ['a/../../etc/passwd', /"\." and "\.\." segments/],
    ['/etc/passwd', /absolute paths/],
    ['C:/Windows/win.ini', /absolute paths/],
    ['a\\..\\b', /"\." and "\.\." segments/],
    ['', /empty/],
    ['a//b', /empty segments/],
    ['a/', /empty segments/],
    ['Applications/1', /only a-z, 0-9 and "-"/],
    ['cv.pdf', /only a-z, 0-9 and "-"/],
    ['a/b c', /only a-z, 0-9 and "-"/],
    ['a/\0', /only a-z, 0-9 and "-"/],
    ['x'.repeat(513), /longer than 512/],
  ])('refuses the key %j before touching the disk or the network', async (key, reason) => {
    const { store, touched } = freshStore();
    for (const attempt of [
      () => store.put(key, Buffer.from('x'), meta),
      () => store.get(key),
      () => store.stat(key),
      () => store.delete(key),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidBlobKeyError);
      expect((error as Error).message).toMatch(reason);
    }
    expect(touched()).toBe(false);
  });

  it('accepts a blob of exactly the limit and refuses one byte more, keeping nothing', async () => {
    const { store, stored } = freshStore(4096);
    await store.put('at-limit', Buffer.alloc(4096, 1), meta);
    const over = store.put('over-limit', Buffer.alloc(4097, 1), meta);
    await expect(over).rejects.toBeInstanceOf(DomainError);
    await expect(over).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: /limit of 4 KB/ });
    expect(await stored()).toEqual(['at-limit']);
  });

  it('applies the limit given with the put, streamed: exactly at it passes, one byte over fails', async () => {
    const { store } = freshStore();
    const exact = chunks(Buffer.alloc(1000, 7), 10);
    expect((await store.put('exact', exact.stream, { ...meta, maxBytes: 10_000 })).size).toBe(10_000);
    const over = Readable.from([Buffer.alloc(10_000, 7), Buffer.alloc(1, 7)]);
    await expect(store.put('over', over, { ...meta, maxBytes: 10_000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('stops reading an endless stream at the limit and leaves no file behind', async () => {
    const { store, stored } = freshStore(256 * 1024);
    const endless = chunks(Buffer.alloc(16 * 1024, 9), Number.POSITIVE_INFINITY);
    await expect(store.put('huge', endless.stream, meta)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(endless.state.stopped).toBe(true);
    expect(endless.state.produced).toBeLessThan(40); // 16 chunks fit; it did not read on and on
    expect(await stored()).toEqual([]);
    expect(await store.stat('huge')).toBeUndefined();
  });

  it('keeps the earlier version and no partial file when the upload breaks off', async () => {
    const { store, stored } = freshStore();
    await store.put('evidence', Buffer.from('complete earlier version'), meta);
    async function* breaksOff() {
      yield Buffer.alloc(5000, 1);
      throw new Error('connection reset');
    }
    await expect(store.put('evidence', Readable.from(breaksOff()), meta)).rejects.toThrow('connection reset');
    expect((await read(store, 'evidence')).toString()).toBe('complete earlier version');
    expect(await stored()).toEqual(['evidence']);
  });

  it('survives concurrent puts of one key: readers and the final file always see one whole version', async () => {
    const { store, stored } = freshStore(4 * 1024 * 1024);
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(300_000 + i * 1000, 65 + i));
    const hashes = new Set(versions.map(sha256));
    await store.put('shared', versions[0]!, meta);

    const writers = versions.map((v, i) =>
      // Half arrive as slow streams so writes overlap rather than run one after another.
      store.put('shared', i % 2 ? Readable.from(chunkBuffer(v, 10_000)) : v, meta),
    );
    const readers = Array.from({ length: 20 }, async () => sha256(await read(store, 'shared')));
    const [written, seen] = await Promise.all([Promise.all(writers), Promise.all(readers)]);

    expect(written.map((w) => w.sha256)).toEqual(versions.map(sha256));
    for (const hash of seen) expect(hashes.has(hash)).toBe(true);
    const final = await read(store, 'shared');
    expect(hashes.has(sha256(final))).toBe(true);
    expect((await store.stat('shared'))?.size).toBe(final.length);
    expect(await stored()).toEqual(['shared']);
  });

  it('reads a blob from a stream while nothing else is held open', async () => {
    const { store } = freshStore();
    await store.put('notes', Buffer.from('plain words'), { contentType: 'text/plain' });
    expect(await text(await store.get('notes'))).toBe('plain words');
  });
});

function* chunkBuffer(b: Buffer, size: number) {
  for (let at = 0; at < b.length; at += size) yield b.subarray(at, at + size);
}
