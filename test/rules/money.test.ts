import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, formatMoney, money, subtractMoney } from '../../src/lib/money.js';

describe('money', () => {
  it('holds whole cents in US dollars by default', () => {
    expect(money(32500)).toEqual({ amountCents: 32500, currency: 'USD' });
    expect(money(1200, 'EUR')).toEqual({ amountCents: 1200, currency: 'EUR' });
    expect(money(-500)).toEqual({ amountCents: -500, currency: 'USD' });
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s cents', (cents) => {
    expect(() => money(cents)).toThrow(RangeError);
  });

  it.each(['usd', 'US', 'DOLLARS', ''])('rejects currency %j', (currency) => {
    expect(() => money(100, currency)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [32500, 'USD', '$325.00'],
    [35000, 'USD', '$350.00'],
    [5, 'USD', '$0.05'],
    [0, 'USD', '$0.00'],
    [-500, 'USD', '-$5.00'],
    [100000, 'USD', '$1,000.00'],
    [123456789, 'USD', '$1,234,567.89'],
    [1200, 'EUR', 'EUR 12.00'],
    [-123456, 'CAD', '-CAD 1,234.56'],
  ])('%i %s → %s', (cents, currency, expected) => {
    expect(formatMoney(money(cents, currency))).toBe(expected);
  });

  it('shows exactly the cents it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const digits = formatMoney(money(cents)).replace(/[^0-9]/g, '');
        expect(Number(digits) * Math.sign(cents || 1)).toBe(cents);
      }),
    );
  });
});

describe('addMoney / subtractMoney', () => {
  it('adds and subtracts in the same currency', () => {
    expect(addMoney(money(32500), money(5000))).toEqual(money(37500));
    expect(subtractMoney(money(35000), money(32500))).toEqual(money(2500));
    expect(subtractMoney(money(5000), money(6000))).toEqual(money(-1000));
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(money(100), money(100, 'EUR'))).toThrow(RangeError);
    expect(() => subtractMoney(money(100, 'EUR'), money(100))).toThrow(RangeError);
  });

  it('subtracting what was added gives back the original amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e12, max: 1e12 }), (a, b) => {
        expect(subtractMoney(addMoney(money(a), money(b)), money(b))).toEqual(money(a));
      }),
    );
  });
});
