import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { registerProvider } from './support/provider-steps.js';
import { admitCandidate } from './support/server-candidates.js';
import { authenticatorCode, createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const ASSOCIATION = 'Lakeshore Library Cooperative';
const TITLE = 'Cataloging Essentials';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
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

/** A course evaluator signs in with password and authenticator code; lands on their account page. */
async function signInAsEvaluator(page: Page, member: StaffMember) {
  await submitSignIn(page, member.email, member.password);
  expect(path(page)).toBe('/sign-in/mfa');
  await page.getByLabel('Code').fill(await authenticatorCode(member.totpSecret));
  await press(page, 'Continue');
  expect(path(page)).toBe('/account');
}

/**
 * A provider's course from registration to a candidate's credit. The provider registers, applies
 * for the smallest set (Cataloging, 8 competencies) with a full competency map, and pays; staff send
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

  it('the provider submits and pays for a course application', async () => {
    await submitSignIn(provider, providerAccount.email, providerAccount.password);
    await registerProvider(provider, {
      name: ASSOCIATION,
      kind: 'State library association',
      region: 'MI',
      city: 'Grand Rapids',
      contactEmail: 'courses@lakeshore-libraries.example',
    });
    await visit(provider, '/provider/courses/new');
    await provider
      .getByLabel('Competency set the course covers', { exact: true })
      .selectOption({ label: 'CAT Cataloging and Classification' });
    await press(provider, 'Start the application');
    applicationId = /^\/provider\/courses\/([0-9a-f-]{36})$/.exec(path(provider))?.[1] ?? '';
    expect(applicationId).not.toBe('');
    base = `/provider/courses/${applicationId}`;

    await follow(provider, 'Course details');
    const field = (label: string) => provider.getByLabel(label, { exact: true });
    await field('Course title').fill(TITLE);
    await field('Description').fill('Six weeks on describing and classifying library materials.');
    await field('Face to face').check();
    await field('Yes, synchronous').check();
    await field('Length').fill('6 weeks');
    await field('Contact hours').fill('18');
    await field('Where it runs').fill('Grand Rapids, MI');
    await field('Cost to students, in US dollars').fill('150');
    await field('Registration link').fill('https://lakeshore-libraries.example/courses/cataloging');
    await field('Teaching methods').fill('Lectures and hands-on cataloging practice.');
    await field('Assessment strategy').fill('A graded record for each competency.');
    await press(provider, 'Save and continue');

    for (let step = 1; !path(provider).endsWith('/files'); step++) {
      expect(step, 'more competencies than the set has').toBeLessThanOrEqual(8);
      await field('Content that covers this competency').fill(`Week ${step} content.`);
      await field('Assessment').fill(`Graded record ${step}.`);
      await press(provider, 'Save and continue');
    }

    await field('Syllabus with readings').check();
    await field('File').setInputFiles({ name: 'syllabus.pdf', mimeType: 'application/pdf', buffer: PDF });
    await press(provider, 'Upload');
    await field('Instructor’s résumé').check();
    await field('File').setInputFiles({ name: 'robin-park.txt', mimeType: 'text/plain', buffer: RESUME });
    await press(provider, 'Upload');
    expect(await flash(provider)).toBe('robin-park.txt uploaded.');

    await visit(provider, `${base}/check`);
    await press(provider, 'Submit the course application');
    number = /Course application (CRS-\d{4}-\d{6}) submitted\./.exec(await flash(provider))?.[1] ?? '';
    expect(number).toMatch(/^CRS-2026-\d{6}$/);
    await press(provider, 'Pay $100.00 by card');
    await press(provider, 'Pay (test card succeeds)');
    expect(path(provider)).toBe(base);
    expect(await mainText(provider)).toContain(`Status: Submitted · Number: ${number}`);
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
