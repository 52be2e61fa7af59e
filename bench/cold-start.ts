/**
 * Cold start of the embedded default: time from launching `lssc start` on an existing data directory
 * (demo data already there) to the first page served. Five runs; prints each and the median.
 *
 *   node --import tsx bench/cold-start.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-cold-'));
const port = 3941;

async function startOnce(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: { ...process.env, LSSC_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let elapsed = Number.NaN;
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      elapsed = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return elapsed;
}

const first = await startOnce(); // creates the database and the demo data
console.log(`first start (empty directory, migrations and demo data): ${Math.round(first)} ms`);
const runs: number[] = [];
for (let i = 0; i < 5; i++) runs.push(await startOnce());
runs.sort((a, b) => a - b);
console.log(
  `existing directory, to first page: ${runs.map((r) => Math.round(r)).join(', ')} ms; median ${Math.round(runs[2]!)} ms`,
);
fs.rmSync(dataDir, { recursive: true, force: true });
