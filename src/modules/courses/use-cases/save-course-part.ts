import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { invalidState, notFound } from '../../../platform/errors.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { coursePartSchema } from '../forms.js';
import {
  type CoursePartRow,
  deletePart,
  findPart,
  insertParts,
  listParts,
  updatePart,
} from '../parts-repository.js';
import { type CourseApplicationRow, updateCourseApplication } from '../repository.js';

/** More would be a programme, not a bundle; the catalog lists each course separately. */
export const MAX_BUNDLE_PARTS = 10;

const RENEWAL_KEEPS_PARTS =
  'A renewal keeps the courses of the approved bundle. You can change their details, but not add or remove courses.';

async function bundleForChange(ctx: Ctx, w: Work, id: string): Promise<CourseApplicationRow> {
  const { application } = await courseApplicationForChange(w.tx, ctx.actor, id);
  if (application.kind !== 'bundle')
    throw invalidState('This application is for one course, so it has no courses of its own to list.');
  requireDraft(application);
  return application;
}

async function partOf(w: Work, application: CourseApplicationRow, partId: string): Promise<CoursePartRow> {
  const part = UUID_PATTERN.test(partId) ? await findPart(w.tx, application.id, partId) : undefined;
  if (!part) throw notFound('That course of the bundle');
  return part;
}

/** Add a course to a bundle application, after the ones already there. */
export async function addCoursePart(ctx: Ctx, id: string, raw: unknown): Promise<CoursePartRow> {
  const input = parseInput(coursePartSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const application = await bundleForChange(ctx, w, id);
    if (application.renewsApplicationId) throw invalidState(RENEWAL_KEEPS_PARTS);
    const parts = await listParts(w.tx, application.id);
    if (parts.length >= MAX_BUNDLE_PARTS)
      throw invalidState(`A bundle can have at most ${MAX_BUNDLE_PARTS} courses.`);
    const now = ctx.clock.now();
    const part: CoursePartRow = {
      id: uuidv7(now.getTime()),
      applicationId: application.id,
      position: (parts.at(-1)?.position ?? 0) + 1,
      ...input,
      createdAt: now,
    };
    await insertParts(w.tx, [part]);
    await updateCourseApplication(w.tx, application.id, { updatedAt: now });
    await w.audit({
      action: 'course_application.part_added',
      subjectType: 'course_application',
      subjectId: application.id,
      after: { partId: part.id, position: part.position, title: part.title, contactHours: part.contactHours },
    });
    return part;
  });
}

/** Change the title, description or contact hours of a course of the bundle. */
export async function saveCoursePart(
  ctx: Ctx,
  id: string,
  partId: string,
  raw: unknown,
): Promise<CoursePartRow> {
  const input = parseInput(coursePartSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const application = await bundleForChange(ctx, w, id);
    const part = await partOf(w, application, partId);
    const saved = await updatePart(w.tx, part.id, input);
    await updateCourseApplication(w.tx, application.id, { updatedAt: ctx.clock.now() });
    await w.audit({
      action: 'course_application.part_saved',
      subjectType: 'course_application',
      subjectId: application.id,
      before: { partId: part.id, title: part.title, contactHours: part.contactHours },
      after: { partId: part.id, title: saved.title, contactHours: saved.contactHours },
    });
    return saved;
  });
}

/** Take a course out of the bundle; the competencies it covered need another course. */
export async function removeCoursePart(ctx: Ctx, id: string, partId: string): Promise<CoursePartRow> {
  return transact(ctx, async (w) => {
    const application = await bundleForChange(ctx, w, id);
    if (application.renewsApplicationId) throw invalidState(RENEWAL_KEEPS_PARTS);
    const part = await partOf(w, application, partId);
    await deletePart(w.tx, part);
    await updateCourseApplication(w.tx, application.id, { updatedAt: ctx.clock.now() });
    await w.audit({
      action: 'course_application.part_removed',
      subjectType: 'course_application',
      subjectId: application.id,
      before: { partId: part.id, position: part.position, title: part.title },
    });
    return part;
  });
}
