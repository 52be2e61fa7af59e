import { z } from 'zod';
import { formatMoney, type Money } from '../../../lib/money.js';
import { toRuleEntry } from '../assessment.js';
import { statusLabels } from '../labels.js';
import type { ExperienceRow } from '../repository.js';
import { sectionIds, sectionTitles } from '../rules/completeness.js';
import type { EligibilityResult, EntryAssessment } from '../rules/eligibility.js';
import { applicationStatuses } from '../schema.js';
import type { ApplicationOverview } from '../use-cases/get-my-application.js';

/** Response shapes of the application API; request bodies reuse the section schemas in forms.ts. */

export const moneySchema = z.object({ amountCents: z.int(), currency: z.string(), formatted: z.string() });
export const moneyOut = (m: Money) => ({
  amountCents: m.amountCents,
  currency: m.currency,
  formatted: formatMoney(m),
});

const reasonSchema = z.object({ code: z.string(), message: z.string() });
export const eligibilitySchema = z.object({
  eligible: z.boolean(),
  countedHours: z.number(),
  requiredHours: z.number(),
  window: z.object({ from: z.string(), to: z.string() }),
  reasons: z.array(reasonSchema),
});
export const eligibilityOut = (e: EligibilityResult) => ({
  eligible: e.eligible,
  countedHours: e.countedHours,
  requiredHours: e.requiredHours,
  window: e.window,
  reasons: e.reasons,
});

export const experienceEntryOutSchema = z.object({
  id: z.uuid(),
  library: z.string(),
  libraryType: z.string(),
  position: z.string(),
  paid: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  totalHours: z.int().nullable(),
  countedHours: z.number(),
  outsideWindow: z.boolean(),
  errors: z.array(reasonSchema),
});
export const entryOut = (row: ExperienceRow, assessed?: EntryAssessment) => ({
  ...toRuleEntry(row),
  id: row.id,
  countedHours: assessed?.countedHours ?? 0,
  outsideWindow: assessed?.outsideWindow ?? false,
  errors: assessed?.errors ?? [],
});

const personalOutSchema = z.object({
  givenName: z.string(),
  familyName: z.string(),
  phone: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
  countryOther: z.string(),
  employerName: z.string(),
  employerType: z.string(),
  jobTitle: z.string(),
});

export const applicationSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  status: z.enum(applicationStatuses),
  statusLabel: z.string(),
  editable: z.boolean(),
  canSubmit: z.boolean(),
  emailVerified: z.boolean(),
  personal: personalOutSchema.nullable(),
  education: z.object({ hasHighSchool: z.boolean().nullable() }),
  membership: z.object({ isAlaMember: z.boolean().nullable(), alaMemberNumber: z.string().nullable() }),
  research: z
    .object({
      heardFrom: z.string().nullable(),
      yearsInLibraries: z.string().nullable(),
      highestEducation: z.string().nullable(),
      researchConsent: z.boolean().nullable(),
    })
    .nullable(),
  experience: z.array(experienceEntryOutSchema),
  eligibility: eligibilitySchema,
  sections: z.array(
    z.object({
      id: z.enum(sectionIds),
      title: z.string(),
      state: z.enum(['not_started', 'in_progress', 'completed']),
    }),
  ),
  missing: z.array(z.object({ section: z.enum(sectionIds), title: z.string(), message: z.string() })),
  fees: z.object({ member: moneySchema, nonMember: moneySchema, applicable: moneySchema }),
  paymentMethod: z.enum(['card', 'check', 'institution']).nullable(),
  fee: z
    .object({
      feeId: z.uuid(),
      amount: moneySchema,
      due: moneySchema,
      settled: z.boolean(),
      entries: z.array(
        z.object({ kind: z.string(), amountCents: z.int(), method: z.string(), createdAt: z.string() }),
      ),
    })
    .nullable(),
  submittedAt: z.string().nullable(),
  submittedOn: z.string().nullable(),
  infoRequest: z.string().nullable(),
  messages: z.array(
    z.object({
      kind: z.enum(['info_request', 'candidate_response']),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type ApplicationOut = z.infer<typeof applicationSchema>;

export function applicationOut(o: ApplicationOverview): ApplicationOut {
  const app = o.application;
  const research = app.research as ApplicationOut['research'];
  return {
    id: app.id,
    number: app.number,
    status: app.status,
    statusLabel: statusLabels[app.status],
    editable: o.editable,
    canSubmit: app.status === 'draft' && o.missing.length === 0 && o.eligibility.eligible && o.emailVerified,
    emailVerified: o.emailVerified,
    personal: o.details.personal ?? null,
    education: { hasHighSchool: app.hasHighSchool },
    membership: { isAlaMember: o.details.isAlaMember ?? null, alaMemberNumber: app.alaMemberNumber },
    research: research ?? null,
    experience: o.entries.map((e, i) => entryOut(e, o.eligibility.entries[i])),
    eligibility: eligibilityOut(o.eligibility),
    sections: sectionIds.map((id) => ({ id, title: sectionTitles[id], state: o.sections[id] })),
    missing: o.missing,
    fees: {
      member: moneyOut(o.fees.member),
      nonMember: moneyOut(o.fees.nonMember),
      applicable: moneyOut(o.fees.applicable),
    },
    paymentMethod: app.paymentMethod,
    fee: o.fee && {
      feeId: o.fee.feeId,
      amount: moneyOut(o.fee.amount),
      due: moneyOut({ amountCents: Math.max(o.fee.balance.dueCents, 0), currency: o.fee.amount.currency }),
      settled: o.fee.balance.settled,
      entries: o.fee.entries.map((e) => ({
        kind: e.kind,
        amountCents: e.amountCents,
        method: e.method,
        createdAt: e.createdAt.toISOString(),
      })),
    },
    submittedAt: app.submittedAt?.toISOString() ?? null,
    submittedOn: app.submittedOn,
    infoRequest: o.openInfoRequest?.body ?? null,
    messages: o.messages.map((m) => ({ kind: m.kind, body: m.body, createdAt: m.createdAt.toISOString() })),
  };
}
