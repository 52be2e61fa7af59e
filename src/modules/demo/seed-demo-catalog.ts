import { addDays } from '../../lib/calendar-date.js';
import type { Actor, Ctx, Role } from '../../platform/context.js';
import { createUser } from '../accounts/use-cases/create-user.js';
import { addOffering } from '../catalog/use-cases/add-offering.js';
import { listCoursesOfApplication } from '../courses/approved-course-repository.js';
import { courseRubric } from '../courses/rules/rubric.js';
import { assignCourseEvaluators } from '../courses/use-cases/assign-course-evaluators.js';
import { decideCourseApplication } from '../courses/use-cases/decide-course-application.js';
import { saveCompetencyMapEntry } from '../courses/use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../courses/use-cases/save-course-details.js';
import { startCourseApplication } from '../courses/use-cases/start-course-application.js';
import { startCourseCheckout } from '../courses/use-cases/start-course-checkout.js';
import { submitCourseApplication } from '../courses/use-cases/submit-course-application.js';
import { submitCourseEvaluation } from '../courses/use-cases/submit-course-evaluation.js';
import { uploadCourseFile } from '../courses/use-cases/upload-course-file.js';
import { completeSandboxCheckout } from '../payments/use-cases/complete-sandbox-checkout.js';
import { findSet } from '../policy/framework.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo-accounts.js';

/** A second course evaluator: every course application needs two. */
export const DEMO_SECOND_EVALUATOR = {
  email: 'course.evaluator2@demo.lssc.example',
  name: 'Casey Evaluator',
} as const;

interface DemoCourse {
  setId: string;
  title: string;
  description: string;
  delivery: 'online' | 'face_to_face' | 'both';
  synchronous: boolean;
  length: string;
  contactHours: number;
  locations: string;
  costToStudentsCents: number;
  /** Days from today to the first and last day, and where (null: online). */
  sessions: Array<[number, number, [city: string, state: string] | null]>;
}

const courses: DemoCourse[] = [
  {
    setId: 'foundations',
    title: 'Foundations of Library Service',
    description:
      'The values, history and daily work of libraries: service to every user, intellectual freedom, privacy, and how a library is organised and funded.',
    delivery: 'both',
    synchronous: true,
    length: '8 weeks',
    contactHours: 24,
    locations: 'Springfield, IL and online',
    costToStudentsCents: 25000,
    sessions: [
      [35, 91, ['Springfield', 'IL']],
      [60, 116, null],
    ],
  },
  {
    setId: 'communication-teamwork',
    title: 'Talking with Library Users and Colleagues',
    description:
      'Listening, explaining and handling difficult conversations at the desk and on the phone, and working well in a team.',
    delivery: 'online',
    synchronous: false,
    length: '6 weeks',
    contactHours: 18,
    locations: 'Online',
    costToStudentsCents: 18000,
    sessions: [
      [14, 56, null],
      [120, 162, null],
    ],
  },
  {
    setId: 'technology',
    title: 'Technology Essentials for Library Staff',
    description:
      'Hands-on workshops: the integrated library system, public computers and printing, e-books and databases, and helping users stay safe online.',
    delivery: 'face_to_face',
    synchronous: true,
    length: '3 days',
    contactHours: 21,
    locations: 'Peoria, IL and Madison, WI',
    costToStudentsCents: 0,
    sessions: [
      [45, 47, ['Peoria', 'IL']],
      [75, 77, ['Madison', 'WI']],
    ],
  },
  {
    setId: 'cataloging-classification',
    title: 'Cataloging and Classification in Practice',
    description:
      'Describing books and media with RDA, MARC records, Dewey and Library of Congress classification, and copy cataloging.',
    delivery: 'both',
    synchronous: true,
    length: '10 weeks',
    contactHours: 30,
    locations: 'Champaign, IL and online',
    costToStudentsCents: 32000,
    sessions: [[30, 100, ['Champaign', 'IL']]],
  },
];

