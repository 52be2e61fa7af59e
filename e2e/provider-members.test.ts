import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, linkIn, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { registerProvider } from './support/provider-steps.js';
import { createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const ASSOCIATION = 'Prairie State Library Association';
const COLLEGE = 'Lakeside Community College';

const path = (page: Page) => new URL(page.url()).pathname;
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const membersTable = (page: Page) => page.getByRole('table', { name: 'Administrators first' });
/** The row of the members table for a person: "name, email, role". */
const memberRow = async (page: Page, name: string) =>
  (await membersTable(page).locator('tbody tr', { hasText: name }).innerText()).replace(/\s+/g, ' ');
/**
 * The address a mailed link points at, opened on the journey's server: mails use the configured
 * base address (localhost), the browser's cookies belong to the address the server reports.
 */
const onJourneyServer = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
const headerLink = (page: Page, name: string) =>
  page.locator('header').getByRole('link', { name, exact: true });

/**
 * A course provider in a browser without JavaScript on the real server: a person registers their
 * library association (after a first try with nothing filled in), edits its profile and invites a
 * colleague, who accepts from the mailed link; the used link refuses anyone else; the administrator
 * removes the colleague; program staff find the association in the list and look at it read-only.
 */
describe('a course provider registers and manages its members', { timeout: 60_000 }, () => {
  let journey: Journey;
  let admin: Page;
  let colleague: Page;
  let stranger: Page;
  let staff: Page;
  let adminAccount: Account;
  let colleagueAccount: Account;
  let strangerAccount: Account;
  let staffMember: StaffMember;
  let providerId = '';
  let invitationLink = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    const person = (email: string, displayName: string) =>
      createAccount(journey, { email, displayName, roles: ['candidate'] });
    [adminAccount, colleagueAccount, strangerAccount, staffMember] = await Promise.all([
      person('avery.admin@prairie-libraries.example', 'Avery Admin'),
      person('casey.colleague@prairie-libraries.example', 'Casey Colleague'),
      person('sam.stranger@lakeside.example', 'Sam Stranger'),
      createStaffMember(journey, { email: 'programme.staff@lssc.example', displayName: 'Pat Staff' }),
    ]);
    const newPage = async () => (await journey.newContext()).newPage();
    [admin, colleague, stranger, staff] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('a signed-in person registers a state library association, after a first empty try', async () => {
    await submitSignIn(admin, adminAccount.email, adminAccount.password);
    expect(path(admin)).toBe('/dashboard');
    expect(await headerLink(admin, 'My organisation').count()).toBe(0);

    await visit(admin, '/providers/register');
    expect(await heading(admin)).toBe('Register your organisation');
    await press(admin, 'Register the organisation', { status: 400 });
    expect(path(admin)).toBe('/providers/register');
    await expectErrorSummary(admin, [
      { label: 'Name of the organisation', message: /Enter the name of the organisation/ },
      { label: 'Kind of organisation', message: /Choose the kind of organisation/ },
      { label: 'State, province or region', message: /Enter the state, province or region/ },
      { label: 'Town or city', message: /Enter the town or city/ },
      { label: 'Contact email address', message: /Enter a contact email address/ },
    ]);
    // The country was chosen for them and stays chosen; the optional fields raise nothing.
    expect(await admin.getByLabel('Country', { exact: true }).inputValue()).toBe('US');
    expect(await admin.locator('#f-website-error').count()).toBe(0);

    providerId = await registerProvider(admin, {
      name: ASSOCIATION,
      kind: 'State library association',
      region: 'IL',
      city: 'Springfield',
      contactEmail: 'Courses@Prairie-Libraries.example',
      website: 'https://prairie-libraries.example',
    });
    expect(await heading(admin)).toBe(ASSOCIATION);
    const text = await mainText(admin);
    expect(text).toContain('State library association · you are an administrator');
    expect(text).toContain('courses@prairie-libraries.example');
    expect(text).toContain('United States');
    expect(await memberRow(admin, 'Avery Admin')).toContain('Administrator');
    expect(text).toContain('There are no open invitations.');
    // Their account is now a provider member: the header links to the organisation.
    expect(await headerLink(admin, 'My organisation').count()).toBe(1);
    const mail = await latestMail(journey.url, adminAccount.email, 'provider-registered');
    expect(mail.subject).toBe(`${ASSOCIATION} is registered as a course provider`);
    expect(mail.text).toContain(`/provider/${providerId}`);
  });

  it('the administrator edits the profile', async () => {
    await follow(admin, 'Edit the profile');
    expect(path(admin)).toBe(`/provider/${providerId}/edit`);
    expect(await heading(admin)).toBe('Edit the profile');
    expect(await admin.getByLabel('Name of the organisation', { exact: true }).inputValue()).toBe(
      ASSOCIATION,
    );
    await admin.getByLabel('Phone number (optional)', { exact: true }).fill('+1 217 555 0190');
    await admin
      .getByLabel('About the organisation (optional)', { exact: true })
      .fill('Workshops and online courses for library support staff across Illinois.');
    await press(admin, 'Save the profile');
    expect(path(admin)).toBe(`/provider/${providerId}`);
    const text = await mainText(admin);
    expect(text).toContain('The profile is saved.');
    expect(text).toContain('+1 217 555 0190');
    expect(text).toContain('Workshops and online courses for library support staff across Illinois.');
  });

  it('the administrator invites a colleague by email as a member', async () => {
    await admin.getByLabel('Their email address', { exact: true }).fill(colleagueAccount.email);
    expect(await admin.getByLabel('Member', { exact: true }).isChecked()).toBe(true);
    await press(admin, 'Send the invitation');
    expect(path(admin)).toBe(`/provider/${providerId}`);
    expect(await mainText(admin)).toContain('The invitation is sent.');
    const invitations = admin.getByRole('table', { name: 'Each link works once, until it expires' });
    expect((await invitations.locator('tbody tr').innerText()).replace(/\s+/g, ' ')).toContain(
      `${colleagueAccount.email} Member`,
    );

    const mail = await latestMail(journey.url, colleagueAccount.email, 'provider-invitation');
    expect(mail.subject).toBe(`You are invited to join ${ASSOCIATION}`);
    expect(mail.text).toContain(`Avery Admin invited you to join ${ASSOCIATION}`);
    invitationLink = onJourneyServer(linkIn(mail.text, '/invitations/accept'));
  });

  it('the colleague opens the link, signs in, accepts, and finds the organisation under "My organisation"', async () => {
    // Not signed in yet: the link asks them to sign in, then comes back to the invitation.
    await visit(colleague, invitationLink);
    expect(path(colleague)).toBe('/sign-in');
    expect(new URL(colleague.url()).searchParams.get('next')).toBe(invitationLink);
    await colleague.getByLabel('Email address').fill(colleagueAccount.email);
    await colleague.getByLabel('Password', { exact: true }).fill(colleagueAccount.password);
    await press(colleague, 'Sign in');
    expect(`${path(colleague)}${new URL(colleague.url()).search}`).toBe(invitationLink);
    expect(await heading(colleague)).toBe(`Join ${ASSOCIATION}`);
    expect(await mainText(colleague)).toContain(
      `You are invited to join ${ASSOCIATION} (State library association, Springfield, IL) as a member.`,
    );
    await press(colleague, 'Accept the invitation');
    expect(path(colleague)).toBe(`/provider/${providerId}`);
    expect(await mainText(colleague)).toContain(`Welcome to ${ASSOCIATION}.`);

    await follow(colleague, 'My organisation', { within: colleague.locator('header') });
    // Belonging to one organisation, "My organisation" is that organisation's page.
    expect(path(colleague)).toBe(`/provider/${providerId}`);
    expect(await heading(colleague)).toBe(ASSOCIATION);
    expect(await mainText(colleague)).toContain('State library association · you are a member');
    expect(await memberRow(colleague, 'Casey Colleague')).toContain('Member');
    expect(await memberRow(colleague, 'Avery Admin')).toContain('Administrator');
    // Members do not invite or remove people.
    expect(await colleague.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await colleague.getByRole('button', { name: 'Send the invitation' }).count()).toBe(0);
  });

  it('someone else opening the used link is refused, and can register their own organisation', async () => {
    await submitSignIn(stranger, strangerAccount.email, strangerAccount.password);
    await visit(stranger, invitationLink, { status: 400 });
    const text = await mainText(stranger);
    expect(text).toContain('This invitation has already been used.');
    expect(text).not.toContain(ASSOCIATION);
    expect(await stranger.getByRole('button', { name: 'Accept the invitation' }).count()).toBe(0);

    await registerProvider(stranger, {
      name: COLLEGE,
      kind: 'Community college',
      region: 'WI',
      city: 'Madison',
      contactEmail: 'ce@lakeside.example',
    });
  });

  it('the administrator removes the colleague, who loses access', async () => {
    await visit(admin, `/provider/${providerId}`);
    expect(await memberRow(admin, 'Casey Colleague')).toContain('Member');
    await press(admin, 'Remove Casey Colleague');
    expect(path(admin)).toBe(`/provider/${providerId}`);
    expect(await mainText(admin)).toContain('The member is removed and has been told by email.');
    expect(await membersTable(admin).locator('tbody tr', { hasText: 'Casey Colleague' }).count()).toBe(0);
    const mail = await latestMail(journey.url, colleagueAccount.email, 'provider-member-removed');
    expect(mail.subject).toBe(`You were removed from ${ASSOCIATION}`);

    await visit(colleague, `/provider/${providerId}`, { status: 404 });
    await visit(colleague, '/provider');
    expect(await mainText(colleague)).toContain('You do not belong to a course provider yet.');
    expect(await headerLink(colleague, 'My organisation').count()).toBe(0);
  });

  it('staff find the association in the list, filtered by kind, and see it read-only', async () => {
    await signInAsStaff(staff, staffMember);
    await follow(staff, 'Course providers', { within: staff.locator('main') });
    expect(path(staff)).toBe('/staff/providers');
    expect(await heading(staff)).toBe('Course providers');
    expect(await mainText(staff)).toContain('2 providers');

    await staff.getByLabel('Kind of organisation', { exact: true }).selectOption({
      label: 'State library association',
    });
    await press(staff, 'Apply filters');
    expect(new URL(staff.url()).searchParams.get('type')).toBe('state_library_association');
    const text = await mainText(staff);
    expect(text).toContain('1 provider');
    expect(text).not.toContain(COLLEGE);
    const row = staff.locator('tbody tr', { hasText: ASSOCIATION });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      'State library association Springfield, IL, United States 1',
    );

    await follow(staff, ASSOCIATION, { within: staff.locator('main') });
    expect(path(staff)).toBe(`/staff/providers/${providerId}`);
    expect(await heading(staff)).toBe(ASSOCIATION);
    expect(await mainText(staff)).toContain('+1 217 555 0190');
    expect(await memberRow(staff, 'Avery Admin')).toContain(`${adminAccount.email} Administrator`);
    expect(await membersTable(staff).locator('tbody tr').count()).toBe(1);
    // Read-only: nothing to edit, invite, remove or leave.
    expect(await staff.locator('main form').count()).toBe(0);
    expect(await staff.getByRole('link', { name: 'Edit the profile' }).count()).toBe(0);
  });
});
