import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createUser } from '../../src/modules/accounts/use-cases/create-user.js';
import { type Role, systemCtx } from '../../src/platform/context.js';
import type { Journey } from './browser.js';
import { mainText, press, visit } from './pages.js';

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

/** An account made by the program office (the real use case), without an authenticator app. */
export async function createAccount(
  journey: Journey,
  opts: { email: string; displayName: string; roles: Role[] },
): Promise<Account> {
  const account = { email: opts.email, displayName: opts.displayName, password: 'card catalogue river 2026' };
  await createUser(systemCtx(journey.services, 'e2e'), { ...account, roles: opts.roles });
  return account;
}

/** Fill the sign-in form and press the button; the caller checks where it leads. */
export async function submitSignIn(
  page: Page,
  email: string,
  password: string,
  opts: { status?: number } = {},
) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await press(page, 'Sign in', opts);
}

/** The "Sign out" button in the page header; lands on the home page. */
export async function signOut(page: Page) {
  await press(page, 'Sign out');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await mainText(page)).toContain('You have signed out.');
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The code the app shows for the next 30-second step. The server accepts the neighbouring steps
 * (phone clocks drift) but each code only once, so a second sign-in soon after setting the app up
 * uses this one instead of waiting for the app's code to change.
 */
export function nextAuthenticatorCode(secret: string): Promise<string> {
  return generate({ secret, epoch: nowSeconds() + 30 });
}

/** Six digits that are not the code of any step the server could accept now. */
export async function wrongAuthenticatorCode(secret: string): Promise<string> {
  const now = nowSeconds();
  const near = new Set(
    await Promise.all([-60, -30, 0, 30, 60].map((d) => generate({ secret, epoch: now + d }))),
  );
  let n = 123456;
  while (near.has(String(n))) n += 1;
  return String(n);
}
