import { z } from 'zod';
import { type FieldErrors, validationFailed } from '../../platform/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './rules/password-policy.js';

/** Field schemas shared by forms, use cases and the API, so every entry point says the same thing. */
export const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address')
  .max(254, 'Email addresses can be at most 254 characters')
  .pipe(z.email('Enter an email address in the right format, like name@library.org'));

export const nameField = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Names can be at most 120 characters');

/** A password being typed to prove who you are: no strength rules, only sane bounds. */
export const currentPasswordField = z
  .string({ error: 'Enter your password' })
  .min(1, 'Enter your password')
  .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`);

/** A new password; the rules that need the email address (common, contains it) run in the use case. */
export const newPasswordField = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const totpCodeField = z
  .string({ error: 'Enter the 6-digit code from your authenticator app' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'Enter the 6-digit code from your authenticator app')
      .regex(/^\d{6}$/, 'The code is 6 digits, like 123456'),
  );

export const linkTokenField = z
  .string({ error: 'This link is not complete' })
  .min(20, 'This link is not complete')
  .max(200);

/** For pages that ask for the password twice: adds the "do not match" message at the second field. */
export function withConfirmation<
  T extends z.ZodObject<{ password: z.ZodType<string>; confirmPassword: z.ZodType<string> }>,
>(schema: T) {
  return schema.superRefine((v, ctx) => {
    const { password, confirmPassword } = v as { password: string; confirmPassword: string };
    if (password && confirmPassword !== password) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
    }
  });
}

/** Validate a use case's input; problems become a VALIDATION_FAILED error naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    fields[key] ??= issue.message;
  }
  throw validationFailed(fields);
}
