import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { newSecretToken } from './auth/tokens.js';
import { createFileOnce, replaceFile } from './file-once.js';

/** The configured secret, or (embedded default only) one generated once and kept in the data directory. */
export function loadOrCreateSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'secret');
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = newSecretToken(48);
  // A file too short to be a secret is replaced; otherwise the first process to make it wins.
  if (existing !== undefined) {
    replaceFile(file, secret);
    return secret;
  }
  return createFileOnce(file, secret);
}
