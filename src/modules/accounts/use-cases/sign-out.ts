import { type Ctx, transact } from '../../../platform/context.js';
import { deleteSession } from '../sessions-repository.js';

/** End this browser's session; signing out when already signed out is fine. */
export async function signOut(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.sessionId) return;
  const sessionId = actor.sessionId;
  await transact(ctx, async (w) => {
    await deleteSession(w.tx, sessionId);
    await w.audit({ action: 'user.signed_out', subjectType: 'user', subjectId: actor.userId });
  });
}
