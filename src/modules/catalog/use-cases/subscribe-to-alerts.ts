import { addDays, formatCalendarDate } from '../../../lib/calendar-date.js';
import { newSecretToken, sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { mayMail, reserveAttempt } from '../../accounts/guards.js';
import { parseInput } from '../../applications/validate.js';
import { findSet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { alertScope, unsubscribeLink } from '../alert-links.js';
import { findSubscription, insertSubscription, updateSubscription } from '../alert-repository.js';
import { alertSubscribeSchema } from '../forms.js';
import { catalogMails } from '../mails.js';

export const CONFIRM_DAYS = 7;
/** Subscription requests from one network address per window: enough for a library's shared desk. */
const perNetwork = { max: 10, windowMs: 15 * 60 * 1000 };

/**
 * A visitor asks for mail about newly approved courses. The answer is the same whether or not the
 * address is already subscribed (nobody learns who is): a new or pending subscription gets a
 * confirmation link (a random token, only its hash kept, one use, 7 days); a confirmed one gets a
 * note saying so, with its unsubscribe link. Requests are limited per network address, and mail to
 * one address per window, so the form cannot be used to flood an inbox.
 */
export async function subscribeToAlerts(ctx: Ctx, raw: unknown, from: { ip: string }): Promise<void> {
  const input = parseInput(alertSubscribeSchema, raw ?? {});
  const { framework } = await getActiveProgramData(ctx);
  const set = input.set ? findSet(framework.framework, input.set) : undefined;
  if (input.set && !set) throw validationFailed({ set: 'Choose a competency set from the list' });
  if (!(await reserveAttempt(ctx, `catalog-alerts:ip:${from.ip}`, perNetwork)))
    throw new DomainError(
      'RATE_LIMITED',
      'Too many requests for email alerts from your network. Wait 15 minutes and try again.',
    );
  const setId = set?.id ?? null;
  const what = alertScope(set);
  await transact(ctx, async (w) => {
    const now = ctx.clock.now();
    if (!(await mayMail(w.tx, 'catalog-alert', input.email, now))) return;
    const token = newSecretToken();
    const confirm = {
      confirmTokenHash: sha256Hex(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_DAYS * 24 * 60 * 60 * 1000),
      updatedAt: now,
    };
    let existing = await findSubscription(w.tx, input.email, setId);
    if (!existing) {
      const id = uuidv7(now.getTime());
      const row = { id, email: input.email, setId, ...confirm, createdAt: now };
      if (await insertSubscription(w.tx, row)) {
        await w.audit({
          action: 'catalog_alert.requested',
          subjectType: 'catalog_alert',
          subjectId: id,
          after: { setId },
        });
        await w.mail(catalogMails.confirm(input.email, what, confirmLink(ctx, token), lastDay(ctx)));
        return;
      }
      // Another request for the same address got in first: treat this one as a repeat of it.
      existing = await findSubscription(w.tx, input.email, setId);
      if (!existing) return;
    }
    if (existing.confirmedAt) {
      await w.audit({
        action: 'catalog_alert.repeat_request',
        subjectType: 'catalog_alert',
        subjectId: existing.id,
      });
      await w.mail(
        catalogMails.alreadySubscribed(input.email, what, unsubscribeLink(ctx.config, existing.id)),
      );
      return;
    }
    // Still waiting for confirmation: a fresh link replaces the old one.
    await updateSubscription(w.tx, existing.id, confirm);
    await w.audit({
      action: 'catalog_alert.confirmation_resent',
      subjectType: 'catalog_alert',
      subjectId: existing.id,
    });
    await w.mail(catalogMails.confirm(input.email, what, confirmLink(ctx, token), lastDay(ctx)));
  });
}

const confirmLink = (ctx: Ctx, token: string) =>
  `${ctx.config.baseUrl}/catalog/alerts/confirm?token=${token}`;
const lastDay = (ctx: Ctx) => formatCalendarDate(addDays(ctx.clock.today(), CONFIRM_DAYS));
