import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { validateExperienceEntry } from '../experience.js';
import { editableApplication, policyFor, requireCandidate } from '../own-application.js';
import { type ExperienceRow, findExperience, updateExperience } from '../repository.js';

/** Change one work entry of the candidate's own application. */
export async function updateExperienceEntry(ctx: Ctx, entryId: string, raw: unknown): Promise<ExperienceRow> {
  const user = requireCandidate(ctx);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: false });
    if (!UUID_PATTERN.test(entryId)) throw notFound('That work entry');
    const before = await findExperience(w.tx, app.id, entryId);
    if (!before) throw notFound('That work entry');
    const { policy } = await policyFor(w.tx, app);
    const entry = validateExperienceEntry(raw, policy, ctx.clock.today());
    const row = (await updateExperience(w.tx, app.id, entryId, entry))!;
    await w.audit({
      action: 'application.experience_updated',
      subjectType: 'application',
      subjectId: app.id,
      before: { entryId, ...pick(before) },
      after: { entryId, ...entry },
    });
    return row;
  });
}

const pick = (r: ExperienceRow) => ({
  library: r.library,
  libraryType: r.libraryType,
  position: r.position,
  paid: r.paid,
  startDate: r.startDate,
  endDate: r.endDate,
  hoursPerWeek: r.hoursPerWeek,
  totalHours: r.totalHours,
});
