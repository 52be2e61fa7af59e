import { z } from 'zod';
import { newSecretToken, sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { forbidden, invalidState } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireFullSignIn } from '../access.js';
import { insertAccessToken, listAccessTokens } from '../access-tokens-repository.js';
import { parseInput } from '../fields.js';
import { accountMails } from '../mails.js';

export const TOKEN_PREFIX = 'lssc_pat_';
const MAX_LIVE_TOKENS = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export const createAccessTokenInput = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(80, 'Token names can be at most 80 characters'),
  expiresInDays: z
    .number({ error: 'Enter a whole number of days from 1 to 365' })
    .int('Enter a whole number of days from 1 to 365')
    .min(1, 'Enter a whole number of days from 1 to 365')
    .max(365, 'Enter a whole number of days from 1 to 365')
    .optional(),
});

export interface CreatedAccessToken {
  id: string;
  name: string;
  /** Shown once; only its hash is kept. */
  token: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** A personal access token for the API. It acts as the person, so it needs a full sign-in to create. */
export async function createAccessToken(
  ctx: Ctx,
  raw: z.input<typeof createAccessTokenInput>,
): Promise<CreatedAccessToken> {
  const actor = requireFullSignIn(ctx.actor);
  // A token must not be able to mint more tokens: one leak would otherwise outlive its revocation.
  if (actor.via === 'token') throw forbidden('Create access tokens while signed in on the website.');
  const input = parseInput(createAccessTokenInput, raw);
  return transact(ctx, async (w) => {
    if ((await listAccessTokens(w.tx, actor.userId)).length >= MAX_LIVE_TOKENS) {
      throw invalidState(
        `You can have at most ${MAX_LIVE_TOKENS} tokens. Revoke some you no longer use first.`,
      );
    }
    const now = ctx.clock.now();
    const token = TOKEN_PREFIX + newSecretToken();
    const row = {
      id: uuidv7(now.getTime()),
      userId: actor.userId,
      name: input.name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    };
    await insertAccessToken(w.tx, row);
    await w.audit({
      action: 'access_token.created',
      subjectType: 'access_token',
      subjectId: row.id,
      after: { userId: actor.userId, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
    });
    await w.mail(accountMails.accessTokenCreated(actor.email, actor.displayName, row.name));
    return {
      id: row.id,
      name: row.name,
      token,
      prefix: row.prefix,
      createdAt: now,
      expiresAt: row.expiresAt,
    };
  });
}
