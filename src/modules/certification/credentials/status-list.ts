import { gunzipSync, gzipSync } from 'node:zlib';

/** The Bitstring Status List minimum (16 KiB): a short list would tell who is revoked by its size alone. */
export const MIN_STATUS_LIST_BITS = 131_072;

/** Bits for a list that holds `highestIndex`: the minimum, grown in whole steps of it. */
export function statusListLength(highestIndex: number | null): number {
  const needed = (highestIndex ?? -1) + 1;
  return Math.max(1, Math.ceil(needed / MIN_STATUS_LIST_BITS)) * MIN_STATUS_LIST_BITS;
}

/**
 * The `encodedList` of a Bitstring Status List: the bits, index 0 the most significant bit of the
 * first byte, GZIP-compressed, base64url without padding, with the multibase prefix "u".
 */
export function encodeStatusList(setIndexes: Iterable<number>, length: number): string {
  if (length % 8 !== 0 || length < MIN_STATUS_LIST_BITS)
    throw new RangeError(`A status list has at least ${MIN_STATUS_LIST_BITS} bits, in whole bytes.`);
  const bytes = new Uint8Array(length / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length)
      throw new RangeError(`Status list index ${index} is outside the list.`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** The bit at `index` of an encoded list; null when the list cannot be read or is too short. */
export function readStatusBit(encodedList: string, index: number): boolean | null {
  if (!encodedList.startsWith('u') || !Number.isInteger(index) || index < 0) return null;
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), { maxOutputLength: 16 * 1024 * 1024 });
  } catch {
    return null;
  }
  const byte = bytes[index >> 3];
  if (byte === undefined) return null;
  return (byte & (0x80 >> (index & 7))) !== 0;
}
