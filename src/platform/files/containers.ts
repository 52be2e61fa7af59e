/**
 * Just enough of the ZIP and OLE2 (Compound File) layouts to tell Office documents from other archives.
 * Every read is bounds-checked: these run on whatever bytes a person uploads.
 */

const u16 = (b: Uint8Array, at: number): number =>
  at >= 0 && at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : -1;
const u32 = (b: Uint8Array, at: number): number =>
  at >= 0 && at + 4 <= b.length
    ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000
    : -1;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const MAX_ENTRIES = 10_000;
const latin1 = new TextDecoder('latin1');

/**
 * Entry names of a ZIP, from the central directory (what Office itself reads), or failing that by walking
 * the local headers from the start. Null when neither yields anything.
 */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const central = centralDirectoryNames(b);
  if (central && central.length > 0) return central;
  const local = localHeaderNames(b);
  return local.length > 0 ? local : null;
}

function centralDirectoryNames(b: Uint8Array): string[] | null {
  // The end record is 22 bytes plus a comment of up to 65535 bytes, so it sits in the last 65557 bytes.
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(b, end + 10);
  const size = u32(b, end + 12);
  const offset = u32(b, end + 16);
  // 0xffffffff means ZIP64; Office files are far smaller, and the local walk still covers them.
  if (offset === 0xffffffff || offset + size > end) return null;
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (u32(b, at) !== ZIP_CENTRAL) return null;
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const nameStart = at + 46;
    if (nameLength < 0 || extraLength < 0 || commentLength < 0 || nameStart + nameLength > end) return null;
    names.push(latin1.decode(b.subarray(nameStart, nameStart + nameLength)));
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return names;
}

function localHeaderNames(b: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  // A spanned archive starts with an extra 4-byte marker before the first local header.
  if (u32(b, 0) === 0x08074b50) at = 4;
  while (names.length < MAX_ENTRIES && u32(b, at) === ZIP_LOCAL) {
    const flags = u16(b, at + 6);
    const compressedSize = u32(b, at + 18);
    const nameLength = u16(b, at + 26);
    const extraLength = u16(b, at + 28);
    const nameStart = at + 30;
    if (nameLength < 0 || extraLength < 0 || nameStart + nameLength > b.length) break;
    names.push(latin1.decode(b.subarray(nameStart, nameStart + nameLength)));
    // Sizes written after the data (flag bit 3) cannot be skipped over without inflating: stop there.
    if (flags & 0x08 && compressedSize === 0) break;
    at = nameStart + nameLength + extraLength + compressedSize;
  }
  return names;
}

/**
 * Whether an OLE2 file has a stream directory entry with this name. Directory entries are 128 bytes, aligned
 * to 128 within sectors that follow the header, so checking each aligned slot finds them wherever the
 * directory chain put them (a .doc has "WordDocument", an .xls "Workbook", an .msi neither).
 */
export function oleHasStream(b: Uint8Array, name: string): boolean {
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return false;
  const sectorSize = 1 << shift;
  const wantedLength = (name.length + 1) * 2; // UTF-16 with the terminating NUL
  for (let at = sectorSize; at + 128 <= b.length; at += 128) {
    if (u16(b, at + 64) !== wantedLength || b[at + 66] !== 2) continue; // 2: a stream
    let same = true;
    for (let i = 0; i < name.length && same; i++) same = u16(b, at + i * 2) === name.charCodeAt(i);
    if (same) return true;
  }
  return false;
}
