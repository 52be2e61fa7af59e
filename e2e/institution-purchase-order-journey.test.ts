import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, latestMail, linkIn, startJourney } from './support/browser.js';
import { fillApplication, newPerson, type Person, signUpAndConfirm } from './support/candidate-steps.js';
import {
  coveredColumn,
  pdfTextAt,
  recordInvoicePayment,
  registerInstitution,
  sendPurchaseOrder,
  submitWithInstitution,
} from './support/institution-steps.js';
import { follow, mainText, press, visit } from './support/pages.js';
import { createStaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const LIBRARY = {
  name: 'Lincoln Library System',
  kind: 'Library system',
  region: 'Illinois',
  billingAddress: '100 Capitol Avenue\nSpringfield, IL 62701',
};
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
 * A library system pays for three of its staff: one has already applied choosing "my institution
 * pays", two are invited by the purchase order and apply through their links. The contact gets the
 * invoice by mail and opens its PDF; staff record a partial payment (over the $500 limit, so a
 * second staff member approves it from the approvals page), then the rest; all three applications
 * move on to eligibility review.
 */
describe('an institution pays for its staff by purchase order', { timeout: 180_000 }, () => {
  let journey: Journey;
  let contact: Page;
  let contactPerson: Person;
  let staff: Page;
  let approver: Page;
  const applicants: Array<{ person: Person; page: Page; number?: string }> = [];
  let invoiceNumber = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    const member = await createStaffMember(journey, {
      email: 'finance@lssc.example',
      displayName: 'Fin Staff',
    });
    staff = await (await journey.newContext()).newPage();
    await signInAsStaff(staff, member);
    const second = await createStaffMember(journey, {
      email: 'controller@lssc.example',
      displayName: 'Con Troller',
    });
    approver = await (await journey.newContext()).newPage();
    await signInAsStaff(approver, second);
  });
  afterAll(async () => {
    await journey?.close();
  });

  async function personPage(given: string) {
    const person = newPerson(given, 'Lincoln');
    const page = await (await journey.newContext()).newPage();
    return { person, page };
  }

  it('a contact registers the library system; one of its staff applies choosing "my institution pays"', async () => {
    const c = await personPage('Carla');
    contact = c.page;
    contactPerson = c.person;
    await signUpAndConfirm(contact, journey, c.person);
    await registerInstitution(contact, LIBRARY);

    const first = await personPage('Ada');
    await signUpAndConfirm(first.page, journey, first.person);
    await fillApplication(first.page, {
      givenName: 'Ada',
      familyName: 'Lincoln',
      jobs: [job],
      alaMemberNumber: '1234-5678',
    });
    const number = await submitWithInstitution(first.page, `${LIBRARY.name} (${LIBRARY.region})`);
    expect(await mainText(first.page)).toContain('Your institution pays this fee by purchase order');
    applicants.push({ ...first, number });
  });

  it('the contact sends a purchase order for three and gets the invoice by mail, with its PDF', async () => {
    const second = await personPage('Ben');
    const third = await personPage('Cleo');
    applicants.push(second, third);
    invoiceNumber = await sendPurchaseOrder(contact, {
      number: 'PO-2026-118',
      amount: '1,025.00',
      applicants: applicants.map((a) => ({ name: a.person.name, email: a.person.email })),
    });
    const page = await mainText(contact);
    expect(page).toContain('1 applicant was matched and 2 invited to apply');
    expect(await coveredColumn(contact)).toEqual(['Not yet', 'Not yet', 'Not yet']);

    const mail = await latestMail(journey.url, contactPerson.email, 'institution-invoice');
    expect(mail.subject).toBe(`Invoice ${invoiceNumber} for purchase order PO-2026-118`);
    const text = await pdfTextAt(contact, linkIn(mail.text, '/institution/invoices/'));
    expect(text).toContain(`Invoice ${invoiceNumber}`);
    for (const a of applicants) expect(text).toContain(a.person.name);
    expect(text).toMatch(/Total \$1,025\.00/);
    expect(text).toContain('Due 28 December 2026');
  });

  it('the two invited people apply through their links', async () => {
    for (const a of applicants.slice(1)) {
      const invitation = await latestMail(journey.url, a.person.email, 'institution-applicant-invitation');
      const link = linkIn(invitation.text, '/institution-invitations/apply');
      await visit(a.page, link);
      expect(await mainText(a.page)).toContain(`Sign in with ${a.person.email}`);
      await follow(a.page, 'create an account');
      await signUpAndConfirm(a.page, journey, a.person);
      await visit(a.page, link);
      await press(a.page, 'Start my application');
      expect(await mainText(a.page)).toContain('Your institution pays your application fee');
      const given = a.person.name.split(' ')[0]!;
      await fillApplication(a.page, { givenName: given, familyName: 'Lincoln', jobs: [job] });
      a.number = await submitWithInstitution(a.page);
    }
  });

  it('staff record a partial payment, then the rest; all three applications are in review', async () => {
    await visit(staff, '/staff/institutions');
    await follow(staff, LIBRARY.name);
    await follow(staff, invoiceNumber);
    const afterPartial = await recordInvoicePayment(staff, {
      method: 'Check',
      amount: '675.00',
      reference: '20418',
      receivedOn: '2026-11-27',
    });
    expect(afterPartial).toContain('Payment recorded, waiting for approval');
    expect(await coveredColumn(staff)).toEqual(['Not yet', 'Not yet', 'Not yet']);
    expect(await mainText(staff)).toContain('a different staff member must approve or decline it');

    // A second staff member finds it on the approvals page and approves it.
    await visit(approver, '/staff/payments/adjustments');
    expect(await mainText(approver)).toContain('Invoice payments waiting for approval');
    await follow(approver, invoiceNumber);
    await press(approver, 'Approve: the money arrived, count it now');
    expect(await mainText(approver)).toContain('Payment approved: it now counts.');
    expect(await coveredColumn(approver)).toEqual(['Covered', 'Covered', 'Not yet']);
    await visit(staff, new URL(staff.url()).pathname);
    expect(await coveredColumn(staff)).toEqual(['Covered', 'Covered', 'Not yet']);
    await visit(contact, new URL(contact.url()).pathname);
    expect(await coveredColumn(contact)).toEqual(['Covered', 'Covered', 'Not yet']);

    const afterRest = await recordInvoicePayment(staff, {
      method: 'Bank transfer',
      amount: '350.00',
      reference: 'ACH 7781',
      receivedOn: '2026-11-28',
    });
    expect(afterRest).toContain('Payment recorded. 3 of 3 applicants are covered.');

    for (const a of applicants) {
      await visit(staff, `/staff/applications?status=in_review`);
      expect(await mainText(staff)).toContain(a.number!);
    }
  });
});
