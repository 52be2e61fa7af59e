import { z } from 'zod';
import { addDays, formatCalendarDate } from '../../../lib/calendar-date.js';
import { newSecretToken, sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { institutionForContact } from '../access.js';
import { inviteContactSchema } from '../forms.js';
import { institutionMails } from '../mails.js';
import {
  findContactInvitationByHash,
  findInstitution,
  grantContactRole,
  type InstitutionRow,
  insertContact,
  insertContactInvitation,
  isContact,
  listContacts,
  markContactInvitationAccepted,
} from '../repository.js';

const INVITATION_DAYS = 14;
const tokenInvalid = (message: string) => new DomainError('TOKEN_INVALID', message);
const ASK_AGAIN = 'Ask a contact of the institution to invite you again.';

/** A contact invites a colleague by email; the link works once, for 14 days, for that address only. */
export async function inviteContact(
  ctx: Ctx,
  institutionId: string,
  raw: unknown,
): Promise<{ email: string }> {
  const input = parseInput(inviteContactSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const { user, institution } = await institutionForContact(w.tx, ctx.actor, institutionId);
    const contacts = await listContacts(w.tx, institution.id);
    if (contacts.some((c) => c.email.toLowerCase() === input.email)) {
      throw new DomainError('CONFLICT', 'That person is already a contact.', {
        email: 'That person is already a contact of this institution',
      });
    }
    const now = ctx.clock.now();
    const token = newSecretToken();
    const id = uuidv7(now.getTime());
    await insertContactInvitation(w.tx, {
      id,
      institutionId: institution.id,
      email: input.email,
      tokenHash: sha256Hex(token),
      invitedBy: user.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      acceptedAt: null,
      acceptedBy: null,
    });
    await w.audit({
      action: 'institution.contact_invited',
      subjectType: 'institution',
      subjectId: institution.id,
      after: { invitationId: id, email: input.email },
    });
    await w.mail(
      institutionMails.contactInvitation(
        input.email,
        user.displayName,
        institution.name,
        `${ctx.config.baseUrl}/institution-contacts/accept?token=${token}`,
        formatCalendarDate(addDays(ctx.clock.today(), INVITATION_DAYS)),
      ),
    );
    return { email: input.email };
  });
}

/** Accept: once, before it expires, signed in with the address it was sent to. */
export async function acceptContactInvitation(ctx: Ctx, rawToken: unknown): Promise<InstitutionRow> {
  const user = requireUser(ctx.actor);
  const token = z.string().trim().min(1).max(200).safeParse(rawToken);
  return transact(ctx, async (w) => {
    const invitation = token.success
      ? await findContactInvitationByHash(w.tx, sha256Hex(token.data))
      : undefined;
    if (!invitation) throw tokenInvalid(`This invitation link is not valid. ${ASK_AGAIN}`);
    if (invitation.acceptedAt) throw tokenInvalid('This invitation has already been used.');
    if (invitation.expiresAt <= ctx.clock.now())
      throw tokenInvalid(`This invitation has expired. ${ASK_AGAIN}`);
    if (invitation.email !== user.email.toLowerCase()) {
      throw new DomainError(
        'FORBIDDEN',
        `This invitation was sent to another address. You are signed in as ${user.email}: sign in with the account for the address the invitation was sent to.`,
      );
    }
    const institution = (await findInstitution(w.tx, invitation.institutionId))!;
    const now = ctx.clock.now();
    if (!(await markContactInvitationAccepted(w.tx, invitation.id, user.userId, now))) {
      throw tokenInvalid('This invitation has already been used.');
    }
    if (!(await isContact(w.tx, institution.id, user.userId))) {
      await insertContact(w.tx, {
        institutionId: institution.id,
        userId: user.userId,
        addedAt: now,
        addedBy: invitation.invitedBy,
      });
      await grantContactRole(w.tx, user.userId, now);
    }
    await w.audit({
      action: 'institution.contact_added',
      subjectType: 'institution',
      subjectId: institution.id,
      after: { invitationId: invitation.id, userId: user.userId },
    });
    return institution;
  });
}
