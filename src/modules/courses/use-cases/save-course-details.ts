import { type Ctx, transact } from '../../../platform/context.js';
import { parseInput } from '../../applications/validate.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { courseDetailsSchema } from '../forms.js';
import { type CourseApplicationRow, updateCourseApplication } from '../repository.js';

/** Title, description, delivery, length, where, cost, link, teaching methods and assessment strategy. */
export async function saveCourseDetails(ctx: Ctx, id: string, raw: unknown): Promise<CourseApplicationRow> {
  const input = parseInput(courseDetailsSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const { application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    requireDraft(application);
    const saved = await updateCourseApplication(w.tx, application.id, {
      ...input,
      updatedAt: ctx.clock.now(),
    });
    await w.audit({
      action: 'course_application.details_saved',
      subjectType: 'course_application',
      subjectId: application.id,
      before: {
        title: application.title,
        delivery: application.delivery,
        contactHours: application.contactHours,
      },
      after: { title: input.title, delivery: input.delivery, contactHours: input.contactHours },
    });
    return saved;
  });
}
