import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { registerProvider } from './support/provider-steps.js';
import { admitCandidate } from './support/server-candidates.js';
import { authenticatorCode, createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const ASSOCIATION = 'Lakeshore Library Cooperative';
const TITLE = 'Cataloging Essentials';
/** The competency whose assessment is left out at first (its place in the set, counting from 1). */
const LEFT_OUT_AT = 3;
/** The smallest file the server takes as a whole PDF: the signature at the start, the end marker at the end. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
/** A Windows program ("MZ" header) renamed to look like a résumé. */
const PROGRAM = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126, 0x90)]);
const RESUME = Buffer.from('Robin Park\nCataloging instructor since 2012\n', 'utf8');
/** The rubric as the evaluator sees it: each criterion's legend and its first option (score 1). */
const RUBRIC = [
  { title: 'Competency coverage', first: '1: Several competencies are not covered.' },
  { title: 'Readings', first: '1: Readings are missing or out of date.' },
  { title: 'Assignments and assessments', first: '1: Assessments do not show the competencies are met.' },
  { title: 'Teaching methods', first: '1: Teaching methods do not suit the content.' },
  { title: 'Instructor qualifications', first: '1: The résumés do not show the needed expertise.' },
];

const path = (page: Page) => new URL(page.url()).pathname;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const flash = (page: Page) => page.locator('main [role="status"]').innerText();
const summaryText = async (page: Page, term: string) =>
  (await page.locator('dl.summary > div', { hasText: term }).first().innerText()).replace(/\s+/g, ' ');

async function upload(page: Page, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
}

/** A course evaluator signs in with password and authenticator code; lands on their account page. */
async function signInAsEvaluator(page: Page, member: StaffMember) {
  await submitSignIn(page, member.email, member.password);
  expect(path(page)).toBe('/sign-in/mfa');
  await page.getByLabel('Code').fill(await authenticatorCode(member.totpSecret));
  await press(page, 'Continue');
  expect(path(page)).toBe('/account');
}

/**
 * A provider's course from registration to a candidate's credit, in browsers without JavaScript on
 * the real server. The administrator of a newly registered association applies for the smallest set
 * (Cataloging, 8 competencies): is told what an empty details form lacks, maps every competency (one
 * assessment left out, which the check page refuses by name), uploads the syllabus and a résumé (a
 * program renamed .pdf is refused), submits and pays on the test payment page; staff send
 * it to two course evaluators, each told what an empty rubric lacks before scoring every criterion;
 * staff approve (four years from today). A visitor finds the course in the public catalog; the
 * provider's roster credits an admitted candidate, whose dashboard then shows the set achieved.
 */
