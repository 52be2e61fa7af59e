import { type Ctx, transact } from '../../../platform/context.js';
import { educationSchema } from '../forms.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import { type ApplicationRow, updateApplication } from '../repository.js';
import { parseInput } from '../validate.js';

/** Section b: the high-school diploma (or equivalent) attestation. */
export async function saveEducation(ctx: Ctx, raw: unknown): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  const input = parseInput(educationSchema, raw);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: true });
    const saved = await updateApplication(w.tx, app.id, {
      hasHighSchool: input.hasHighSchool,
      updatedAt: ctx.clock.now(),
    });
    await w.audit({
      action: 'application.education_saved',
      subjectType: 'application',
      subjectId: app.id,
      before: { hasHighSchool: app.hasHighSchool },
      after: { hasHighSchool: input.hasHighSchool },
    });
    return saved;
  });
}
