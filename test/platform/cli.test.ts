import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/commands.js';

/** The lssc command, run in-process against an embedded database in a scratch folder. */
describe('lssc CLI', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-cli-'));
  let out = '';
  let err = '';
  const saved = { ...process.env };

  beforeAll(() => {
    process.env.LSSC_DATA_DIR = dataDir;
    process.env.LOG_LEVEL = 'silent';
    delete process.env.DATABASE_URL;
    delete process.env.BASE_URL; // vitest sets it to '/' for Vite
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    process.env = saved;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const run = async (...args: string[]) => {
    out = '';
    err = '';
    return runCli(args);
  };

  it('lists its commands, and explains each with --help', async () => {
    expect(await run('--help')).toBe(0);
    for (const c of ['start', 'worker', 'migrate', 'seed', 'create-user', 'audit']) expect(out).toContain(c);
    expect(await run('create-user', '--help')).toBe(0);
    expect(out).toContain('--email');
  });

  it('answers unknown commands and bad options with a clear message and exit code 2', async () => {
    expect(await run('frobnicate')).toBe(2);
    expect(err).toContain('Unknown command "frobnicate"');
    expect(await run('create-user', '--role', 'staff')).toBe(2);
    expect(err).toContain('--email is required');
    expect(await run('create-user', '--email', 'a@b.org', '--role', 'wizard')).toBe(2);
    expect(err).toContain('unknown role wizard');
    expect(await run('seed')).toBe(2);
    expect(await run('migrate', '--force')).toBe(2);
  });

  it('migrates, creates a user, refuses a duplicate, and verifies the audit chain', async () => {
    expect(await run('migrate')).toBe(0);
    expect(out).toContain('Database is up to date');
    process.env.LSSC_NEW_PASSWORD = 'a long enough password 2026';
    expect(await run('create-user', '--email', 'Staff@Example.org', '--role', 'staff', '--name', 'Sam')).toBe(
      0,
    );
    expect(out).toContain('Created staff@example.org (staff)');
    expect(await run('create-user', '--email', 'staff@example.org', '--role', 'staff')).toBe(1);
    expect(err).toContain('already exists');
    expect(await run('audit', 'verify')).toBe(0);
    expect(out).toMatch(/Audit chain intact: \d+ events/);
  });

  it('refuses to open the embedded database while another process holds it', async () => {
    fs.writeFileSync(path.join(dataDir, 'db.lock'), String(process.ppid));
    try {
      expect(await run('audit', 'verify')).toBe(1);
      expect(err).toContain('in use by another lssc process');
    } finally {
      fs.rmSync(path.join(dataDir, 'db.lock'));
    }
  });
});
