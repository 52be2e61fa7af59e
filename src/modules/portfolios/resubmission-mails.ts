import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';

/**
 * Mail to an evaluator whose portfolio came back after "more information". Blind review, as in
 * assignment-mails.ts: the portfolio is named only by its PF number and set, and this function is
 * never given the candidate's name, email, employer or anything else about them.
 */

type To = { email: string; displayName: string };

export interface ResubmissionRef {
  number: string;
  setTitle: string;
  dueOn: string;
  /** Competency ids the evaluators reopened; only these are rated again. */
  reopened: readonly string[];
  link: string;
}

export const resubmissionMails = {
  /** One mail per evaluator kept for round 2. */
  reassigned(to: To, p: ResubmissionRef): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-resubmission-assigned',
      subject: `Portfolio ${p.number} is back: please rate the reopened competencies`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Portfolio ${p.number} (${p.setTitle}) has been resubmitted with more evidence after the "more information" outcome.`,
        `Please rate again only the reopened competencies: ${p.reopened.join(', ')}. Your ratings of the other competencies stand, because their evidence stayed locked.`,
        '',
        `Due ${formatCalendarDate(p.dueOn)}. Open it here: ${p.link}`,
        '',
        'Please keep the portfolio confidential. If anything in it tells you who the candidate is and you know them, tell the program staff so it can go to another evaluator.',
      ].join('\n'),
    };
  },
};
