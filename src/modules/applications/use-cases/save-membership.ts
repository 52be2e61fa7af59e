import { type Ctx, transact } from '../../../platform/context.js';
import { detailsOf } from '../assessment.js';
import { membershipSchema } from '../forms.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import { type ApplicationRow, updateApplication } from '../repository.js';
import { parseInput } from '../validate.js';

/** Section d: ALA membership; members give their number and pay the member fee. */
export async function saveMembership(ctx: Ctx, raw: unknown): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  const input = parseInput(membershipSchema, raw);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: true });
    const saved = await updateApplication(w.tx, app.id, {
      details: { ...detailsOf(app), isAlaMember: input.isAlaMember },
      alaMemberNumber: input.alaMemberNumber,
      updatedAt: ctx.clock.now(),
    });
    await w.audit({
      action: 'application.membership_saved',
      subjectType: 'application',
      subjectId: app.id,
      before: { alaMemberNumber: app.alaMemberNumber },
      after: { alaMemberNumber: input.alaMemberNumber },
    });
    return saved;
  });
}
