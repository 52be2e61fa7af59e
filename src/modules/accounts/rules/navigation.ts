import type { Role } from '../../../platform/context.js';

/**
 * A `next` address is honoured only when it stays on this site: a path starting with one "/",
 * not "//" or "/\" (browsers read both as another host), and without control characters.
 */
export function safeNextPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length === 0 || next.length > 500) return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return undefined;
  return next;
}

/** Where a person lands after signing in when no `next` was given. */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes('staff') || roles.includes('admin')) return '/staff';
  if (roles.includes('candidate')) return '/dashboard';
  return '/account';
}
