import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/platform/db/lock.js';

describe('data directory lock', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-lock-')), 'db');

  it('refuses a second holder while the first is alive, with a clear message', () => {
    const release = acquireDataDirLock(dir);
    fs.writeFileSync(`${dir}.lock`, String(process.ppid)); // pretend another live process holds it
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another lssc process/);
    fs.writeFileSync(`${dir}.lock`, String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a stale lock left by a process that died', () => {
    fs.writeFileSync(`${dir}.lock`, '999999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
