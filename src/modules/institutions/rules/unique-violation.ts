/** A PostgreSQL unique violation (23505), on this constraint when named, anywhere in the cause chain. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (constraint === undefined || name === undefined || name === constraint))
      return true;
  }
  return false;
}
