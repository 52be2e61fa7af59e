import { type CalendarDate, formatCalendarDate } from '../../lib/calendar-date.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';

interface Person {
  email: string;
  displayName: string;
}

interface ClaimFacts {
  courseNumber: string;
  courseTitle: string;
  providerName: string;
  completedOn: CalendarDate;
}

const course = (c: ClaimFacts) => `${c.courseNumber} "${c.courseTitle}"`;

/** Mail about course completion claims: to the provider's members, and to the candidate. */
export const claimMails = {
  received(
    to: Person,
    c: ClaimFacts & {
      candidateName: string;
      applicationNumber: string | null;
      note: string | null;
      link: string;
    },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'completion-claim-received',
      subject: `Please confirm a completion of ${c.courseNumber}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${c.candidateName}${c.applicationNumber ? ` (${c.applicationNumber})` : ''} reports completing your course ${course(c)} on ${formatCalendarDate(c.completedOn)}, and sent a proof.`,
        ...(c.note ? ['', `Their note: ${c.note}`] : []),
        '',
        `Please confirm or reject the claim: ${c.link}`,
        '',
        'If nobody at your organisation answers, program staff may verify it instead.',
      ].join('\n'),
    };
  },

  acknowledged(to: Person, c: ClaimFacts & { link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'completion-claim-acknowledged',
      subject: `We received your report of ${c.courseNumber}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `You reported completing ${course(c)} by ${c.providerName} on ${formatCalendarDate(c.completedOn)}.`,
        `We asked ${c.providerName} to confirm it. We will write to you when it is confirmed or rejected.`,
        '',
        `Your course completions: ${c.link}`,
      ].join('\n'),
    };
  },

  confirmed(
    to: Person,
    c: ClaimFacts & {
      byStaff: boolean;
      counts: boolean;
      reason: string | null;
      setsAchieved: string[];
      /** What the candidate should know about the set when this completion counts but achieved none now. */
      setNote: string | null;
      link: string;
    },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'completion-claim-confirmed',
      subject: `Course completion confirmed: ${c.courseNumber}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${c.byStaff ? 'Program staff verified' : `${c.providerName} confirmed`} that you completed ${course(c)} on ${formatCalendarDate(c.completedOn)}.`,
        '',
        c.counts
          ? 'It counts toward your certification.'
          : `It does not count toward your certification: ${c.reason ?? 'the credit rule does not allow it.'}`,
        ...(c.setsAchieved.length > 0
          ? ['', `With it you achieved: ${c.setsAchieved.join(', ')}.`]
          : c.setNote
            ? ['', c.setNote]
            : []),
        '',
        `Your course completions: ${c.link}`,
      ].join('\n'),
    };
  },

  rejected(to: Person, c: ClaimFacts & { byStaff: boolean; reason: string; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'completion-claim-rejected',
      subject: `Course completion not confirmed: ${c.courseNumber}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${c.byStaff ? 'Program staff' : c.providerName} could not confirm that you completed ${course(c)} on ${formatCalendarDate(c.completedOn)}.`,
        '',
        `The reason given: ${c.reason}`,
        '',
        'If you think this is a mistake, you can report the completion again with a clearer proof, or contact the program.',
        '',
        `Your course completions: ${c.link}`,
      ].join('\n'),
    };
  },
};
