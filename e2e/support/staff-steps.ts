import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { mainText, press, visit } from './pages.js';
import { authenticatorCode, type StaffMember } from './server-users.js';

/** Password, then the authenticator code the app asks for; lands on the staff home page. */
export async function signInAsStaff(page: Page, member: StaffMember) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await press(page, 'Sign in');
  expect(new URL(page.url()).pathname).toBe('/sign-in/mfa');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Enter your authenticator code');
  await page.getByLabel('Code').fill(await authenticatorCode(member.totpSecret));
  await press(page, 'Continue');
  expect(new URL(page.url()).pathname).toBe('/staff');
  expect(await mainText(page)).toContain('Applications by status');
}
