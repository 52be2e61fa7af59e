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
 * A candidate pays by check; staff record the check, ask a question, get the answer, and then find
 * the candidate not eligible after all. The candidate reads why, and that the fee will be refunded.
 *
 * Staff can only ask a question once an application is in review, which for a check means once
 * the check is recorded, so the check comes first.
 */
describe('staff ask for more information, then reject as ineligible', { timeout: 60_000 }, () => {
  let journey: Journey;
  let candidateContext: BrowserContext;
  let candidate: Page;
  let staffContext: BrowserContext;
  let staff: Page;
  let staffMember: StaffMember;
  let applicationNumber = '';
  let applicationPath = '';
  const person = newPerson('Sam', 'Okafor');
  const question =
    'Your work at Riverside School Library: please tell us the hours you worked each week, and whether it was all inside a library.';
  const answer = 'About 20 hours a week, all of it in the school library itself, helping at the desk.';
  const reason =
    'Most of the hours at Riverside School were classroom support, not library work, so fewer than 1,820 hours count.';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    staffMember = await createStaffMember(journey, {
      email: 'checks@lssc.example',
      displayName: 'Lee Checks',
    });
    candidateContext = await journey.newContext();
    candidate = await candidateContext.newPage();
    staffContext = await journey.newContext();
    staff = await staffContext.newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('the candidate applies and chooses to pay by check', async () => {
    await signUpAndConfirm(candidate, journey, person);
    await fillApplication(candidate, {
      givenName: 'Sam',
      familyName: 'Okafor',
      jobs: [
        {
          library: 'Riverside School Library',
          type: 'School library',
          position: 'Library aide',
          paid: true,
          startDate: '2023-01-02',
          endDate: '2024-12-31',
          totalHours: '2000',
        },
      ],
    });
    expect(await mainText(candidate)).toContain('Hours that count: 2,000 of the 1,820 needed.');
    applicationNumber = await submitApplication(candidate, 'check');
    expect(new URL(candidate.url()).pathname).toBe('/application/pay');
    const pay = await mainText(candidate);
    expect(pay).toContain('Pay by check');
    expect(pay).toContain(`write your application number ${applicationNumber} on it`);
    expect((await latestMail(journey.url, person.email, 'application-received')).text).toContain(
      applicationNumber,
    );

    await visit(candidate, '/dashboard');
    expect(await mainText(candidate)).toContain(
      `Application: Waiting for your check to arrive (${applicationNumber})`,
    );
  });

  it('staff record the check and ask a question', async () => {
    await signInAsStaff(staff, staffMember);
    await follow(staff, 'Waiting for a check');
    await follow(staff, applicationNumber);
    applicationPath = new URL(staff.url()).pathname;
    expect(await staff.getByRole('heading', { level: 1 }).innerText()).toBe(
      `Application ${applicationNumber}: Sam Okafor`,
    );

    await staff.getByLabel('Check number').fill('1042');
    await staff.getByLabel('Amount in dollars').fill('350.00');
    // "Date received" starts as today; the check arrived today.
    expect(await staff.getByLabel('Date received').inputValue()).toBe('2026-11-28');
    await press(staff, 'Record the check');
    expect(await mainText(staff)).toContain('The check was recorded.');
    expect(await staff.locator('main .tag').first().innerText()).toBe('In review');
    expect(await staff.locator('section[aria-labelledby="payment-title"]').innerText()).toContain(
      'Paid in full',
    );
    expect((await latestMail(journey.url, person.email, 'payment-received')).text).toContain(
      applicationNumber,
    );

    await staff.getByLabel('Question for the candidate').fill(question);
    await press(staff, 'Send the question');
    expect(await mainText(staff)).toContain('Your question was sent to the candidate.');
    expect(await staff.locator('main .tag').first().innerText()).toBe('More information requested');
    expect((await latestMail(journey.url, person.email, 'application-info-requested')).text).toContain(
      question,
    );
  });

  it('the candidate reads the question, answers it and sends the application back', async () => {
    await visit(candidate, '/dashboard');
    const dashboard = await mainText(candidate);
    expect(dashboard).toContain('Program staff asked you a question');
    expect(dashboard).toContain(question);

    await visit(candidate, '/application');
    expect(await mainText(candidate)).toContain('Program staff need more information');

    await follow(candidate, 'answer the question and send your application back');
    expect(await candidate.getByRole('blockquote').innerText()).toBe(question);
    // Sending nothing is refused with a message at the field.
    await press(candidate, 'Send answer and application', { status: 400 });
    expect(await candidate.locator('#f-response-error').innerText()).toContain(
      'Write your answer to the question',
    );
    await candidate.getByLabel('Your answer').fill(answer);
    await press(candidate, 'Send answer and application');
    expect(await mainText(candidate)).toContain(
      'Your answer was sent. Your application is back with program staff.',
    );
    expect(await mainText(candidate)).toContain('Status: Being reviewed by program staff');
  });

  it('staff read the answer and reject the application as ineligible', async () => {
    await visit(staff, applicationPath);
    const messages = await staff.locator('section[aria-labelledby="messages-title"]').innerText();
    expect(messages).toContain(question);
    expect(messages).toContain(answer);
    expect(await mainText(staff)).toContain('The candidate has paid $350.00');
    await staff.getByLabel('Why the applicant is not eligible').fill(reason);
    await press(staff, 'Reject as ineligible');
    expect(await mainText(staff)).toContain('The application was rejected and the candidate told why.');
    expect(await staff.locator('main .tag').first().innerText()).toBe('Rejected as ineligible');
    expect(await mainText(staff)).toContain('Refund owed: $350.00');
  });

  it('the candidate sees why, and that the fee will be refunded', async () => {
    await visit(candidate, '/dashboard');
    const dashboard = await mainText(candidate);
    expect(dashboard).toContain(`Application: Not accepted (${applicationNumber})`);
    expect(dashboard).toContain('Your application was not accepted');
    expect(dashboard).toContain(reason);
    expect(dashboard).toContain('Your application fee of $350.00 will be refunded to you.');

    await visit(candidate, '/application');
    const page = await mainText(candidate);
    expect(page).toContain(reason);
    expect(page).toContain('Your application fee of $350.00 will be refunded.');

    const rejected = await latestMail(journey.url, person.email, 'application-rejected');
    expect(rejected.text).toContain(reason);
  });
});
