import { type CalendarDate, isCalendarDate } from '../../lib/calendar-date.js';
import { type FieldErrors, validationFailed } from '../../platform/errors.js';
import { fieldErrorsFrom } from '../../platform/http/forms.js';
import type { ProgramPolicy } from '../policy/policy.js';
import { type ExperienceEntryInput, experienceEntrySchema } from './forms.js';
import { assessEligibility, type EntryErrorCode, type ExperienceEntry } from './rules/eligibility.js';

type Field = keyof ExperienceEntryInput;
const fieldOrder: Field[] = [
  'library',
  'libraryType',
  'position',
  'paid',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'totalHours',
];

/** Which field each entry problem belongs to, so the message shows next to it. */
const fieldOf: Readonly<Record<EntryErrorCode, Field>> = {
  INVALID_DATE: 'startDate',
  START_IN_FUTURE: 'startDate',
  END_IN_FUTURE: 'endDate',
  END_BEFORE_START: 'endDate',
  HOURS_MISSING: 'hoursPerWeek',
  HOURS_BOTH: 'hoursPerWeek',
  HOURS_PER_WEEK_OUT_OF_RANGE: 'hoursPerWeek',
  TOTAL_HOURS_OUT_OF_RANGE: 'totalHours',
};

/**
 * Check one work entry: its shape (zod) and the eligibility rules' entry checks (no future dates,
 * end after start, exactly one way of giving hours), so what is stored always counts. Both run
 * even when the other fails, so a person sees every problem at once, in the order of the form.
 */
export function validateExperienceEntry(
  raw: unknown,
  policy: ProgramPolicy,
  today: CalendarDate,
): ExperienceEntryInput {
  const parsed = experienceEntrySchema.safeParse(raw);
  const shape: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const rules = ruleProblems(parsed.success ? parsed.data : probe(raw, today), policy, today);
  const fields: FieldErrors = {};
  for (const f of fieldOrder) {
    const message = shape[f] ?? rules[f];
    if (message) fields[f] = message;
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw validationFailed({ ...shape, ...fields }, 'This work entry needs fixing.');
  }
  return parsed.data;
}

function ruleProblems(
  entry: ExperienceEntry & { probeSkips?: Set<EntryErrorCode> },
  policy: ProgramPolicy,
  today: CalendarDate,
): FieldErrors {
  const [assessed] = assessEligibility({ today, hasHighSchool: true, experience: [entry] }, policy).entries;
  const fields: FieldErrors = {};
  for (const error of assessed?.errors ?? []) {
    if (!entry.probeSkips?.has(error.code)) fields[fieldOf[error.code]] ??= error.message;
  }
  return fields;
}

/** The parts of an invalid entry the rules can still judge; what cannot be judged is skipped. */
function probe(raw: unknown, today: CalendarDate): ExperienceEntry & { probeSkips: Set<EntryErrorCode> } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const date = (v: unknown) => (isCalendarDate(v) ? v : null);
  const hours = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const start = date(r.startDate);
  const skips = new Set<EntryErrorCode>(['INVALID_DATE']);
  if (!start) skips.add('END_BEFORE_START');
  // Hours typed but not numbers already have their own message.
  if ((r.hoursPerWeek ?? null) !== null && hours(r.hoursPerWeek) === null) skips.add('HOURS_MISSING');
  if ((r.totalHours ?? null) !== null && hours(r.totalHours) === null) skips.add('HOURS_MISSING');
  return {
    library: '',
    libraryType: '',
    position: '',
    paid: true,
    startDate: start ?? today,
    endDate: date(r.endDate),
    hoursPerWeek: hours(r.hoursPerWeek),
    totalHours: hours(r.totalHours),
    probeSkips: skips,
  };
}
