import type { OutgoingMail } from '../../platform/mail/outbox.js';

type To = { email: string; displayName: string };

/** Mail to the candidate about their own portfolio (evaluators' mails live elsewhere and never name them). */
export const portfolioMails = {
  submitted(to: To, p: { number: string; setTitle: string; fee: string | null; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-submitted',
      subject: `We received your portfolio ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `You submitted your portfolio for ${p.setTitle}. Its number is ${p.number}.`,
        'It is now locked: its evidence and statement can no longer be changed.',
        '',
        p.fee
          ? `The portfolio fee is ${p.fee}. Two evaluators will review your portfolio once the fee is paid: you can pay it by card from your portfolio page.`
          : 'There is no fee to pay. Two evaluators will now review your portfolio.',
        '',
        `Your portfolio: ${p.link}`,
      ].join('\n'),
    };
  },
  paid(to: To, p: { number: string; setTitle: string; paid: string; method: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-fee-paid',
      subject: `Payment received for portfolio ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `We received your ${p.method} payment of ${p.paid} for portfolio ${p.number} (${p.setTitle}). The portfolio fee is now paid in full.`,
        '',
        'Your portfolio now goes to two evaluators. They see it by its number only, never your name. We will write to you when they have decided.',
        '',
        'You can follow it under Portfolios when you sign in.',
      ].join('\n'),
    };
  },
  resubmitted(
    to: To,
    p: {
      number: string;
      setTitle: string;
      reopened: readonly string[];
      waitingForEvaluator: boolean;
      link: string;
    },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-resubmitted',
      subject: `We received your resubmitted portfolio ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `You resubmitted your portfolio ${p.number} for ${p.setTitle}. There is no fee for a resubmission.`,
        `The evaluators will look again at the competencies they asked more about: ${p.reopened.join(', ')}. Their ratings of the other competencies stand.`,
        'The portfolio is locked again: its evidence and statement can no longer be changed.',
        '',
        p.waitingForEvaluator
          ? 'One of your first evaluators can no longer take part, so the program staff will give it to another evaluator first. We will write to you when the evaluators have decided.'
          : 'We will write to you when the evaluators have decided.',
        '',
        `Your portfolio: ${p.link}`,
      ].join('\n'),
    };
  },
};
