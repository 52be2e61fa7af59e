import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMatrices,
  agreementOf,
  emptyMatrix,
  formatKappa,
  formatPercent,
  matrixFromCounts,
  median,
  percentOf,
  roundTo,
} from '../../src/modules/portfolios/rules/agreement.js';

const count = fc.integer({ min: 0, max: 500 });
const matrixArb = fc.array(fc.array(count, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 });
const transpose = (m: number[][]) => m.map((row, i) => row.map((_, j) => m[j]![i]!));

describe('agreement between two evaluators: worked examples', () => {
  it('matches the textbook example (Cohen 1960 style, 50 pairs, two categories used)', () => {
    // 20 both met, 5 met/partial, 10 partial/met, 15 both partial: po 0.7, pe 0.5, kappa 0.4.
    const a = agreementOf([
      [20, 5, 0],
      [10, 15, 0],
      [0, 0, 0],
    ]);
    expect(a.pairs).toBe(50);
    expect(a.observed).toBeCloseTo(0.7, 12);
    expect(a.expected).toBeCloseTo(0.5, 12);
    expect(a.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a hand-worked three-rating example', () => {
    // 100 pairs, 80 the same: po 0.8; margins 30/20/50 both ways: pe 0.09 + 0.04 + 0.25 = 0.38;
    // kappa (0.8 − 0.38) / (1 − 0.38) = 0.42 / 0.62 = 0.677419…
    const a = agreementOf([
      [25, 5, 0],
      [5, 10, 5],
      [0, 5, 45],
    ]);
    expect(a.observed).toBeCloseTo(0.8, 12);
    expect(a.expected).toBeCloseTo(0.38, 12);
    expect(a.kappa).toBeCloseTo(0.42 / 0.62, 12);
    expect(formatKappa(a.kappa)).toBe('0.68');
    expect(formatPercent(a.observed! * 100)).toBe('80%');
  });

  it('is below zero when they disagree more than chance would', () => {
    // Never the same: po 0, pe 0.5, kappa −1.
    const a = agreementOf([
      [0, 10, 0],
      [10, 0, 0],
      [0, 0, 0],
    ]);
    expect(a.kappa).toBe(-1);
    expect(formatKappa(a.kappa)).toBe('−1.00');
  });

  it('is undefined with no pairs, or when both gave one and the same rating to everything', () => {
    expect(agreementOf(emptyMatrix())).toEqual({ pairs: 0, observed: null, expected: null, kappa: null });
    const allMet = agreementOf([
      [12, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(allMet).toEqual({ pairs: 12, observed: 1, expected: 1, kappa: null });
    expect(formatKappa(allMet.kappa)).toBe('–');
    // One evaluator always met, the other always partial: defined, and no better than chance.
    expect(
      agreementOf([
        [0, 7, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]).kappa,
    ).toBe(0);
  });

  it('builds matrices from counted pairs, adding repeated pairs, and refuses what is not a count', () => {
    const m = matrixFromCounts([
      { first: 'met', second: 'partial', n: 3 },
      { first: 'not_met', second: 'met', n: 2 },
      { first: 'met', second: 'partial', n: 1 },
    ]);
    expect(m).toEqual([
      [0, 4, 0],
      [0, 0, 0],
      [2, 0, 0],
    ]);
    expect(addMatrices(m, m)[0]).toEqual([0, 8, 0]);
    expect(() =>
      agreementOf([
        [1.5, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]),
    ).toThrow();
    expect(() =>
      agreementOf([
        [-1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]),
    ).toThrow();
  });
});

describe('agreement properties', () => {
  it('perfect agreement using more than one rating gives kappa exactly 1', () => {
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 3, maxLength: 3 }).filter((d) => d.filter((n) => n > 0).length >= 2),
        (diagonal) => {
          const m = emptyMatrix();
          diagonal.forEach((n, i) => {
            m[i]![i] = n;
          });
          const a = agreementOf(m);
          expect(a.kappa).toBe(1);
          expect(a.observed).toBe(1);
        },
      ),
    );
  });

  it('does not depend on which evaluator is first', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        expect(agreementOf(transpose(m))).toEqual(agreementOf(m));
      }),
    );
  });

  it('keeps kappa at most 1, observed and expected between 0 and 1, and kappa 1 only with full agreement', () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const a = agreementOf(m);
        if (a.pairs === 0) return expect(a.kappa).toBeNull();
        expect(a.observed!).toBeGreaterThanOrEqual(0);
        expect(a.observed!).toBeLessThanOrEqual(1);
        expect(a.expected!).toBeGreaterThan(0);
        expect(a.expected!).toBeLessThanOrEqual(1);
        if (a.kappa === null) return expect(a.expected).toBe(1);
        expect(a.kappa).toBeLessThanOrEqual(1);
        expect(a.kappa).toBeGreaterThanOrEqual(-1);
        expect(a.kappa === 1).toBe(a.observed === 1);
      }),
    );
  });

  it('gives kappa 0 for ratings that look independent (a matrix built as an outer product)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
        (rows, cols) => {
          const m = rows.map((r) => cols.map((c) => r * c));
          const a = agreementOf(m);
          const oneRatingEach =
            rows.filter((n) => n > 0).length === 1 &&
            cols.filter((n) => n > 0).length === 1 &&
            rows.findIndex((n) => n > 0) === cols.findIndex((n) => n > 0);
          if (a.pairs === 0 || oneRatingEach) expect(a.kappa).toBeNull();
          else expect(a.kappa).toBe(0);
        },
      ),
    );
  });

  it('sums matrices cell by cell, in any order', () => {
    fc.assert(
      fc.property(matrixArb, matrixArb, (a, b) => {
        expect(addMatrices(a, b)).toEqual(addMatrices(b, a));
        expect(agreementOf(addMatrices(a, b)).pairs).toBe(agreementOf(a).pairs + agreementOf(b).pairs);
      }),
    );
  });
});

describe('percentages and medians for people', () => {
  it('rounds to whole percents without calling a part "none" or "all"', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(percentOf(2, 3))).toBe('67%');
    expect(formatPercent(percentOf(7, 10))).toBe('70%');
    expect(formatPercent(percentOf(1, 250))).toBe('0.4%');
    expect(formatPercent(percentOf(249, 250))).toBe('99.6%');
    expect(formatPercent(percentOf(1, 100_000))).toBe('under 0.1%');
    expect(formatPercent(percentOf(99_999, 100_000))).toBe('over 99.9%');
    expect(percentOf(3, 0)).toBeNull();
    expect(roundTo(percentOf(2, 3), 1)).toBe(66.7);
    expect(roundTo(null, 1)).toBeNull();
  });

  it('never shows 0% or 100% for a share strictly between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const [part, whole] = a < b ? [a, b] : [b, a];
        const text = formatPercent(percentOf(part, whole));
        if (part === whole) expect(text).toBe('100%');
        else expect(['0%', '100%']).not.toContain(text);
      }),
    );
  });

  it('finds the median of odd and even counts, in any order', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(values.filter((v) => v < m).length).toBeLessThanOrEqual(values.length / 2);
        expect(values.filter((v) => v > m).length).toBeLessThanOrEqual(values.length / 2);
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});
