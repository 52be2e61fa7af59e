import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { setOf } from '../../courses/framework-set.js';
import type { CompetencySet } from '../../policy/framework.js';
import {
  type CatalogCourseRow,
  findCatalogCourse,
  listBundleCourses,
  listCurrentOfferings,
  type OfferingRow,
} from '../catalog-repository.js';
import { isLapsed } from '../rules/offering-rules.js';

/** CRS-2026-000123, or a bundle's course CRS-2026-000123-2. */
const NUMBER_PATTERN = /^CRS-\d{4}-\d{6}(-\d{1,2})?$/;

export interface CatalogBundle {
  number: string;
  title: string;
  /** Every course of the bundle still in the catalog, this one included. */
  courses: Array<{ number: string; title: string }>;
}

export type CatalogCourseView =
  | { lapsed: true; course: CatalogCourseRow; today: CalendarDate }
  | {
      lapsed: false;
      course: CatalogCourseRow;
      set: CompetencySet;
      offerings: OfferingRow[];
      bundle: CatalogBundle | null;
      today: CalendarDate;
    };

/**
 * One course of the catalog, for anyone. A course whose approval has ended is reported as lapsed
 * (the page answers 410 Gone with a notice) rather than "not found": links to it are out there.
 */
export async function viewCatalogCourse(ctx: Ctx, rawNumber: string): Promise<CatalogCourseView> {
  const number = rawNumber.trim().toUpperCase();
  if (!NUMBER_PATTERN.test(number)) throw notFound('That course');
  const course = await findCatalogCourse(ctx.db, number);
  if (!course) throw notFound('That course');
  const today = ctx.clock.today();
  if (isLapsed(course.approvalEndsOn, today)) return { lapsed: true, course, today };
  const [set, offerings, bundleRows] = await Promise.all([
    setOf(ctx.db, course),
    listCurrentOfferings(ctx.db, course.id, today),
    course.bundleId ? listBundleCourses(ctx.db, course.bundleId) : Promise.resolve([]),
  ]);
  const first = bundleRows[0];
  const bundle = first
    ? {
        number: first.bundleNumber,
        title: first.bundleTitle,
        courses: bundleRows
          .filter((r) => !isLapsed(r.approvalEndsOn, today))
          .map((r) => ({ number: r.number, title: r.title })),
      }
    : null;
  return { lapsed: false, course, set, offerings, bundle, today };
}
