import { type Ctx, transact } from '../../../platform/context.js';
import { detailsOf } from '../assessment.js';
import { type ApplicationDetails, personalDetailsSchema } from '../forms.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import { type ApplicationRow, updateApplication } from '../repository.js';
import { parseInput } from '../validate.js';

/** Section a: personal and contact details, with the employer. */
export async function savePersonalDetails(ctx: Ctx, raw: unknown): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  const personal = parseInput(personalDetailsSchema, raw);
  return transact(ctx, async (w) => {
    const app = await editableApplication(ctx, w, user.userId, { create: true });
    const before = detailsOf(app).personal;
    const details: ApplicationDetails = { ...detailsOf(app), personal };
    const saved = await updateApplication(w.tx, app.id, {
      details,
      givenName: personal.givenName,
      familyName: personal.familyName,
      country: personal.country,
      region: personal.region || null,
      updatedAt: ctx.clock.now(),
    });
    // Which answers changed, not the answers: the audit log is kept forever, personal data is not.
    const changed = Object.keys(personal).filter(
      (k) => before?.[k as keyof typeof personal] !== personal[k as keyof typeof personal],
    );
    await w.audit({
      action: 'application.personal_saved',
      subjectType: 'application',
      subjectId: app.id,
      after: { changed },
    });
    return saved;
  });
}
