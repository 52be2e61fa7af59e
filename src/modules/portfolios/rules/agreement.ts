import type { PortfolioRating } from '../schema.js';

/**
 * How far two evaluators agree when they rate the same competencies: observed agreement, the
 * agreement expected by chance from how often each used each rating, and Cohen's kappa, which
 * compares the two. Pure; the statistics repository counts the pairs in SQL and hands the counts here.
 */

/** Rows and columns of a confusion matrix, in this order. */
export const RATING_ORDER: readonly PortfolioRating[] = ['met', 'partial', 'not_met'];

/** matrix[i][j]: how many competencies the first evaluator rated RATING_ORDER[i] and the second RATING_ORDER[j]. */
export type ConfusionMatrix = readonly (readonly number[])[];

export interface RatingPairCount {
  first: PortfolioRating;
  second: PortfolioRating;
  n: number;
}

export interface Agreement {
  /** Competencies rated by both. */
  pairs: number;
  /** Share rated the same (0–1); null with no pairs. */
  observed: number | null;
  /** Share expected to match by chance (0–1); null with no pairs. */
  expected: number | null;
  /** Cohen's kappa (≤ 1); null when undefined: no pairs, or both used one and the same rating only. */
  kappa: number | null;
}

export const emptyMatrix = (): number[][] => RATING_ORDER.map(() => RATING_ORDER.map(() => 0));

/** Counts of (first, second) pairs as a matrix; the same pair given twice adds up. */
export function matrixFromCounts(rows: readonly RatingPairCount[]): number[][] {
  const m = emptyMatrix();
  for (const r of rows) {
    const i = RATING_ORDER.indexOf(r.first);
    const j = RATING_ORDER.indexOf(r.second);
    if (i < 0 || j < 0) throw new Error(`Unknown rating pair ${r.first}/${r.second}`);
    m[i]![j]! += r.n;
  }
  return m;
}

export function addMatrices(a: ConfusionMatrix, b: ConfusionMatrix): number[][] {
  return a.map((row, i) => row.map((n, j) => n + (b[i]?.[j] ?? 0)));
}

export function agreementOf(m: ConfusionMatrix): Agreement {
  const k = RATING_ORDER.length;
  let pairs = 0;
  let same = 0;
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const n = m[i]?.[j] ?? 0;
      if (!Number.isInteger(n) || n < 0) throw new Error('A confusion matrix holds counts');
      pairs += n;
      rowTotals[i]! += n;
      colTotals[j]! += n;
      if (i === j) same += n;
    }
  if (pairs === 0) return { pairs, observed: null, expected: null, kappa: null };
  const observed = same / pairs;
  // Summed over integers first and divided once, so a perfectly one-sided matrix gives exactly 1.
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rowTotals[i]! * colTotals[i]!;
  const expected = chance / (pairs * pairs);
  const undefinedKappa = chance === pairs * pairs;
  // (po − pe) / (1 − pe), in integers until the last step: (same·n − chance) / (n² − chance).
  const kappa = undefinedKappa ? null : (same * pairs - chance) / (pairs * pairs - chance);
  return { pairs, observed, expected, kappa };
}

/** part of whole as a percentage (0–100), null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part * 100) / whole : null;
}

/**
 * A percentage for people: whole numbers, except that "0%" and "100%" are kept for none and all
 * (0.4% is not shown as 0%, 99.6% not as 100%), and no value is shown for nothing to count.
 */
export function formatPercent(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  if (p <= 0) return '0%';
  if (p >= 100) return '100%';
  const whole = Math.round(p);
  if (whole > 0 && whole < 100) return `${whole}%`;
  const tenth = Math.round(p * 10) / 10;
  if (tenth > 0 && tenth < 100) return `${tenth.toFixed(1)}%`;
  return p < 50 ? 'under 0.1%' : 'over 99.9%';
}

/** Kappa to two decimals (−0.05 reads "−0.05"; 1 reads "1.00"); a dash when undefined. */
export function formatKappa(kappa: number | null): string {
  if (kappa === null) return '–';
  const text = (Math.round(kappa * 100) / 100).toFixed(2);
  return text === '-0.00' ? '0.00' : text.replace('-', '−');
}

/** Round for an API: no long binary fractions in the JSON. */
export const roundTo = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
