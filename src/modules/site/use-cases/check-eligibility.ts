import { z } from 'zod';
import { addDays, type CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import {
  type EligibilityReason,
  eligibilityWindow,
  selfCheck,
} from '../../applications/rules/eligibility.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';

// Sanity bounds on what a person can type (the same as the full application's): 100,000 hours is
// about 55 years of full-time work, 80 hours a week is two full-time jobs.
export const MAX_LIBRARY_HOURS = 100_000;
export const MAX_HOURS_PER_WEEK = 80;

export interface SelfCheckInput {
  hasHighSchool: boolean;
  libraryHours: number;
  /** How many hours a week the visitor works now, to estimate when they reach the minimum. */
  hoursPerWeekNow: number | null;
}

export interface SelfCheckResult {
  eligible: boolean;
  reasons: EligibilityReason[];
  requiredHours: number;
  windowYears: number;
  /** The first day whose work counts if they applied today. */
  windowFrom: CalendarDate;
  /** Hours still missing (0 when there are enough). */
  hoursShort: number;
  /** When they would reach the minimum at their current weekly hours, if that is within the window. */
  estimatedReachOn: CalendarDate | null;
  policyVersion: string;
}

/** Hours as people type them: "1,820", " 1200 ", "950.5". Returns the number or a message for the field. */
function hoursText(opts: { empty: string; max: number; optional: boolean; positive: boolean }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? '').trim().replace(/[,\s]/g, '');
      if (text === '') {
        if (opts.optional) return null;
        ctx.addIssue({ code: 'custom', message: opts.empty });
        return z.NEVER;
      }
      if (text.startsWith('-')) {
        ctx.addIssue({ code: 'custom', message: 'Hours cannot be less than 0.' });
        return z.NEVER;
      }
      if (!/^\d+(\.\d+)?$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'Enter the hours as a number, like 1200.' });
        return z.NEVER;
      }
      const hours = Number(text);
      if (opts.positive && hours === 0) {
        ctx.addIssue({ code: 'custom', message: 'Enter more than 0 hours, or leave this empty.' });
        return z.NEVER;
      }
      if (hours > opts.max) {
        ctx.addIssue({
          code: 'custom',
          message: `Enter ${opts.max.toLocaleString('en-US')} hours or fewer.`,
        });
        return z.NEVER;
      }
      return hours;
    });
}

/** The self-check form as posted: text fields, parsed into numbers with messages at each field. */
export const selfCheckForm = z.object({
  hasHighSchool: z.enum(['yes', 'no'], { error: 'Answer yes or no.' }).transform((v) => v === 'yes'),
  libraryHours: hoursText({
    empty: 'Enter about how many hours you have worked in libraries. Enter 0 if none.',
    max: MAX_LIBRARY_HOURS,
    optional: false,
    positive: false,
  }).pipe(z.number()),
  hoursPerWeekNow: hoursText({ empty: '', max: MAX_HOURS_PER_WEEK, optional: true, positive: true }),
});

/** The JSON body of POST /api/v1/eligibility/self-check. */
export const selfCheckBody = z.object({
  hasHighSchool: z.boolean().describe('Has a high-school diploma or an equivalent such as a GED'),
  libraryHours: z
    .number()
    .min(0)
    .max(MAX_LIBRARY_HOURS)
    .describe('About how many hours of paid or volunteer library work in the eligibility window'),
  hoursPerWeekNow: z
    .number()
    .gt(0)
    .max(MAX_HOURS_PER_WEEK)
    .optional()
    .describe('Hours a week worked in a library now, to estimate when the minimum is reached'),
});

/** The eligibility self-check: no account needed, nothing is stored. */
export async function checkEligibility(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  input: SelfCheckInput,
): Promise<SelfCheckResult> {
  const { policy: version } = await getActiveProgramData(ctx);
  const policy = version.policy;
  const today = ctx.clock.today();
  const result = selfCheck(
    { today, hasHighSchool: input.hasHighSchool, hoursLastFiveYears: input.libraryHours },
    policy,
  );
  const requiredHundredths = policy.eligibility.minHours * 100;
  // The rule rounds down to hundredths; the shortfall uses the same rounding so the two agree.
  const hadHundredths = Math.floor(input.libraryHours * 100 + 1e-6);
  const shortHundredths = Math.max(0, requiredHundredths - hadHundredths);
  return {
    eligible: result.eligible,
    reasons: result.reasons,
    requiredHours: policy.eligibility.minHours,
    windowYears: policy.eligibility.windowYears,
    windowFrom: eligibilityWindow(today, policy).from,
    hoursShort: shortHundredths / 100,
    estimatedReachOn: estimateReachDate(
      today,
      shortHundredths / 100,
      input.hoursPerWeekNow,
      policy.eligibility.windowYears,
    ),
    policyVersion: version.version,
  };
}

/**
 * A rough date: at the same weekly hours, when the missing hours are worked. Older work also drops
 * out of the window as time passes, so the page says it is an estimate; beyond the window's length
 * no estimate is given (at that pace the minimum is never reached).
 */
function estimateReachDate(
  today: CalendarDate,
  hoursShort: number,
  hoursPerWeek: number | null,
  windowYears: number,
): CalendarDate | null {
  if (hoursShort <= 0 || !hoursPerWeek) return null;
  const days = Math.ceil((hoursShort / hoursPerWeek) * 7);
  return days <= windowYears * 365 ? addDays(today, days) : null;
}
