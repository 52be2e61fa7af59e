import type { z } from 'zod';
import { validationFailed } from '../../platform/errors.js';
import { fieldErrorsFrom } from '../../platform/http/forms.js';

/** Parse a use case's input; invalid input becomes a VALIDATION_FAILED domain error naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw validationFailed(fieldErrorsFrom(result.error));
  return result.data;
}
