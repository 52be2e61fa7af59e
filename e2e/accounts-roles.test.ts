import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createAccount,
  nextAuthenticatorCode,
  signOut,
  submitSignIn,
  wrongAuthenticatorCode,
} from './support/account-steps.js';
import { type Journey, latestMail, linkIn, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';

const MISMATCH = /That email and password do not match an account/;

/** The tag next to "Authenticator app" on the account page. */
const authenticatorTag = (page: Page) =>
  page.locator('dl.summary > div', { hasText: 'Authenticator app' }).locator('.tag').innerText();

/**
 * Accounts of people who are not candidates, in a browser without JavaScript on the real server:
 * an evaluator whose role needs an authenticator app sets one up at first sign-in; an institution
 * contact uses a personal access token from a program, then forgets the password and resets it.
 */
describe('evaluator and institution contact accounts', { timeout: 60_000 }, () => {
  let journey: Journey;
  let evaluatorContext: BrowserContext;
  let evaluator: Page;
  let contactContext: BrowserContext;
  let contact: Page;
  let evaluatorAccount: Account;
  let contactAccount: Account;
  let secret = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    evaluatorAccount = await createAccount(journey, {
      email: 'evaluator@lssc.example',
      displayName: 'Morgan Evaluator',
      roles: ['portfolio_evaluator'],
    });
    contactAccount = await createAccount(journey, {
      email: 'ils.contact@college.example',
      displayName: 'Jordan Contact',
      roles: ['institution_contact'],
    });
    evaluatorContext = await journey.newContext();
    evaluator = await evaluatorContext.newPage();
    contactContext = await journey.newContext();
    contact = await contactContext.newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('a portfolio evaluator without an app is sent to set one up at first sign-in', async () => {
    await submitSignIn(evaluator, evaluatorAccount.email, evaluatorAccount.password);
    expect(new URL(evaluator.url()).pathname).toBe('/account/mfa/setup');
    expect(await evaluator.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Set up an authenticator app',
    );
    expect(await mainText(evaluator)).toContain('Your role needs an authenticator app.');

    const qr = evaluator.getByRole('img', { name: 'QR code for your authenticator app' });
    expect(await qr.count()).toBe(1);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // The key to type by hand, in groups of four.
    const shown = await evaluator.locator('main ol.steps code').innerText();
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    secret = shown.replace(/\s/g, '');

    await evaluator
      .getByLabel('Code from the app', { exact: true })
      .fill(await wrongAuthenticatorCode(secret));
    await press(evaluator, 'Turn on', { status: 400 });
    expect(new URL(evaluator.url()).pathname).toBe('/account/mfa/setup');
    await expectErrorSummary(evaluator, [{ label: 'Code from the app', message: /That code is not right/ }]);
    // The same key is shown again, so the app already set up still works.
    expect((await evaluator.locator('main ol.steps code').innerText()).replace(/\s/g, '')).toBe(secret);

    await evaluator.getByLabel('Code from the app', { exact: true }).fill(await generate({ secret }));
    await press(evaluator, 'Turn on');
    expect(new URL(evaluator.url()).pathname).toBe('/account');
    expect(await mainText(evaluator)).toContain('Your authenticator app is set up.');
    expect(await authenticatorTag(evaluator)).toBe('On');
    expect(await mainText(evaluator)).toContain('Portfolio evaluator');
    const enabled = await latestMail(journey.url, evaluatorAccount.email);
    expect(enabled.text).toMatch(/authenticator/i);
  });

  it('the evaluator signs out, and next time is asked for the code', async () => {
    await signOut(evaluator);
    await submitSignIn(evaluator, evaluatorAccount.email, evaluatorAccount.password);
    expect(new URL(evaluator.url()).pathname).toBe('/sign-in/mfa');
    expect(await evaluator.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Enter your authenticator code',
    );
    // Not in yet: the account page sends them back to the code, and comes after it.
    await visit(evaluator, '/account');
    expect(new URL(evaluator.url()).pathname).toBe('/sign-in/mfa');
    expect(new URL(evaluator.url()).searchParams.get('next')).toBe('/account');

    await evaluator.getByLabel('Code', { exact: true }).fill(await nextAuthenticatorCode(secret));
    await press(evaluator, 'Continue');
    expect(new URL(evaluator.url()).pathname).toBe('/account');
    expect(await authenticatorTag(evaluator)).toBe('On');
  });

  it('an institution contact creates a personal access token, uses it, and revokes it', async () => {
    await submitSignIn(contact, contactAccount.email, contactAccount.password);
    // No authenticator needed for this role: straight to the account page.
    expect(new URL(contact.url()).pathname).toBe('/account');
    expect(await authenticatorTag(contact)).toBe('Off');
    await follow(contact, 'Personal access tokens', { within: contact.locator('main') });
    expect(new URL(contact.url()).pathname).toBe('/account/tokens');
    expect(await mainText(contact)).toContain('You have no tokens.');

    await contact.getByLabel('Name', { exact: true }).fill('Library ILS sync');
    await press(contact, 'Create token');
    expect(await contact.getByRole('heading', { name: 'Your new token "Library ILS sync"' }).count()).toBe(1);
    const token = await contact.getByLabel('Token', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);
    const table = contact.getByRole('table', { name: 'Your personal access tokens' });
    const prefix = (
      await table.locator('tbody tr', { hasText: 'Library ILS sync' }).locator('code').innerText()
    )
      .replace('…', '')
      .trim();
    expect(token.startsWith(prefix)).toBe(true);

    // Shown once: opening the page again lists the token but not its secret.
    await visit(contact, '/account/tokens');
    expect(await contact.getByLabel('Token', { exact: true }).count()).toBe(0);
    expect(await contact.content()).not.toContain(token);
    expect(await table.locator('tbody tr', { hasText: 'Library ILS sync' }).count()).toBe(1);

    const me = () => fetch(`${journey.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    const ok = await me();
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { email: string; via: string; roles: string[] };
    expect(body).toMatchObject({ email: contactAccount.email, via: 'token', roles: ['institution_contact'] });

    await press(contact, 'Revoke Library ILS sync');
    expect(new URL(contact.url()).pathname).toBe('/account/tokens');
    expect(await mainText(contact)).toContain('The token has been revoked.');
    expect(await mainText(contact)).toContain('You have no tokens.');
    expect((await me()).status).toBe(401);
  });

  it('the institution contact forgets the password and chooses a new one from the mailed link', async () => {
    await signOut(contact);
    await visit(contact, '/sign-in');
    await follow(contact, 'Forgot your password?');
    expect(new URL(contact.url()).pathname).toBe('/password/forgot');
    await contact.getByLabel('Email address').fill(contactAccount.email);
    await press(contact, 'Send the link');
    expect(new URL(contact.url()).pathname).toBe('/password/forgot/sent');
    expect(await contact.getByRole('heading', { level: 1 }).innerText()).toBe('Check your email');

    const mail = await latestMail(journey.url, contactAccount.email, 'password-reset');
    await visit(contact, linkIn(mail.text, '/password/reset'));
    expect(await contact.getByRole('heading', { level: 1 }).innerText()).toBe('Choose a new password');
    const newPassword = 'interlibrary loan harbour 77';
    await contact.getByLabel('New password', { exact: true }).fill(newPassword);
    await contact.getByLabel('Type the new password again', { exact: true }).fill(newPassword);
    await press(contact, 'Save new password');
    expect(new URL(contact.url()).pathname).toBe('/account');
    expect(await mainText(contact)).toContain('Your password has been changed.');
    expect((await latestMail(journey.url, contactAccount.email, 'password-changed')).subject).toBe(
      'Your password was changed',
    );
    await signOut(contact);

    // The old password no longer works, with the same answer as for an address without an account.
    await submitSignIn(contact, 'nobody@college.example', contactAccount.password, { status: 400 });
    await expectErrorSummary(contact, [{ label: 'Email address', message: MISMATCH }]);
    await submitSignIn(contact, contactAccount.email, contactAccount.password, { status: 400 });
    expect(new URL(contact.url()).pathname).toBe('/sign-in');
    await expectErrorSummary(contact, [{ label: 'Email address', message: MISMATCH }]);

    await submitSignIn(contact, contactAccount.email, newPassword);
    expect(new URL(contact.url()).pathname).toBe('/account');
    expect(await mainText(contact)).toContain(contactAccount.email);
  });
});
