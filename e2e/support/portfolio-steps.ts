import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { submitSignIn } from './account-steps.js';
import { follow, press } from './pages.js';
import { authenticatorCode, type StaffMember } from './server-users.js';

/** A tiny but real PDF, as a candidate would upload it. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

export const flash = (page: Page) => page.locator('main [role="status"]').innerText();
export const path = (page: Page) => new URL(page.url()).pathname;

/** Fill and send the add-evidence form on a competency page as primary written text. */
export async function addWrittenEvidence(page: Page, title: string) {
  await page.getByLabel('Written text', { exact: true }).check();
  await page.getByLabel('Primary: direct evidence that you do this in your work').check();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page
    .getByLabel('How does this show the competency?')
    .fill('I do this every week at the technical services desk.');
  await page
    .getByLabel('The evidence in writing (if it is written text)')
    .fill(`A description of my work on ${title}.`);
  await press(page, 'Add the evidence');
  expect(await flash(page)).toBe(`Evidence “${title}” added.`);
}

/** Fill and send the add-evidence form on a competency page as a primary PDF upload. */
export async function addFileEvidence(
  page: Page,
  file: { title: string; explanation: string; name: string; buffer: Buffer },
) {
  await page.getByLabel('A file (PDF, Word, image or plain text)').check();
  await page.getByLabel('Primary: direct evidence that you do this in your work').check();
  await page.getByLabel('Title', { exact: true }).fill(file.title);
  await page.getByLabel('How does this show the competency?').fill(file.explanation);
  await page
    .getByLabel('File (if the evidence is a file)')
    .setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
  await press(page, 'Add the evidence');
  expect(await flash(page)).toBe(`Evidence “${file.title}” added.`);
}

/** A portfolio evaluator signs in with password and authenticator code; lands on their account page. */
export async function signInAsPortfolioEvaluator(page: Page, member: StaffMember) {
  await submitSignIn(page, member.email, member.password);
  expect(path(page)).toBe('/sign-in/mfa');
  await page.getByLabel('Code').fill(await authenticatorCode(member.totpSecret));
  await press(page, 'Continue');
  expect(path(page)).toBe('/account');
  await follow(page, 'Portfolio reviews', { within: page.locator('header') });
  expect(path(page)).toBe('/evaluator/assignments');
}

export type RatingChoice = 'Met' | 'Partially met' | 'Not met';

/** Choose one competency's rating and write its comment on the rating page (nothing is sent yet). */
export async function rate(page: Page, topic: string, rating: RatingChoice, comment: string) {
  await page
    .getByRole('group', { name: `Your rating: ${topic}`, exact: true })
    .getByLabel(rating, { exact: true })
    .check();
  await page.getByLabel(`Your comment: ${topic}`, { exact: true }).fill(comment);
}

/** What the rating page shows for one competency: the chosen rating and the comment in the form. */
export async function shownRating(page: Page, topic: string) {
  const group = page.getByRole('group', { name: `Your rating: ${topic}`, exact: true });
  let chosen: RatingChoice | null = null;
  for (const label of ['Met', 'Partially met', 'Not met'] as const)
    if (await group.getByLabel(label, { exact: true }).isChecked()) chosen = label;
  const comment = await page.getByLabel(`Your comment: ${topic}`, { exact: true }).inputValue();
  return { rating: chosen, comment };
}
