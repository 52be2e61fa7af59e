import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press } from './support/pages.js';
import { registerProvider } from './support/provider-steps.js';

const ASSOCIATION = 'Prairie State Library Association';
const TITLE = 'Technology for Library Support Staff';
/** The competency whose assessment is left out at first (its place in the set, counting from 1). */
const LEFT_OUT_AT = 3;

/** The smallest file the server takes as a whole PDF: the signature at the start, the end marker at the end. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
/** A Windows program ("MZ" header) renamed to look like a résumé. */
const PROGRAM = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126, 0x90)]);
const RESUME = Buffer.from(
  'Jordan Lee\nInstructor, library technology\n\n2015-2026 Systems librarian, Lincoln Public Library\n',
  'utf8',
);

const path = (page: Page) => new URL(page.url()).pathname;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const flash = (page: Page) => page.locator('main [role="status"]').innerText();
const summaryText = async (page: Page, term: string) =>
  (await page.locator('dl.summary > div', { hasText: term }).first().innerText()).replace(/\s+/g, ' ');

async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
}

/**
 * A course provider in a browser without JavaScript on the real server: the administrator of a newly
 * registered library association starts a course approval application for the Technology set, is told
 * what an empty details form lacks, describes the course and maps every competency of the set (one
 * assessment left out, which the check page refuses by name), uploads the syllabus and a résumé (a
 * program renamed .pdf is refused), submits, and pays the fee on the test payment page.
 */