const samplePdf = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const sampleResume = new TextEncoder().encode('Pat Instructor\nTwelve years of teaching library staff.\n');

function userActor(userId: string, email: string, name: string, roles: Role[]): Actor {
  return {
    kind: 'user',
    userId,
    email,
    displayName: name,
    roles,
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: true,
    via: 'session',
  };
}

/**
 * Approved courses with sessions for the demo provider, so the catalog is not empty: each goes
 * through the same use cases as a real one (application, files, fee, two evaluations, approval).
 */
export async function seedDemoCatalog(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const account = (role: Role) => demoAccounts.find((a) => a.roles.includes(role))!;
  const as = (role: Role): Ctx => {
    const a = account(role);
    return { ...ctx, actor: userActor(userIds.get(a.email)!, a.email, a.name, a.roles) };
  };
  const provider = as('provider_member');
  const staff = as('staff');
  const evaluator = as('course_evaluator');
  const second = await createUser(ctx, {
    email: DEMO_SECOND_EVALUATOR.email,
    displayName: DEMO_SECOND_EVALUATOR.name,
    password: DEMO_PASSWORD,
    roles: ['course_evaluator'],
    totpSecret: DEMO_TOTP_SECRET,
  });
  const evaluator2: Ctx = {
    ...ctx,
    actor: userActor(second.id, second.email, DEMO_SECOND_EVALUATOR.name, ['course_evaluator']),
  };
  const { framework } = await getActiveProgramData(ctx);
  const today = ctx.clock.today();
  const scores = Object.fromEntries(courseRubric.map((c) => [c.id, 4]));

  for (const c of courses) {
    const set = findSet(framework.framework, c.setId);
    if (!set) continue;
    const { id } = await startCourseApplication(provider, { setId: set.id });
    await saveCourseDetails(provider, id, {
      title: c.title,
      description: c.description,
      delivery: c.delivery,
      synchronous: c.synchronous,
      length: c.length,
      contactHours: c.contactHours,
      locations: c.locations,
      costToStudentsCents: c.costToStudentsCents,
      registrationUrl: `https://prairie-libraries.example/courses/${set.id}`,
      teachingMethods: 'Short lectures, discussion, and practice with real library situations.',
      assessmentStrategy: 'Weekly assignments and a final project, graded against a rubric.',
    });
    for (const k of set.competencies)
      await saveCompetencyMapEntry(provider, id, k.id, {
        content: `A unit on ${k.topic.toLowerCase()}.`,
        readings: 'Chapter readings from the course text.',
        assignments: 'A short written reflection.',
        assessment: `A graded exercise on ${k.topic.toLowerCase()}.`,
      });
    await uploadCourseFile(provider, id, {
      kind: 'syllabus',
      file: { fileName: 'syllabus.pdf', bytes: samplePdf, truncated: false },
    });
    await uploadCourseFile(provider, id, {
      kind: 'resume',
      file: { fileName: 'instructor.txt', bytes: sampleResume, truncated: false },
    });
    await submitCourseApplication(provider, id);
    const checkout = await startCourseCheckout(provider, id);
    await completeSandboxCheckout(provider, checkout.checkoutId, { choice: 'pay' });
    await assignCourseEvaluators(staff, id, {
      evaluatorIds: [(evaluator.actor as { userId: string }).userId, second.id],
    });
    await submitCourseEvaluation(evaluator, id, { scores, recommendation: 'approve', comment: '' });
    await submitCourseEvaluation(evaluator2, id, { scores, recommendation: 'approve', comment: '' });
    await decideCourseApplication(staff, id, { decision: 'approve' });
    const [course] = await listCoursesOfApplication(ctx.db, id);
    for (const [from, to, place] of c.sessions)
      await addOffering(provider, course!.id, {
        startsOn: addDays(today, from),
        endsOn: addDays(today, to),
        online: place === null,
        city: place?.[0] ?? '',
        state: place?.[1] ?? '',
        notes: place ? 'Register on the provider’s website.' : 'Live sessions on Tuesday evenings.',
      });
  }
}
