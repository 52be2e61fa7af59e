import { findUserByEmail } from '../../src/modules/accounts/users-repository.js';
import { addExperienceEntry } from '../../src/modules/applications/use-cases/add-experience-entry.js';
import { admitApplication } from '../../src/modules/applications/use-cases/admit-application.js';
import { saveEducation } from '../../src/modules/applications/use-cases/save-education.js';
import { saveMembership } from '../../src/modules/applications/use-cases/save-membership.js';
import { savePersonalDetails } from '../../src/modules/applications/use-cases/save-personal-details.js';
import { submitApplication } from '../../src/modules/applications/use-cases/submit-application.js';
import { applyPaymentToApplicationFee } from '../../src/modules/payments/application-fee.js';
import { balanceOf, findFeeBySubject } from '../../src/modules/payments/repository.js';
import { type Ctx, type Role, systemCtx, transact } from '../../src/platform/context.js';
import type { Account } from './account-steps.js';
import type { Journey } from './browser.js';

/** A use-case context acting as the account with this email, signed in with every factor. */
export async function ctxOf(journey: Journey, email: string, roles: Role[]): Promise<Ctx> {
  const user = await findUserByEmail(journey.services.db, email);
  if (!user) throw new Error(`No account for ${email}`);
  return {
    ...journey.services,
    requestId: null,
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles,
      emailVerified: true,
      mfaVerified: true,
      mfaEnrolled: roles.includes('staff'),
      via: 'session',
    },
  };
}

/**
 * An admitted candidate, made in the journey's server with the real use cases: the candidate's
 * application sections and submission, a check recorded in full, and a staff member's admission.
 * Returns the candidate number (LSSC-YYYY-NNNNNN) a provider puts on a roster.
 */
export async function admitCandidate(
  journey: Journey,
  candidate: Account,
  staffEmail: string,
  name: { givenName: string; familyName: string },
): Promise<string> {
  const ctx = await ctxOf(journey, candidate.email, ['candidate']);
  await savePersonalDetails(ctx, {
    ...name,
    phone: '+1 555 010 0142',
    addressLine1: '4 Main Street',
    city: 'Holland',
    region: 'MI',
    postalCode: '49423',
    country: 'US',
  });
  await saveEducation(ctx, { hasHighSchool: true });
  await addExperienceEntry(ctx, {
    library: 'Herrick District Library',
    libraryType: 'public',
    position: 'Circulation assistant',
    paid: true,
    startDate: '2021-02-01',
    endDate: null,
    hoursPerWeek: 30,
    totalHours: null,
  });
  await saveMembership(ctx, { isAlaMember: false });
  const { application } = await submitApplication(ctx, { paymentMethod: 'check' });
  const fee = (await findFeeBySubject(journey.services.db, 'application', application.id))!;
  await transact(systemCtx(journey.services, 'e2e-check'), async (w) => {
    const { balance } = await balanceOf(w.tx, fee.id);
    await applyPaymentToApplicationFee(w, {
      applicationId: application.id,
      amountCents: balance.dueCents,
      method: 'check',
      reference: 'e2e-check-1001',
      note: null,
      actorId: null,
      at: journey.services.clock.now(),
    });
  });
  await admitApplication(await ctxOf(journey, staffEmail, ['staff']), { applicationId: application.id });
  return application.number!;
}
