import { formatCalendarDate } from '../../lib/calendar-date.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';

/**
 * Mail to portfolio evaluators. Blind review: a portfolio is named only by its PF number and its
 * set; nothing here may carry the candidate's name, email, employer or any other identifying field,
 * so these functions are never given them.
 */

type To = { email: string; displayName: string };
export interface PortfolioRef {
  number: string;
  setTitle: string;
  dueOn: string;
  link: string;
}

const confidentiality =
  'Please keep the portfolio confidential. If anything in it tells you who the candidate is and you know them, tell the program staff so it can go to another evaluator.';

const line = (p: PortfolioRef) =>
  `- ${p.number}, ${p.setTitle}: due ${formatCalendarDate(p.dueOn)}. Your assignments: ${p.link}`;

export const assignmentMails = {
  /** One mail per evaluator per run, listing every portfolio they were given in it. */
  assigned(to: To, items: readonly PortfolioRef[]): OutgoingMail {
    const only = items.length === 1 ? items[0] : undefined;
    return {
      to: to.email,
      template: 'portfolio-evaluation-assigned',
      subject: only
        ? `Please evaluate portfolio ${only.number}`
        : `Please evaluate ${items.length} portfolios`,
      text: [
        `Hello ${to.displayName},`,
        '',
        only
          ? 'You are asked to evaluate this portfolio against the competencies of its set:'
          : `You are asked to evaluate these ${items.length} portfolios against the competencies of their sets:`,
        '',
        ...items.map(line),
        '',
        'Rate every competency Met, Partially met or Not met, with a comment, by the due date.',
        confidentiality,
      ].join('\n'),
    };
  },
  withdrawn(to: To, p: Pick<PortfolioRef, 'number' | 'setTitle'>): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-evaluation-withdrawn',
      subject: `You no longer need to evaluate portfolio ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The program staff have given portfolio ${p.number} (${p.setTitle}) to another evaluator, so you no longer need to evaluate it.`,
        'It no longer counts toward your yearly capacity. Thank you.',
      ].join('\n'),
    };
  },
  overdue(to: To, p: PortfolioRef): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-evaluation-overdue',
      subject: `Your evaluation of portfolio ${p.number} is overdue`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Your evaluation of portfolio ${p.number} (${p.setTitle}) was due on ${formatCalendarDate(p.dueOn)} and has not been submitted yet.`,
        'The candidate is waiting for the outcome. Please submit your ratings as soon as you can, or tell the program staff if you cannot do it so it can go to another evaluator.',
        '',
        `Open it here: ${p.link}`,
      ].join('\n'),
    };
  },
};
