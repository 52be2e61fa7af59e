import type { CalendarDate } from '../../lib/calendar-date.js';
import type { Tx } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/ids.js';
import { type CourseRow, insertApprovalPeriod, insertCourse } from './approved-course-repository.js';
import type { CourseApplicationRow } from './repository.js';

/**
 * Turn an approved application into catalog courses with their first approval period. The
 * application has passed the completeness check, so the details the catalog needs are there.
 */
export async function publishApprovedCourse(
  tx: Tx,
  application: CourseApplicationRow,
  period: { startsOn: CalendarDate; endsOn: CalendarDate },
  now: Date,
): Promise<CourseRow[]> {
  const course = await insertCourse(tx, {
    id: uuidv7(now.getTime()),
    providerId: application.providerId,
    applicationId: application.id,
    bundleId: null,
    number: application.number!,
    setId: application.setId,
    frameworkVersionId: application.frameworkVersionId,
    ...catalogDetails(application),
    firstApprovedOn: period.startsOn,
    approvalEndsOn: period.endsOn,
    createdAt: now,
    updatedAt: now,
  });
  await insertApprovalPeriod(tx, { courseId: course.id, applicationId: application.id, ...period });
  return [course];
}

/** What the catalog shows of an application (a renewal copies these again). */
export function catalogDetails(application: CourseApplicationRow) {
  return {
    title: application.title ?? '',
    description: application.description ?? '',
    delivery: application.delivery ?? 'online',
    synchronous: application.synchronous ?? false,
    length: application.length ?? '',
    contactHours: application.contactHours ?? 0,
    locations: application.locations,
    costToStudentsCents: application.costToStudentsCents ?? 0,
    registrationUrl: application.registrationUrl,
  } as const;
}
