import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stripe signs every webhook delivery: the `Stripe-Signature` header is `t=<unix seconds>,v1=<hex>[,v1=…]`
 * where each v1 is HMAC-SHA256 of `${t}.${raw body}` keyed with the endpoint's signing secret. Several v1
 * values appear while a secret is being rolled; one match is enough. The timestamp bounds replays.
 */
export interface StripeSignatureHeader {
  timestamp: number;
  signatures: string[];
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | {
      ok: false;
      reason: 'missing_header' | 'malformed_header' | 'no_signature' | 'outside_tolerance' | 'mismatch';
    };

/** Parse the header; undefined when it has no usable timestamp. Unknown schemes (v0) are skipped. */
export function parseStripeSignature(header: string): StripeSignatureHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(value.toLowerCase());
    }
  }
  return timestamp === undefined ? undefined : { timestamp, signatures };
}

/** The v1 signature of a payload at a timestamp (what Stripe sends; tests sign their payloads with it). */
export function stripeSignatureFor(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** A whole header, as Stripe sends it. */
export function stripeSignatureHeader(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `t=${timestamp},v1=${stripeSignatureFor(secret, timestamp, rawBody)}`;
}

/**
 * Check a delivery. `now` comes from the injected clock; a timestamp more than `toleranceSeconds` away
 * from it (either side) is refused, so a captured delivery cannot be replayed later.
 */
export function verifyStripeSignature(opts: {
  header: string | undefined;
  rawBody: Buffer;
  secret: string;
  now: Date;
  toleranceSeconds: number;
}): SignatureCheck {
  if (!opts.header) return { ok: false, reason: 'missing_header' };
  const parsed = parseStripeSignature(opts.header);
  if (!parsed) return { ok: false, reason: 'malformed_header' };
  if (parsed.signatures.length === 0) return { ok: false, reason: 'no_signature' };
  const expected = Buffer.from(stripeSignatureFor(opts.secret, parsed.timestamp, opts.rawBody), 'hex');
  // Compare every candidate in constant time and without stopping early, so timing tells nothing.
  let matched = false;
  for (const candidate of parsed.signatures) {
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) matched = true;
  }
  if (!matched) return { ok: false, reason: 'mismatch' };
  const ageSeconds = Math.abs(opts.now.getTime() / 1000 - parsed.timestamp);
  if (ageSeconds > opts.toleranceSeconds) return { ok: false, reason: 'outside_tolerance' };
  return { ok: true, timestamp: parsed.timestamp };
}
