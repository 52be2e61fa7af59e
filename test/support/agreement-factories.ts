import { eq } from 'drizzle-orm';
import { graduationClaims } from '../../src/modules/agreements/schema.js';
import { createCollege } from '../../src/modules/agreements/use-cases/save-college.js';
import { saveGraduation } from '../../src/modules/agreements/use-cases/save-graduation.js';
import { createProgram } from '../../src/modules/agreements/use-cases/save-program.js';
import { addProgramCourse } from '../../src/modules/agreements/use-cases/save-program-course.js';
import { signAgreement } from '../../src/modules/agreements/use-cases/sign-agreement.js';
import { addExperienceEntry } from '../../src/modules/applications/use-cases/add-experience-entry.js';
import { saveEducation } from '../../src/modules/applications/use-cases/save-education.js';
import { saveMembership } from '../../src/modules/applications/use-cases/save-membership.js';
import { savePersonalDetails } from '../../src/modules/applications/use-cases/save-personal-details.js';
import { submitApplication } from '../../src/modules/applications/use-cases/submit-application.js';
import { findFeeBySubject } from '../../src/modules/payments/repository.js';
import type { Ctx } from '../../src/platform/context.js';
import { samplePdf } from './course-factories.js';
import { insertTestUser, type MadeApplication, payInFull, userCtx } from './staff-factories.js';
import type { TestApp } from './test-app.js';

/** Sets the full program's courses cover: all 3 required and 3 electives. */
export const FULL_SETS = [
  ['LIB 101', 'Introduction to library services', ['foundations', 'access-services']],
  ['LIB 110', 'Working together in libraries', ['communication-teamwork']],
  ['LIB 120', 'Library technology', ['technology', 'cataloging-classification']],
  ['LIB 210', 'Reference work', ['reference-information']],
] as const;
/** The partial program misses Technology and one elective. */
export const PARTIAL_SETS = [
  ['LTA 100', 'Library foundations', ['foundations']],
  ['LTA 150', 'Communication at the desk', ['communication-teamwork', 'access-services']],
  ['LTA 200', 'Youth services', ['youth-services']],
] as const;

export interface SignedAgreement {
  collegeId: string;
  programId: string;
  agreementId: string;
  reference: string;
}

let n = 0;

/** A college, a program with mapped courses and a signed agreement, through the real use cases. */
export async function signedAgreement(
  staff: Ctx,
  o: { kind?: 'full' | 'partial'; effectiveFrom?: string; endsOn?: string | null; name?: string } = {},
): Promise<SignedAgreement> {
  n += 1;
  const college = await createCollege(staff, {
    name: o.name ?? `Prairie Community College ${n}`,
    region: 'IL',
    country: 'US',
    website: 'https://prairie.example.edu',
    contactEmail: `registrar${n}@prairie.example.edu`,
  });
  const program = await createProgram(staff, college.id, {
    name: o.kind === 'partial' ? 'Library Technical Assistant' : 'Library Services',
    award: o.kind === 'partial' ? 'certificate' : 'associate_degree',
  });
  for (const [code, title, setIds] of o.kind === 'partial' ? PARTIAL_SETS : FULL_SETS)
    await addProgramCourse(staff, program.id, { code, title, setIds: [...setIds] });
  const agreement = await signAgreement(staff, program.id, {
    effectiveFrom: o.effectiveFrom ?? '2024-05-01',
    endsOn: o.endsOn ?? null,
  });
  return {
    collegeId: college.id,
    programId: program.id,
    agreementId: agreement.id,
    reference: agreement.reference,
  };
}

/**
 * A graduate's submitted application through an agreement, fee paid, in review; `hours` of library
 * work (0: none listed).
 */
export async function graduateApplication(
  t: TestApp,
  agreementId: string,
  o: { hours?: number; graduatedOn?: string; name?: string } = {},
): Promise<MadeApplication> {
  const candidate = await insertTestUser(t, ['candidate'], o.name ?? 'Gale Graduate');
  const ctx = userCtx(t, candidate, ['candidate']);
  await savePersonalDetails(ctx, {
    givenName: 'Gale',
    familyName: 'Graduate',
    phone: '+1 555 010 0199',
    addressLine1: '1 College Road',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    country: 'US',
  });
  await saveEducation(ctx, { hasHighSchool: true });
  if ((o.hours ?? 0) > 0)
    await addExperienceEntry(ctx, {
      library: 'Springfield Public Library',
      libraryType: 'public',
      position: 'Page',
      paid: true,
      startDate: '2023-01-01',
      endDate: '2023-12-31',
      hoursPerWeek: null,
      totalHours: o.hours,
    });
  await saveMembership(ctx, { isAlaMember: false });
  await saveGraduation(ctx, {
    agreementId,
    graduatedOn: o.graduatedOn ?? '2026-05-15',
    file: { fileName: 'diploma.pdf', bytes: samplePdf, truncated: false },
  });
  const { application } = await submitApplication(ctx, { paymentMethod: 'check' });
  const fee = (await findFeeBySubject(t.services.db, 'application', application.id))!;
  const made = { id: application.id, number: application.number!, candidate, feeId: fee.id };
  await payInFull(t, made);
  return made;
}

export async function claimOf(t: TestApp, applicationId: string) {
  const [row] = await t.services.db
    .select()
    .from(graduationClaims)
    .where(eq(graduationClaims.applicationId, applicationId));
  return row;
}
