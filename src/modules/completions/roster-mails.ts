import type { OutgoingMail } from '../../platform/mail/outbox.js';
import type { AppliedRows } from './roster-apply.js';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const rosterMails = {
  /** To the member who sent the roster, when it is confirmed (by them or a colleague). */
  confirmed(
    to: { email: string; displayName: string },
    p: {
      providerName: string;
      fileName: string | null;
      sentOn: string;
      confirmedBy: string;
      applied: AppliedRows;
      held: number;
      invalid: number;
      duplicate: number;
      link: string;
      heldLink: string;
    },
  ): OutgoingMail {
    const what = p.fileName ? `The roster ${p.fileName}` : 'The roster';
    return {
      to: to.email,
      template: 'roster-confirmed',
      subject: `Roster confirmed: ${plural(p.applied.completions, 'completion')} recorded`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${what} that you sent for ${p.providerName} on ${p.sentOn} was confirmed by ${p.confirmedBy}.`,
        '',
        `- ${plural(p.applied.completions, 'completion')} recorded: ${p.applied.counted.toLocaleString('en-US')} count toward certification, ${p.applied.notCounted.toLocaleString('en-US')} do not (the roster page says why).`,
        `- ${plural(p.applied.setsAchieved, 'competency set')} achieved by ${plural(p.applied.candidatesCredited, 'candidate')}.`,
        `- ${plural(p.held, 'row')} held: we found no candidate for them yet. They stay listed until they are matched: ${p.heldLink}`,
        `- ${plural(p.invalid, 'row')} not valid and ${plural(p.duplicate, 'duplicate row')}, not recorded.`,
        '',
        `The roster: ${p.link}`,
      ].join('\n'),
    };
  },
};
