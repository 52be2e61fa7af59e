import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { follow, mainText, press, visit } from './pages.js';
import { PDF } from './portfolio-steps.js';

export interface ProgramCourse {
  code: string;
  title: string;
  /** Set titles as the checkboxes label them, like "Technology (required)". */
  sets: string[];
}

/** Staff (signed in, on any page): add a college and land on its page. */
export async function addCollege(page: Page, name: string) {
  await visit(page, '/staff/colleges');
  await follow(page, 'Add a college');
  await page.getByLabel('Name of the college').fill(name);
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
  await page.getByLabel('State, province or region (optional)').fill('IL');
  await page.getByLabel('Contact email address').fill('registrar@college.example.edu');
  await press(page, 'Add the college');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
}

/** Staff on a college page: add a program, list its courses with their sets, sign an agreement. */
export async function addProgramAndSign(
  page: Page,
  program: {
    name: string;
    award: 'Associate degree' | 'Certificate';
    courses: ProgramCourse[];
    effectiveFrom: string;
  },
): Promise<string> {
  const collegePath = new URL(page.url()).pathname;
  await page.getByLabel('Name of the program').fill(program.name);
  await page.getByLabel('What graduates are awarded').selectOption({ label: program.award });
  await press(page, 'Add the program');
  for (const course of program.courses) {
    await page.getByLabel('Course code').fill(course.code);
    await page.getByLabel('Course title').fill(course.title);
    for (const set of course.sets) await page.getByLabel(set, { exact: true }).check();
    await press(page, 'Add the course');
    expect(await mainText(page)).toContain(`Course added: ${course.code}.`);
  }
  const coverage = await page.locator('section[aria-labelledby="coverage-title"]').innerText();
  await page.getByLabel('Effective graduation date').fill(program.effectiveFrom);
  await press(page, 'Sign the agreement');
  expect(await mainText(page)).toMatch(/Agreement AGR-\d{4}-\d{6} signed/);
  await visit(page, collegePath);
  return coverage;
}

/** A candidate on "Check your answers": state the graduation with a proof, then come back to check. */
export async function stateGraduation(page: Page, agreementLabel: string, graduatedOn: string) {
  await visit(page, '/application/graduation');
  await page.getByLabel('The program you graduated from').selectOption({ label: agreementLabel });
  await page.getByLabel('Date you graduated').fill(graduatedOn);
  await page
    .getByLabel('Proof of graduation')
    .setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: PDF });
  await press(page, 'Save your graduation');
  expect(await mainText(page)).toContain('Your graduation is saved.');
  await visit(page, '/application/check');
}

/** Pay the application fee with the sandbox card. */
export async function payByTestCard(page: Page) {
  await press(page, /^Pay .* by card$/, { exact: false });
  await press(page, 'Pay (test card succeeds)');
  expect(await mainText(page)).toContain('Payment received.');
}

/** Staff: open the application, verify the graduation, then admit. */
export async function verifyAndAdmit(page: Page, applicationNumber: string) {
  await visit(page, '/staff');
  await follow(page, 'All submitted applications');
  await page.getByLabel('Number or name').fill(applicationNumber);
  await press(page, 'Apply filters');
  await follow(page, applicationNumber);
  const section = await page.locator('section[aria-labelledby="graduation-title"]').innerText();
  expect(section).toContain('diploma.pdf');
  expect(section).toContain('Waiting for program staff to check the proof');
  await press(page, 'Verify the graduation');
  expect(await mainText(page)).toContain('Graduation verified.');
  await press(page, 'Admit the applicant');
  expect(await mainText(page)).toContain('The applicant is admitted.');
}
