/** Fixed-window limits, counted in the database so every web process shares them. */
export interface Limit {
  max: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const limits = {
  /** Failed sign-ins for one email address. */
  signInPerEmail: { max: 5, windowMs: FIFTEEN_MINUTES },
  /** Failed sign-ins from one network address. */
  signInPerIp: { max: 20, windowMs: FIFTEEN_MINUTES },
  /** Wrong authenticator codes for one person. */
  mfaPerUser: { max: 5, windowMs: FIFTEEN_MINUTES },
  /** Wrong current passwords typed by a signed-in person (change password, email, MFA). */
  reauthPerUser: { max: 5, windowMs: FIFTEEN_MINUTES },
  /** Mails of one kind to one address, so nobody can use us to flood an inbox. */
  mailPerAddress: { max: 3, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, Limit>;

/** The start of the window that `now` falls in; windows are aligned to the epoch. */
export function windowStart(now: Date, limit: Limit): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

export const rateKeys = {
  signInEmail: (email: string) => `sign-in:email:${email.trim().toLowerCase()}`,
  signInIp: (ip: string) => `sign-in:ip:${ip}`,
  mfa: (userId: string) => `mfa:user:${userId}`,
  reauth: (userId: string) => `reauth:user:${userId}`,
  mail: (kind: string, email: string) => `mail:${kind}:${email.trim().toLowerCase()}`,
  /** One row per accepted authenticator code, so a code cannot be used twice. */
  totpUsed: (userId: string, timeStep: number) => `totp-used:${userId}:${timeStep}`,
};
