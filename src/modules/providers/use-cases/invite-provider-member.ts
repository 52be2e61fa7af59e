import { addDays, formatCalendarDate } from '../../../lib/calendar-date.js';
import { newSecretToken, sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { providerForChange } from '../access.js';
import { inviteSchema } from '../forms.js';
import { providerMails } from '../mails.js';
import {
  type InvitationRow,
  insertInvitation,
  isMemberEmail,
  revokeOpenInvitationsTo,
} from '../repository.js';

export const INVITATION_DAYS = 14;

/**
 * An administrator invites someone by email. The link carries a random token (only its hash is kept)
 * and works once for 14 days; inviting the same address again replaces the earlier invitation.
 */
export async function inviteProviderMember(
  ctx: Ctx,
  providerId: string,
  raw: unknown,
): Promise<{ invitation: InvitationRow; replaced: string[] }> {
  const input = parseInput(inviteSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const { user, provider } = await providerForChange(w.tx, ctx.actor, providerId, 'admin');
    if (await isMemberEmail(w.tx, provider.id, input.email)) {
      throw new DomainError('CONFLICT', 'That person is already a member of this organisation.', {
        email: 'That person is already a member of this organisation',
      });
    }
    const now = ctx.clock.now();
    const replaced = await revokeOpenInvitationsTo(w.tx, provider.id, input.email, now);
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
    const invitation: InvitationRow = {
      id: uuidv7(now.getTime()),
      providerId: provider.id,
      email: input.email,
      role: input.role,
      tokenHash: sha256Hex(token),
      invitedBy: user.userId,
      createdAt: now,
      expiresAt,
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    };
    await insertInvitation(w.tx, invitation);
    await w.audit({
      action: 'provider.member_invited',
      subjectType: 'provider',
      subjectId: provider.id,
      after: { invitationId: invitation.id, email: input.email, role: input.role, replaced },
    });
    const link = `${ctx.config.baseUrl}/invitations/accept?token=${token}`;
    const lastDay = formatCalendarDate(addDays(ctx.clock.today(), INVITATION_DAYS));
    await w.mail(
      providerMails.invitation(
        input.email,
        user.displayName,
        provider.name,
        input.role === 'admin' ? 'an administrator' : 'a member',
        link,
        lastDay,
      ),
    );
    return { invitation, replaced };
  });
}
