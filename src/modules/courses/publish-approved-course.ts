import { addYears, type CalendarDate, maxDate } from '../../lib/calendar-date.js';
import type { Tx } from '../../platform/db/client.js';
import { invalidState } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import {
  type CourseRow,
  findBundle,
  insertApprovalPeriod,
  insertBundle,
  insertCourse,
  lockCoursesOfApplication,
  updateBundle,
  updateCourse,
} from './approved-course-repository.js';
import { type CoursePartRow, listParts } from './parts-repository.js';
import type { CourseApplicationRow } from './repository.js';
import { renewalPeriod } from './rules/approval.js';

type Period = { startsOn: CalendarDate; endsOn: CalendarDate };

/**
 * The approval an "approve" decision gives: from today for a first application; for a renewal, on
 * from the current approval of its courses (or from today if that has lapsed). The courses are
 * locked so the period cannot move under the decision.
 */
export async function approvalPeriodFor(
  tx: Tx,
  application: CourseApplicationRow,
  today: CalendarDate,
  approvalYears: number,
): Promise<Period> {
  if (!application.renewsApplicationId) return { startsOn: today, endsOn: addYears(today, approvalYears) };
  const courses = await lockCoursesOfApplication(tx, application.renewsApplicationId);
  if (courses.length === 0) throw invalidState('The courses this renewal renews were not found.');
  const currentEnd = maxDate(courses[0]!.approvalEndsOn, ...courses.map((c) => c.approvalEndsOn));
  return renewalPeriod(currentEnd, today, approvalYears);
}

/**
 * Turn an approved first application into catalog courses with their first approval period: one
 * course, or a bundle (numbered as the application) with one course per part, numbered -1, -2…
 * The application has passed the completeness check, so the details the catalog needs are there.
 */
export async function publishApprovedCourse(
  tx: Tx,
  application: CourseApplicationRow,
  period: Period,
  now: Date,
): Promise<CourseRow[]> {
  const number = application.number!;
  const common = {
    providerId: application.providerId,
    applicationId: application.id,
    setId: application.setId,
    frameworkVersionId: application.frameworkVersionId,
    firstApprovedOn: period.startsOn,
    approvalEndsOn: period.endsOn,
    createdAt: now,
    updatedAt: now,
  };
  const published: CourseRow[] = [];
  if (application.kind === 'bundle') {
    const bundle = await insertBundle(tx, {
      id: uuidv7(now.getTime()),
      providerId: application.providerId,
      applicationId: application.id,
      number,
      setId: application.setId,
      title: application.title ?? '',
      createdAt: now,
    });
    for (const part of await listParts(tx, application.id)) {
      published.push(
        await insertCourse(tx, {
          id: uuidv7(now.getTime()),
          ...common,
          bundleId: bundle.id,
          number: `${number}-${part.position}`,
          ...catalogDetails(application, part),
        }),
      );
    }
  } else {
    published.push(
      await insertCourse(tx, {
        id: uuidv7(now.getTime()),
        ...common,
        bundleId: null,
        number,
        ...catalogDetails(application),
      }),
    );
  }
  for (const course of published)
    await insertApprovalPeriod(tx, { courseId: course.id, applicationId: application.id, ...period });
  return published;
}

/**
 * An approved renewal adds no courses: each course of the first application takes the renewal's
 * details and a new approval period, and its approval end moves on. Bundle courses match the
 * renewal's parts by position (a renewal cannot add or remove courses).
 */
export async function renewApprovedCourses(
  tx: Tx,
  renewal: CourseApplicationRow,
  today: CalendarDate,
  approvalYears: number,
  now: Date,
): Promise<Array<CourseRow & { period: Period }>> {
  const courses = await lockCoursesOfApplication(tx, renewal.renewsApplicationId!);
  const parts = renewal.kind === 'bundle' ? await listParts(tx, renewal.id) : [];
  const renewed: Array<CourseRow & { period: Period }> = [];
  for (const course of courses) {
    let part: CoursePartRow | undefined;
    if (course.bundleId) {
      const bundle = await findBundle(tx, course.bundleId);
      part = parts.find((p) => `${bundle?.number}-${p.position}` === course.number);
      if (!part) throw invalidState(`The renewal has no course for ${course.number}.`);
      if (bundle && bundle.title !== renewal.title)
        await updateBundle(tx, bundle.id, { title: renewal.title ?? bundle.title });
    }
    const period = renewalPeriod(course.approvalEndsOn, today, approvalYears);
    await insertApprovalPeriod(tx, { courseId: course.id, applicationId: renewal.id, ...period });
    const updated = await updateCourse(tx, course.id, {
      ...catalogDetails(renewal, part),
      frameworkVersionId: renewal.frameworkVersionId,
      approvalEndsOn: period.endsOn,
      updatedAt: now,
    });
    renewed.push({ ...updated, period });
  }
  return renewed;
}

/** What the catalog shows of an application (a renewal copies these again); a bundle's part has its own title, description and hours. */
export function catalogDetails(
  application: CourseApplicationRow,
  part?: Pick<CoursePartRow, 'title' | 'description' | 'contactHours'>,
) {
  return {
    title: part?.title ?? application.title ?? '',
    description: part?.description ?? application.description ?? '',
    delivery: application.delivery ?? 'online',
    synchronous: application.synchronous ?? false,
    length: application.length ?? '',
    contactHours: part?.contactHours ?? application.contactHours ?? 0,
    locations: application.locations,
    costToStudentsCents: application.costToStudentsCents ?? 0,
    registrationUrl: application.registrationUrl,
  } as const;
}
