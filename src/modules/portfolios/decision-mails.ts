import type { OutgoingMail } from '../../platform/mail/outbox.js';
import type { PortfolioOutcome } from './schema.js';

type To = { email: string; displayName: string };

export interface DecidedPortfolio {
  number: string;
  setTitle: string;
  /** Link to the candidate's portfolio page. */
  link: string;
}

const outcomeWords: Record<PortfolioOutcome, string> = {
  approved: 'approved',
  more_information: 'more information requested',
  not_satisfactory: 'not satisfactory',
};

/** Mail about a decided round: to the candidate (by name), and to its evaluators (by PF number only). */
export const decisionMails = {
  approved(to: To, p: DecidedPortfolio & { dashboard: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-approved',
      subject: `Your portfolio ${p.number} is approved`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Congratulations: the evaluators approved your portfolio for ${p.setTitle}.`,
        'You have achieved this competency set by portfolio.',
        '',
        `Their ratings and comments: ${p.link}`,
        `Your progress toward certification: ${p.dashboard}`,
      ].join('\n'),
    };
  },
  moreInformation(
    to: To,
    p: DecidedPortfolio & { reopened: readonly string[]; resubmissions: number },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-more-information',
      subject: `Your portfolio ${p.number} needs more information`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The evaluators read your portfolio for ${p.setTitle}. They need more evidence for ${
          p.reopened.length === 1 ? 'this competency' : `these ${p.reopened.length} competencies`
        }:`,
        ...p.reopened.map((c) => `- ${c}`),
        '',
        'Only these competencies are open again; the rest of your portfolio stays as it is.',
        `Read their comments, add or change evidence for them, then resubmit. You can resubmit ${
          p.resubmissions === 1 ? 'once' : `${p.resubmissions} times`
        }, at no extra fee.`,
        '',
        `Your portfolio: ${p.link}`,
      ].join('\n'),
    };
  },
  notSatisfactory(to: To, p: DecidedPortfolio & { courses: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-not-satisfactory',
      subject: `The outcome of your portfolio ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The evaluators found that your portfolio for ${p.setTitle} does not yet show enough of the set's competencies, so it is not satisfactory.`,
        '',
        `You can still achieve this set: approved courses for it are listed here: ${p.courses}`,
        'You may also start a new portfolio for the set later.',
        '',
        `Their ratings and comments: ${p.link}`,
      ].join('\n'),
    };
  },
  /** To each evaluator of the round: never the candidate's name, only the number and the outcome. */
  toEvaluator(
    to: To,
    p: { number: string; setTitle: string; outcome: PortfolioOutcome; link: string },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-evaluation-decided',
      subject: `Portfolio ${p.number} is decided`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `Every rating for portfolio ${p.number} (${p.setTitle}) is in. The outcome is: ${outcomeWords[p.outcome]}.`,
        'You can now see how the other evaluators rated it.',
        '',
        `The portfolio: ${p.link}`,
        '',
        'Thank you for your work.',
      ].join('\n'),
    };
  },
  /** To program staff: the first two disagree and nobody eligible was free to be the third. */
  thirdNeeded(
    to: string,
    p: { number: string; setTitle: string; reason: string; link: string },
  ): OutgoingMail {
    return {
      to,
      template: 'portfolio-third-evaluator-needed',
      subject: `Portfolio ${p.number} needs a third evaluator`,
      text: [
        `The two evaluators of portfolio ${p.number} (${p.setTitle}) recommend different outcomes, so a third evaluator must rate it.`,
        `No one could be assigned automatically: ${p.reason}`,
        '',
        `Assign one here: ${p.link}`,
      ].join('\n'),
    };
  },
};
