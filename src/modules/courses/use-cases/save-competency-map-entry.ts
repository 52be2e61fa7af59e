import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { parseInput } from '../../applications/validate.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { competencyMapEntrySchema } from '../forms.js';
import { setOf } from '../framework-set.js';
import { updateCourseApplication, upsertMapEntry } from '../repository.js';

export interface SavedEntry {
  /** The competency after this one in the set, for "save and continue"; null after the last. */
  nextCompetencyId: string | null;
}

/** One competency's row of the map: the content, readings, assignments and assessment that cover it. */
export async function saveCompetencyMapEntry(
  ctx: Ctx,
  id: string,
  competencyId: string,
  raw: unknown,
): Promise<SavedEntry> {
  const input = parseInput(competencyMapEntrySchema, raw ?? {});
  return transact(ctx, async (w) => {
    const { application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    const set = await setOf(w.tx, application);
    const index = set.competencies.findIndex((c) => c.id === competencyId);
    if (index < 0) throw notFound('That competency');
    requireDraft(application);
    const now = ctx.clock.now();
    await upsertMapEntry(w.tx, {
      applicationId: application.id,
      competencyId,
      partId: null,
      content: input.content,
      readings: input.readings || null,
      assignments: input.assignments || null,
      assessment: input.assessment || null,
      updatedAt: now,
    });
    await updateCourseApplication(w.tx, application.id, { updatedAt: now });
    await w.audit({
      action: 'course_application.map_saved',
      subjectType: 'course_application',
      subjectId: application.id,
      after: { competencyId, hasAssessment: input.assessment !== '' },
    });
    return { nextCompetencyId: set.competencies[index + 1]?.id ?? null };
  });
}
