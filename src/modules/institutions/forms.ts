import { z } from 'zod';
import { isCalendarDate } from '../../lib/calendar-date.js';
import { type ApplicantInput, parseApplicantLines, parseDollars } from './rules/coverage.js';
import { institutionKinds, invoicePaymentMethods } from './schema.js';

export const MAX_APPLICANTS = 200;

const text = (empty: string, max: number) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, `Use ${max} characters or fewer`);

export const institutionKindLabels: Record<(typeof institutionKinds)[number], string> = {
  library: 'Library',
  library_system: 'Library system',
  state_library: 'State library',
  agency: 'Agency',
};

export const institutionSchema = z.object({
  name: text('Enter the name of the institution', 200),
  kind: z.enum(institutionKinds, { error: 'Choose what kind of institution it is' }),
  region: text('Enter the state or region', 100),
  billingAddress: text('Enter the billing address', 1000),
});
export type InstitutionInput = z.output<typeof institutionSchema>;

const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Use 254 characters or fewer')
  .email('Enter an email address like name@example.org');

export const inviteContactSchema = z.object({ email });

const applicant = z.object({
  name: text("Enter the applicant's name", 200),
  email: z
    .string({ error: "Enter the applicant's email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter the applicant's email address")
    .max(254, 'Use 254 characters or fewer')
    .email('Enter an email address like name@example.org'),
});

/** Cents: a dollars string as typed in a form ("1,050.00"), or a whole number of cents from the API. */
const amount = z.union([z.string(), z.number()], { error: 'Enter the amount' }).transform((raw, ctx) => {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw <= 0) {
      ctx.addIssue({ code: 'custom', message: 'The amount must be a whole number of cents more than 0' });
      return z.NEVER;
    }
    return raw;
  }
  const parsed = parseDollars(raw);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.cents;
});

export const purchaseOrderSchema = z
  .object({
    poNumber: text('Enter the purchase order number', 50),
    amountCents: amount,
    applicants: z
      .array(applicant, { error: 'List the applicants' })
      .min(1, 'List at least one applicant')
      .max(
        MAX_APPLICANTS,
        `A purchase order can name at most ${MAX_APPLICANTS} applicants; send the rest on another`,
      ),
  })
  .superRefine((po, ctx) => {
    const seen = new Map<string, number>();
    po.applicants.forEach((a, i) => {
      const first = seen.get(a.email);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['applicants'],
          message: `${a.email} is listed twice (applicants ${first + 1} and ${i + 1}); list each person once`,
        });
      } else seen.set(a.email, i);
    });
  });
export type PurchaseOrderInput = z.output<typeof purchaseOrderSchema>;

/**
 * The form sends the applicants as one text box; turn it into the API's list, and unreadable lines
 * into a message that quotes them. Per-applicant messages are folded onto the box.
 */
export function purchaseOrderFromForm(body: Record<string, unknown>): unknown {
  const box = typeof body.applicants === 'string' ? body.applicants : '';
  const parsed = parseApplicantLines(box);
  const bad = parsed.find((p): p is { unreadable: string; line: number } => 'unreadable' in p);
  return {
    poNumber: body.poNumber,
    amountCents: body.amount,
    applicants: bad ? { unreadable: bad } : (parsed as ApplicantInput[]),
  };
}

/** Field errors from the API shape, as the form shows them (one message at the applicants box). */
export function formErrorsForPurchaseOrder(
  errors: Record<string, string>,
  raw: unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  const list = (raw as { applicants?: unknown }).applicants;
  for (const [key, message] of Object.entries(errors)) {
    const m = /^applicants\.(\d+)\.(name|email)$/.exec(key);
    if (m && Array.isArray(list)) {
      const who = list[Number(m[1])] as ApplicantInput | undefined;
      out.applicants ??= `Applicant ${Number(m[1]) + 1}${who?.email ? ` (${who.email})` : ''}: ${message}`;
    } else if (key.startsWith('applicants')) {
      const unreadable = (list as { unreadable?: { unreadable: string; line: number } })?.unreadable;
      out.applicants ??= unreadable
        ? `Line ${unreadable.line} ("${unreadable.unreadable}") is not a name and an email address; write it like Ada Okafor, ada@example.org`
        : message;
    } else out[key === 'amountCents' ? 'amount' : key] ??= message;
  }
  return out;
}

export const invoicePaymentSchema = z.object({
  method: z.enum(invoicePaymentMethods, { error: 'Choose how the money came: check or bank transfer' }),
  amountCents: amount,
  reference: z
    .string({ error: 'Enter the check number or transfer reference' })
    .trim()
    .min(1, 'Enter the check number or transfer reference')
    .max(60, 'Use 60 characters or fewer')
    .regex(/^[A-Za-z0-9 ./_-]+$/, 'Use letters, digits, spaces and - . / _ only'),
  receivedOn: z
    .string({ error: 'Enter the date the money arrived' })
    .trim()
    .min(1, 'Enter the date the money arrived')
    .refine(isCalendarDate, 'Enter a real date, like 2026-11-28'),
});
export type InvoicePaymentInput = z.output<typeof invoicePaymentSchema>;

/** Why a second staff member declines a payment recorded against an invoice (mailed to its recorder). */
export const declinePaymentNoteSchema = z
  .string({ error: 'Say why you decline the payment' })
  .trim()
  .min(1, 'Say why you decline the payment')
  .max(2000, 'Use 2,000 characters or fewer');
