import { describe, expect, it } from 'vitest';
import {
  parseStripeSignature,
  stripeSignatureFor,
  stripeSignatureHeader,
  verifyStripeSignature,
} from '../../src/modules/payments/stripe/signature.js';

const secret = 'whsec_test_secret';
const body = Buffer.from('{"id":"evt_1","type":"checkout.session.completed"}');
const now = new Date('2026-11-28T15:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const verify = (header: string | undefined, opts: { at?: Date; raw?: Buffer; tolerance?: number } = {}) =>
  verifyStripeSignature({
    header,
    rawBody: opts.raw ?? body,
    secret,
    now: opts.at ?? now,
    toleranceSeconds: opts.tolerance ?? 300,
  });

describe('Stripe-Signature header', () => {
  it('parses the timestamp and every v1 signature, skipping other schemes', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    expect(parseStripeSignature(`t=123,v1=${a},v0=${'c'.repeat(64)},v1=${b}`)).toEqual({
      timestamp: 123,
      signatures: [a, 'b'.repeat(64)],
    });
    expect(parseStripeSignature(' t=5 , v1=zz')).toEqual({ timestamp: 5, signatures: [] });
  });

  it('refuses a header without a usable timestamp', () => {
    expect(parseStripeSignature(`v1=${'a'.repeat(64)}`)).toBeUndefined();
    expect(parseStripeSignature('t=abc,v1=x')).toBeUndefined();
    expect(parseStripeSignature('t=-5')).toBeUndefined();
    expect(parseStripeSignature('')).toBeUndefined();
  });

  it('matches the documented HMAC-SHA256 of "t.body"', () => {
    // Known answer, computed apart: HMAC-SHA256 keyed with the whole "whsec_…" string over "1700000000.{}".
    expect(stripeSignatureFor(secret, 1700000000, '{}')).toBe(
      'ceb8863f7208fa249a6cd8f951e993c7563412aca65866f6272283debe143ab3',
    );
    expect(stripeSignatureFor(secret, 1700000000, '{}')).toBe(
      stripeSignatureFor(secret, 1700000000, Buffer.from('{}')),
    );
    expect(stripeSignatureFor(secret, 1700000000, '{}')).not.toBe(
      stripeSignatureFor(secret, 1700000001, '{}'),
    );
  });
});

describe('verifying a delivery', () => {
  it('accepts a correct signature inside the tolerance window, either side of now', () => {
    expect(verify(stripeSignatureHeader(secret, t, body))).toEqual({ ok: true, timestamp: t });
    expect(verify(stripeSignatureHeader(secret, t - 300, body)).ok).toBe(true);
    expect(verify(stripeSignatureHeader(secret, t + 300, body)).ok).toBe(true);
  });

  it('accepts any one of several v1 signatures (a secret being rolled)', () => {
    const good = stripeSignatureFor(secret, t, body);
    const old = stripeSignatureFor('whsec_old', t, body);
    expect(verify(`t=${t},v1=${old},v1=${good}`).ok).toBe(true);
    expect(verify(`t=${t},v1=${good},v1=${old}`).ok).toBe(true);
  });

  it('refuses a stale or far-future timestamp', () => {
    expect(verify(stripeSignatureHeader(secret, t - 301, body))).toEqual({
      ok: false,
      reason: 'outside_tolerance',
    });
    expect(verify(stripeSignatureHeader(secret, t + 301, body))).toEqual({
      ok: false,
      reason: 'outside_tolerance',
    });
    expect(verify(stripeSignatureHeader(secret, t - 10, body), { tolerance: 5 }).ok).toBe(false);
  });

  it('refuses a wrong secret, a changed body, a changed timestamp', () => {
    expect(verify(stripeSignatureHeader('whsec_other', t, body))).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(stripeSignatureHeader(secret, t, body), { raw: Buffer.from(`${body} `) })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const sig = stripeSignatureFor(secret, t, body);
    expect(verify(`t=${t - 1},v1=${sig}`)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a missing, malformed or signature-less header', () => {
    expect(verify(undefined)).toEqual({ ok: false, reason: 'missing_header' });
    expect(verify('')).toEqual({ ok: false, reason: 'missing_header' });
    expect(verify('garbage')).toEqual({ ok: false, reason: 'malformed_header' });
    expect(verify(`t=${t}`)).toEqual({ ok: false, reason: 'no_signature' });
    expect(verify(`t=${t},v0=${stripeSignatureFor(secret, t, body)}`)).toEqual({
      ok: false,
      reason: 'no_signature',
    });
    expect(verify(`t=${t},v1=${'0'.repeat(64)}`)).toEqual({ ok: false, reason: 'mismatch' });
  });
});