describe('a provider’s course: approval, the catalog, and credit from a roster', { timeout: 90_000 }, () => {
  let journey: Journey;
  let provider: Page;
  let providerAccount: Account;
  let staff: Page;
  let staffMember: StaffMember;
  const evaluators: StaffMember[] = [];
  const competencies: Array<{ id: string; topic: string }> = [];
  let base = '';
  let applicationId = '';
  let number = '';
  let candidate: Account;
  let candidateNumber = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    providerAccount = await createAccount(journey, {
      email: 'casey.admin@lakeshore-libraries.example',
      displayName: 'Casey Admin',
      roles: ['candidate'],
    });
    staffMember = await createStaffMember(journey, {
      email: 'courses@lssc.example',
      displayName: 'Pat Courses',
    });
    for (const [i, name] of ['Morgan Reyes', 'Drew Okonkwo'].entries()) {
      evaluators.push(
        await createStaffMember(journey, {
          email: `evaluator${i + 1}@lssc.example`,
          displayName: name,
          roles: ['course_evaluator'],
        }),
      );
    }
    provider = await (await journey.newContext()).newPage();
    staff = await (await journey.newContext()).newPage();
    candidate = await createAccount(journey, {
      email: 'jordan.lee@herrick.example',
      displayName: 'Jordan Lee',
      roles: ['candidate'],
    });
    candidateNumber = await admitCandidate(journey, candidate, staffMember.email, {
      givenName: 'Jordan',
      familyName: 'Lee',
    });
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('the administrator of a new organisation finds no course applications yet', async () => {
    await submitSignIn(provider, providerAccount.email, providerAccount.password);
    await registerProvider(provider, {
      name: ASSOCIATION,
      kind: 'State library association',
      region: 'MI',
      city: 'Grand Rapids',
      contactEmail: 'courses@lakeshore-libraries.example',
    });
    await follow(provider, 'Courses', { within: provider.locator('header') });
    expect(path(provider)).toBe('/provider/courses');
    expect(await heading(provider)).toBe('Course applications');
    expect(await mainText(provider)).toContain('Your organisation has no course applications yet.');
    expect(await provider.locator('main table').count()).toBe(0);
  });

  it('starts an application for the Cataloging set (8 competencies); an empty details form is refused field by field', async () => {
    await follow(provider, 'Start a course application');
    expect(path(provider)).toBe('/provider/courses/new');
    await provider
      .getByLabel('Competency set the course covers', { exact: true })
      .selectOption({ label: 'CAT Cataloging and Classification' });
    await press(provider, 'Start the application');
    applicationId = /^\/provider\/courses\/([0-9a-f-]{36})$/.exec(path(provider))?.[1] ?? '';
    expect(applicationId, `on the new application: ${provider.url()}`).not.toBe('');
    base = `/provider/courses/${applicationId}`;
    expect(await flash(provider)).toBe('Course application started.');
    expect(await heading(provider)).toBe('New course application');
    const overview = await mainText(provider);
    expect(overview).toContain('Status: Draft');
    expect(overview).toContain(
      `Organisation: ${ASSOCIATION} · Competency set: CAT Cataloging and Classification`,
    );
    expect(overview).toMatch(/0 of \d+ competencies with an assessment/);

    await follow(provider, 'Course details');
    expect(path(provider)).toBe(`${base}/details`);
    await press(provider, 'Save and continue', { status: 400 });
    expect(path(provider)).toBe(`${base}/details`);
    await expectErrorSummary(provider, [
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
    const field = (label: string) => provider.getByLabel(label, { exact: true });
    await field('Course title').fill(TITLE);
    await field('Description').fill('Eight weeks on describing and classifying library materials.');
    await field('Online').check();
    await field('No, at their own pace').check();
    await field('Length').fill('8 weeks');
    await field('Contact hours').fill('24');
    await field('Where it runs').fill('Online, from Grand Rapids, MI');
    await field('Cost to students, in US dollars').fill('$249.50');
    await field('Registration link').fill('https://lakeshore-libraries.example/courses/cataloging');
    await field('Teaching methods').fill('Recorded lectures, weekly live sessions and hands-on exercises.');
    await field('Assessment strategy').fill('A graded exercise for each competency and a final project.');
    await press(provider, 'Save and continue');
    expect(path(provider)).toMatch(new RegExp(`^${base}/map/[^/]+$`));
    expect(await flash(provider)).toBe('Course details saved.');
  });

  it('maps every competency of the set, leaving one assessment out', async () => {
    // The form leads from one competency to the next; after the last it goes on to the files.
    for (let step = 1; !path(provider).endsWith('/files'); step++) {
      expect(step, 'more competencies than any set has').toBeLessThan(40);
      const [, id = '', topic = ''] = /^Competency (\S+): (.+)$/.exec(await heading(provider)) ?? [];
      expect(path(provider)).toBe(`${base}/map/${id}`);
      competencies.push({ id, topic });
      const total = /Competency (\d+) of (\d+)\./.exec(await mainText(provider));
      expect(Number(total?.[1])).toBe(step);
      await provider
        .getByLabel('Content that covers this competency', { exact: true })
        .fill(`Week ${step}: ${topic}.`);
      await provider
        .getByLabel('Readings (optional)', { exact: true })
        .fill(`Reading list for week ${step}.`);
      await provider
        .getByLabel('Assignments (optional)', { exact: true })
        .fill(`Exercise ${step}, handed in online.`);
      if (step !== LEFT_OUT_AT)
        await provider.getByLabel('Assessment', { exact: true }).fill(`Graded exercise ${step}.`);
      await press(provider, 'Save and continue');
      expect(await flash(provider)).toBe(`Competency ${id} saved.`);
    }
    expect(competencies.length).toBeGreaterThan(LEFT_OUT_AT);
    expect(competencies.every((c) => c.id.startsWith('CAT-'))).toBe(true);
  });

  it('uploads the syllabus and a résumé; a program renamed cv.pdf is refused', async () => {
    expect(path(provider)).toBe(`${base}/files`);
    expect(await heading(provider)).toBe('Syllabus and résumés');
    expect(await mainText(provider)).toContain('No files uploaded yet.');

    await upload(provider, 'Syllabus with readings', {
      name: 'syllabus.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await press(provider, 'Upload');
    expect(path(provider)).toBe(`${base}/files`);
    expect(await flash(provider)).toBe('syllabus.pdf uploaded.');

    await upload(provider, 'Instructor’s résumé', {
      name: 'robin-park.txt',
      mimeType: 'text/plain',
      buffer: RESUME,
    });
    await press(provider, 'Upload');
    expect(await flash(provider)).toBe('robin-park.txt uploaded.');

    await upload(provider, 'Instructor’s résumé', {
      name: 'cv.pdf',
      mimeType: 'application/pdf',
      buffer: PROGRAM,
    });
    await press(provider, 'Upload', { status: 400 });
    expect(path(provider)).toBe(`${base}/files`);
    await expectErrorSummary(provider, [{ label: 'File', message: /Programs cannot be uploaded/ }]);
    expect(await provider.locator('#f-file-error').innerText()).toContain(
      'This file is not a PDF, Word document or text file.',
    );
    // The kind chosen stays chosen; nothing of the program was kept.
    expect(await provider.getByLabel('Instructor’s résumé', { exact: true }).isChecked()).toBe(true);
    const rows = provider.getByRole('table', { name: 'Uploaded files' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const listed = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(listed[0]).toContain('syllabus.pdf Syllabus with readings');
    expect(listed[1]).toContain('robin-park.txt Instructor’s résumé');
    expect(listed.join(' ')).not.toContain('cv.pdf');
  });

  it('the check page refuses to submit, naming the competency without an assessment; it is then filled', async () => {
    const leftOut = competencies[LEFT_OUT_AT - 1]!;
    await follow(provider, 'Back to the course application');
    expect(path(provider)).toBe(base);
    expect(await heading(provider)).toBe(TITLE);
    expect(await mainText(provider)).toContain(
      `${competencies.length - 1} of ${competencies.length} competencies with an assessment`,
    );

    await follow(provider, 'Check and submit');
    expect(path(provider)).toBe(`${base}/check`);
    expect(await heading(provider)).toBe('Check your answers');
    expect(await summaryText(provider, leftOut.id)).toContain('Assessment: No assessment yet');
    await press(provider, 'Submit the course application', { status: 422 });
    const summary = provider.locator('.error-summary[role="alert"]');
    expect(await summary.count()).toBe(1);
    const problems = summary.getByRole('link');
    expect(await problems.count(), 'only the map is missing').toBe(1);
    expect(await problems.innerText()).toBe(
      `Add content and an assessment for every competency. Missing: ${leftOut.id} ${leftOut.topic}.`,
    );
    expect(await problems.getAttribute('href')).toBe('#f-map');
    expect(await provider.locator('#f-map').count()).toBe(1);
    expect(await provider.getByRole('button', { name: 'Pay', exact: false }).count()).toBe(0);

    await follow(provider, `Change competency ${leftOut.id}`);
    expect(path(provider)).toBe(`${base}/map/${leftOut.id}`);
    // What was saved is shown again; only the assessment is missing.
    expect(
      await provider.getByLabel('Content that covers this competency', { exact: true }).inputValue(),
    ).toBe(`Week ${LEFT_OUT_AT}: ${leftOut.topic}.`);
    expect(await provider.getByLabel('Assessment', { exact: true }).inputValue()).toBe('');
    await provider.getByLabel('Assessment', { exact: true }).fill(`Graded exercise ${LEFT_OUT_AT}.`);
    await press(provider, 'Save and continue');
    expect(await flash(provider)).toBe(`Competency ${leftOut.id} saved.`);
  });

  it('checks the answers and submits; the course gets its CRS number and the mail is sent', async () => {
    await follow(provider, 'Back to the course application');
    const overview = await mainText(provider);
    expect(overview).toContain(
      `${competencies.length} of ${competencies.length} competencies with an assessment`,
    );
    expect(overview).not.toContain('Not completed');
    await follow(provider, 'Check and submit');
    expect(await heading(provider)).toBe('Check your answers');
    expect(await summaryText(provider, 'Title')).toContain(TITLE);
    expect(await summaryText(provider, 'Delivery')).toContain('Online');
    expect(await summaryText(provider, 'Synchronous')).toContain('No');
    expect(await summaryText(provider, 'Contact hours')).toContain('24');
    expect(await summaryText(provider, 'Cost to students')).toContain('$249.50');
    for (const [i, c] of competencies.entries()) {
      expect(await summaryText(provider, c.id)).toContain(`Assessment: Graded exercise ${i + 1}.`);
    }
    const text = await mainText(provider);
    expect(text).not.toContain('Not answered');
    expect(text).toContain('syllabus.pdf');
    expect(text).toContain('robin-park.txt');
    expect(text).toContain('Submitting charges the course approval fee of $100.00.');

    await press(provider, 'Submit the course application');
    expect(path(provider)).toBe(`${base}/check`);
    number = /Course application (CRS-\d{4}-\d{6}) submitted\./.exec(await flash(provider))?.[1] ?? '';
    expect(number).toMatch(/^CRS-2026-\d{6}$/);
    expect(await heading(provider)).toBe(`Course application ${number}`);
    expect(await mainText(provider)).toContain('The course approval fee of $100.00 is due: $100.00.');
    // Submitted: nothing can be changed any more.
    expect(await provider.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    expect(await provider.getByRole('button', { name: 'Submit the course application' }).count()).toBe(0);

    const mail = await latestMail(journey.url, providerAccount.email, 'course-application-received');
    expect(mail.subject).toBe(`We received course application ${number}`);
    expect(mail.text).toContain(`${ASSOCIATION} submitted the course "${TITLE}" for approval.`);
    expect(mail.text).toContain('The course approval fee is $100.00.');
    expect(mail.text).toContain(base);
  });

  it('pays the fee on the test payment page and returns to the submitted, paid application', async () => {
    await press(provider, 'Pay $100.00 by card');
    expect(path(provider)).toMatch(/^\/pay\/sandbox\/[0-9a-f-]{36}$/);
    // Clearly a test: a banner on the page and a plain statement in it.
    expect(await provider.getByRole('region', { name: 'Notice' }).innerText()).toContain(
      'Test payment: no real money is taken',
    );
    expect(await heading(provider)).toBe('Test payment');
    const sandbox = await mainText(provider);
    expect(sandbox).toContain('No card details are asked for and no real money is taken.');
    expect(sandbox).toContain(`For Course approval fee for ${number} Amount $100.00`);
    await press(provider, 'Pay (test card succeeds)');

    expect(path(provider)).toBe(base);
    expect(await flash(provider)).toBe(
      'Payment received. Thank you: course evaluators will now review the course.',
    );
    expect(await heading(provider)).toBe(TITLE);
    const text = await mainText(provider);
    expect(text).toContain(`Status: Submitted · Number: ${number}`);
    expect(text).toContain('The course approval fee of $100.00 is paid.');
    expect(text).not.toContain('Pay the fee');
    // The steps are read-only now; the answers stay viewable.
    expect(await provider.getByRole('link', { name: 'Course details' }).count()).toBe(0);
    await follow(provider, 'View the application');
    expect(await heading(provider)).toBe(`Course application ${number}`);
    expect(await provider.getByRole('button', { name: /^Pay/ }).count()).toBe(0);

    await follow(provider, 'Courses', { within: provider.locator('header') });
    const row = provider.getByRole('table').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      `${TITLE} ${ASSOCIATION} ${number} Submitted`,
    );
  });

  it('staff find the application and send it to two course evaluators', async () => {
    await signInAsStaff(staff, staffMember);
    await follow(staff, 'Course applications');
    expect(path(staff)).toBe('/staff/course-applications');
    const row = staff.getByRole('table').locator('tbody tr', { hasText: number });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      `${number} ${TITLE} ${ASSOCIATION} Submitted`,
    );
    await follow(staff, number);
    expect(path(staff)).toBe(`/staff/course-applications/${applicationId}`);
    expect(await heading(staff)).toBe(`Course application ${number}: ${TITLE}`);
    expect(await mainText(staff)).toContain('No evaluators are assigned yet.');

    for (const [i, e] of evaluators.entries()) {
      await staff
        .getByLabel(`Evaluator ${i + 1}`, { exact: true })
        .selectOption({ label: `${e.displayName} (${e.email})` });
    }
    await press(staff, 'Send for evaluation');
    expect(await flash(staff)).toBe('Sent to the course evaluators.');
    const text = await mainText(staff);
    for (const e of evaluators) expect(text).toContain(`${e.displayName}: due`);
    expect(text).toContain('not submitted yet');
    expect(await staff.getByRole('button', { name: 'Send for evaluation' }).count()).toBe(0);
  });

  for (const n of [1, 2]) {
    it(`evaluator ${n} is told what an empty rubric lacks, then scores it and recommends approval`, async () => {
      const member = evaluators[n - 1]!;
      const page = await (await journey.newContext()).newPage();
      await signInAsEvaluator(page, member);
      await follow(page, 'Evaluations', { within: page.locator('header') });
      expect(path(page)).toBe('/evaluations');
      expect(await heading(page)).toBe('Course evaluations');
      const row = page.getByRole('table').locator('tbody tr');
      expect(await row.count()).toBe(1);
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(`${number} ${TITLE} ${ASSOCIATION}`);
      expect(await row.innerText()).toContain('To do');
      await follow(page, `${number} ${TITLE}`);
      expect(path(page)).toBe(`/evaluations/${applicationId}`);
      expect(await heading(page)).toBe(`Evaluate ${number}: ${TITLE}`);

      await press(page, 'Submit my evaluation', { status: 400 });
      expect(path(page)).toBe(`/evaluations/${applicationId}`);
      // One link per criterion, naming it, each leading to that criterion's first score.
      const summary = page.locator('.error-summary[role="alert"]');
      for (const c of RUBRIC) {
        const message = `Choose a score from 1 to 4 for ${c.title.toLowerCase()}.`;
        const link = summary.getByRole('link', { name: message, exact: true });
        const id = (await link.getAttribute('href'))?.slice(1) ?? '';
        expect(await page.getByLabel(c.first, { exact: true }).getAttribute('id')).toBe(id);
        const group = page.getByRole('group', { name: c.title, exact: true });
        expect(await group.locator('.error-message').innerText()).toContain(message);
      }
      await expectErrorSummary(page, [{ label: 'Approve', message: /Choose a recommendation/ }]);

      for (const c of RUBRIC) {
        await page
          .getByRole('group', { name: c.title, exact: true })
          .getByLabel(n === 1 ? /^4:/ : /^3:/)
          .check();
      }
      await page.getByLabel('Approve', { exact: true }).check();
      await page.getByLabel('Comments', { exact: true }).fill(`Clear map and fitting assessments (${n}).`);
      await press(page, 'Submit my evaluation');
      expect(path(page)).toBe(`/evaluations/${applicationId}`);
      expect(await flash(page)).toBe('Your evaluation is submitted. Thank you.');
      const text = await mainText(page);
      expect(text).toContain('You recommend: Approve.');
      expect(text).toContain(n === 1 ? 'Another evaluator has not submitted yet.' : 'Recommends: Approve.');
      const scores = page.getByRole('table', { name: 'Your scores' });
      expect((await scores.innerText()).replace(/\s+/g, ' ')).toContain(
        `Competency coverage ${n === 1 ? 4 : 3} of 4`,
      );
      await page.context().close();
    });
  }

  it('staff approve with a comment; the provider sees the approval and until when it runs', async () => {
    await visit(staff, `/staff/course-applications/${applicationId}`);
    const text = await mainText(staff);
    expect(text).toContain('Average total score 17.5 of 20; the evaluators agree.');
    for (const e of evaluators) expect(text).toContain(`${e.displayName}: due`);
    expect(text).toContain('submitted, recommends approve');
    await staff.getByLabel('Approve', { exact: true }).check();
    await staff
      .getByLabel('Comments for the provider', { exact: true })
      .fill('Approved: a well mapped course.');
    await press(staff, 'Record the decision');
    expect(await flash(staff)).toBe('Decision recorded.');
    const decided = await mainText(staff);
    expect(decided).toContain('Approved on 28 November 2026, until 28 November 2030.');
    expect(decided).toContain('Decision comment: Approved: a well mapped course.');
    expect(await staff.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);

    await visit(provider, base);
    expect(await heading(provider)).toBe(TITLE);
    const page = await mainText(provider);
    expect(page).toContain(`Status: Approved · Number: ${number}`);
    expect(page).toContain('Approved on 28 November 2026. The approval runs until 28 November 2030.');
  });

  it('a visitor finds the approved course in the public catalog, with its provider', async () => {
    const visitor = await (await journey.newContext()).newPage();
    await visit(visitor, '/');
    await follow(visitor, 'Course catalog');
    expect(path(visitor)).toBe('/catalog');
    expect(await heading(visitor)).toBe('Approved course catalog');
    await visitor.getByLabel('Search words', { exact: true }).fill('cataloging');
    await visitor
      .getByLabel('Competency set', { exact: true })
      .selectOption({ label: 'CAT Cataloging and Classification' });
    await press(visitor, 'Search');
    expect(path(visitor)).toBe('/catalog');
    expect(await mainText(visitor)).toContain(ASSOCIATION);
    await follow(visitor, TITLE);
    expect(path(visitor)).toBe(`/catalog/courses/${number}`);
    expect(await heading(visitor)).toBe(TITLE);
    const text = await mainText(visitor);
    expect(text).toContain('Cataloging and Classification');
    expect(text).toContain('28 November 2030');
    await follow(visitor, ASSOCIATION);
    expect(path(visitor)).toMatch(/^\/catalog\/providers\/[0-9a-f-]{36}$/);
    expect(await heading(visitor)).toBe(ASSOCIATION);
    expect(await mainText(visitor)).toContain(TITLE);
    await visitor.context().close();
  });

  it('the provider’s roster credits the admitted candidate; one row not found is held', async () => {
    await visit(provider, '/provider');
    await follow(provider, 'Rosters', { within: provider.locator('header') });
    expect(path(provider)).toBe('/provider/rosters');
    await visit(provider, '/provider/rosters/new');
    expect(await heading(provider)).toBe('Report course completions');
    const csv = [
      'candidate,name,course,completed_on,passed',
      `${candidateNumber},Jordan Lee,${number},2026-11-20,yes`,
      `sam.doe@elsewhere.example,Sam Doe,${number},2026-11-21,yes`,
      `${candidateNumber},Jordan Lee,${number},2026-13-40,yes`,
    ].join('\r\n');
    await provider
      .getByLabel('Roster file (CSV)', { exact: true })
      .setInputFiles({ name: 'november.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await press(provider, 'Upload and preview');
    expect(path(provider)).toMatch(/^\/provider\/rosters\/[0-9a-f-]{36}$/);
    expect(await flash(provider)).toBe(
      'Roster uploaded: 3 rows read. Nothing is recorded until you confirm it.',
    );
    const preview = await mainText(provider);
    expect(preview).toContain('Nothing has been recorded yet.');
    expect(preview).toContain('Matched: 1');
    expect(preview).toContain('Candidate not found: 1');
    expect(preview).toContain('Not valid: 1');
    await press(provider, 'Confirm and record 1 completion');
    expect(await flash(provider)).toBe(
      'Roster confirmed: 1 completion recorded, 1 row held until the candidate is found.',
    );

    const page = await (await journey.newContext()).newPage();
    await submitSignIn(page, candidate.email, candidate.password);
    await visit(page, '/dashboard');
    const row = page.getByRole('row', { name: /Cataloging and Classification/ });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      'Achieved on 20 November 2026 by an approved course',
    );
    await page.context().close();
  });
});
