import cluster from 'node:cluster';
import type { Config } from '../config.js';
import { startRuntime, startServer } from '../server.js';

/**
 * `lssc start` with WEB_CONCURRENCY=N on PostgreSQL: the primary runs the job workers and keeps N web
 * processes alive; the web processes share the port (node:cluster) and run no jobs. Nothing lives in
 * process memory that another process needs, so any process can serve any request.
 */
export async function startCluster(
  config: Config,
  onReady: (url: string) => void,
): Promise<() => Promise<void>> {
  if (cluster.isWorker) {
    const server = await startServer({ ...config, runJobsInProcess: false });
    process.send?.({ ready: server.url });
    return server.stop;
  }
  const runtime = config.runJobsInProcess
    ? await startRuntime(config, { work: true, seed: false })
    : undefined;
  let stopping = false;
  let announced = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (m: { ready?: string }) => {
      if (m.ready && !announced) {
        announced = true;
        onReady(m.ready);
      }
    });
  };
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    process.stderr.write(`web process ${worker.process.pid} exited (${code}); starting another\n`);
    setTimeout(fork, 1000).unref();
  });
  for (let i = 0; i < config.webProcesses; i++) fork();
  return async () => {
    stopping = true;
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w || w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await runtime?.stop();
  };
}
