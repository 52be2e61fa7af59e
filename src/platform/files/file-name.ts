import type { FileType } from './file-type.js';

const MAX_NAME_LENGTH = 120;

function isUnsafeChar(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) || // control characters
    (c >= 0x200b && c <= 0x200f) || // zero-width and direction marks
    (c >= 0x202a && c <= 0x202e) || // direction overrides ("cv\u202Efdp.exe" shows as "cvexe.pdf")
    (c >= 0x2060 && c <= 0x2069) ||
    (c >= 0xd800 && c <= 0xdfff) || // half of a character (a lone surrogate)
    c === 0xfeff
  );
}

/**
 * A name safe to show and to offer as a download name: no folders, no control or direction-override
 * characters, at most 120 characters, and (given the detected type) an extension that matches the content.
 */
export function safeFileName(name: string, type?: FileType | null): string {
  const lastPart = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = Array.from(lastPart)
    .filter((ch) => !isUnsafeChar(ch.codePointAt(0)!))
    .join('')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // An extension has a letter: "minutes 2024.03" keeps its number.
  const match = /^(.*)\.(?=[A-Za-z0-9]{1,5}$)([0-9]*[A-Za-z][A-Za-z0-9]*)$/.exec(cleaned);
  let stem = match ? match[1]! : cleaned;
  let ext = match ? match[2]! : '';
  if (type && !type.extensions.includes(ext.toLowerCase())) ext = type.ext;
  const room = MAX_NAME_LENGTH - (ext ? ext.length + 1 : 0);
  stem = Array.from(stem)
    .slice(0, room)
    .join('')
    .replace(/[.\s]+$/, '');
  if (stem === '') stem = 'file';
  return ext ? `${stem}.${ext}` : stem;
}
