import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import {
  fillApplication,
  newPerson,
  signUpAndConfirm,
  submitApplication,
} from './support/candidate-steps.js';
import { follow, mainText, press, visit } from './support/pages.js';
import { createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

/**
 * The whole road from "am I eligible?" to "admitted", in a browser without JavaScript, on the real
 * server (embedded database, real jobs), with "today" fixed at 28 November 2026. Each step builds
 * on the previous one, so the steps run in order and share the pages.
 */
describe('a library worker is admitted to the program', { timeout: 60_000 }, () => {
  let journey: Journey;
  let candidateContext: BrowserContext;
  let candidate: Page;
  let staffContext: BrowserContext;
  let staff: Page;
  let staffMember: StaffMember;
  let applicationNumber = '';
  const person = newPerson('Rosa', 'Delgado');

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    staffMember = await createStaffMember(journey, {
      email: 'reviewer@lssc.example',
      displayName: 'Pat Reviewer',
    });
    candidateContext = await journey.newContext();
    candidate = await candidateContext.newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('checks eligibility without an account', async () => {
    await visit(candidate, '/');
    await follow(candidate, 'Check if you are eligible', { within: candidate.locator('main') });
    expect(new URL(candidate.url()).pathname).toBe('/eligibility/check');
    await candidate.getByLabel('Yes', { exact: true }).check();
    await candidate.getByLabel(/About how many hours have you worked/).fill('2,000');
    await press(candidate, 'Check my eligibility');
    expect(await candidate.getByRole('heading', { name: 'You can apply' }).count()).toBe(1);
  });

  it('creates an account and confirms the email address from the mail', async () => {
    await follow(candidate, 'Create an account', { within: candidate.locator('main') });
    await signUpAndConfirm(candidate, journey, person);
    const mail = await latestMail(journey.url, person.email, 'verify-email');
    expect(mail.text).toContain('/verify-email');
  });

  it('fills every section of the application and checks the answers', async () => {
    await fillApplication(candidate, {
      givenName: 'Rosa',
      familyName: 'Delgado',
      jobs: [
        {
          library: 'Lincoln Public Library',
          type: 'Public library',
          position: 'Circulation assistant',
          paid: true,
          // 52 weeks exactly: 1,040 hours at 20 hours a week.
          startDate: '2024-01-01',
          endDate: '2024-12-29',
          hoursPerWeek: '20',
        },
        {
          library: 'Springfield College Library',
          type: 'Academic library (college or university)',
          position: 'Volunteer shelver',
          paid: false,
          startDate: '2025-02-03',
          endDate: '2025-10-31',
          totalHours: '800',
        },
      ],
      alaMemberNumber: '1234-5678',
      research: true,
    });
    const text = await mainText(candidate);
    expect(text).toContain('Hours that count: 1,840 of the 1,820 needed.');
    expect(text).toContain('Rosa Delgado');
    expect(text).toContain('12 Prairie Street, Springfield, IL, 62701, United States');
    expect(text).toContain('Lincoln Public Library (Public library)');
    expect(text).toContain('Yes, number 12345678');
    expect(text).toContain('Application fee $325.00');
    expect(text).toContain('A colleague or supervisor');
    expect(text).not.toContain('You cannot submit yet');
  });

  it('submits choosing card; a declined test card, then a paid one', async () => {
    applicationNumber = await submitApplication(candidate, 'card');
    expect(applicationNumber).toMatch(/^LSSC-2026-\d+$/);
    expect(new URL(candidate.url()).pathname).toBe('/application/pay');
    const received = await latestMail(journey.url, person.email, 'application-received');
    expect(received.text).toContain(applicationNumber);

    await press(candidate, /^Pay .* by card$/, { exact: false });
    expect(new URL(candidate.url()).pathname).toMatch(/^\/pay\/sandbox\//);
    // Clearly a test: a banner on the page and a plain statement in it.
    expect(await candidate.getByRole('region', { name: 'Notice' }).innerText()).toContain(
      'Test payment: no real money is taken',
    );
    expect(await mainText(candidate)).toContain('No card details are asked for and no real money is taken.');
    await press(candidate, 'Simulate a declined card');
    expect(new URL(candidate.url()).pathname).toBe('/application/pay');
    expect(await candidate.getByRole('alert').innerText()).toContain('Your card was declined');

    await press(candidate, 'Try the card payment again');
    await press(candidate, 'Pay (test card succeeds)');
    expect(await mainText(candidate)).toContain('Payment received.');
    const paid = await latestMail(journey.url, person.email, 'payment-received');
    expect(paid.text).toContain(applicationNumber);

    await visit(candidate, '/dashboard');
    const dashboard = await mainText(candidate);
    expect(dashboard).toContain(`Application: Being reviewed by program staff (${applicationNumber})`);
    expect(dashboard).toContain('program staff are reviewing your application');
  });

  it('a staff member signs in with an authenticator code and admits the application', async () => {
    staffContext = await journey.newContext();
    staff = await staffContext.newPage();
    await signInAsStaff(staff, staffMember);

    await follow(staff, 'All submitted applications');
    await staff.getByLabel('Number or name').fill(applicationNumber);
    await press(staff, 'Apply filters');
    expect(await staff.getByRole('heading', { name: '1 application' }).count()).toBe(1);
    await follow(staff, applicationNumber);
    expect(await staff.getByRole('heading', { level: 1 }).innerText()).toBe(
      `Application ${applicationNumber}: Rosa Delgado`,
    );
    const eligibility = await staff.locator('section[aria-labelledby="eligibility-title"]').innerText();
    expect(eligibility).toContain('Eligible');
    expect(eligibility).toContain('1,840 of 1,820 hours counted');
    expect(await mainText(staff)).toContain(
      "Admitted today, 28 November 2026, the candidate's deadline will be 28 November 2030.",
    );
    await press(staff, 'Admit the applicant');
    expect(await mainText(staff)).toContain('The applicant is admitted.');
    expect(await staff.locator('.tag').first().innerText()).toMatch(/admitted/i);
  });

  it('the candidate sees the admission, the deadline and the competency sets', async () => {
    await visit(candidate, '/dashboard');
    const text = await mainText(candidate);
    expect(text).toContain(`Application: Admitted to the program (${applicationNumber})`);
    expect(text).toContain('Complete the program by 28 November 2030.');
    expect(text).toContain('You were admitted on 28 November 2026. 4 years left.');
    expect(text).toContain('Fee paid ($325.00) · 28 November 2026');
    const rows = candidate.getByRole('table', { name: 'The competency sets' }).locator('tbody tr');
    expect(await rows.count()).toBe(10);
    const kinds = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['Required', 'Elective']));
    const required = kinds.filter((k) => k === 'Required').length;
    expect(text).toContain(`0 of ${required} required`);
    await candidate.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    const admitted = await latestMail(journey.url, person.email, 'application-admitted');
    expect(admitted.text).toContain('28 November 2030');
  });

  it("the candidate's application page shows it is admitted and no longer editable", async () => {
    await visit(candidate, '/application');
    const text = await mainText(candidate);
    expect(text).toContain('Status: Admitted to the program');
    expect(await candidate.getByRole('link', { name: 'View your answers' }).count()).toBe(1);
  });
});
