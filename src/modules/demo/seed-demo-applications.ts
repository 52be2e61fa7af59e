import { addDays, addYears } from '../../lib/calendar-date.js';
import type { Actor, Ctx, Role } from '../../platform/context.js';
import { addExperienceEntry } from '../applications/use-cases/add-experience-entry.js';
import { admitApplication } from '../applications/use-cases/admit-application.js';
import { requestMoreInformation } from '../applications/use-cases/request-more-information.js';
import { saveEducation } from '../applications/use-cases/save-education.js';
import { saveMembership } from '../applications/use-cases/save-membership.js';
import { savePersonalDetails } from '../applications/use-cases/save-personal-details.js';
import { submitApplication } from '../applications/use-cases/submit-application.js';
import { completeSandboxCheckout } from '../payments/use-cases/complete-sandbox-checkout.js';
import { startCheckout } from '../payments/use-cases/start-checkout.js';
import { type DemoAccount, demoAccounts } from './demo-accounts.js';

/** Acting as a demo account, with its sign-in (and MFA) done. */
export function actorFor(account: DemoAccount, userId: string): Actor {
  return {
    kind: 'user',
    userId,
    email: account.email,
    displayName: account.name,
    roles: account.roles as Role[],
    emailVerified: true,
    mfaVerified: true,
    mfaEnrolled: account.roles.some((r) => r !== 'candidate'),
    via: 'session',
  };
}

/**
 * Candidates' applications in each state, made through the same use cases people use, so the demo
 * data is exactly what the system itself would have produced (numbers, fees, ledger, mail, audit).
 */
export async function seedDemoApplications(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const staffAccount = demoAccounts.find((a) => a.roles.includes('staff'))!;
  const staff: Ctx = { ...ctx, actor: actorFor(staffAccount, userIds.get(staffAccount.email)!) };
  const today = ctx.clock.today();
  let n = 0;
  for (const account of demoAccounts) {
    const state = account.application;
    if (!state || state === 'none') continue;
    n++;
    const [givenName, familyName] = account.name.split(' ') as [string, string];
    const as: Ctx = { ...ctx, actor: actorFor(account, userIds.get(account.email)!) };
    await savePersonalDetails(as, {
      givenName,
      familyName,
      phone: `+1 217 555 01${String(10 + n).padStart(2, '0')}`,
      addressLine1: `${10 + n} Library Lane`,
      addressLine2: '',
      city: 'Springfield',
      region: ['IL', 'WI', 'IA', 'MN', 'OH', 'KS'][n % 6],
      postalCode: '62701',
      country: 'US',
      countryOther: '',
      employerName: `${['Springfield', 'Prairie', 'Riverside', 'Oak Grove'][n % 4]} Public Library`,
      employerType: 'public',
      jobTitle: 'Library assistant',
    });
    await saveEducation(as, { hasHighSchool: true });
    await addExperienceEntry(as, {
      library: 'Springfield Public Library',
      libraryType: 'public',
      position: 'Circulation assistant',
      paid: true,
      startDate: addYears(today, -3),
      endDate: null,
      hoursPerWeek: 20,
      totalHours: null,
    });
    await addExperienceEntry(as, {
      library: 'Springfield High School Library',
      libraryType: 'school',
      position: 'Volunteer shelver',
      paid: false,
      startDate: addYears(today, -4),
      endDate: addDays(addYears(today, -3), -1),
      hoursPerWeek: null,
      totalHours: 150,
    });
    await saveMembership(
      as,
      n % 2 ? { isAlaMember: true, alaMemberNumber: `10${n}4567` } : { isAlaMember: false },
    );
    if (state === 'draft') continue;

    const method = state === 'awaiting_check' ? 'check' : 'card';
    const submitted = await submitApplication(as, { paymentMethod: method });
    if (state === 'awaiting_payment' || state === 'awaiting_check') continue;

    const checkout = await startCheckout(as);
    await completeSandboxCheckout(as, checkout.checkoutId, { choice: 'pay' });
    if (state === 'in_review') continue;

    const applicationId = submitted.application.id;
    if (state === 'info_requested') {
      await requestMoreInformation(staff, {
        applicationId,
        message: 'Please tell us how many hours a week you volunteered at the school library.',
      });
      continue;
    }
    if (state === 'admitted') await admitApplication(staff, { applicationId });
  }
}
