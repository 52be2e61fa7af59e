import type { OutgoingMail } from '../../platform/mail/outbox.js';

/** The mails about additional email addresses; plain text and plain language, like the other account mails. */
const signOff = '\n\nLibrary Support Staff Certification program';
const notYou = '\n\nIf this was not you, reset your password straight away and contact the program office.';

export const emailAddressMails = {
  confirmAddition: (to: string, name: string, link: string): OutgoingMail => ({
    to,
    template: 'email-address-confirm',
    subject: 'Confirm the email address you added',
    text: `Hello ${name},\n\nYou asked to add this address to your account. To confirm it, open this link while you are signed in:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not ask for this, you can ignore this message: the address will not be added.${signOff}`,
  }),
  /**
   * Sent instead of a link when the address already belongs to an account. Only the mailbox's owner
   * reads it, so the person who asked learns nothing they could not learn by reading that mailbox.
   */
  alreadyInUse: (to: string, name: string): OutgoingMail => ({
    to,
    template: 'email-address-in-use',
    subject: 'Someone tried to add your email address to an account',
    text: `Hello ${name},\n\nSomeone asked to add this email address to an account, but it already belongs to your account, so nothing was changed.\n\nIf it was you and you want to use this address on your other account, first remove it from this account on your account page, then add it again on the other one.\n\nIf it was not you, you do not need to do anything.${signOff}`,
  }),
  primaryChanged: (to: string, name: string, newPrimary: string): OutgoingMail => ({
    to,
    template: 'primary-email-changed',
    subject: 'Your primary email address was changed',
    text: `Hello ${name},\n\nThe primary email address of your account is now ${newPrimary}. From now on we send our mail there. This address stays on your account as an additional address, and you can still sign in with it.${notYou}${signOff}`,
  }),
};
