import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chargeReleasedByRefund,
  checkAdjustment,
  checkPayment,
  refundOwedCents,
} from '../../src/modules/payments/rules/adjustments.js';
import { feeBalance, type LedgerLine } from '../../src/modules/payments/rules/ledger.js';
import type { LedgerEntryKind } from '../../src/modules/payments/schema.js';

// Property tests of the ledger: entries are proposed at random and kept only when the rules accept them.

type Proposal = { kind: LedgerEntryKind; amountCents: number };

const proposalArb: fc.Arbitrary<Proposal> = fc.record({
  kind: fc.constantFrom<LedgerEntryKind>('charge', 'payment', 'refund', 'waiver', 'award'),
  amountCents: fc.oneof(fc.integer({ min: -500, max: 100_000 }), fc.constant(0), fc.constant(35_000)),
});

/** Apply each proposal the rules accept, in order; the fee starts with its charge. */
function accepted(charge: number, proposals: Proposal[]): LedgerLine[] {
  const lines: LedgerLine[] = [{ kind: 'charge', amountCents: charge }];
  for (const p of proposals) {
    const balance = feeBalance(lines);
    const verdict =
      p.kind === 'charge' || p.kind === 'payment'
        ? checkPayment(p.amountCents)
        : checkAdjustment(balance, p.kind, p.amountCents);
    if (verdict.ok) lines.push(p);
  }
  return lines;
}

const signed = (l: LedgerLine) =>
  l.kind === 'charge' || l.kind === 'refund' ? l.amountCents : -l.amountCents;

const scenarioArb = fc.record({
  charge: fc.integer({ min: 1, max: 200_000 }),
  proposals: fc.array(proposalArb, { maxLength: 40 }),
});

describe('ledger properties', () => {
  it('keeps the balance equal to the signed sum of the entries', () => {
    fc.assert(
      fc.property(scenarioArb, ({ charge, proposals }) => {
        const lines = accepted(charge, proposals);
        const balance = feeBalance(lines);
        expect(balance.dueCents).toBe(lines.reduce((sum, l) => sum + signed(l), 0));
        expect(balance.netPaidCents).toBe(balance.paidCents - balance.refundedCents);
      }),
    );
  });

  it('never pays out more than was paid in, and never waives money that was paid', () => {
    fc.assert(
      fc.property(scenarioArb, ({ charge, proposals }) => {
        const lines = accepted(charge, proposals);
        // Every prefix, not just the end: at no moment was more handed back than had come in.
        for (let i = 1; i <= lines.length; i++) {
          const b = feeBalance(lines.slice(0, i));
          expect(b.refundedCents).toBeLessThanOrEqual(b.paidCents);
          expect(b.waivedCents).toBeLessThanOrEqual(b.chargedCents);
        }
      }),
    );
  });

  it('replays to the same state in any order, and in any split into batches', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) => {
          const lines = accepted(s.charge, s.proposals);
          return fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length }));
        }),
        ([lines, shuffled]) => {
          expect(feeBalance(shuffled)).toEqual(feeBalance(lines));
          expect(feeBalance([...lines])).toEqual(feeBalance(lines));
        },
      ),
    );
  });

  it('owes back at most what was kept, and a full refund of a withdrawn fee leaves nothing due after release', () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), ({ charge, proposals }, withdrawn) => {
        const lines = accepted(charge, proposals);
        const balance = feeBalance(lines);
        const owed = refundOwedCents(balance, { purposeWithdrawn: withdrawn });
        expect(owed).toBeGreaterThanOrEqual(0);
        expect(owed).toBeLessThanOrEqual(Math.max(0, balance.netPaidCents));
        if (owed === 0) return;
        expect(checkAdjustment(balance, 'refund', owed).ok).toBe(true);
        const refunded = [...lines, { kind: 'refund' as const, amountCents: owed }];
        const release = chargeReleasedByRefund(feeBalance(refunded));
        const closed =
          release > 0 ? [...refunded, { kind: 'waiver' as const, amountCents: release }] : refunded;
        if (release > 0) expect(checkAdjustment(feeBalance(refunded), 'waiver', release).ok).toBe(true);
        const after = feeBalance(closed);
        if (withdrawn) expect(after.netPaidCents).toBe(0);
        expect(after.dueCents).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('refuses non-positive and fractional amounts for every kind', () => {
    const balance = feeBalance([
      { kind: 'charge', amountCents: 35_000 },
      { kind: 'payment', amountCents: 10_000 },
    ]);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) {
      for (const kind of ['refund', 'waiver', 'award'] as const)
        expect(checkAdjustment(balance, kind, bad).ok).toBe(false);
      expect(checkPayment(bad).ok).toBe(false);
    }
    expect(checkAdjustment(balance, 'refund', 10_001).ok).toBe(false);
    expect(checkAdjustment(balance, 'refund', 10_000).ok).toBe(true);
    expect(checkAdjustment(balance, 'waiver', 25_001).ok).toBe(false);
    expect(checkAdjustment(balance, 'award', 25_000).ok).toBe(true);
  });
});
