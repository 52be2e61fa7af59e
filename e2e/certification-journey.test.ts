import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import {
  achievedByPortfolio,
  approvedCourse,
  courseOffice,
  creditedByClaim,
  downloadByLink,
  PROOF_PDF,
} from './support/certification-steps.js';
import { afterNavigation, follow, mainText, press, visit } from './support/pages.js';
import { admitCandidate } from './support/server-candidates.js';
import { createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const HOLDER = 'Rosa Delgado';
const LAST_COURSE = 'Collection Care and Weeding';
const REASON = 'The holder’s employer reported that the listed library work hours could not be confirmed.';

const path = (page: Page) => new URL(page.url()).pathname;
const flash = (page: Page) => page.locator('main [role="status"]').innerText();

interface Verification {
  holderName: string;
  number: string;
  standing: string;
  sets: Array<{ id: string; how: string; achievedOn: string }>;
}

async function verificationJson(journey: Journey, number: string): Promise<Verification> {
  const res = await fetch(`${journey.url}/api/v1/verifications/${number}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Verification;
}

/**
 * Issue 5's journey. A candidate admitted with five sets (three by course, two by portfolio)
 * reports the sixth course in the browser; staff verify it, which certifies her at once. She gets
 * the mail, sees her certification, downloads the certificate and a signed credential; a visitor
 * checks the number on the public page and the JSON; one staff member asks to suspend it, a second
 * approves, and the public page, the JSON and her mail say so.
 */
describe('certified, verified by anyone, then suspended by two staff members', { timeout: 90_000 }, () => {
  let journey: Journey;
  let requester: StaffMember;
  let approver: StaffMember;
  let rosa: Account;
  let applicationNumber = '';
  let lastCourse = '';
  let number = '';
  let candidate: Page;
  let staffA: Page;
  let visitor: Page;

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    requester = await createStaffMember(journey, {
      email: 'cert.requests@lssc.example',
      displayName: 'Lee Requests',
    });
    approver = await createStaffMember(journey, {
      email: 'cert.approvals@lssc.example',
      displayName: 'Kim Approvals',
    });
    // Everything before the last set is set up in-process with the real use cases: walking four
    // course approvals and five credits in the browser would take minutes and check nothing new.
    const office = await courseOffice(journey, requester.email);
    const courses = [
      { setId: 'foundations', title: 'Library Services Foundations', completedOn: '2026-11-02', number: '' },
      {
        setId: 'communication-teamwork',
        title: 'Working Together at the Desk',
        completedOn: '2026-11-09',
        number: '',
      },
      { setId: 'access-services', title: 'Circulation and Access', completedOn: '2026-11-16', number: '' },
    ];
    for (const c of courses) c.number = await approvedCourse(journey, office, c.setId, c.title);
    lastCourse = await approvedCourse(journey, office, 'collection-management', LAST_COURSE);

    rosa = await createAccount(journey, {
      email: 'rosa.delgado@library.example',
      displayName: HOLDER,
      roles: ['candidate'],
    });
    applicationNumber = await admitCandidate(journey, rosa, requester.email, {
      givenName: 'Rosa',
      familyName: 'Delgado',
    });
    for (const c of courses)
      await creditedByClaim(journey, {
        candidateEmail: rosa.email,
        staffEmail: approver.email,
        courseNumber: c.number,
        completedOn: c.completedOn,
      });
    await achievedByPortfolio(journey, rosa.email, [
      { setId: 'technology', on: '2026-10-15', portfolioNumber: 'PF-2026-000101' },
      { setId: 'cataloging-classification', on: '2026-10-30', portfolioNumber: 'PF-2026-000102' },
    ]);

    candidate = await (await journey.newContext()).newPage();
    staffA = await (await journey.newContext()).newPage();
    visitor = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('she reports her sixth course, staff verify it, and she is certified at once', async () => {
    await submitSignIn(candidate, rosa.email, rosa.password);
    await visit(candidate, '/my-certification');
    expect(await candidate.getByRole('heading', { level: 1 }).innerText()).toBe('My certification');
    expect(await mainText(candidate)).toContain('3 of 3 required, 2 of 3 electives.');

    await visit(candidate, '/dashboard');
    await follow(candidate, 'Report a course you completed');
    await candidate.getByLabel('Course number').fill(lastCourse);
    await candidate.getByLabel('Date you completed the course').fill('2026-11-27');
    await candidate
      .getByLabel('Proof of completion')
      .setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: PROOF_PDF });
    await press(candidate, 'Send the report');
    expect(path(candidate)).toBe('/completions');

    await signInAsStaff(staffA, requester);
    await visit(staffA, '/staff/completion-claims');
    await follow(staffA, HOLDER);
    await staffA.getByLabel('Verify: the proof shows they completed it', { exact: true }).check();
    await press(staffA, 'Record the decision');
    expect(path(staffA)).toBe('/staff/completion-claims');
    expect(await flash(staffA)).toContain(lastCourse);

    const mail = await latestMail(journey.url, rosa.email, 'certification-granted');
    number = /^Congratulations: you are certified \((CLSS-2026-\d{6})\)$/.exec(mail.subject)?.[1] ?? '';
    expect(number, mail.subject).not.toBe('');
    expect(mail.text).toContain('Certified on: 27 November 2026');
    expect(mail.text).toContain(`/verify/${number}`);
  });

  it('her page shows the number, the dates and each set with how she achieved it', async () => {
    await visit(candidate, '/my-certification');
    expect(await candidate.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Congratulations, you are certified',
    );
    const text = await mainText(candidate);
    expect(text).toContain(`Certification number ${number}`);
    expect(text).toContain('Certified on 27 November 2026 Valid until 27 November 2030');
    for (const line of [
      'FLS: Foundations of Library Services (required) — achieved on 2 November 2026 by an approved course',
      'CT: Communication and Teamwork (required) — achieved on 9 November 2026 by an approved course',
      'TECH: Technology (required) — achieved on 15 October 2026 by a portfolio',
      'ACC: Access Services — achieved on 16 November 2026 by an approved course',
      'CAT: Cataloging and Classification — achieved on 30 October 2026 by a portfolio',
      'COL: Collection Management — achieved on 27 November 2026 by an approved course',
    ])
      expect(text).toContain(line);
  });

  it('she downloads the certificate PDF and her certification credential', async () => {
    const certificate = await downloadByLink(candidate, 'Download your certificate (PDF, to print or keep)');
    expect(certificate.fileName).toMatch(/\.pdf$/);
    const pdf = certificate.bytes;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true }))
      .text;
    expect(printed.replace(/\s+/g, ' ')).toContain(HOLDER);
    expect(printed.replace(/\s+/g, ' ')).toContain(number);

    const file = await downloadByLink(candidate, 'Certified Library Support Staff (CLSS)');
    expect(file.fileName).toBe(`${number}.credential.json`);
    const credential = JSON.parse(file.bytes.toString('utf8')) as {
      type: string[];
      credentialSubject: {
        licenseNumber: string;
        identifier: Array<{ identityType: string; identityHash: string }>;
      };
      proof?: unknown;
    };
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(credential.credentialSubject.licenseNumber).toBe(number);
    expect(credential.credentialSubject.identifier).toContainEqual(
      expect.objectContaining({ identityType: 'name', identityHash: HOLDER }),
    );
    expect(credential.proof).toBeTruthy();
  });

  it('a visitor checks the number on the public page, and the JSON says the same', async () => {
    await visit(visitor, '/verify');
    await visitor.getByLabel('Certificate number').fill(number);
    await press(visitor, 'Check certificate');
    expect(path(visitor)).toBe(`/verify/${number}`);
    const text = await mainText(visitor);
    expect(text).toContain('Valid This certification is current.');
    expect(text).toContain(`Holder ${HOLDER}`);
    const rows = visitor.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(6);
    expect(text).toContain('Collection Management Approved course 27 November 2026');
    expect(text).toContain('Technology Portfolio 15 October 2026');

    const json = await verificationJson(journey, number);
    expect(json).toMatchObject({ holderName: HOLDER, number, standing: 'valid' });
    expect(json.sets.map((s) => `${s.id} ${s.how}`).sort()).toEqual([
      'access-services course',
      'cataloging-classification portfolio',
      'collection-management course',
      'communication-teamwork course',
      'foundations course',
      'technology portfolio',
    ]);
  });

  it('one staff member asks to suspend it, a second approves, and everyone is told', async () => {
    await visit(staffA, '/staff/applications');
    await staffA.getByLabel('Number or name').fill(applicationNumber);
    await press(staffA, 'Apply filters');
    await follow(staffA, applicationNumber);
    await follow(staffA, 'Certification and deadline');
    await staffA.getByLabel('Suspend', { exact: true }).check();
    await staffA.getByLabel('Reason', { exact: true }).fill(REASON);
    await press(staffA, 'Ask a second staff member to approve');
    expect(await flash(staffA)).toContain('It takes effect when another staff member approves it.');
    expect(await mainText(staffA)).toContain('You made this request, so another staff member must approve');
    // Nothing changes until the second staff member approves.
    expect((await verificationJson(journey, number)).standing).toBe('valid');

    const staffB = await (await journey.newContext()).newPage();
    await signInAsStaff(staffB, approver);
    await follow(staffB, 'Certification changes waiting for approval');
    await follow(staffB, `${number}, ${HOLDER}`);
    expect(await mainText(staffB)).toContain(REASON);
    await press(staffB, 'Approve: the certification is suspended');
    expect(await flash(staffB)).toContain('the certification is suspended, and the holder was told by email');

    await afterNavigation(visitor, () => visitor.reload());
    const text = await mainText(visitor);
    expect(text).toContain('Suspended This certification is suspended by the program for now.');
    expect(text).not.toContain('This certification is current.');
    expect((await verificationJson(journey, number)).standing).toBe('suspended');

    const mail = await latestMail(journey.url, rosa.email, 'certification-suspended');
    expect(mail.subject).toBe(`Your certification ${number} is suspended`);
    expect(mail.text).toContain(`Reason: ${REASON}`);
    await visit(candidate, '/my-certification');
    expect(await candidate.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Your certification is suspended',
    );
  });
});
