import { type Ctx, transact } from '../../../platform/context.js';
import { editableApplication, requireCandidate } from '../own-application.js';
import type { ApplicationRow } from '../repository.js';

/** Start (or find) the candidate's draft application. Safe to repeat. */
export async function startApplication(ctx: Ctx): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  return transact(ctx, (w) => editableApplication(ctx, w, user.userId, { create: true }));
}
