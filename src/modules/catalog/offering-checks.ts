import { type CalendarDate, formatCalendarDate, isCalendarDate } from '../../lib/calendar-date.js';
import { invalidState, validationFailed } from '../../platform/errors.js';
import { fieldErrorsFrom } from '../../platform/http/forms.js';
import { type OfferingInput, offeringSchema } from './forms.js';
import type { CourseRow, OfferingRow } from './offering-repository.js';
import { isLapsed, offeringDateProblems } from './rules/offering-rules.js';

/**
 * The session as it will be stored (a place only for sessions held in person), or every problem
 * at once: the field checks and, where both dates are real, the date rules. A lapsed course takes
 * no new or changed sessions at all.
 */
export function validOffering(raw: unknown, course: CourseRow, today: CalendarDate) {
  if (isLapsed(course.approvalEndsOn, today))
    throw invalidState(
      `The approval of this course ended on ${formatCalendarDate(course.approvalEndsOn)}, so it cannot take new sessions. Renew the approval first.`,
    );
  const parsed = offeringSchema.safeParse(raw ?? {});
  const errors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const startsOn = typeof given.startsOn === 'string' ? given.startsOn.trim() : '';
  const endsOn = typeof given.endsOn === 'string' ? given.endsOn.trim() : '';
  if (!errors.startsOn && !errors.endsOn && isCalendarDate(startsOn) && isCalendarDate(endsOn))
    Object.assign(
      errors,
      offeringDateProblems({ startsOn, endsOn }, { today, approvalEndsOn: course.approvalEndsOn }),
    );
  if (!parsed.success || Object.keys(errors).length > 0) throw validationFailed(errors);
  const input: OfferingInput = parsed.data;
  return {
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    online: input.online,
    city: input.online ? null : input.city,
    state: input.online ? null : input.state,
    notes: input.notes || null,
  };
}

export const offeringAudit = (o: OfferingRow) => ({
  courseId: o.courseId,
  startsOn: o.startsOn,
  endsOn: o.endsOn,
  online: o.online,
  city: o.city,
  state: o.state,
  notes: o.notes,
});
