import { oleHasStream, zipEntryNames } from './containers.js';
import { safeFileName } from './file-name.js';
import { formatBytes } from './format-bytes.js';

/** What a person is asked for: "a PDF or Word document". Several file types can share a kind. */
export type Kind = 'pdf' | 'word' | 'spreadsheet' | 'presentation' | 'image' | 'text';

export interface FileType {
  mime: string;
  /** The extension we give the file when it is downloaded. */
  ext: string;
  /** Plain-language name: "Word document". */
  label: string;
  kind: Kind;
  /** Extensions a person's file name may already carry for this type (lower case). */
  extensions: readonly string[];
}

// The display-name sanitiser belongs with the types it matches extensions against.
export { safeFileName };

const OOXML = 'application/vnd.openxmlformats-officedocument';

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF', kind: 'pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', ext: 'png', label: 'PNG image', kind: 'image', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG image', kind: 'image', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', ext: 'gif', label: 'GIF image', kind: 'image', extensions: ['gif'] },
  webp: { mime: 'image/webp', ext: 'webp', label: 'WebP image', kind: 'image', extensions: ['webp'] },
  docx: {
    mime: `${OOXML}.wordprocessingml.document`,
    ext: 'docx',
    label: 'Word document',
    kind: 'word',
    extensions: ['docx'],
  },
  doc: { mime: 'application/msword', ext: 'doc', label: 'Word document', kind: 'word', extensions: ['doc'] },
  rtf: {
    mime: 'application/rtf',
    ext: 'rtf',
    label: 'Rich Text document',
    kind: 'word',
    extensions: ['rtf'],
  },
  xlsx: {
    mime: `${OOXML}.spreadsheetml.sheet`,
    ext: 'xlsx',
    label: 'Excel spreadsheet',
    kind: 'spreadsheet',
    extensions: ['xlsx'],
  },
  pptx: {
    mime: `${OOXML}.presentationml.presentation`,
    ext: 'pptx',
    label: 'PowerPoint presentation',
    kind: 'presentation',
    extensions: ['pptx'],
  },
  text: { mime: 'text/plain', ext: 'txt', label: 'text file', kind: 'text', extensions: ['txt', 'text'] },
} as const satisfies Record<string, FileType>;

export type FileTypeId = keyof typeof FILE_TYPES;

/** The type we know by this MIME type (as stored with an upload), or undefined. */
export function fileTypeForMime(mime: string): FileType | undefined {
  const bare = mime.split(';')[0]?.trim().toLowerCase();
  return Object.values(FILE_TYPES).find((t) => t.mime === bare);
}

/** Content we recognise and never accept, whatever the file is called. */
type Refusal = 'executable' | 'script' | 'markup' | 'archive' | 'macros';

