import type { OutgoingMail } from '../../platform/mail/outbox.js';

/** Every mail the providers module sends; plain text, plain language. */
const signOff = '\n\nLibrary Support Staff Certification program';

export const providerMails = {
  registered: (to: string, name: string, provider: string, link: string): OutgoingMail => ({
    to,
    template: 'provider-registered',
    subject: `${provider} is registered as a course provider`,
    text: `Hello ${name},\n\nYou registered ${provider} as a course provider, and you are its administrator. You can update its profile and invite colleagues here:\n\n${link}${signOff}`,
  }),
  invitation: (
    to: string,
    inviter: string,
    provider: string,
    role: string,
    link: string,
    expires: string,
  ): OutgoingMail => ({
    to,
    template: 'provider-invitation',
    subject: `You are invited to join ${provider}`,
    text: `Hello,\n\n${inviter} invited you to join ${provider} as ${role} on the Library Support Staff Certification website. Course providers manage their profile and their approved courses there.\n\nTo accept, sign in (or create an account) with this email address and open this link:\n\n${link}\n\nThe link works once and expires on ${expires}. If you were not expecting this, you can ignore this message.${signOff}`,
  }),
  removed: (to: string, name: string, provider: string): OutgoingMail => ({
    to,
    template: 'provider-member-removed',
    subject: `You were removed from ${provider}`,
    text: `Hello ${name},\n\nAn administrator of ${provider} removed you from the organisation. You can no longer manage its profile or courses. If you think this is a mistake, contact the organisation's administrators.${signOff}`,
  }),
};
