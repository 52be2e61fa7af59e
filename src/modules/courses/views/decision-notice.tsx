import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';

/** What the staff decided, for the provider: approval dates, or the comments to act on. */
export function DecisionNotice({ v }: { v: CourseApplicationView }) {
  const a = v.application;
  if (a.status === 'approved' && a.approvedOn && a.approvalEndsOn) {
    // A later renewal moves the end on: the courses carry the current one.
    const endsOn = v.approval?.endsOn ?? a.approvalEndsOn;
    return (
      <p>
        {a.renewsApplicationId ? 'Renewal approved' : 'Approved'} on {formatCalendarDate(a.approvedOn)}. The
        approval {v.approval?.state === 'lapsed' ? 'ran' : 'runs'} until {formatCalendarDate(endsOn)}.
      </p>
    );
  }
  if ((a.status === 'returned' || a.status === 'declined') && a.decisionComment)
    return (
      <div class="notice">
        <p>
          {a.status === 'returned'
            ? 'Returned for revision. Make the changes below, then check and submit again (no new fee):'
            : 'Declined. The reason given:'}
        </p>
        <p>{a.decisionComment}</p>
      </div>
    );
  return null;
}
