import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Journey, latestMail, linkIn } from './browser.js';
import { afterNavigation, mainText, press, visit } from './pages.js';

export interface Person {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
export function newPerson(given: string, family: string): Person {
  const tag = `${Date.now().toString(36)}${++counter}`;
  return {
    name: `${given} ${family}`,
    email: `${given.toLowerCase()}.${family.toLowerCase()}.${tag}@library.example`,
    password: 'maple shelf quiet reading 42',
  };
}

/** Sign up on the form, then open the confirmation link from the mail (it signs the person's email off). */
export async function signUpAndConfirm(page: Page, journey: Journey, person: Person) {
  if (!page.url().endsWith('/sign-up')) await visit(page, '/sign-up');
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Type the password again').fill(person.password);
  await press(page, 'Create account');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your email');

  const mail = await latestMail(journey.url, person.email, 'verify-email');
  await visit(page, linkIn(mail.text, '/verify-email'));
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your email address is confirmed');
}

export interface Job {
  library: string;
  type: string;
  position: string;
  paid: boolean;
  startDate: string;
  endDate: string;
  hoursPerWeek?: string;
  totalHours?: string;
}

export async function addJob(page: Page, job: Job) {
  await afterNavigation(page, () => page.getByRole('link', { name: 'Add a job' }).click());
  await page.getByLabel('Library', { exact: true }).fill(job.library);
  await page.getByLabel('Type of library').selectOption({ label: job.type });
  await page.getByLabel('Your position or role').fill(job.position);
  await page.getByLabel(job.paid ? 'Paid' : 'Volunteer', { exact: true }).check();
  await page.getByLabel('Start date').fill(job.startDate);
  await page.getByLabel('End date').fill(job.endDate);
  if (job.hoursPerWeek) await page.getByLabel('Hours per week').fill(job.hoursPerWeek);
  if (job.totalHours) await page.getByLabel('Total hours').fill(job.totalHours);
  await press(page, 'Save this job');
  expect(await mainText(page)).toContain('Job added.');
}

export interface ApplicationAnswers {
  givenName: string;
  familyName: string;
  jobs: Job[];
  alaMemberNumber?: string;
  research?: boolean;
}

/** From the start page through every section, ending on "Check your answers". */
export async function fillApplication(page: Page, a: ApplicationAnswers) {
  await visit(page, '/application');
  // An institution's invitation starts the draft already: then go straight to the first section.
  if (await page.getByRole('button', { name: 'Start your application' }).count()) {
    await press(page, 'Start your application');
  } else await visit(page, '/application/personal');

  // a. Personal and contact details
  expect(new URL(page.url()).pathname).toBe('/application/personal');
  await page.getByLabel('Given name').fill(a.givenName);
  await page.getByLabel('Family name').fill(a.familyName);
  await page.getByLabel('Phone number').fill('+1 217 555 0142');
  await page.getByLabel('Address line 1').fill('12 Prairie Street');
  await page.getByLabel('Town or city').fill('Springfield');
  await page.getByLabel('State, province or region').fill('IL');
  await page.getByLabel('ZIP or postal code').fill('62701');
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'United States' });
  await page.getByLabel('Library or organisation').fill('Lincoln Public Library');
  await page.getByLabel('Type of library').selectOption({ label: 'Public library' });
  await page.getByLabel('Job title').fill('Library assistant');
  await press(page, 'Save and continue');

  // b. Education
  expect(new URL(page.url()).pathname).toBe('/application/education');
  expect(await mainText(page)).toContain('Personal and contact details: saved.');
  await page.getByLabel('Yes', { exact: true }).check();
  await press(page, 'Save and continue');

  // c. Experience
  expect(new URL(page.url()).pathname).toBe('/application/experience');
  for (const job of a.jobs) await addJob(page, job);
  await afterNavigation(page, () => page.getByRole('link', { name: 'Continue', exact: true }).click());

  // d. Membership
  expect(new URL(page.url()).pathname).toBe('/application/membership');
  if (a.alaMemberNumber) {
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('ALA membership number (if you are a member)').fill(a.alaMemberNumber);
  } else {
    await page.getByLabel('No', { exact: true }).check();
  }
  await press(page, 'Save and continue');

  // e. Research questions (optional)
  expect(new URL(page.url()).pathname).toBe('/application/research');
  if (a.research) {
    await page
      .getByLabel('How did you hear about the program?')
      .selectOption({ label: 'A colleague or supervisor' });
    await page
      .getByLabel('How many years have you worked in libraries?')
      .selectOption({ label: '3 to 5 years' });
    await page.getByLabel('What is your highest level of education?').selectOption({ label: 'Some college' });
    await page.getByLabel('Prefer not to say', { exact: true }).check();
  }
  await press(page, 'Save and continue');
  expect(new URL(page.url()).pathname).toBe('/application/check');
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your answers');
}

/** Choose how to pay and submit from "Check your answers"; returns the application number. */
export async function submitApplication(page: Page, method: 'card' | 'check'): Promise<string> {
  await page
    .getByLabel(method === 'card' ? 'By card, online now' : 'By check, in the mail', { exact: true })
    .check();
  await press(page, 'Submit application');
  const text = await mainText(page);
  const number = /Your application number is (LSSC-\d{4}-\d+)/.exec(text)?.[1];
  if (!number) throw new Error(`no application number after submitting:\n${text}`);
  return number;
}
