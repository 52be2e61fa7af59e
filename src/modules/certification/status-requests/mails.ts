import { addDays, type CalendarDate, formatCalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import type { OutgoingMail } from '../../../platform/mail/outbox.js';
import type { ProgramPolicy } from '../../policy/policy.js';
import { DESIGNATION } from '../certify-if-complete.js';
import type { StatusChangeAction } from './schema.js';

interface Person {
  email: string;
  displayName: string;
}

/** The appeal periods of the holder's policy, counted from the day the decision took effect. */
export function appealDates(effectiveOn: CalendarDate, appeals: ProgramPolicy['appeals']) {
  return {
    intentDays: appeals.intentDays,
    intentBy: addDays(effectiveOn, appeals.intentDays),
    groundsDays: appeals.groundsDays,
    groundsBy: addDays(effectiveOn, appeals.groundsDays),
  };
}

const opening: Record<StatusChangeAction, (number: string, on: string) => string> = {
  suspend: (n, on) => `The program has suspended your certification ${n} from ${on}.`,
  revoke: (n, on) => `The program has revoked (withdrawn) your certification ${n} from ${on}.`,
  reinstate: (n, on) =>
    `The program has lifted the suspension of your certification ${n} from ${on}. It is in good standing again.`,
};

const meaning: Record<StatusChangeAction, string> = {
  suspend:
    'While it is suspended your certification is not in good standing: anyone who checks it is told it is suspended, and you should not describe yourself as certified.',
  revoke:
    'Your certification is no longer valid: anyone who checks it is told it was revoked, and you may not describe yourself as certified. A revocation is final unless an appeal succeeds.',
  reinstate: 'Anyone who checks your certification is told it is valid again.',
};

const subjects: Record<StatusChangeAction, (number: string) => string> = {
  suspend: (n) => `Your certification ${n} is suspended`,
  revoke: (n) => `Your certification ${n} is revoked`,
  reinstate: (n) => `Your certification ${n} is reinstated`,
};

/** The holder is told what happened, why, how to appeal and whom to contact. */
export function holderMail(
  ctx: Ctx,
  holder: Person,
  c: {
    number: string;
    action: StatusChangeAction;
    reason: string;
    effectiveOn: CalendarDate;
    appeals: ProgramPolicy['appeals'];
  },
): OutgoingMail {
  const on = formatCalendarDate(c.effectiveOn);
  const a = appealDates(c.effectiveOn, c.appeals);
  const appeal =
    c.action === 'reinstate'
      ? []
      : [
          `If you disagree with this decision, you can appeal it to the appeals committee. Tell the program office that you intend to appeal within ${a.intentDays} calendar days (by ${formatCalendarDate(a.intentBy)}), and send the reasons for your appeal within ${a.groundsDays} days (by ${formatCalendarDate(a.groundsBy)}). If you miss either date, you can no longer appeal.`,
          `How appeals work: ${ctx.config.baseUrl}/certification`,
          '',
        ];
  return {
    to: holder.email,
    template: `certification-${c.action === 'reinstate' ? 'reinstated' : c.action === 'suspend' ? 'suspended' : 'revoked'}`,
    subject: subjects[c.action](c.number),
    text: [
      `Hello ${holder.displayName},`,
      '',
      opening[c.action](c.number, on),
      '',
      `Reason: ${c.reason}`,
      '',
      meaning[c.action],
      '',
      ...appeal,
      `Questions? Contact the ${DESIGNATION} program office: ${ctx.config.baseUrl}/contact (or reply to this email).`,
      `Your certification page: ${ctx.config.baseUrl}/my-certification`,
    ].join('\n'),
  };
}

/** The staff member who asked is told when a second staff member approved or declined. */
export function requesterMail(
  ctx: Ctx,
  requester: Person,
  r: {
    number: string;
    holderName: string;
    action: StatusChangeAction;
    outcome: 'approved' | 'declined';
    deciderName: string;
    note: string | null;
    applicationId: string;
  },
): OutgoingMail {
  const verb = r.action === 'reinstate' ? 'reinstate' : r.action;
  const lines =
    r.outcome === 'approved'
      ? [
          `${r.deciderName} approved your request to ${verb} certification ${r.number} (${r.holderName}).`,
          'The change has taken effect and the holder was told by email.',
        ]
      : [
          `${r.deciderName} declined your request to ${verb} certification ${r.number} (${r.holderName}).`,
          'Nothing changed.',
          '',
          `Their note: ${r.note ?? ''}`,
        ];
  return {
    to: requester.email,
    template: `certification-status-request-${r.outcome}`,
    subject: `Your request to ${verb} ${r.number} was ${r.outcome}`,
    text: [
      `Hello ${requester.displayName},`,
      '',
      ...lines,
      '',
      `The certification: ${ctx.config.baseUrl}/staff/applications/${r.applicationId}/certification`,
    ].join('\n'),
  };
}
