import type { Ctx } from '../../platform/context.js';
import { saveCompetencyMapEntry } from '../courses/use-cases/save-competency-map-entry.js';
import { saveCourseDetails } from '../courses/use-cases/save-course-details.js';
import { addCoursePart } from '../courses/use-cases/save-course-part.js';
import { startCourseApplication } from '../courses/use-cases/start-course-application.js';
import { findSet } from '../policy/framework.js';
import { getActiveProgramData } from '../policy/use-cases/get-program-data.js';
import { registerProvider } from '../providers/use-cases/register-provider.js';
import { demoAccounts } from './demo-accounts.js';

/** The demo provider member's organisation, registered through the real use case. */
export async function seedDemoProvider(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const account = demoAccounts.find((a) => a.roles.includes('provider_member'))!;
  const as: Ctx = {
    ...ctx,
    actor: {
      kind: 'user',
      userId: userIds.get(account.email)!,
      email: account.email,
      displayName: account.name,
      roles: account.roles,
      emailVerified: true,
      mfaVerified: true,
      mfaEnrolled: false,
      via: 'session',
    },
  };
  await registerProvider(as, {
    name: 'Prairie State Library Association',
    type: 'state_library_association',
    country: 'US',
    region: 'IL',
    city: 'Springfield',
    website: 'https://prairie-libraries.example',
    contactEmail: account.email,
    phone: '+1 217 555 0190',
    description: 'Continuing education for library staff across the state, online and in person.',
  });
  await seedDemoBundleDraft(as);
}

/**
 * A bundle application in draft: two courses that together cover Youth Services, the first half of
 * the competencies mapped. The demo provider can finish it (map the rest, upload files, submit).
 */
async function seedDemoBundleDraft(as: Ctx): Promise<void> {
  const { id } = await startCourseApplication(as, { setId: 'youth-services', kind: 'bundle' });
  await saveCourseDetails(as, id, {
    title: 'Serving Children and Teens',
    description: 'Two courses on library service to young people: early literacy, then programs for teens.',
    delivery: 'online',
    synchronous: false,
    length: '2 courses of 5 weeks',
    contactHours: 30,
    locations: 'Online',
    costToStudentsCents: 30000,
    registrationUrl: 'https://prairie-libraries.example/courses/youth-services',
    teachingMethods: 'Recorded lectures, readings and a practicum at the candidate’s library.',
    assessmentStrategy: 'A graded assignment for each competency and a final program plan.',
  });
  const parts = [
    await addCoursePart(as, id, {
      title: 'Early Literacy and Story Time',
      description: 'Child development, early literacy practices and planning story times.',
      contactHours: 15,
    }),
    await addCoursePart(as, id, {
      title: 'Programs and Services for Teens',
      description: 'Teen development, programming, and spaces and collections for teens.',
      contactHours: 15,
    }),
  ];
  const { framework } = await getActiveProgramData(as);
  const competencies = findSet(framework.framework, 'youth-services')?.competencies ?? [];
  const half = Math.ceil(competencies.length / 2);
  for (const c of competencies.slice(0, half)) {
    await saveCompetencyMapEntry(as, id, c.id, {
      partId: parts[0]!.id,
      content: `A unit on ${c.topic.toLowerCase()}.`,
      assessment: `A short assignment on ${c.topic.toLowerCase()}.`,
    });
  }
}
