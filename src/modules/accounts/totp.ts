import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const ISSUER = 'LSSC';
/** Accept the code of the previous and next 30-second step too: phone clocks drift. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/** The time step the code belongs to when it is right (for replay protection), otherwise null. */
export async function checkTotp(secret: string, code: string, now: Date): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
    });
    if (!result.valid) return null;
    // The functional API types the result as TOTP-or-HOTP; TOTP results carry the time step.
    return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** An SVG QR code as a data: URI (the CSP allows data: images, and no script is needed). */
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecretForPeople(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
