import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

/**
 * Make a small secret file once (0600) and answer what it holds. The content is written in full to a
 * temporary file, then linked into place: another process never reads it half-written, and of two
 * processes making it at once, both keep the first one's content.
 */
export function createFileOnce(file: string, content: string): string {
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return content;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Put a file's full content in place at once (a reader sees the old content or the new, never a part). */
export function replaceFile(file: string, content: string): void {
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600, flag: 'wx' });
  fs.renameSync(temp, file);
}
