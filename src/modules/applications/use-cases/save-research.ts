import { type Ctx, transact } from '../../../platform/context.js';
import { researchSchema } from '../forms.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import { type ApplicationRow, updateApplication } from '../repository.js';
import { parseInput } from '../validate.js';

/** Section e: the optional research questions; saving with nothing answered counts as skipping them. */
export async function saveResearch(ctx: Ctx, raw: unknown): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  const input = parseInput(researchSchema, raw);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: true });
    const saved = await updateApplication(w.tx, app.id, { research: input, updatedAt: ctx.clock.now() });
    await w.audit({ action: 'application.research_saved', subjectType: 'application', subjectId: app.id });
    return saved;
  });
}
