import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCollege,
  addProgramAndSign,
  payByTestCard,
  stateGraduation,
  verifyAndAdmit,
} from './support/agreement-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import {
  fillApplication,
  newPerson,
  signUpAndConfirm,
  submitApplication,
} from './support/candidate-steps.js';
import { mainText, visit } from './support/pages.js';
import { createStaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const COLLEGE = 'Prairie Valley Community College';
const job = {
  library: 'Lincoln Public Library',
  type: 'Public library',
  position: 'Circulation assistant',
  paid: true,
  startDate: '2023-01-02',
  endDate: '2023-12-31',
  totalHours: '1820',
};

/**
 * Staff recognise a college's programs (one full, one partial agreement); a graduate of each
 * applies with a proof of graduation; staff verify and admit; the full graduate is certified at
 * once, the partial one has the covered sets recorded and is told which are missing.
 */
describe('graduates of recognised college programs', { timeout: 120_000 }, () => {
  let journey: Journey;
  let staff: Page;

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    const member = await createStaffMember(journey, {
      email: 'agreements@lssc.example',
      displayName: 'Pat Agreements',
    });
    staff = await (await journey.newContext()).newPage();
    await signInAsStaff(staff, member);
  });
  afterAll(async () => {
    await journey?.close();
  });

  async function graduateApplies(
    given: string,
    agreementLabel: string,
  ): Promise<{ page: Page; email: string; number: string }> {
    const person = newPerson(given, 'Graduate');
    const page = await (await journey.newContext()).newPage();
    await signUpAndConfirm(page, journey, person);
    await fillApplication(page, { givenName: given, familyName: 'Graduate', jobs: [job] });
    await stateGraduation(page, agreementLabel, '2026-05-15');
    const number = await submitApplication(page, 'card');
    await payByTestCard(page);
    return { page, email: person.email, number };
  }

  it('staff record a college, a full and a partial program with their courses, and sign both agreements', async () => {
    await addCollege(staff, COLLEGE);
    const full = await addProgramAndSign(staff, {
      name: 'Library Services AAS',
      award: 'Associate degree',
      effectiveFrom: '2024-05-15',
      courses: [
        {
          code: 'LIB 101',
          title: 'Introduction to Library Services',
          sets: ['Foundations of Library Services (required)', 'Access Services (elective)'],
        },
        { code: 'LIB 115', title: 'Working Together', sets: ['Communication and Teamwork (required)'] },
        {
          code: 'LIB 120',
          title: 'Library Technology',
          sets: [
            'Technology (required)',
            'Cataloging and Classification (elective)',
            'Youth Services (elective)',
          ],
        },
      ],
    });
    expect(full).toContain('Full agreement');
    const partial = await addProgramAndSign(staff, {
      name: 'Library Technical Assistant',
      award: 'Certificate',
      effectiveFrom: '2024-05-15',
      courses: [
        {
          code: 'LTA 100',
          title: 'Foundations of Library Work',
          sets: ['Foundations of Library Services (required)', 'Access Services (elective)'],
        },
      ],
    });
    expect(partial).toContain('Partial agreement');
    expect(partial).toContain(
      'Not covered: the required sets Communication and Teamwork and Technology, and 2 more elective sets.',
    );

    await visit(staff, '/agreements');
    const list = await mainText(staff);
    expect(list).toContain(`${COLLEGE}: Library Services AAS`);
    expect(list).toContain(`${COLLEGE}: Library Technical Assistant`);
    expect(list).toContain('Graduates from 15 May 2024');
  });

  it('a graduate of the full program applies with a proof, is verified and admitted, and is certified', async () => {
    const g = await graduateApplies(
      'Fern',
      `${COLLEGE}: Library Services AAS (Associate degree). Graduates from 15 May 2024.`,
    );
    await verifyAndAdmit(staff, g.number);
    await visit(g.page, '/my-certification');
    const text = await mainText(g.page);
    expect(text).toContain('Congratulations, you are certified');
    expect(text).toContain('achieved on 28 November 2026 by a recognition agreement');
    expect((await latestMail(journey.url, g.email, 'certification-granted')).subject).toContain(
      'you are certified',
    );
  });

  it('a graduate of the partial program has the covered sets recorded and sees what is missing', async () => {
    const g = await graduateApplies(
      'Moss',
      `${COLLEGE}: Library Technical Assistant (Certificate). Graduates from 15 May 2024.`,
    );
    await verifyAndAdmit(staff, g.number);
    await visit(g.page, '/my-certification');
    const text = await mainText(g.page);
    expect(text).not.toContain('Congratulations');
    expect(text).toContain(
      'FLS: Foundations of Library Services (required) — achieved on 28 November 2026 by a recognition agreement',
    );
    expect(text).toContain('ACC: Access Services — achieved on 28 November 2026 by a recognition agreement');
    expect(text).toContain('CT: Communication and Teamwork (required) — not achieved yet');
    expect(text).toContain('TECH: Technology (required) — not achieved yet');
  });
});
