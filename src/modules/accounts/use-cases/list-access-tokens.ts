import type { Ctx } from '../../../platform/context.js';
import { requireUser } from '../access.js';
import { type AccessTokenRow, listAccessTokens as listRows } from '../access-tokens-repository.js';

export type AccessTokenSummary = Pick<
  AccessTokenRow,
  'id' | 'name' | 'prefix' | 'createdAt' | 'expiresAt' | 'lastUsedAt'
>;

/** The person's own tokens that are not revoked (never the secret: it is not stored). */
export async function listAccessTokens(ctx: Ctx): Promise<AccessTokenSummary[]> {
  const actor = requireUser(ctx.actor);
  const rows = await listRows(ctx.db, actor.userId);
  return rows.map(({ id, name, prefix, createdAt, expiresAt, lastUsedAt }) => ({
    id,
    name,
    prefix,
    createdAt,
    expiresAt,
    lastUsedAt,
  }));
}
