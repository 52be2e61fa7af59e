import { z } from 'zod';
import { applicationStatuses } from '../applications/schema.js';

const status = z.enum(applicationStatuses);
const date = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');

export const queueItem = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status,
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  submittedAt: instant.nullable(),
  submittedOn: date.nullable(),
});

export const queueResponse = z.object({
  items: z.array(queueItem),
  total: z.int().describe('Matching applications; exact unless totalExact is false (then "more than")'),
  totalExact: z.boolean(),
  page: z.int(),
  pageSize: z.int(),
});

const entryAssessment = z.object({
  id: z.string(),
  library: z.string(),
  libraryType: z.string(),
  position: z.string(),
  paid: z.boolean(),
  startDate: date,
  endDate: date.nullable(),
  hoursPerWeek: z.number().nullable(),
  totalHours: z.number().nullable(),
  countedHours: z.number().nullable(),
  outsideWindow: z.boolean(),
  errors: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const applicationSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status,
  admittedOn: date.nullable(),
  deadlineOn: date.nullable(),
  policyVersionId: z.string().nullable(),
  frameworkVersionId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  rejectionReason: z.string().nullable(),
});

export const applicationDetail = applicationSummary.extend({
  candidate: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  hasHighSchool: z.boolean().nullable(),
  alaMemberNumber: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  submittedAt: instant.nullable(),
  submittedOn: date.nullable(),
  details: z.record(z.string(), z.unknown()),
  eligibility: z
    .object({
      eligible: z.boolean(),
      countedHours: z.number(),
      requiredHours: z.number(),
      window: z.object({ from: date, to: date }),
      policyVersion: z.string(),
      reasons: z.array(z.object({ code: z.string(), message: z.string() })),
      entries: z.array(entryAssessment),
    })
    .nullable()
    .describe('Recomputed by the rules as of the submission day'),
  eligibilitySnapshot: z.unknown().describe('What was recorded at submission'),
  payment: z
    .object({
      feeId: z.string(),
      member: z.boolean(),
      currency: z.string(),
      chargedCents: z.int(),
      paidCents: z.int(),
      refundedCents: z.int(),
      waivedCents: z.int(),
      dueCents: z.int(),
      netPaidCents: z.int(),
      settled: z.boolean(),
      entries: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          method: z.string(),
          amountCents: z.int(),
          reference: z.string().nullable(),
          note: z.string().nullable(),
          createdAt: instant,
        }),
      ),
    })
    .nullable(),
  refundOwedCents: z.int().nullable().describe('Set once rejected: what the program owes back'),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      authorId: z.string(),
      body: z.string(),
      createdAt: instant,
    }),
  ),
  audit: z.array(
    z.object({
      seq: z.number(),
      at: instant,
      action: z.string(),
      actorLabel: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  actions: z.object({
    requestInformation: z.boolean(),
    recordCheck: z.boolean(),
    admit: z.boolean(),
    reject: z.boolean(),
  }),
});

// Action bodies are loose here on purpose: the use cases validate them, so the API and the pages
// give the same plain-language message at the same field.
export const requestInformationBody = z.object({
  message: z.string().optional().describe('The question for the candidate'),
});
export const checkPaymentBody = z.object({
  checkNumber: z.string().optional().describe('As printed on the check'),
  amount: z.union([z.string(), z.number()]).optional().describe('In dollars, e.g. "350.00"'),
  receivedOn: z.string().optional().describe('YYYY-MM-DD'),
});
export const rejectBody = z.object({
  reason: z.string().optional().describe('Why the applicant is not eligible; mailed to them'),
});

export const checkPaymentResponse = z.object({
  application: applicationSummary,
  /** Null while a check over the approval limit waits for a second staff member (pendingApprovalId). */
  ledgerEntryId: z.string().nullable(),
  pendingApprovalId: z.string().nullable(),
  amountCents: z.int(),
  dueCents: z.int(),
  settled: z.boolean(),
});
export const rejectResponse = z.object({ application: applicationSummary, refundOwedCents: z.int() });
