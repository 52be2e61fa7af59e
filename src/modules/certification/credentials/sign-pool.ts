import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { signCredential, signingLoader } from './proofs.js';
import type { SigningKey } from './signing-key.js';

type Doc = Record<string, unknown>;
type Reply = { id: number; signed?: Doc[]; error?: string };

/** Below this, starting threads costs more than it saves. */
const POOL_THRESHOLD = 200;
/** Threads are stopped after this long without work. */
const IDLE_MS = 30_000;

interface Pool {
  workers: Worker[];
  pending: Map<number, { resolve: (docs: Doc[]) => void; reject: (err: Error) => void }>;
  idle: NodeJS.Timeout | undefined;
}
/** One pool per key (tests run apps with different keys in one process). */
const pools = new Map<SigningKey, Promise<Pool | null>>();
let nextId = 1;

/**
 * The worker runs TypeScript like the rest of the app: it registers tsx itself (the app may have
 * been started through tsx's API, which threads do not inherit), then loads sign-worker.ts.
 */
function startWorker(key: SigningKey): Promise<Worker> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./sign-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(code, {
    eval: true,
    execArgv: [],
    workerData: { seed: key.seed, baseUrl: key.baseUrl },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve(worker);
    });
  });
}

async function createPool(key: SigningKey): Promise<Pool | null> {
  const size = Math.max(1, Math.min(4, os.availableParallelism()));
  const started = await Promise.allSettled(Array.from({ length: size }, async () => startWorker(key)));
  const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (workers.length < started.length) {
    // Threads unavailable here (e.g. a test runner's module loader): sign in this thread instead.
    for (const w of workers) void w.terminate();
    return null;
  }
  const p: Pool = { workers, pending: new Map(), idle: undefined };
  for (const w of workers) {
    w.unref();
    w.on('message', (reply: Reply) => {
      const waiting = p.pending.get(reply.id);
      if (!waiting) return;
      p.pending.delete(reply.id);
      if (reply.signed) waiting.resolve(reply.signed);
      else waiting.reject(new Error(reply.error ?? 'signing thread failed'));
    });
    w.on('error', (err) => {
      for (const waiting of p.pending.values()) waiting.reject(err);
      p.pending.clear();
      pools.delete(key);
    });
  }
  return p;
}

function stopWhenIdle(key: SigningKey, p: Pool) {
  clearTimeout(p.idle);
  // Idle threads must not keep the process alive.
  for (const w of p.workers) w.unref();
  p.idle = setTimeout(() => {
    if (p.pending.size > 0) return stopWhenIdle(key, p);
    pools.delete(key);
    for (const w of p.workers) void w.terminate();
  }, IDLE_MS);
  p.idle.unref();
}

/**
 * Signs many credentials, in order. Large batches are shared between threads (one per core, up
 * to four); small ones, or where threads cannot start, are signed here.
 */
export async function signMany(key: SigningKey, credentials: readonly Doc[], at: Date): Promise<Doc[]> {
  const here = async () => {
    const loader = signingLoader(key);
    const out: Doc[] = [];
    for (const c of credentials) out.push(await signCredential(key, c, at, loader));
    return out;
  };
  if (credentials.length < POOL_THRESHOLD) return here();
  let pool = pools.get(key);
  if (!pool) {
    pool = createPool(key);
    pools.set(key, pool);
  }
  const p = await pool;
  if (!p) return here();
  clearTimeout(p.idle);
  for (const w of p.workers) w.ref();
  const per = Math.ceil(credentials.length / p.workers.length);
  const parts = p.workers.map((w, i) => {
    const slice = credentials.slice(i * per, (i + 1) * per);
    if (slice.length === 0) return Promise.resolve([] as Doc[]);
    const id = nextId++;
    return new Promise<Doc[]>((resolve, reject) => {
      p.pending.set(id, { resolve, reject });
      w.postMessage({ id, credentials: slice, at: at.toISOString() });
    });
  });
  try {
    return (await Promise.all(parts)).flat();
  } finally {
    stopWhenIdle(key, p);
  }
}
