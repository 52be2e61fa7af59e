/**
 * Domain errors carry a code; http/errors.ts maps codes to statuses through this one table.
 * Use cases throw these, never HTTP errors.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  RATE_LIMITED: 429,
  APPLICATION_NOT_ELIGIBLE: 422,
  APPLICATION_INCOMPLETE: 422,
  PAYLOAD_TOO_LARGE: 413,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field name → message; the page shows them at the fields and in the error summary. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export const notFound = (what = 'That page') => new DomainError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.') =>
  new DomainError('FORBIDDEN', message);
export const validationFailed = (fields: FieldErrors, message = 'Some answers need fixing.') =>
  new DomainError('VALIDATION_FAILED', message, fields);
export const invalidState = (message: string) => new DomainError('INVALID_STATE', message);