type Sniffed = { type: FileType } | { refused: Refusal } | null;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function startsWith(b: Uint8Array, sig: ArrayLike<number>, at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const SIG = {
  pdf: ascii('%PDF-'),
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif87: ascii('GIF87a'),
  gif89: ascii('GIF89a'),
  riff: ascii('RIFF'),
  webp: ascii('WEBP'),
  ole2: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  zip: [0x50, 0x4b, 0x03, 0x04],
  zipEmpty: [0x50, 0x4b, 0x05, 0x06],
  zipSpanned: [0x50, 0x4b, 0x07, 0x08],
  rtf: ascii('{\\rtf'),
} as const;

const EXECUTABLES: number[][] = [
  [0x4d, 0x5a], // MZ: Windows programs and libraries
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

const ARCHIVES: number[][] = [
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
];

/**
 * The real type of these bytes, from their content alone (never the name). Pass the whole file: Office
 * documents are recognised from the ZIP central directory at the end. Returns null for anything not accepted.
 */
export function detectFileType(bytes: Uint8Array): FileType | null {
  const sniffed = sniff(bytes);
  return sniffed && 'type' in sniffed ? sniffed.type : null;
}

function sniff(b: Uint8Array): Sniffed {
  if (b.length === 0) return null;
  if (startsWith(b, SIG.pdf)) return { type: FILE_TYPES.pdf };
  if (startsWith(b, SIG.png) && startsWith(b, ascii('IHDR'), 12)) return { type: FILE_TYPES.png };
  if (startsWith(b, SIG.jpeg)) return { type: FILE_TYPES.jpeg };
  if (startsWith(b, SIG.gif87) || startsWith(b, SIG.gif89)) return { type: FILE_TYPES.gif };
  if (startsWith(b, SIG.riff) && startsWith(b, SIG.webp, 8)) return { type: FILE_TYPES.webp };
  if (startsWith(b, SIG.rtf)) return { type: FILE_TYPES.rtf };
  // Legacy Office and also Windows installers (.msi) are OLE2 files: only a WordDocument stream makes a .doc.
  if (startsWith(b, SIG.ole2)) return oleHasStream(b, 'WordDocument') ? { type: FILE_TYPES.doc } : null;
  if (startsWith(b, SIG.zip) || startsWith(b, SIG.zipEmpty) || startsWith(b, SIG.zipSpanned)) {
    return sniffZip(b);
  }
  if (EXECUTABLES.some((sig) => startsWith(b, sig))) return { refused: 'executable' };
  if (startsWith(b, ascii('#!'))) return { refused: 'script' };
  if (ARCHIVES.some((sig) => startsWith(b, sig)) || startsWith(b, ascii('ustar'), 257)) {
    return { refused: 'archive' };
  }
  return sniffText(b);
}

function sniffZip(b: Uint8Array): Sniffed {
  const names = zipEntryNames(b);
  if (!names?.includes('[Content_Types].xml')) return { refused: 'archive' };
  // Macro-enabled documents (.docm) renamed to .docx would run code when opened.
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return { refused: 'macros' };
  if (names.some((n) => n.startsWith('word/'))) return { type: FILE_TYPES.docx };
  if (names.some((n) => n.startsWith('xl/'))) return { type: FILE_TYPES.xlsx };
  if (names.some((n) => n.startsWith('ppt/'))) return { type: FILE_TYPES.pptx };
  return { refused: 'archive' };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Markup a browser could run scripts from, anywhere in the text, or any document starting with a tag.
const SCRIPTABLE_MARKUP = /<\s*(script|svg|html|iframe|object|embed|body|head|meta|!doctype)\b/i;
const STARTS_WITH_TAG = /^\s*<[a-z!?/]/i;

function decodeText(b: Uint8Array): string | null {
  if (b.includes(0)) return null;
  try {
    return utf8.decode(b);
  } catch {
    return null;
  }
}

function sniffText(b: Uint8Array): Sniffed {
  const text = decodeText(b);
  if (text === null) return null;
  if (STARTS_WITH_TAG.test(text) || SCRIPTABLE_MARKUP.test(text)) return { refused: 'markup' };
  let controls = 0;
  let chars = 0;
  for (const ch of text) {
    chars++;
    const c = ch.codePointAt(0)!;
    const allowed = c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
    if ((c < 0x20 && !allowed) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  // Text editors produce none; a few stray ones (a form feed, an escape) should not block a real text file.
  return controls * 100 <= chars ? { type: FILE_TYPES.text } : null;
}

export type UploadProblem = 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'DAMAGED';

export type UploadCheck =
  | { ok: true; type: FileType; fileName: string }
  | { ok: false; code: UploadProblem; message: string };

export interface UploadRules {
  allowed: readonly Kind[];
  maxBytes: number;
  /** The name the person's computer gave the file: used only for the display name, never for the type. */
  declaredName?: string;
}

const KIND_NAMES: Record<Kind, string> = {
  pdf: 'PDF',
  word: 'Word document',
  spreadsheet: 'spreadsheet',
  presentation: 'presentation',
  image: 'image',
  text: 'text file',
};

/** "a PDF, Word document, image or text file" */
export function describeKinds(kinds: readonly Kind[]): string {
  const names = [...new Set(kinds)].map((k) => KIND_NAMES[k]);
  const list =
    names.length <= 1 ? (names[0] ?? 'file') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `${/^[aeiou]/i.test(list) ? 'an' : 'a'} ${list}`;
}

const REFUSAL_HINTS: Record<Exclude<Refusal, 'macros'>, string> = {
  executable: 'Programs cannot be uploaded.',
  script: 'Programs and scripts cannot be uploaded.',
  markup: 'Web pages and SVG images cannot be uploaded.',
  archive: 'Zip files and other archives cannot be uploaded: upload each file on its own.',
};
const MACROS_MESSAGE =
  'This document contains macros, which cannot be uploaded. Save it as a Word document without macros (.docx), then upload the new copy.';

/** Everything an upload must pass before it is stored, with messages written for the person uploading. */
export function checkUpload(bytes: Uint8Array, rules: UploadRules): UploadCheck {
  const wanted = describeKinds(rules.allowed);
  if (bytes.length === 0) return { ok: false, code: 'EMPTY', message: 'The file is empty.' };
  if (bytes.length > rules.maxBytes) {
    return {
      ok: false,
      code: 'TOO_LARGE',
      message: `The file is ${formatBytes(bytes.length, 'up')}; the limit is ${formatBytes(rules.maxBytes, 'down')}.`,
    };
  }
  const sniffed = sniff(bytes);
  if (!sniffed) return { ok: false, code: 'TYPE_NOT_ALLOWED', message: `This file is not ${wanted}.` };
  if ('refused' in sniffed) {
    const message =
      sniffed.refused === 'macros'
        ? MACROS_MESSAGE
        : `This file is not ${wanted}. ${REFUSAL_HINTS[sniffed.refused]}`;
    return { ok: false, code: 'TYPE_NOT_ALLOWED', message };
  }
  const { type } = sniffed;
  if (!rules.allowed.includes(type.kind)) {
    const article = /^[aeiou]/i.test(type.label) ? 'an' : 'a';
    return {
      ok: false,
      code: 'TYPE_NOT_ALLOWED',
      message: `This file is ${article} ${type.label}, not ${wanted}.`,
    };
  }
  if (type.kind === 'text' && decodeText(bytes)?.trim() === '') {
    return { ok: false, code: 'EMPTY', message: 'The file is empty.' };
  }
  if (type === FILE_TYPES.pdf && !hasPdfEnd(bytes)) {
    return {
      ok: false,
      code: 'DAMAGED',
      message: 'This PDF looks incomplete or damaged. Save or export it again, then upload the new copy.',
    };
  }
  return { ok: true, type, fileName: safeFileName(rules.declaredName ?? '', type) };
}

/** PDF readers look for the end-of-file marker in the last 1024 bytes; a cut-off upload has none. */
function hasPdfEnd(b: Uint8Array): boolean {
  const tail = Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(Math.max(0, b.length - 1024));
  return tail.includes('%%EOF', 0, 'latin1');
}
