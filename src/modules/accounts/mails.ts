import type { OutgoingMail } from '../../platform/mail/outbox.js';

/** Every mail the accounts module sends; plain text, plain language, one place to read them all. */
const signOff = '\n\nLibrary Support Staff Certification program';
const notYou = '\n\nIf this was not you, reset your password straight away and contact the program office.';

export const accountMails = {
  verifyEmail: (to: string, name: string, link: string): OutgoingMail => ({
    to,
    template: 'verify-email',
    subject: 'Confirm your email address',
    text: `Hello ${name},\n\nPlease confirm that this is your email address by opening this link:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not create an account, you can ignore this message.${signOff}`,
  }),
  signUpExisting: (to: string, name: string, signInLink: string, resetLink: string): OutgoingMail => ({
    to,
    template: 'sign-up-existing',
    subject: 'Someone tried to create an account with your email address',
    text: `Hello ${name},\n\nSomeone tried to create a new account with this email address, but you already have one.\n\nIf it was you, sign in instead:\n${signInLink}\n\nIf you have forgotten your password, you can reset it:\n${resetLink}\n\nIf it was not you, you do not need to do anything. Your account has not changed.${signOff}`,
  }),
  signInBlocked: (to: string, name: string, resetLink: string): OutgoingMail => ({
    to,
    template: 'sign-in-blocked',
    subject: 'We paused sign-ins to your account',
    text: `Hello ${name},\n\nThere were several unsuccessful attempts to sign in to your account, so we paused sign-ins for 15 minutes.\n\nIf it was you, wait 15 minutes and try again, or reset your password:\n${resetLink}${notYou}${signOff}`,
  }),
  passwordReset: (to: string, name: string, link: string): OutgoingMail => ({
    to,
    template: 'password-reset',
    subject: 'Reset your password',
    text: `Hello ${name},\n\nWe received a request to reset your password. Choose a new one here:\n\n${link}\n\nThe link works once and expires in 1 hour. If you did not ask for this, you can ignore this message: your password has not changed.${signOff}`,
  }),
  passwordChanged: (to: string, name: string): OutgoingMail => ({
    to,
    template: 'password-changed',
    subject: 'Your password was changed',
    text: `Hello ${name},\n\nThe password for your account was just changed, and you were signed out everywhere else.${notYou}${signOff}`,
  }),
  emailChangeConfirm: (to: string, name: string, link: string): OutgoingMail => ({
    to,
    template: 'email-change-confirm',
    subject: 'Confirm your new email address',
    text: `Hello ${name},\n\nYou asked to use this address for your account. To confirm, open this link:\n\n${link}\n\nThe link works once and expires in 24 hours. Until you open it, your account keeps its current address.${signOff}`,
  }),
  emailChangeNotice: (to: string, name: string, newEmail: string): OutgoingMail => ({
    to,
    template: 'email-change-requested',
    subject: 'A change of email address was requested',
    text: `Hello ${name},\n\nSomeone signed in to your account asked to change its email address to ${newEmail}. The change happens only when the link sent to that address is opened.${notYou}${signOff}`,
  }),
  emailChanged: (to: string, name: string, newEmail: string): OutgoingMail => ({
    to,
    template: 'email-changed',
    subject: 'Your email address was changed',
    text: `Hello ${name},\n\nYour account now uses ${newEmail}. We will not send mail to this address any more.${notYou}${signOff}`,
  }),
  mfaEnabled: (to: string, name: string): OutgoingMail => ({
    to,
    template: 'mfa-enabled',
    subject: 'An authenticator app was added to your account',
    text: `Hello ${name},\n\nAn authenticator app was added to your account. From now on you will enter a code from it when you sign in.${notYou}${signOff}`,
  }),
  mfaDisabled: (to: string, name: string): OutgoingMail => ({
    to,
    template: 'mfa-disabled',
    subject: 'The authenticator app was removed from your account',
    text: `Hello ${name},\n\nThe authenticator app was removed from your account. Signing in now needs only your password.${notYou}${signOff}`,
  }),
  accessTokenCreated: (to: string, name: string, tokenName: string): OutgoingMail => ({
    to,
    template: 'access-token-created',
    subject: 'A personal access token was created',
    text: `Hello ${name},\n\nA personal access token named "${tokenName}" was created for your account. Programs using it can act as you through the API.${notYou}${signOff}`,
  }),
};
