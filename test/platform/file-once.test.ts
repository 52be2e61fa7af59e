import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createFileOnce, replaceFile } from '../../src/platform/file-once.js';
import { loadOrCreateSecret } from '../../src/platform/secret.js';

describe('secret files made once', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-once-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the first content when two makers race, readable only by the owner, with no leftovers', () => {
    const file = path.join(dir, 'key');
    expect(createFileOnce(file, 'first')).toBe('first');
    expect(createFileOnce(file, 'second')).toBe('first');
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['key']);
  });

  it('replaces a file whole', () => {
    const file = path.join(dir, 'key');
    fs.writeFileSync(file, 'old');
    replaceFile(file, 'new content');
    expect(fs.readFileSync(file, 'utf8')).toBe('new content');
    expect(fs.readdirSync(dir)).toEqual(['key']);
  });

  it('makes the session secret once, keeps it, and replaces one too short to be a secret', () => {
    const config = loadConfig({ NODE_ENV: 'test', LSSC_DATA_DIR: dir });
    const secret = loadOrCreateSecret(config);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(config)).toBe(secret);
    fs.writeFileSync(path.join(dir, 'secret'), 'short');
    const replaced = loadOrCreateSecret(config);
    expect(replaced).not.toBe('short');
    expect(replaced.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, 'secret'), 'utf8')).toBe(replaced);
  });
});
