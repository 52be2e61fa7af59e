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
};
