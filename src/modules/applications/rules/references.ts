/**
 * Human-friendly references people read aloud, type into a verification page or write on a check:
 * application LSSC-2026-000123, certificate CLSS-2026-000045, invoice INV-2026-000007.
 * The year is the year the number was issued; the sequence restarts each year.
 */

export const referencePrefixes = ['LSSC', 'CLSS', 'INV'] as const;
export type ReferencePrefix = (typeof referencePrefixes)[number];

export interface Reference {
  prefix: ReferencePrefix;
  year: number;
  seq: number;
}

const MAX_SEQ = 999_999;
const REFERENCE_PATTERN = /^(LSSC|CLSS|INV)-(\d{4})-(\d{6})$/;

export function formatReference(prefix: ReferencePrefix, year: number, seq: number): string {
  if (!referencePrefixes.includes(prefix)) throw new RangeError(`Unknown reference prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Reference year must have four digits, got ${year}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
    throw new RangeError(`Reference sequence must be 1 to ${MAX_SEQ}, got ${seq}`);
  }
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Reads a reference as a person might type or paste it: surrounding spaces and lower case are
 * forgiven, anything else is not (a guessed correction could point at someone else's record).
 * Returns null when the text is not a reference.
 */
export function parseReference(text: string): Reference | null {
  const match = REFERENCE_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const seq = Number(match[3]);
  if (seq < 1) return null;
  return { prefix: match[1] as ReferencePrefix, year: Number(match[2]), seq };
}
