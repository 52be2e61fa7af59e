import type { OutgoingMail } from '../../platform/mail/outbox.js';

interface Person {
  email: string;
  displayName: string;
}

/** Mail to the candidate about a pre-review of their portfolio. */
export const prereviewMails = {
  requested(to: Person, p: { setTitle: string; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-prereview-requested',
      subject: `We have your pre-review request: ${p.setTitle}`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `You asked the program staff to pre-review your ${p.setTitle} portfolio. We will mail you when their comments are ready.`,
        'You can keep working on your portfolio in the meantime.',
        '',
        `Your pre-review: ${p.link}`,
      ].join('\n'),
    };
  },
  finished(to: Person, p: { setTitle: string; comments: number; link: string }): OutgoingMail {
    return {
      to: to.email,
      template: 'portfolio-prereview-finished',
      subject: `Comments on your ${p.setTitle} portfolio are ready`,
      text: [
        `Hello ${to.displayName},`,
        '',
        `The program staff have pre-reviewed your ${p.setTitle} portfolio and left ${p.comments === 1 ? 'a comment' : `${p.comments} comments`}.`,
        'Read them, revise your evidence and statement, and submit your portfolio when you are ready.',
        '',
        `Read the comments: ${p.link}`,
      ].join('\n'),
    };
  },
};
