import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { candidate, mailTo, personalDetails } from '../support/factories.js';
import { get, postForm } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const jobForm = {
  library: 'Springfield Public Library',
  libraryType: 'public',
  position: 'Circulation assistant',
  paid: 'paid',
  startDate: '2022-01-01',
  endDate: '2022-12-31',
  hoursPerWeek: '',
  totalHours: '1,820',
};

describe.each(testBackends())('application pages on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('walks a candidate through every section, submit, check, a declined card and a paid card', async () => {
    const me = await candidate(t);
    const start = await get(t, '/application', me);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Start your application');
    expect(start.body).toContain('$350.00');
    expect(start.body).toContain('$325.00');

    const started = await postForm(t, '/application/start', {}, me);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/application/personal');

    const personalPage = await get(t, '/application/personal', me);
    expect(personalPage.body).toContain(me.email);
    expect(personalPage.body).toContain('<option value="US">United States</option>');
    const personal = await postForm(t, '/application/personal', personalDetails, me);
    expect(personal.statusCode).toBe(303);
    expect(personal.headers.location).toBe('/application/education');

    const overview = await get(t, '/application', me);
    expect(overview.body).toMatch(/Personal and contact details<\/a> <span class="tag ok">Completed/);
    expect(overview.body).toMatch(/Education<\/a> <span class="tag">Not started/);

    expect((await postForm(t, '/application/education', { hasHighSchool: 'yes' }, me)).headers.location).toBe(
      '/application/experience',
    );
    const education = await get(t, '/application/education', me);
    expect(education.body).toMatch(/value="yes" checked/);

    const half = await postForm(t, '/application/experience/new', { ...jobForm, totalHours: '1000' }, me);
    expect(half.statusCode).toBe(303);
    expect(half.headers.location).toBe('/application/experience');
    const list = await get(t, '/application/experience', me);
    expect(list.body).toContain('Hours that count: 1,000 of the 1,820 needed.');
    expect(list.body).toContain('between 29 November 2021 and 28 November 2026');
    expect(list.body).toContain('You need 820 more hours.');
    expect((await get(t, '/application', me)).body).toMatch(
      /Library work experience<\/a> <span class="tag warn">In progress/,
    );

    const entryId = /\/application\/experience\/([0-9a-f-]{36})\/edit/.exec(list.body)![1]!;
    const editPage = await get(t, `/application/experience/${entryId}/edit`, me);
    expect(editPage.body).toContain('value="1000"');
    const edited = await postForm(t, `/application/experience/${entryId}/edit`, jobForm, me);
    expect(edited.statusCode).toBe(303);
    expect((await get(t, '/application/experience', me)).body).toContain(
      'Hours that count: 1,820 of the 1,820 needed.',
    );

    expect(
      (await postForm(t, '/application/membership', { isAlaMember: 'no', alaMemberNumber: '' }, me)).headers
        .location,
    ).toBe('/application/research');
    const research = await postForm(
      t,
      '/application/research',
      { heardFrom: '', yearsInLibraries: '3-5', highestEducation: '' },
      me,
    );
    expect(research.headers.location).toBe('/application/check');

    const check = await get(t, '/application/check', me);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<h1>Check your answers</h1>');
    expect(check.body).toContain('Ada Okafor');
    expect(check.body).toContain('12 Elm Street, Springfield, IL, 62701, United States');
    expect(check.body).toContain('href="/application/personal?from=check"');
    expect(check.body).toContain('3 to 5 years');
    expect(check.body).not.toContain('You cannot submit yet');

    // "Change" from the check page comes back to it.
    const fromCheck = await get(t, '/application/personal?from=check', me);
    expect(fromCheck.body).toContain('name="from" value="check"');
    const changed = await postForm(
      t,
      '/application/personal',
      { ...personalDetails, jobTitle: 'Senior assistant', from: 'check' },
      me,
    );
    expect(changed.headers.location).toBe('/application/check');

    const submitted = await postForm(t, '/application/submit', { paymentMethod: 'check' }, me);
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe('/application/pay');
    const checkPage = await get(t, '/application/pay', me);
    expect(checkPage.body).toContain('Make your check for <strong>$350.00</strong>');
    expect(checkPage.body).toContain('LSSC-2026-000001');
    expect(checkPage.body).toContain('100 Example Avenue');
    const received = (await mailTo(t, me.email)).find((m) => m.template === 'application-received')!;
    expect(received.text).toContain('Write your application number, LSSC-2026-000001, on the check.');

    // A submitted application's sections are read-only: their pages lead back to the overview.
    expect((await get(t, '/application/personal', me)).headers.location).toBe('/application');
    expect((await get(t, '/application/check', me)).body).toContain('<h1>Your answers</h1>');

    // Switch to card, and have it declined.
    const toCard = await postForm(t, '/application/pay', {}, me);
    expect(toCard.statusCode).toBe(303);
    const sandboxUrl = toCard.headers.location as string;
    expect(sandboxUrl).toMatch(/^\/pay\/sandbox\/[0-9a-f-]{36}$/);
    const sandbox = await get(t, sandboxUrl, me);
    expect(sandbox.statusCode).toBe(200);
    expect(sandbox.body).toContain('Test payment: no real money is taken');
    expect(sandbox.body).toContain('class="sandbox"');
    expect(sandbox.body).toContain('Application fee for LSSC-2026-000001');
    expect(sandbox.body).toContain('$350.00');
    expect(sandbox.body).toContain('Pay (test card succeeds)');
    expect(sandbox.body).toContain('Simulate a declined card');

    const declined = await postForm(t, sandboxUrl, { choice: 'decline' }, me);
    expect(declined.headers.location).toBe('/application/pay');
    const afterDecline = await get(t, '/application/pay', me);
    expect(afterDecline.body).toContain('Your card was declined');
    expect(afterDecline.body).toContain('Pay by check instead');
    expect((await get(t, '/application', me)).body).toContain('Waiting for your card payment');
    expect((await get(t, sandboxUrl, me)).body).toContain('This payment is finished (not paid)');

    t.clock.advance(60_000);
    const retry = await postForm(t, '/application/pay', {}, me);
    expect(retry.headers.location).not.toBe(sandboxUrl);
    const paid = await postForm(t, retry.headers.location as string, { choice: 'pay' }, me);
    expect(paid.headers.location).toBe('/application');
    const done = await get(t, '/application', me);
    expect(done.body).toContain('Being reviewed by program staff');
    expect((await get(t, '/application/pay', me)).body).toContain('Your application fee is paid');
    expect((await mailTo(t, me.email)).map((m) => m.template)).toContain('payment-received');
  });

  it('switches from card to check on the payment page', async () => {
    const me = await candidate(t);
    await postForm(t, '/application/personal', personalDetails, me);
    await postForm(t, '/application/education', { hasHighSchool: 'yes' }, me);
    await postForm(t, '/application/experience/new', jobForm, me);
    await postForm(t, '/application/membership', { isAlaMember: 'yes', alaMemberNumber: '9876 5432' }, me);
    const submitted = await postForm(t, '/application/submit', { paymentMethod: 'card' }, me);
    expect(submitted.headers.location).toBe('/application/pay');
    const pay = await get(t, '/application/pay', me);
    expect(pay.body).toContain('Pay $325.00 by card');
    const switched = await postForm(t, '/application/payment-method', { paymentMethod: 'check' }, me);
    expect(switched.headers.location).toBe('/application/pay');
    expect((await get(t, '/application/pay', me)).body).toContain(
      'Make your check for <strong>$325.00</strong>',
    );
  });

  it('shows a staff question and takes the answer through the pages', async () => {
    const { staffRequestsInfo, submittedApplication, payByCard } = await import('../support/factories.js');
    const me = await candidate(t);
    const { number } = await submittedApplication(t, me, 'card');
    await payByCard(t, me);
    await staffRequestsInfo(t, me, 'Please tell us the name of your supervisor at Springfield.');
    const overview = await get(t, '/application', me);
    expect(overview.body).toContain('Please tell us the name of your supervisor at Springfield.');
    expect(overview.body).toMatch(/Education<\/a> <span class="tag ok">Completed/);
    expect((await postForm(t, '/application/education', { hasHighSchool: 'yes' }, me)).statusCode).toBe(303);

    const empty = await postForm(t, '/application/respond', { response: ' ' }, me);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write your answer to the question');
    const sent = await postForm(t, '/application/respond', { response: 'My supervisor is Jo Rivera.' }, me);
    expect(sent.statusCode).toBe(303);
    const after = await get(t, '/application', me);
    expect(after.body).toContain('Being reviewed by program staff');
    expect(after.body).toContain(number);
  });
});
