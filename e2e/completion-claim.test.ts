import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/accounts/use-cases/create-user.js';
import { courseRubric } from '../src/modules/courses/rules/rubric.js';
import { assignCourseEvaluators } from '../src/modules/courses/use-cases/assign-course-evaluators.js';
import { decideCourseApplication } from '../src/modules/courses/use-cases/decide-course-application.js';
import { saveCompetencyMapEntry } from '../src/modules/courses/use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../src/modules/courses/use-cases/save-course-details.js';
import { startCourseApplication } from '../src/modules/courses/use-cases/start-course-application.js';
import { startCourseCheckout } from '../src/modules/courses/use-cases/start-course-checkout.js';
import { submitCourseApplication } from '../src/modules/courses/use-cases/submit-course-application.js';
import { submitCourseEvaluation } from '../src/modules/courses/use-cases/submit-course-evaluation.js';
import { uploadCourseFile } from '../src/modules/courses/use-cases/upload-course-file.js';
import { completeSandboxCheckout } from '../src/modules/payments/use-cases/complete-sandbox-checkout.js';
import { findActiveFramework } from '../src/modules/policy/repository.js';
import { registerProvider } from '../src/modules/providers/use-cases/register-provider.js';
import { type Ctx, type Role, systemCtx } from '../src/platform/context.js';
import { submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { admitCandidate } from './support/server-candidates.js';

const PASSWORD = 'reading room lantern 2026';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const PROGRAM = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const PROVIDER = 'Riverbend Library Cooperative';
const TITLE = 'Reference Interview Basics';

const path = (page: Page) => new URL(page.url()).pathname;
const flash = (page: Page) => page.locator('main [role="status"]').innerText();

/** A person made by the program office, and a use-case context acting as them (MFA passed). */
async function person(j: Journey, email: string, displayName: string, roles: Role[]) {
  const user = await createUser(systemCtx(j.services, 'e2e'), {
    email,
    displayName,
    password: PASSWORD,
    roles,
  });
  const ctx = (more: Role[] = []): Ctx => ({
    ...j.services,
    requestId: null,
    actor: {
      kind: 'user',
      userId: user.id,
      email,
      displayName,
      roles: [...roles, ...more],
      emailVerified: true,
      mfaVerified: true,
      mfaEnrolled: false,
      via: 'session',
    },
  });
  return { id: user.id, email, displayName, ctx };
}

/** The whole course approval, through the real use cases: the catalog then lists the course. */
async function approvedCourse(j: Journey): Promise<string> {
  const staff = await person(j, 'claims.staff@lssc.example', 'Pat Staff', ['staff']);
  const evaluators = [
    await person(j, 'eval.one@lssc.example', 'Morgan Reyes', ['course_evaluator']),
    await person(j, 'eval.two@lssc.example', 'Drew Okonkwo', ['course_evaluator']),
  ];
  const admin = await person(j, 'dana.admin@riverbend.example', 'Dana Admin', ['candidate']);
  await registerProvider(admin.ctx(), {
    name: PROVIDER,
    type: 'regional_cooperative',
    country: 'US',
    region: 'OH',
    city: 'Dayton',
    contactEmail: 'courses@riverbend.example',
  });
  const as = admin.ctx(['provider_member']);
  const set = (await findActiveFramework(j.services.db))!.framework.framework.sets[0]!;
  const { id } = await startCourseApplication(as, { setId: set.id });
  await saveCourseDetails(as, id, {
    title: TITLE,
    description: 'Four weeks on finding out what library users really need.',
    delivery: 'online',
    synchronous: false,
    length: '4 weeks',
    contactHours: 12,
    locations: 'Online',
    costToStudentsCents: 9000,
    registrationUrl: 'https://riverbend.example/courses/reference',
    teachingMethods: 'Recorded lectures and role play.',
    assessmentStrategy: 'A recorded interview, graded with a rubric.',
  });
  for (const c of set.competencies)
    await saveCompetencyMapEntry(as, id, c.id, { content: `Unit on ${c.topic}`, assessment: 'Graded task' });
  await uploadCourseFile(as, id, {
    kind: 'syllabus',
    file: { fileName: 'syllabus.pdf', bytes: PDF, truncated: false },
  });
  await uploadCourseFile(as, id, {
    kind: 'resume',
    file: { fileName: 'cv.pdf', bytes: PDF, truncated: false },
  });
  await submitCourseApplication(as, id);
  const checkout = await startCourseCheckout(as, id);
  await completeSandboxCheckout(as, checkout.checkoutId, { choice: 'pay' });
  await assignCourseEvaluators(staff.ctx(), id, { evaluatorIds: evaluators.map((e) => e.id) });
  const scores = Object.fromEntries(courseRubric.map((c) => [c.id, 3]));
  for (const e of evaluators)
    await submitCourseEvaluation(e.ctx(), id, { scores, recommendation: 'approve', comment: '' });
  const approved = await decideCourseApplication(staff.ctx(), id, { decision: 'approve' });
  return approved.number!;
}

/** A candidate whose application is submitted, paid and admitted by staff. */
async function admittedCandidate(j: Journey) {
  const staff = await person(j, 'admissions@lssc.example', 'Lee Admissions', ['staff']);
  const c = await person(j, 'ines.park@library.example', 'Ines Park', ['candidate']);
  const account = { email: c.email, displayName: c.displayName, password: PASSWORD };
  const number = await admitCandidate(j, account, staff.email, { givenName: 'Ines', familyName: 'Park' });
  return { ...c, number };
}

/**
 * An admitted candidate took an approved course the provider never reported. She reports it with
 * her certificate (after a program renamed .pdf is refused), a member of the provider confirms it
 * from the claims list, and her dashboard shows the competency set achieved by the course.
 */
describe('a candidate reports a completed course and the provider confirms it', { timeout: 90_000 }, () => {
  let journey: Journey;
  let candidate: Page;
  let provider: Page;
  let number = '';
  let ines: Awaited<ReturnType<typeof admittedCandidate>>;

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    number = await approvedCourse(journey);
    ines = await admittedCandidate(journey);
    candidate = await (await journey.newContext()).newPage();
    provider = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('the candidate reports the course with her certificate', async () => {
    await submitSignIn(candidate, ines.email, PASSWORD);
    await visit(candidate, '/dashboard');
    await follow(candidate, 'Report a course you completed');
    expect(path(candidate)).toBe('/completions/claim');

    await press(candidate, 'Send the report', { status: 400 });
    await expectErrorSummary(candidate, [
      { label: 'Course number', message: /Enter the course number/ },
      { label: 'Date you completed the course', message: /Enter the date you completed the course/ },
      { label: 'Proof of completion', message: /Choose the file that proves/ },
    ]);

    await candidate.getByLabel('Course number').fill(number);
    await candidate.getByLabel('Date you completed the course').fill('2026-11-27');
    await candidate
      .getByLabel('Proof of completion')
      .setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: PROGRAM });
    await press(candidate, 'Send the report', { status: 400 });
    await expectErrorSummary(candidate, [
      { label: 'Proof of completion', message: /Programs cannot be uploaded/ },
    ]);
    expect(await candidate.getByLabel('Course number').inputValue()).toBe(number);

    await candidate
      .getByLabel('Proof of completion')
      .setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: PDF });
    await candidate.getByLabel('Note for the provider (optional)').fill('I took the spring online session.');
    await press(candidate, 'Send the report');
    expect(path(candidate)).toBe('/completions');
    expect(await flash(candidate)).toContain(`We asked the provider to confirm that you completed ${number}`);
    const text = await mainText(candidate);
    expect(text).toContain(`${number} ${TITLE}`);
    expect(text).toContain('Waiting for confirmation');
    expect((await latestMail(journey.url, ines.email, 'completion-claim-acknowledged')).subject).toBe(
      `We received your report of ${number}`,
    );
  });

  it('the provider finds the claim, looks at it and confirms it', async () => {
    await submitSignIn(provider, 'dana.admin@riverbend.example', PASSWORD);
    await follow(provider, 'Claims', { within: provider.locator('header') });
    expect(path(provider)).toBe('/provider/claims');
    const row = provider.getByRole('table').locator('tbody tr', { hasText: ines.displayName });
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowText).toContain(ines.number);
    expect(rowText).toContain(number);
    expect(rowText).toContain('I took the spring online session.');
    expect(rowText).toContain('Since today');
    await follow(provider, ines.displayName);
    expect(await provider.getByRole('heading', { level: 1 }).innerText()).toBe(
      `Completion claim: ${ines.displayName}, ${number}`,
    );
    await provider.getByLabel('Confirm: they completed it', { exact: true }).check();
    await press(provider, 'Record the decision');
    expect(path(provider)).toBe('/provider/claims');
    expect(await flash(provider)).toContain(`Claim confirmed: ${ines.displayName}, ${number}. It counts`);
    expect(await mainText(provider)).toContain('No claims are waiting for you.');
  });

  it('the candidate’s dashboard shows the set achieved by the course', async () => {
    await visit(candidate, '/dashboard');
    expect(await mainText(candidate)).toContain('Achieved on 27 November 2026 by an approved course');
    await follow(candidate, 'Courses', { within: candidate.locator('header') });
    const text = await mainText(candidate);
    expect(text).toContain('Confirmed');
    expect(text).toContain('Counts toward certification');
    const mail = await latestMail(journey.url, ines.email, 'completion-claim-confirmed');
    expect(mail.text).toContain('It counts toward your certification.');
  });
});
