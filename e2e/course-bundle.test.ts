import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { registerProvider } from './support/provider-steps.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const RESUME = Buffer.from('Sam Rivera\nInstructor, library technology\n', 'utf8');

const path = (page: Page) => new URL(page.url()).pathname;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const flash = (page: Page) => page.locator('main [role="status"]').innerText();

/**
 * A provider without JavaScript applies for a bundle: two courses that together cover the Technology
 * set. An empty course is refused field by field; the check page refuses a bundle whose second
 * course covers nothing, naming it; once each competency names its course, the bundle is submitted.
 */
describe('a course provider applies for a bundle of courses', { timeout: 90_000 }, () => {
  let journey: Journey;
  let page: Page;
  let account: Account;
  let base = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    account = await createAccount(journey, {
      email: 'robin.bundles@lakeside-libraries.example',
      displayName: 'Robin Bundles',
      roles: ['candidate'],
    });
    page = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('starts a bundle application and describes the bundle as a whole', async () => {
    await submitSignIn(page, account.email, account.password);
    await registerProvider(page, {
      name: 'Lakeside Library Cooperative',
      kind: 'State library association',
      region: 'MN',
      city: 'Duluth',
      contactEmail: 'courses@lakeside-libraries.example',
    });
    await visit(page, '/provider/courses/new');
    await page
      .getByLabel('Competency set the course covers', { exact: true })
      .selectOption({ label: 'TECH Technology' });
    await page.getByLabel('A bundle of courses that together cover the set', { exact: true }).check();
    await press(page, 'Start the application');
    base = path(page);
    expect(await heading(page)).toBe('New bundle application');

    await follow(page, 'Bundle details');
    expect(await heading(page)).toBe('Bundle details');
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Course title').fill('Technology for Library Staff, in two parts');
    await field('Description').fill('Two short courses that together cover the technology competencies.');
    await field('Online').check();
    await field('Yes, synchronous').check();
    await field('Length').fill('2 × 4 weeks');
    await field('Contact hours').fill('24');
    await field('Where it runs').fill('Online');
    await field('Cost to students, in US dollars').fill('0');
    await field('Registration link').fill('https://lakeside-libraries.example/technology');
    await field('Teaching methods').fill('Live online sessions and exercises.');
    await field('Assessment strategy').fill('A graded exercise per competency.');
    await press(page, 'Save and continue');
    expect(path(page)).toBe(`${base}/parts`);
    expect(await flash(page)).toBe('Bundle details saved.');
  });

  it('lists the courses of the bundle; an empty course is refused', async () => {
    expect(await heading(page)).toBe('Courses in this bundle');
    expect(await mainText(page)).toContain('No courses added yet.');
    await press(page, 'Add the course', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'Course title', message: /Enter the title of this course/ },
      { label: 'Description of this course', message: /Enter a description of this course/ },
      { label: 'Contact hours of this course', message: /Enter the contact hours as a number/ },
    ]);
    for (const [title, hours] of [
      ['Devices and networks', '12'],
      ['Privacy and security', '12'],
    ] as const) {
      await page.getByLabel('Course title', { exact: true }).fill(title);
      await page
        .getByLabel('Description of this course', { exact: true })
        .fill(`A four-week course: ${title}.`);
      await page.getByLabel('Contact hours of this course', { exact: true }).fill(hours);
      await press(page, 'Add the course');
      expect(await flash(page)).toBe(`${title} added to the bundle.`);
    }
    const rows = page.getByRole('table', { name: 'Courses in this bundle' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
  });

  it('maps every competency to the first course; the check page says the second covers nothing', async () => {
    await follow(page, 'Continue to the competency map');
    for (let step = 1; !path(page).endsWith('/files'); step++) {
      expect(step).toBeLessThan(40);
      await page
        .getByLabel('Course of the bundle that covers it', { exact: true })
        .selectOption({ label: '1. Devices and networks' });
      await page.getByLabel('Content that covers this competency', { exact: true }).fill(`Unit ${step}.`);
      await page.getByLabel('Assessment', { exact: true }).fill(`Exercise ${step}.`);
      await press(page, 'Save and continue');
    }
    await page.getByLabel('Syllabus with readings', { exact: true }).check();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'syllabus.pdf', mimeType: 'application/pdf', buffer: PDF });
    await press(page, 'Upload');
    await page.getByLabel('Instructor’s résumé', { exact: true }).check();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'sam-rivera.txt', mimeType: 'text/plain', buffer: RESUME });
    await press(page, 'Upload');

    await visit(page, `${base}/check`);
    expect(await mainText(page)).toContain('Courses in this bundle');
    await press(page, 'Submit the course application', { status: 422 });
    const problems = page.locator('.error-summary[role="alert"]').getByRole('link');
    expect(await problems.count()).toBe(1);
    expect(await problems.innerText()).toContain('"Privacy and security" covers no competency');
    expect(await problems.getAttribute('href')).toBe('#f-parts');
  });

  it('gives the second course a competency and submits the bundle', async () => {
    await follow(page, 'Back to the course application');
    await follow(page, 'Competency map');
    await page
      .getByLabel('Course of the bundle that covers it', { exact: true })
      .selectOption({ label: '2. Privacy and security' });
    await press(page, 'Save and continue');
    await visit(page, `${base}/check`);
    await press(page, 'Submit the course application');
    const number = /Course application (CRS-\d{4}-\d{6}) submitted\./.exec(await flash(page))?.[1] ?? '';
    expect(number).toMatch(/^CRS-2026-\d{6}$/);
    const mail = await latestMail(journey.url, account.email, 'course-application-received');
    expect(mail.subject).toBe(`We received course application ${number}`);
  });
});
