import { z } from 'zod';
import { sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { confirmedEmailsOf } from '../../accounts/email-addresses-repository.js';
import { editableApplication, requireCandidate } from '../../applications/own-application.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  lockApplication,
  transitionApplication,
} from '../../applications/repository.js';
import { institutionPaysForApplication } from '../applicant-coverage.js';
import { findLineByInviteHash, linkLineToApplication } from '../invoices-repository.js';

const tokenSchema = z.string().trim().min(1).max(200);
const invalid = () =>
  new DomainError(
    'TOKEN_INVALID',
    'This invitation link is not valid. Check that you copied all of it, or ask your institution to send the purchase order again.',
  );

async function lineFor(db: Ctx['db'], rawToken: unknown) {
  const token = tokenSchema.safeParse(rawToken);
  const found = token.success ? await findLineByInviteHash(db, sha256Hex(token.data)) : undefined;
  if (!found) throw invalid();
  return found;
}

/** What the invitation page shows, signed in or not: who pays, and for whom the invitation is. */
export async function viewApplicantInvitation(ctx: Ctx, token: unknown) {
  const { line, institution } = await lineFor(ctx.db, token);
  return {
    name: line.name,
    email: line.email,
    institutionName: institution.name,
    used: line.applicationId !== null,
  };
}

/**
 * The invited person starts (or continues) their application, marked as paid by the institution.
 * The invitation is bound to the address it was sent to: a forwarded link does not work for someone else.
 */
export async function acceptApplicantInvitation(ctx: Ctx, token: unknown): Promise<ApplicationRow> {
  const user = requireCandidate(ctx);
  return transact(ctx, async (w) => {
    const { line, institution } = await lineFor(w.tx, token);
    const emails = new Set([
      user.email.toLowerCase(),
      ...(await confirmedEmailsOf(w.tx, user.userId)).map((e) => e.toLowerCase()),
    ]);
    if (!emails.has(line.email)) {
      throw new DomainError(
        'FORBIDDEN',
        `This invitation was sent to ${line.email}. You are signed in as ${user.email}: sign out and sign in (or create an account) with the address the invitation was sent to.`,
      );
    }
    const current = await findCurrentApplication(w.tx, user.userId);
    if (line.applicationId && line.applicationId !== current?.id) {
      throw new DomainError(
        'TOKEN_INVALID',
        'This invitation has already been used for another application.',
      );
    }
    const now = ctx.clock.now();
    let application: ApplicationRow;
    if (current && (current.status === 'awaiting_payment' || current.status === 'awaiting_check')) {
      // Already submitted and waiting for payment: the institution pays instead.
      await lockApplication(w.tx, current.id);
      application =
        (await transitionApplication(w.tx, current.id, ['awaiting_payment', 'awaiting_check'], {
          status: 'awaiting_payment',
          paymentMethod: 'institution',
          updatedAt: now,
        })) ?? current;
    } else if (
      !current ||
      current.status === 'rejected' ||
      current.status === 'draft' ||
      current.status === 'info_requested'
    ) {
      application = await editableApplication(ctx, w, user.userId, { create: true });
    } else {
      throw new DomainError(
        'INVALID_STATE',
        'Your application fee is already paid, so your institution does not need to pay it.',
      );
    }
    if (!line.applicationId) {
      await linkLineToApplication(w.tx, line.id, application.id, now);
      await w.audit({
        action: 'invoice.line_matched',
        subjectType: 'invoice',
        subjectId: line.invoiceId,
        after: { lineId: line.id, applicationId: application.id, via: 'invitation' },
      });
    }
    return institutionPaysForApplication(w, { application, institutionId: institution.id, now });
  });
}
