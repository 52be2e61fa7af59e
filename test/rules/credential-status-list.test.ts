import { gunzipSync } from 'node:zlib';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { describe, expect, it } from 'vitest';
import {
  encodeStatusList,
  MIN_STATUS_LIST_BITS,
  readStatusBit,
  statusListLength,
} from '../../src/modules/certification/credentials/status-list.js';

describe('Bitstring Status List encoding', () => {
  it('is at least 131,072 bits, growing in whole steps as positions are used', () => {
    expect(MIN_STATUS_LIST_BITS).toBe(131_072);
    expect(statusListLength(null)).toBe(131_072);
    expect(statusListLength(0)).toBe(131_072);
    expect(statusListLength(131_071)).toBe(131_072);
    expect(statusListLength(131_072)).toBe(262_144);
    expect(statusListLength(700_000)).toBe(786_432);
  });

  it('is the multibase "u", base64url without padding, of the GZIP of the bits', () => {
    const encoded = encodeStatusList([0, 9, 131_071], 131_072);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).not.toMatch(/[=+/]/);
    const bytes = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bytes.length).toBe(131_072 / 8);
    // Index 0 is the leftmost (most significant) bit of the first byte.
    expect(bytes[0]).toBe(0b1000_0000);
    expect(bytes[1]).toBe(0b0100_0000);
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001);
  });

  it('reads back what it wrote, and agrees with the reference library both ways', async () => {
    const set = [3, 42, 1000, 99_999];
    const ours = encodeStatusList(set, 131_072);
    const decoded = await decodeList({ encodedList: ours });
    for (const i of [0, 3, 4, 42, 1000, 99_999, 131_071]) {
      expect(decoded.getStatus(i)).toBe(set.includes(i));
      expect(readStatusBit(ours, i)).toBe(set.includes(i));
    }
    const theirs = await createList({ length: 131_072 });
    for (const i of set) theirs.setStatus(i, true);
    const encodedByThem = await theirs.encode();
    for (const i of [0, 3, 42, 43, 99_999]) expect(readStatusBit(encodedByThem, i)).toBe(set.includes(i));
  });

  it('refuses lists that are too short or indexes outside them, and reads garbage as unknown', () => {
    expect(() => encodeStatusList([], 1024)).toThrow(RangeError);
    expect(() => encodeStatusList([131_072], 131_072)).toThrow(RangeError);
    expect(() => encodeStatusList([-1], 131_072)).toThrow(RangeError);
    expect(readStatusBit('zAAAA', 0)).toBeNull();
    expect(readStatusBit('unot-gzip', 0)).toBeNull();
    expect(readStatusBit(encodeStatusList([], 131_072), 131_072)).toBeNull();
    expect(readStatusBit(encodeStatusList([], 131_072), -1)).toBeNull();
  });
});
