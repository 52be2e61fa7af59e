import { type Ctx, transact } from '../../../platform/context.js';
import { notFound, validationFailed } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { competencyMapEntrySchema } from '../forms.js';
import { setOf } from '../framework-set.js';
import { findPart } from '../parts-repository.js';
import { updateCourseApplication, upsertMapEntry } from '../repository.js';

export interface SavedEntry {
  /** The competency after this one in the set, for "save and continue"; null after the last. */
  nextCompetencyId: string | null;
}

/**
 * One competency's row of the map: the content, readings, assignments and assessment that cover it,
 * and for a bundle, which of its courses does.
 */
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
    const partId = input.partId || null;
    if (partId && application.kind !== 'bundle')
      throw validationFailed({ partId: 'Only a bundle names the course that covers a competency' });
    if (partId && !(UUID_PATTERN.test(partId) && (await findPart(w.tx, application.id, partId))))
      throw validationFailed({ partId: 'Choose one of the courses in this bundle' });
    const now = ctx.clock.now();
    await upsertMapEntry(w.tx, {
      applicationId: application.id,
      competencyId,
      partId,
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
      after: { competencyId, partId, hasAssessment: input.assessment !== '' },
    });
    return { nextCompetencyId: set.competencies[index + 1]?.id ?? null };
  });
}
