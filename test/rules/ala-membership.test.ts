import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAlaMemberNumber } from '../../src/modules/applications/rules/ala-membership.js';

const EMPTY = { ok: false, message: 'Enter your ALA membership number.' };
const NOT_DIGITS = {
  ok: false,
  message: 'An ALA membership number has digits only (spaces and dashes are fine).',
};
const WRONG_LENGTH = { ok: false, message: 'An ALA membership number has 4 to 12 digits.' };

describe('normalizeAlaMemberNumber', () => {
  it.each([
    ['1234', { ok: true, value: '1234' }],
    ['  0012345678 ', { ok: true, value: '0012345678' }],
    ['123-456-789', { ok: true, value: '123456789' }],
    ['123 456 789', { ok: true, value: '123456789' }],
    ['123\u2013456', { ok: true, value: '123456' }],
    ['123456789012', { ok: true, value: '123456789012' }],
    ['', EMPTY],
    ['  - ', EMPTY],
    ['123', WRONG_LENGTH],
    ['1234567890123', WRONG_LENGTH],
    ['A1234567', NOT_DIGITS],
    ['1234.5678', NOT_DIGITS],
    ['١٢٣٤٥', NOT_DIGITS],
  ])('%j → %j', (text, expected) => {
    expect(normalizeAlaMemberNumber(text)).toEqual(expected);
  });

  it('accepts any 4-12 digits however they are spaced, and is idempotent', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 4, maxLength: 12 });
    const separators = fc.array(fc.constantFrom('', ' ', '-'), { minLength: 13, maxLength: 13 });
    fc.assert(
      fc.property(digits, separators, (ds, seps) => {
        const typed = ds.map((d, i) => d + seps[i]).join('');
        const result = normalizeAlaMemberNumber(typed);
        expect(result).toEqual({ ok: true, value: ds.join('') });
        if (result.ok) expect(normalizeAlaMemberNumber(result.value)).toEqual(result);
      }),
    );
  });
});
