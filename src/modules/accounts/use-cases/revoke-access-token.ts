import { z } from 'zod';
import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../access.js';
import { revokeAccessToken as revokeRow } from '../access-tokens-repository.js';

export const revokeAccessTokenInput = z.object({ id: z.string().regex(UUID_PATTERN, 'Not a token id') });

/** Revoke one of the person's own tokens; it stops working at once. Revoking with the token itself is allowed. */
export async function revokeAccessToken(
  ctx: Ctx,
  raw: z.input<typeof revokeAccessTokenInput>,
): Promise<void> {
  const actor = requireUser(ctx.actor);
  const parsed = revokeAccessTokenInput.safeParse(raw);
  if (!parsed.success) throw notFound('That token');
  await transact(ctx, async (w) => {
    const row = await revokeRow(w.tx, actor.userId, parsed.data.id, ctx.clock.now());
    if (!row) throw notFound('That token');
    await w.audit({
      action: 'access_token.revoked',
      subjectType: 'access_token',
      subjectId: row.id,
      before: { revoked: false },
      after: { revoked: true, userId: actor.userId, name: row.name },
    });
  });
}
