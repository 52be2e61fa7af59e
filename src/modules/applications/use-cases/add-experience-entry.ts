import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { validateExperienceEntry } from '../experience.js';
import { editableApplication, policyFor, requireCandidate } from '../own-application.js';
import { type ExperienceRow, insertExperience, listExperience } from '../repository.js';

/** A list long enough for any honest work history, short enough that a runaway client cannot fill the table. */
export const MAX_EXPERIENCE_ENTRIES = 50;

/** Section c: add one job (paid or volunteer) to the experience ledger. */
export async function addExperienceEntry(ctx: Ctx, raw: unknown): Promise<ExperienceRow> {
  const user = requireCandidate(ctx);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: true });
    const { policy } = await policyFor(w.tx, app);
    const entry = validateExperienceEntry(raw, policy, ctx.clock.today());
    if ((await listExperience(w.tx, app.id)).length >= MAX_EXPERIENCE_ENTRIES) {
      throw new DomainError(
        'CONFLICT',
        `You can list at most ${MAX_EXPERIENCE_ENTRIES} jobs. Combine or remove some first.`,
      );
    }
    const row = await insertExperience(w.tx, app.id, entry, ctx.clock.now());
    await w.audit({
      action: 'application.experience_added',
      subjectType: 'application',
      subjectId: app.id,
      after: { entryId: row.id, ...entry },
    });
    return row;
  });
}
