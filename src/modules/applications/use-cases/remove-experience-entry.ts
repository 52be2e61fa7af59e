import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import { deleteExperience } from '../repository.js';

/** Remove one work entry from the candidate's own application. */
export async function removeExperienceEntry(ctx: Ctx, entryId: string): Promise<void> {
  const user = requireCandidate(ctx);
  await transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: false });
    if (!UUID_PATTERN.test(entryId)) throw notFound('That work entry');
    const removed = await deleteExperience(w.tx, app.id, entryId);
    if (!removed) throw notFound('That work entry');
    await w.audit({
      action: 'application.experience_removed',
      subjectType: 'application',
      subjectId: app.id,
      before: { entryId, library: removed.library, startDate: removed.startDate, endDate: removed.endDate },
    });
  });
}
