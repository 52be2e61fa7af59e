import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { insertAchievementsOnce } from '../../src/modules/completions/credit-repository.js';
import { decideCompletionClaim } from '../../src/modules/completions/use-cases/decide-completion-claim.js';
import { submitCompletionClaim } from '../../src/modules/completions/use-cases/submit-completion-claim.js';
import { courseRubric } from '../../src/modules/courses/rules/rubric.js';
import { assignCourseEvaluators } from '../../src/modules/courses/use-cases/assign-course-evaluators.js';
import { decideCourseApplication } from '../../src/modules/courses/use-cases/decide-course-application.js';
import { saveCompetencyMapEntry } from '../../src/modules/courses/use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../../src/modules/courses/use-cases/save-course-details.js';
import { startCourseApplication } from '../../src/modules/courses/use-cases/start-course-application.js';
import { startCourseCheckout } from '../../src/modules/courses/use-cases/start-course-checkout.js';
import { submitCourseApplication } from '../../src/modules/courses/use-cases/submit-course-application.js';
import { submitCourseEvaluation } from '../../src/modules/courses/use-cases/submit-course-evaluation.js';
import { uploadCourseFile } from '../../src/modules/courses/use-cases/upload-course-file.js';
import { completeSandboxCheckout } from '../../src/modules/payments/use-cases/complete-sandbox-checkout.js';
import { findActiveFramework } from '../../src/modules/policy/repository.js';
import { registerProvider } from '../../src/modules/providers/use-cases/register-provider.js';
import { type Ctx, systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { createAccount } from './account-steps.js';
import type { Journey } from './browser.js';
import { ctxOf } from './server-candidates.js';

export const PROOF_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** A provider with an administrator, and two course evaluators, to approve courses with. */
export interface CourseOffice {
  staffEmail: string;
  adminEmail: string;
  evaluatorEmails: string[];
}

/** The provider and the course evaluators, made with the real use cases in the journey's server. */
export async function courseOffice(journey: Journey, staffEmail: string): Promise<CourseOffice> {
  const evaluators = [
    { email: 'eval.one@lssc.example', displayName: 'Morgan Reyes' },
    { email: 'eval.two@lssc.example', displayName: 'Drew Okonkwo' },
  ];
  for (const e of evaluators) await createAccount(journey, { ...e, roles: ['course_evaluator'] });
  const admin = await createAccount(journey, {
    email: 'dana.admin@riverbend.example',
    displayName: 'Dana Admin',
    roles: ['candidate'],
  });
  await registerProvider(await ctxOf(journey, admin.email, ['candidate']), {
    name: 'Riverbend Library Cooperative',
    type: 'regional_cooperative',
    country: 'US',
    region: 'OH',
    city: 'Dayton',
    contactEmail: 'courses@riverbend.example',
  });
  return { staffEmail, adminEmail: admin.email, evaluatorEmails: evaluators.map((e) => e.email) };
}

/**
 * One course for a competency set, through the whole approval (application, fee, two evaluations,
 * staff decision) with the real use cases. Returns its number (CRS-YYYY-NNNNNN) for the catalog.
 */
export async function approvedCourse(
  journey: Journey,
  office: CourseOffice,
  setId: string,
  title: string,
): Promise<string> {
  const as = await ctxOf(journey, office.adminEmail, ['candidate', 'provider_member']);
  const staff = await ctxOf(journey, office.staffEmail, ['staff']);
  const set = (await findActiveFramework(journey.services.db))!.framework.framework.sets.find(
    (s) => s.id === setId,
  )!;
  const { id } = await startCourseApplication(as, { setId });
  await saveCourseDetails(as, id, {
    title,
    description: `Four weeks on ${set.title.toLowerCase()} for library support staff.`,
    delivery: 'online',
    synchronous: false,
    length: '4 weeks',
    contactHours: 12,
    locations: 'Online',
    costToStudentsCents: 9000,
    registrationUrl: 'https://riverbend.example/courses',
    teachingMethods: 'Recorded lectures and practice tasks.',
    assessmentStrategy: 'A graded project with a rubric.',
  });
  for (const c of set.competencies)
    await saveCompetencyMapEntry(as, id, c.id, { content: `Unit on ${c.topic}`, assessment: 'Graded task' });
  for (const kind of ['syllabus', 'resume'] as const)
    await uploadCourseFile(as, id, {
      kind,
      file: { fileName: `${kind}.pdf`, bytes: PROOF_PDF, truncated: false },
    });
  await submitCourseApplication(as, id);
  const checkout = await startCourseCheckout(as, id);
  await completeSandboxCheckout(as, checkout.checkoutId, { choice: 'pay' });
  const evaluators = [];
  for (const email of office.evaluatorEmails)
    evaluators.push(await ctxOf(journey, email, ['course_evaluator']));
  await assignCourseEvaluators(staff, id, { evaluatorIds: evaluators.map(userIdOf) });
  const scores = Object.fromEntries(courseRubric.map((c) => [c.id, 3]));
  for (const e of evaluators)
    await submitCourseEvaluation(e, id, { scores, recommendation: 'approve', comment: '' });
  return (await decideCourseApplication(staff, id, { decision: 'approve' })).number!;
}

/**
 * Course credit the way a candidate earns it without a roster: they report the completion with a
 * proof, and staff verify it (both real use cases), which records the set by course.
 */
export async function creditedByClaim(
  journey: Journey,
  o: { candidateEmail: string; staffEmail: string; courseNumber: string; completedOn: string },
): Promise<void> {
  const claim = await submitCompletionClaim(await ctxOf(journey, o.candidateEmail, ['candidate']), {
    courseNumber: o.courseNumber,
    completedOn: o.completedOn,
    note: null,
    file: { fileName: 'certificate.pdf', bytes: PROOF_PDF, truncated: false },
  });
  await decideCompletionClaim(
    await ctxOf(journey, o.staffEmail, ['staff']),
    claim.id,
    { decision: 'confirm' },
    'staff',
  );
}

/**
 * Sets achieved by portfolio, recorded with the repository call the portfolio decision makes
 * (insertAchievementsOnce, with the same audit event). The whole evaluation behind it (evidence
 * for every competency, the fee, two evaluators' ratings) has its own journey; walking it twice
 * here would cost most of this file's time for nothing this journey checks.
 */
export async function achievedByPortfolio(
  journey: Journey,
  candidateEmail: string,
  sets: ReadonlyArray<{ setId: string; on: string; portfolioNumber: string }>,
): Promise<void> {
  const candidateId = userIdOf(await ctxOf(journey, candidateEmail, ['candidate']));
  await transact(systemCtx(journey.services, 'e2e-portfolio'), async (w) => {
    const now = journey.services.clock.now();
    for (const s of sets) {
      await insertAchievementsOnce(w.tx, [
        {
          id: uuidv7(now.getTime()),
          candidateId,
          setId: s.setId,
          how: 'portfolio',
          achievedOn: s.on,
          sourceRef: s.portfolioNumber,
          createdAt: now,
        },
      ]);
      await w.audit({
        action: 'set_achievement.recorded',
        subjectType: 'candidate',
        subjectId: candidateId,
        after: { setId: s.setId, how: 'portfolio', achievedOn: s.on, source: s.portfolioNumber },
      });
    }
  });
}

function userIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new Error('expected a signed-in user');
  return ctx.actor.userId;
}

/** Click a link that downloads a file (no page load); returns the file's name and bytes. */
export async function downloadByLink(page: Page, name: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  const file = await download.path();
  return { fileName: download.suggestedFilename(), bytes: await readFile(file) };
}