describe('a course provider applies for course approval', { timeout: 60_000 }, () => {
  let journey: Journey;
  let admin: Page;
  let adminAccount: Account;
  let base = '';
  const competencies: Array<{ id: string; topic: string }> = [];
  let number = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    adminAccount = await createAccount(journey, {
      email: 'avery.admin@prairie-libraries.example',
      displayName: 'Avery Admin',
      roles: ['candidate'],
    });
    admin = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('the administrator of a new organisation finds no course applications yet', async () => {
    await submitSignIn(admin, adminAccount.email, adminAccount.password);
    await registerProvider(admin, {
      name: ASSOCIATION,
      kind: 'State library association',
      region: 'IL',
      city: 'Springfield',
      contactEmail: 'courses@prairie-libraries.example',
    });
    await follow(admin, 'Courses', { within: admin.locator('header') });
    expect(path(admin)).toBe('/provider/courses');
    expect(await heading(admin)).toBe('Course applications');
    expect(await mainText(admin)).toContain('Your organisation has no course applications yet.');
    expect(await admin.locator('main table').count()).toBe(0);
  });

  it('starts an application for the Technology set; an empty details form is refused field by field', async () => {
    await follow(admin, 'Start a course application');
    expect(path(admin)).toBe('/provider/courses/new');
    await admin
      .getByLabel('Competency set the course covers', { exact: true })
      .selectOption({ label: 'TECH Technology' });
    await press(admin, 'Start the application');
    const id = /^\/provider\/courses\/([0-9a-f-]{36})$/.exec(path(admin))?.[1];
    expect(id, `on the new application: ${admin.url()}`).toBeTruthy();
    base = `/provider/courses/${id}`;
    expect(await flash(admin)).toBe('Course application started.');
    expect(await heading(admin)).toBe('New course application');
    const overview = await mainText(admin);
    expect(overview).toContain('Status: Draft');
    expect(overview).toContain(`Organisation: ${ASSOCIATION} · Competency set: TECH Technology`);
    expect(overview).toMatch(/0 of \d+ competencies with an assessment/);

    await follow(admin, 'Course details');
    expect(path(admin)).toBe(`${base}/details`);
    await press(admin, 'Save and continue', { status: 400 });
    expect(path(admin)).toBe(`${base}/details`);
    await expectErrorSummary(admin, [
      { label: 'Course title', message: /Enter the course title/ },
      { label: 'Description', message: /Enter a description of the course/ },
      { label: 'Face to face', message: /Choose how the course is delivered/ },
      { label: 'Yes, synchronous', message: /Say whether students attend at the same time/ },
      { label: 'Length', message: /Enter how long the course runs/ },
      { label: 'Contact hours', message: /Enter the contact hours as a number/ },
      { label: 'Where it runs', message: /Enter where the course runs/ },
      { label: 'Cost to students, in US dollars', message: /Enter the cost to students in dollars/ },
      { label: 'Registration link', message: /Enter the registration link/ },
      { label: 'Teaching methods', message: /Describe the teaching methods/ },
      { label: 'Assessment strategy', message: /Describe the assessment strategy/ },
    ]);
  });

  it('describes the course', async () => {
    const field = (label: string) => admin.getByLabel(label, { exact: true });
    await field('Course title').fill(TITLE);
    await field('Description').fill(
      'Eight weeks on the technology that library support staff use and teach.',
    );
    await field('Online').check();
    await field('No, at their own pace').check();
    await field('Length').fill('8 weeks');
    await field('Contact hours').fill('24');
    await field('Where it runs').fill('Online, from Springfield, IL');
    await field('Cost to students, in US dollars').fill('$249.50');
    await field('Registration link').fill('https://prairie-libraries.example/courses/technology');
    await field('Teaching methods').fill('Recorded lectures, weekly live sessions and hands-on exercises.');
    await field('Assessment strategy').fill('A graded exercise for each competency and a final project.');
    await press(admin, 'Save and continue');
    expect(path(admin)).toMatch(new RegExp(`^${base}/map/[^/]+$`));
    expect(await flash(admin)).toBe('Course details saved.');
  });

  it('maps every competency of the set, leaving one assessment out', async () => {
    // The form leads from one competency to the next; after the last it goes on to the files.
    for (let step = 1; !path(admin).endsWith('/files'); step++) {
      expect(step, 'more competencies than any set has').toBeLessThan(40);
      const [, id = '', topic = ''] = /^Competency (\S+): (.+)$/.exec(await heading(admin)) ?? [];
      expect(path(admin)).toBe(`${base}/map/${id}`);
      competencies.push({ id, topic });
      const total = /Competency (\d+) of (\d+)\./.exec(await mainText(admin));
      expect(Number(total?.[1])).toBe(step);
      await admin
        .getByLabel('Content that covers this competency', { exact: true })
        .fill(`Week ${step}: ${topic}.`);
      await admin.getByLabel('Readings (optional)', { exact: true }).fill(`Reading list for week ${step}.`);
      await admin
        .getByLabel('Assignments (optional)', { exact: true })
        .fill(`Exercise ${step}, handed in online.`);
      if (step !== LEFT_OUT_AT)
        await admin.getByLabel('Assessment', { exact: true }).fill(`Graded exercise ${step}.`);
      await press(admin, 'Save and continue');
      expect(await flash(admin)).toBe(`Competency ${id} saved.`);
    }
    expect(competencies.length).toBeGreaterThan(LEFT_OUT_AT);
    expect(competencies.every((c) => c.id.startsWith('TECH-'))).toBe(true);
  });

  it('uploads the syllabus and a résumé; a program renamed cv.pdf is refused', async () => {
    expect(path(admin)).toBe(`${base}/files`);
    expect(await heading(admin)).toBe('Syllabus and résumés');
    expect(await mainText(admin)).toContain('No files uploaded yet.');

    await upload(admin, 'Syllabus with readings', {
      name: 'syllabus.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await press(admin, 'Upload');
    expect(path(admin)).toBe(`${base}/files`);
    expect(await flash(admin)).toBe('syllabus.pdf uploaded.');

    await upload(admin, 'Instructor’s résumé', {
      name: 'jordan-lee.txt',
      mimeType: 'text/plain',
      buffer: RESUME,
    });
    await press(admin, 'Upload');
    expect(await flash(admin)).toBe('jordan-lee.txt uploaded.');

    await upload(admin, 'Instructor’s résumé', {
      name: 'cv.pdf',
      mimeType: 'application/pdf',
      buffer: PROGRAM,
    });
    await press(admin, 'Upload', { status: 400 });
    expect(path(admin)).toBe(`${base}/files`);
    await expectErrorSummary(admin, [{ label: 'File', message: /Programs cannot be uploaded/ }]);
    expect(await admin.locator('#f-file-error').innerText()).toContain(
      'This file is not a PDF, Word document or text file.',
    );
    // The kind chosen stays chosen; nothing of the program was kept.
    expect(await admin.getByLabel('Instructor’s résumé', { exact: true }).isChecked()).toBe(true);
    const rows = admin.getByRole('table', { name: 'Uploaded files' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const listed = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(listed[0]).toContain('syllabus.pdf Syllabus with readings');
    expect(listed[1]).toContain('jordan-lee.txt Instructor’s résumé');
    expect(listed.join(' ')).not.toContain('cv.pdf');
  });

  it('the check page refuses to submit, naming the competency without an assessment; it is then filled', async () => {
    const leftOut = competencies[LEFT_OUT_AT - 1]!;
    await follow(admin, 'Back to the course application');
    expect(path(admin)).toBe(base);
    expect(await heading(admin)).toBe(TITLE);
    expect(await mainText(admin)).toContain(
      `${competencies.length - 1} of ${competencies.length} competencies with an assessment`,
    );

    await follow(admin, 'Check and submit');
    expect(path(admin)).toBe(`${base}/check`);
    expect(await heading(admin)).toBe('Check your answers');
    expect(await summaryText(admin, leftOut.id)).toContain('Assessment: No assessment yet');
    await press(admin, 'Submit the course application', { status: 422 });
    const summary = admin.locator('.error-summary[role="alert"]');
    expect(await summary.count()).toBe(1);
    const problems = summary.getByRole('link');
    expect(await problems.count(), 'only the map is missing').toBe(1);
    expect(await problems.innerText()).toBe(
      `Add content and an assessment for every competency. Missing: ${leftOut.id} ${leftOut.topic}.`,
    );
    expect(await problems.getAttribute('href')).toBe('#f-map');
    expect(await admin.locator('#f-map').count()).toBe(1);
    expect(await admin.getByRole('button', { name: 'Pay', exact: false }).count()).toBe(0);

    await follow(admin, `Change competency ${leftOut.id}`);
    expect(path(admin)).toBe(`${base}/map/${leftOut.id}`);
    // What was saved is shown again; only the assessment is missing.
    expect(await admin.getByLabel('Content that covers this competency', { exact: true }).inputValue()).toBe(
      `Week ${LEFT_OUT_AT}: ${leftOut.topic}.`,
    );
    expect(await admin.getByLabel('Assessment', { exact: true }).inputValue()).toBe('');
    await admin.getByLabel('Assessment', { exact: true }).fill(`Graded exercise ${LEFT_OUT_AT}.`);
    await press(admin, 'Save and continue');
    expect(await flash(admin)).toBe(`Competency ${leftOut.id} saved.`);
  });

  it('checks the answers and submits; the course gets its CRS number and the mail is sent', async () => {
    await follow(admin, 'Back to the course application');
    const overview = await mainText(admin);
    expect(overview).toContain(
      `${competencies.length} of ${competencies.length} competencies with an assessment`,
    );
    expect(overview).not.toContain('Not completed');
    await follow(admin, 'Check and submit');
    expect(await heading(admin)).toBe('Check your answers');
    expect(await summaryText(admin, 'Title')).toContain(TITLE);
    expect(await summaryText(admin, 'Delivery')).toContain('Online');
    expect(await summaryText(admin, 'Synchronous')).toContain('No');
    expect(await summaryText(admin, 'Contact hours')).toContain('24');
    expect(await summaryText(admin, 'Cost to students')).toContain('$249.50');
    for (const [i, c] of competencies.entries()) {
      expect(await summaryText(admin, c.id)).toContain(`Assessment: Graded exercise ${i + 1}.`);
    }
    const text = await mainText(admin);
    expect(text).not.toContain('Not answered');
    expect(text).toContain('syllabus.pdf');
    expect(text).toContain('jordan-lee.txt');
    expect(text).toContain('Submitting charges the course approval fee of $100.00.');

    await press(admin, 'Submit the course application');
    expect(path(admin)).toBe(`${base}/check`);
    number = /Course application (CRS-\d{4}-\d{6}) submitted\./.exec(await flash(admin))?.[1] ?? '';
    expect(number).toMatch(/^CRS-2026-\d{6}$/);
    expect(await heading(admin)).toBe(`Course application ${number}`);
    expect(await mainText(admin)).toContain('The course approval fee of $100.00 is due: $100.00.');
    // Submitted: nothing can be changed any more.
    expect(await admin.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Submit the course application' }).count()).toBe(0);

    const mail = await latestMail(journey.url, adminAccount.email, 'course-application-received');
    expect(mail.subject).toBe(`We received course application ${number}`);
    expect(mail.text).toContain(`${ASSOCIATION} submitted the course "${TITLE}" for approval.`);
    expect(mail.text).toContain('The course approval fee is $100.00.');
    expect(mail.text).toContain(base);
  });

  it('pays the fee on the test payment page and returns to the submitted, paid application', async () => {
    await press(admin, 'Pay $100.00 by card');
    expect(path(admin)).toMatch(/^\/pay\/sandbox\/[0-9a-f-]{36}$/);
    // Clearly a test: a banner on the page and a plain statement in it.
    expect(await admin.getByRole('region', { name: 'Notice' }).innerText()).toContain(
      'Test payment: no real money is taken',
    );
    expect(await heading(admin)).toBe('Test payment');
    const sandbox = await mainText(admin);
    expect(sandbox).toContain('No card details are asked for and no real money is taken.');
    expect(sandbox).toContain(`For Course approval fee for ${number} Amount $100.00`);
    await press(admin, 'Pay (test card succeeds)');

    expect(path(admin)).toBe(base);
    expect(await flash(admin)).toBe(
      'Payment received. Thank you: course evaluators will now review the course.',
    );
    expect(await heading(admin)).toBe(TITLE);
    const text = await mainText(admin);
    expect(text).toContain(`Status: Submitted · Number: ${number}`);
    expect(text).toContain('The course approval fee of $100.00 is paid.');
    expect(text).not.toContain('Pay the fee');
    // The steps are read-only now; the answers stay viewable.
    expect(await admin.getByRole('link', { name: 'Course details' }).count()).toBe(0);
    await follow(admin, 'View the application');
    expect(await heading(admin)).toBe(`Course application ${number}`);
    expect(await admin.getByRole('button', { name: /^Pay/ }).count()).toBe(0);

    await follow(admin, 'Courses', { within: admin.locator('header') });
    const row = admin.getByRole('table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      `${TITLE} ${ASSOCIATION} ${number} Submitted`,
    );
  });
});
