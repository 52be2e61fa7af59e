/**
 * ALA members pay the member fee and give their membership number. Cards and renewal letters
 * print it with spaces or dashes, so those are removed; what remains must be 4 to 12 digits.
 * The number is only checked for shape here; staff confirm membership with ALA.
 */

export type AlaMemberNumberResult = { ok: true; value: string } | { ok: false; message: string };

const MIN_DIGITS = 4;
const MAX_DIGITS = 12;
// Hyphen plus the Unicode dashes a copy from a PDF or word processor brings along.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

export function normalizeAlaMemberNumber(text: string): AlaMemberNumberResult {
  const value = text.trim().replace(SEPARATORS, '');
  if (value === '') return { ok: false, message: 'Enter your ALA membership number.' };
  if (!/^\d+$/.test(value)) {
    return { ok: false, message: 'An ALA membership number has digits only (spaces and dashes are fine).' };
  }
  if (value.length < MIN_DIGITS || value.length > MAX_DIGITS) {
    return { ok: false, message: `An ALA membership number has ${MIN_DIGITS} to ${MAX_DIGITS} digits.` };
  }
  return { ok: true, value };
}
