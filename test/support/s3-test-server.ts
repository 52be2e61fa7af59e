import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AwsClient, AwsV4Signer } from 'aws4fetch';
import S3rver from 's3rver';

/** s3rver's built-in account; any other key id is refused. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' };

export interface S3TestServer {
  endpoint: string;
  /** Every request that reached the server, in order. */
  requests: { method: string; path: string; contentSha256: string | undefined }[];
  /** Answer the next `count` requests with 503 SlowDown, as a busy service does. */
  failNext(count: number): void;
  /** The keys in a bucket that start with `prefix`, through the S3 API. */
  listKeys(bucket: string, prefix: string): Promise<string[]>;
  /** The stored object's headers (HEAD), or undefined when there is none. */
  headObject(bucket: string, key: string): Promise<Headers | undefined>;
  close(): Promise<void>;
}

/**
 * s3rver on a random loopback port, behind a small front that checks each request's AWS Signature V4 as S3
 * does (s3rver itself accepts any V4 signature), so a request we sign wrongly fails here as it would there.
 * Its object writes are made atomic as S3's are (see `replaceObjectsAtomically`).
 */
export async function startS3TestServer(opts: {
  directory: string;
  buckets: string[];
}): Promise<S3TestServer> {
  const s3rver = new S3rver({
    silent: true,
    directory: opts.directory,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });
  await s3rver.configureBuckets();
  replaceObjectsAtomically(s3rver, `${opts.directory}-incoming`);
  const handle = s3rver.callback();
  const requests: S3TestServer['requests'] = [];
  let failures = 0;

  const server = http.createServer((req, res) => {
    const contentSha256 = req.headers['x-amz-content-sha256'] as string | undefined;
    requests.push({ method: req.method ?? '', path: req.url ?? '', contentSha256 });
    if (failures > 0) {
      failures--;
      return refuse(req, res, 503, 'SlowDown', 'Please reduce your request rate.');
    }
    signatureProblem(req).then(
      (problem) => (problem ? refuse(req, res, 403, 'SignatureDoesNotMatch', problem) : handle(req, res)),
      (error: Error) => refuse(req, res, 400, 'InvalidRequest', error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new AwsClient({ ...S3_TEST_CREDENTIALS, service: 's3', retries: 0 });

  return {
    endpoint,
    requests,
    failNext(count) {
      failures = count;
    },
    async listKeys(bucket, prefix) {
      const response = await client.fetch(
        `${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`,
      );
      const xml = await response.text();
      if (!response.ok) throw new Error(`Listing ${bucket} failed: ${response.status} ${xml}`);
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!).sort();
    },
    async headObject(bucket, key) {
      const response = await client.fetch(`${endpoint}/${bucket}/${key}`, { method: 'HEAD' });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`HEAD ${bucket}/${key} failed: ${response.status}`);
      return response.headers;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/** Recompute the signature from what arrived (method, URL and the signed headers) and compare. */
async function signatureProblem(req: http.IncomingMessage): Promise<string | undefined> {
  const auth = req.headers.authorization ?? '';
  const parts =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(
      auth,
    );
  if (!parts) return 'The request is not signed with AWS Signature V4.';
  const [, accessKeyId, , region, signedHeaders] = parts;
  if (accessKeyId !== S3_TEST_CREDENTIALS.accessKeyId) return 'Unknown access key id.';
  if (region !== S3_TEST_CREDENTIALS.region) return `Wrong region ${region}.`;
  const names = signedHeaders!.split(';');
  if (!names.includes('x-amz-content-sha256')) return 'The payload hash is not signed.';
  const headers = new Headers();
  for (const name of names) if (name !== 'host') headers.set(name, String(req.headers[name] ?? ''));
  const expected = await new AwsV4Signer({
    method: req.method,
    url: `http://${req.headers.host}${req.url}`,
    headers,
    accessKeyId: S3_TEST_CREDENTIALS.accessKeyId,
    secretAccessKey: S3_TEST_CREDENTIALS.secretAccessKey,
    service: 's3',
    region: S3_TEST_CREDENTIALS.region,
    datetime: String(req.headers['x-amz-date']),
  }).authHeader();
  return expected === auth
    ? undefined
    : 'The request signature we calculated does not match the signature you provided.';
}

function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
) {
  req.resume(); // drain the body so the client can finish sending
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}

interface S3rverObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

interface S3rverStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
  getObject(bucket: string, key: string, options?: unknown): Promise<unknown>;
  deleteObject(bucket: string, key: string): Promise<unknown>;
}

/**
 * S3 replaces an object whole: readers see the old or the new one, and of overlapping PUTs one wins. s3rver
 * instead writes into the object's file as the body arrives and stores its length separately, so overlapping
 * requests tear objects. Here a body is received into a temporary file, then moved into place together with
 * its metadata while no other request on that key runs; a reader keeps the file it opened.
 */
function replaceObjectsAtomically(s3rver: S3rver, incoming: string) {
  const store = (s3rver as unknown as { store: S3rverStore }).store;
  const queues = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(bucket: string, key: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(`${bucket}/${key}`) ?? Promise.resolve()).catch(() => {}).then(work);
    queues.set(`${bucket}/${key}`, run);
    return run;
  };

  store.putObject = async (object) => {
    await fs.promises.mkdir(incoming, { recursive: true });
    const temp = path.join(incoming, randomUUID());
    const md5 = createHash('md5');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    try {
      await pipeline(body, count, fs.createWriteStream(temp));
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    const digest = md5.digest('hex');
    await oneAtATime(object.bucket, object.key, async () => {
      const target = store.getResourcePath(object.bucket, object.key, 'object');
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(temp, target);
      await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    });
    return { size, md5: digest };
  };
  const getObject = store.getObject.bind(store);
  store.getObject = (bucket, key, options) => oneAtATime(bucket, key, () => getObject(bucket, key, options));
  const deleteObject = store.deleteObject.bind(store);
  store.deleteObject = (bucket, key) => oneAtATime(bucket, key, () => deleteObject(bucket, key));
}
