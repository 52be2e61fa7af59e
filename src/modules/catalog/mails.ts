import type { OutgoingMail } from '../../platform/mail/outbox.js';

/** Every mail the catalog sends; plain text, plain language, always with a way out. */
const signOff = '\n\nLibrary Support Staff Certification program';

export interface DigestCourse {
  number: string;
  title: string;
  providerName: string;
  setTitle: string;
  link: string;
}

/** The most courses one digest lists; the rest are a link away. */
export const DIGEST_MAX_COURSES = 25;

export const catalogMails = {
  confirm: (to: string, what: string, link: string, expires: string): OutgoingMail => ({
    to,
    template: 'catalog-alert-confirm',
    subject: 'Confirm your email alerts for new approved courses',
    text: `Hello,\n\nSomeone (we hope you) asked for an email when new courses are approved for ${what} in the Library Support Staff Certification course catalog.\n\nTo start the alerts, open this link and press the button:\n\n${link}\n\nThe link works once and expires on ${expires}. If you did not ask for this, ignore this message: nothing will be sent to you.${signOff}`,
  }),
  alreadySubscribed: (to: string, what: string, unsubscribe: string): OutgoingMail => ({
    to,
    template: 'catalog-alert-already',
    subject: 'You already get email alerts for new approved courses',
    text: `Hello,\n\nSomeone (we hope you) asked again for email alerts about new approved courses for ${what}. This address already gets them, so nothing has changed.\n\nTo stop the alerts, open this link:\n\n${unsubscribe}${signOff}`,
  }),
  digest: (
    to: string,
    what: string,
    items: DigestCourse[],
    more: { count: number; link: string },
    unsubscribe: string,
  ): OutgoingMail => {
    const total = items.length + more.count;
    const lines = items.map(
      (c) => `- ${c.title} (${c.number})\n  ${c.providerName}; ${c.setTitle}\n  ${c.link}`,
    );
    const rest = more.count > 0 ? `\n\nand ${more.count} more:\n${more.link}` : '';
    return {
      to,
      template: 'catalog-alert-digest',
      subject: total === 1 ? 'A new course is approved' : `${total} new courses are approved`,
      text: `Hello,\n\n${total === 1 ? 'This course was' : 'These courses were'} newly approved for ${what}:\n\n${lines.join('\n\n')}${rest}\n\nYou get this because you asked for email alerts from the course catalog. To stop them, open this link (no sign-in needed):\n\n${unsubscribe}${signOff}`,
    };
  },
};
