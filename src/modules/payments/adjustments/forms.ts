import { z } from 'zod';
import { awardIds } from './policy.js';

// Far above any fee; keeps a slip such as 35000000 from reaching the ledger.
const MAX_CENTS = 100_000_000;

/** "$350", "350.00", "1,325.5" (or a number of dollars from the API) → cents. */
export const dollarsSchema = z
  .union([z.string(), z.number()], { error: 'Enter the amount' })
  .transform((raw, ctx) => {
    const text = String(raw).trim().replace(/^\$/, '').replace(/[,\s]/g, '');
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (text === '') return fail('Enter the amount');
    if (/^-/.test(text)) return fail('The amount must be more than $0.00');
    if (!/^\d+(\.\d{1,2})?$/.test(text)) return fail('Enter the amount in dollars and cents, like 350.00');
    const [whole = '0', fraction = ''] = text.split('.');
    const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    if (cents <= 0) return fail('The amount must be more than $0.00');
    if (cents > MAX_CENTS) return fail('That amount is far more than any fee; check what you typed');
    return cents;
  });

const reason = z
  .string({ error: 'Write the reason' })
  .trim()
  .min(1, 'Write the reason')
  .max(2000, 'Use 2,000 characters or fewer');

const reference = z
  .string()
  .trim()
  .max(60, 'Use 60 characters or fewer')
  .regex(/^[A-Za-z0-9 ._#/-]*$/, 'Use letters, digits, spaces and . _ # / - only')
  .optional()
  .transform((v) => (v ? v : null));

export const refundMethods = ['check', 'card', 'bank_transfer'] as const;

export const refundRequestSchema = z.object({
  kind: z.literal('refund'),
  amount: dollarsSchema,
  method: z.enum(refundMethods, { error: 'Choose how the money goes back' }),
  reference,
  reason,
});

export const waiverRequestSchema = z.object({
  kind: z.literal('waiver'),
  amount: dollarsSchema,
  reason,
});

export const awardRequestSchema = z.object({
  kind: z.literal('award'),
  award: z.enum(awardIds, { error: 'Choose the award' }),
  reason,
});

export const adjustmentRequestSchema = z.discriminatedUnion(
  'kind',
  [refundRequestSchema, waiverRequestSchema, awardRequestSchema],
  { error: 'Choose a refund, a waiver or an award' },
);

export type AdjustmentRequestInput = z.infer<typeof adjustmentRequestSchema>;

export const declineNoteSchema = z
  .string({ error: 'Say why you decline the request' })
  .trim()
  .min(1, 'Say why you decline the request')
  .max(2000, 'Use 2,000 characters or fewer');
