import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReference,
  parseReference,
  type ReferencePrefix,
  referencePrefixes,
} from '../../src/modules/applications/rules/references.js';

describe('formatReference', () => {
  it.each<[ReferencePrefix, number, number, string]>([
    ['LSSC', 2026, 123, 'LSSC-2026-000123'],
    ['CLSS', 2026, 45, 'CLSS-2026-000045'],
    ['INV', 2026, 7, 'INV-2026-000007'],
    ['LSSC', 2027, 1, 'LSSC-2027-000001'],
    ['LSSC', 2027, 999_999, 'LSSC-2027-999999'],
  ])('%s %i #%i → %s', (prefix, year, seq, expected) => {
    expect(formatReference(prefix, year, seq)).toBe(expected);
  });

  it.each([
    ['LSSC', 2026, 0],
    ['LSSC', 2026, 1_000_000],
    ['LSSC', 2026, 1.5],
    ['LSSC', 26, 1],
    ['LSSC', 20260, 1],
    ['CERT', 2026, 1],
  ])('refuses %s %i #%s', (prefix, year, seq) => {
    expect(() => formatReference(prefix as ReferencePrefix, year, seq)).toThrow(RangeError);
  });
});

describe('parseReference', () => {
  it.each([
    ['LSSC-2026-000123', { prefix: 'LSSC', year: 2026, seq: 123 }],
    ['  clss-2026-000045 ', { prefix: 'CLSS', year: 2026, seq: 45 }],
    ['INV-2026-000007', { prefix: 'INV', year: 2026, seq: 7 }],
    ['LSSC-2026-000000', null],
    ['LSSC-2026-123', null],
    ['LSSC-2026-0001234', null],
    ['LSSC 2026 000123', null],
    ['CERT-2026-000123', null],
    ['LSSC-26-000123', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it('reads back what formatReference wrote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...referencePrefixes),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (prefix, year, seq) => {
          expect(parseReference(formatReference(prefix, year, seq))).toEqual({ prefix, year, seq });
        },
      ),
    );
  });
});
