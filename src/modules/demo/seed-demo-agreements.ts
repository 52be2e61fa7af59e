import type { Ctx } from '../../platform/context.js';
import { createCollege } from '../agreements/use-cases/save-college.js';
import { createProgram } from '../agreements/use-cases/save-program.js';
import { addProgramCourse } from '../agreements/use-cases/save-program-course.js';
import { signAgreement } from '../agreements/use-cases/sign-agreement.js';
import { demoAccounts } from './demo-accounts.js';

type Course = readonly [code: string, title: string, setIds: readonly string[]];

const fullProgram: readonly Course[] = [
  ['LIB 101', 'Introduction to Library Services', ['foundations']],
  ['LIB 115', 'Communication and Teamwork in Libraries', ['communication-teamwork']],
  ['LIB 120', 'Library Technology', ['technology']],
  ['LIB 210', 'Circulation and Access Services', ['access-services']],
  ['LIB 220', 'Cataloging Basics', ['cataloging-classification']],
  ['LIB 230', 'Reference Services', ['reference-information']],
];
const partialProgram: readonly Course[] = [
  ['LTA 100', 'Foundations of Library Work', ['foundations']],
  ['LTA 140', 'Serving the Public', ['communication-teamwork', 'access-services']],
  ['LTA 160', 'Library Services for Children and Teens', ['youth-services']],
];

/**
 * A college with two recognised programs, through the real use cases as the demo staff member: an
 * associate degree with a full agreement and a certificate with a partial one (no Technology, one
 * elective short), so the public list and a graduate's application show both kinds.
 */
export async function seedDemoAgreements(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const account = demoAccounts.find((a) => a.roles.includes('staff'))!;
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
      mfaEnrolled: true,
      via: 'session',
    },
  };
  const college = await createCollege(as, {
    name: 'Prairie Valley Community College',
    region: 'IL',
    country: 'US',
    website: 'https://prairie-valley.example.edu',
    contactEmail: 'library-programs@prairie-valley.example.edu',
  });
  const programs = [
    {
      name: 'Library Services AAS',
      award: 'associate_degree',
      courses: fullProgram,
      effectiveFrom: '2024-05-15',
    },
    {
      name: 'Library Technical Assistant Certificate',
      award: 'certificate',
      courses: partialProgram,
      effectiveFrom: '2025-05-15',
    },
  ] as const;
  for (const p of programs) {
    const program = await createProgram(as, college.id, { name: p.name, award: p.award });
    for (const [code, title, setIds] of p.courses)
      await addProgramCourse(as, program.id, { code, title, setIds: [...setIds] });
    await signAgreement(as, program.id, { effectiveFrom: p.effectiveFrom, endsOn: '' });
  }
}
