import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPayer } from '../../src/modules/institutions/repository.js';
import { linkIn } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { auditActions, draftApplication, mailTo } from '../support/factories.js';
import {
  applicantList,
  appliedWithInstitution,
  institutionWithContact,
  MEMBER,
  NON_MEMBER,
  ok,
  poRowCounts,
  sendPo,
} from '../support/institution-factories.js';
import { api, postForm, type TestSession, uniqueEmail } from '../support/sessions.js';
import { makeApplication, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A purchase order is planned for all its applicants at once (one read for every address): each kind
 * of applicant in one order, so a batch that mixes up rows, addresses or applications shows.
 */
describe.each(testBackends())('planning a purchase order of many kinds of applicant on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  /** Add an address to the person's account, confirmed through the mailed link unless told otherwise. */
  async function addAddress(session: TestSession, email: string, opts: { confirm: boolean }) {
    expect((await postForm(t, '/account/emails', { email }, session)).statusCode).toBe(303);
    if (!opts.confirm) return;
    const mail = (await mailTo(t, email)).find((m) => m.template === 'email-address-confirm');
    const token = new URL(linkIn(mail, '/account/emails/confirm?token='), 'http://x').searchParams.get(
      'token',
    )!;
    expect((await postForm(t, '/account/emails/confirm', { token }, session)).statusCode).toBe(303);
  }

  const invitationsFrom = async (email: string, institution: string) =>
    (await mailTo(t, email)).filter(
      (m) => m.template === 'institution-applicant-invitation' && m.subject.startsWith(institution),
    );

  it('matches, invites and charges each applicant rightly, and refuses the first already invoiced', async () => {
    const name = 'Planning Library';
    const { contact, institutionId } = await institutionWithContact(t, name);
    const other = await institutionWithContact(t, 'Elsewhere Library');

    // Applied choosing this institution: by the primary address, by a confirmed additional one, a member.
    const matched = await appliedWithInstitution(t, institutionId);
    const byAlt = await appliedWithInstitution(t, institutionId);
    const alt = uniqueEmail('alt');
    await addAddress(byAlt.session, alt, { confirm: true });
    const member = await appliedWithInstitution(t, institutionId, { member: true });
    // A member who chose this institution, named by an address they never confirmed: not them.
    const unconfirmedOwner = await appliedWithInstitution(t, institutionId, { member: true });
    const unconfirmed = uniqueEmail('unconfirmed');
    await addAddress(unconfirmedOwner.session, unconfirmed, { confirm: false });
    // A member whose application was rejected, even though it had named this institution.
    const staff = await staffMember(t);
    const rejected = await makeApplication(t, staff.ctx, { status: 'rejected', member: true });
    await setPayer(t.services.db, rejected.id, institutionId, t.clock.now());
    // Rejected once, then applied again as a member choosing this institution: the new application counts.
    const reapplied = await makeApplication(t, staff.ctx, { status: 'rejected' });
    const again = await sessionOf(t, reapplied.candidate);
    t.clock.advance(60_000);
    await draftApplication(t, again, { member: true });
    const body = { paymentMethod: 'institution', institutionId };
    const reappliedNumber = (await ok(api(t, 'POST', '/api/v1/application/submit', { session: again, body })))
      .number as string;
    // A member whose application another institution pays: invited, but at the member fee.
    const otherPayer = await appliedWithInstitution(t, other.institutionId, { member: true });
    const [newcomer, elsewhere, earlierA, earlierB] = applicantList(4, 'planning');

    const earlier = async (poNumber: string, who: { name: string; email: string }, inst = institutionId) =>
      (
        await ok(
          sendPo(t, inst === institutionId ? contact : other.contact, inst, {
            poNumber,
            amountCents: NON_MEMBER,
            applicants: [who],
          }),
          201,
        )
      ).number as string;
    await earlier('PO-E1', earlierA!);
    const invoiceB = await earlier('PO-E2', earlierB!);
    await earlier('PO-O1', elsewhere!, other.institutionId);

    const applicants = [
      { name: 'Mo Matched', email: matched.session.email },
      { name: 'Al Alternate', email: alt.toUpperCase() },
      { name: 'Una Unconfirmed', email: unconfirmed },
      { name: 'Mem Member', email: member.session.email },
      { name: 'Rex Rejected', email: rejected.candidate.email },
      { name: 'Rhea Reapplied', email: reapplied.candidate.email },
      { name: 'Otto Other', email: otherPayer.session.email },
      { name: 'Nia New', email: newcomer!.email },
      { name: 'Elle Elsewhere', email: elsewhere!.email },
    ];
    const total = 6 * NON_MEMBER + 3 * MEMBER;

    // Two people already invoiced, after others: the first of them in the order is named; nothing is written.
    const before = await poRowCounts(t);
    const twice = await sendPo(t, contact, institutionId, {
      poNumber: 'PO-MIX',
      amountCents: total + 2 * NON_MEMBER,
      applicants: [
        ...applicants.slice(0, 4),
        earlierB!,
        ...applicants.slice(4, 7),
        earlierA!,
        ...applicants.slice(7),
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      {
        field: 'applicants',
        message: `${earlierB!.email} is already on your invoice ${invoiceB}; list each person on one purchase order only`,
      },
    ]);
    expect(await poRowCounts(t)).toEqual(before);

    // The fees add up to exactly `total`: a cent less is refused.
    const short = await sendPo(t, contact, institutionId, {
      poNumber: 'PO-MIX',
      amountCents: total - 1,
      applicants,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].message).toMatch(/\$0\.01 short .* 9 applicants come to \$3,075\.00/);
    expect(await poRowCounts(t)).toEqual(before);

    const invoice = await ok(
      sendPo(t, contact, institutionId, { poNumber: 'PO-MIX', amountCents: total, applicants }),
      201,
    );
    expect({ matched: invoice.matched, invited: invoice.invited, totalCents: invoice.totalCents }).toEqual({
      matched: 4,
      invited: 5,
      totalCents: total,
    });
    const line = (
      email: string,
      amountCents: number,
      member: boolean,
      known: boolean,
      number: string | null,
    ) => ({
      email,
      amountCents,
      member,
      memberUnknown: !known,
      applicationNumber: number,
    });
    expect(
      invoice.lines.map(({ email, amountCents, member, memberUnknown, applicationNumber }: never) => ({
        email,
        amountCents,
        member,
        memberUnknown,
        applicationNumber,
      })),
    ).toEqual([
      line(matched.session.email, NON_MEMBER, false, true, matched.number),
      line(alt, NON_MEMBER, false, true, byAlt.number),
      line(unconfirmed, NON_MEMBER, false, false, null),
      line(member.session.email, MEMBER, true, true, member.number),
      line(rejected.candidate.email, NON_MEMBER, false, false, null),
      line(reapplied.candidate.email, MEMBER, true, true, reappliedNumber),
      line(otherPayer.session.email, MEMBER, true, true, null),
      line(newcomer!.email, NON_MEMBER, false, false, null),
      line(elsewhere!.email, NON_MEMBER, false, false, null),
    ]);
    expect(invoice.lines.map((l: { position: number }) => l.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // One invitation to each invited address as given; none to the matched, whichever address named them.
    for (const email of [unconfirmed, rejected.candidate.email, otherPayer.session.email, newcomer!.email]) {
      expect(await invitationsFrom(email, name), email).toHaveLength(1);
    }
    expect(await invitationsFrom(elsewhere!.email, name)).toHaveLength(1);
    expect(await invitationsFrom(elsewhere!.email, 'Elsewhere Library')).toHaveLength(1);
    const matchedEmails = [matched.session.email, alt, byAlt.session.email, member.session.email];
    for (const email of [...matchedEmails, reapplied.candidate.email]) {
      expect(await invitationsFrom(email, name), email).toHaveLength(0);
    }
    expect(await invitationsFrom(unconfirmedOwner.session.email, name)).toHaveLength(0);
    const mail = (await mailTo(t, contact.email)).find(
      (m) => m.template === 'institution-invoice' && m.subject.includes('PO-MIX'),
    );
    expect(mail?.text).toContain('Invoice ');
    expect(mail?.text).toContain('for $3,075.00');
    expect(mail?.text).toContain(
      '4 of the applicants had already applied and are matched to it; we sent the other 5 an invitation to apply.',
    );
    expect(await auditActions(t, 'invoice', invoice.id)).toEqual(['invoice.issued']);
  });
});
