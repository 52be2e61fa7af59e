import type { OutgoingMail } from '../../platform/mail/outbox.js';

export const courseMails = {
  received(
    to: { email: string; displayName: string },
    p: { number: string; title: string; providerName: string; fee: string; link: string },
  ): OutgoingMail {
    return {
      to: to.email,
      template: 'course-application-received',
      subject: `We received course application ${p.number}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `${p.providerName} submitted the course "${p.title}" for approval. Its number is ${p.number}.`,
        '',
        `The course approval fee is ${p.fee}. Course evaluators will review the application once the fee is paid.`,
        '',
        `Follow the application and pay the fee here: ${p.link}`,
      ].join('\n'),
    };
  },
};
