import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, setAchievements } from '../../src/modules/applications/schema.js';
import { findFeeBySubject, insertLedgerEntry } from '../../src/modules/payments/repository.js';
import { frameworkVersions } from '../../src/modules/policy/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { testBackends } from '../support/backends.js';
import { candidate, payByCard, personalDetails, submittedApplication } from '../support/factories.js';
import { api, get, sessionFor } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('candidate dashboard on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('shows a new candidate the ten sets and how to start', async () => {
    const me = await candidate(t);
    const d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.application).toBeNull();
    expect(d.nextSteps).toEqual([{ text: 'Start your application', href: '/application' }]);
    expect(d.sets).toHaveLength(10);
    expect(
      d.sets.filter((s: { required: boolean }) => s.required).map((s: { title: string }) => s.title),
    ).toEqual(['Foundations of Library Services', 'Communication and Teamwork', 'Technology']);
    expect(d.progress.summary).toBe('0 of 3 required, 0 of 3 electives');
    expect(d.framework.pinned).toBe(false);
    expect(d.timeline.map((s: { state: string }) => s.state)).toEqual([
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    const page = await get(t, '/dashboard', me);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>My certification</h1>');
    expect(page.body).toContain(
      '<td>Youth Services</td><td>Elective</td><td><span class="tag">Not started</span></td>',
    );
  });

  it('lists what is left in a draft, with links to the sections', async () => {
    const me = await candidate(t, { verified: false });
    await api(t, 'PUT', '/api/v1/application/personal', { session: me, body: personalDetails });
    const d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.nextSteps).toEqual([
      {
        text: 'Confirm your email address with the link we sent you. You need it to submit.',
        href: '/account',
      },
      { text: 'Finish the section “Education”', href: '/application/education' },
      { text: 'Finish the section “Library work experience”', href: '/application/experience' },
      { text: 'Finish the section “ALA membership and fee”', href: '/application/membership' },
    ]);
    expect(d.timeline.find((s: { key: string }) => s.key === 'drafted')).toMatchObject({
      state: 'done',
      date: '2026-11-28',
    });
  });

  it('follows a submission through payment', async () => {
    const me = await candidate(t);
    const { number } = await submittedApplication(t, me, 'card');
    let d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.application).toMatchObject({ number, status: 'awaiting_payment', submittedOn: '2026-11-28' });
    expect(d.nextSteps).toEqual([
      {
        text: 'Pay the application fee of $350.00 by card, or switch to paying by check',
        href: '/application/pay',
      },
    ]);
    expect(d.timeline.find((s: { key: string }) => s.key === 'submitted').label).toBe(
      `Application submitted (${number})`,
    );
    await payByCard(t, me);
    d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.fee).toMatchObject({
      amount: { formatted: '$350.00' },
      due: { amountCents: 0 },
      paidOn: '2026-11-28',
      refundOwed: null,
    });
    expect(d.timeline.map((s: { state: string }) => s.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
    ]);
    expect(d.nextSteps[0].text).toContain('program staff are reviewing your application');
  });

  it('explains a rejection and the refund, owed and then paid', async () => {
    const me = await candidate(t);
    const { applicationId } = await submittedApplication(t, me, 'card');
    await payByCard(t, me);
    const reason = 'The hours at Springfield could not be confirmed with the library.';
    await t.services.db
      .update(applications)
      .set({ status: 'rejected', rejectionReason: reason, decidedAt: t.clock.now() })
      .where(eq(applications.id, applicationId));
    let d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.application).toMatchObject({ status: 'rejected', rejectionReason: reason });
    expect(d.fee.refundOwed.formatted).toBe('$350.00');
    const page = await get(t, '/dashboard', me);
    expect(page.body).toContain(reason);
    expect(page.body).toContain('Your application fee of $350.00 will be refunded to you.');
    expect((await get(t, '/application', me)).body).toContain('Start a new application');

    const fee = (await findFeeBySubject(t.services.db, 'application', applicationId))!;
    await insertLedgerEntry(t.services.db, {
      feeId: fee.id,
      kind: 'refund',
      amountCents: 35000,
      method: 'card',
      reference: null,
      note: null,
      actorId: null,
      now: t.clock.now(),
    });
    d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.fee).toMatchObject({ refundOwed: null, refunded: { formatted: '$350.00' } });
    expect((await get(t, '/dashboard', me)).body).toContain('We refunded $350.00 of your application fee.');
  });

  // Moves the clock forward, so it runs last.
  it('shows an admitted candidate the deadline, the pinned framework and the sets achieved', async () => {
    const first = await candidate(t);
    const { applicationId } = await submittedApplication(t, first, 'card');
    await payByCard(t, first);
    const [framework] = await t.services.db
      .select()
      .from(frameworkVersions)
      .where(eq(frameworkVersions.active, true));
    await t.services.db
      .update(applications)
      .set({
        status: 'admitted',
        admittedOn: '2026-11-28',
        deadlineOn: '2030-11-28',
        frameworkVersionId: framework!.id,
      })
      .where(eq(applications.id, applicationId));
    const achieved = [
      ['foundations', 'course', '2026-12-01'],
      ['technology', 'portfolio', '2026-12-10'],
      ['access-services', 'agreement', '2026-12-15'],
    ] as const;
    for (const [setId, how, on] of achieved) {
      await t.services.db.insert(setAchievements).values({
        id: uuidv7(),
        candidateId: first.userId,
        setId,
        how,
        achievedOn: on,
        createdAt: t.clock.now(),
      });
    }
    t.clock.set('2026-12-26T12:00:00Z');
    const me = await sessionFor(t, first.userId, first.email);

    const d = (await api(t, 'GET', '/api/v1/dashboard', { session: me })).json();
    expect(d.deadline).toMatchObject({
      deadline: '2030-11-28',
      years: 3,
      months: 11,
      days: 2,
      expired: false,
    });
    expect(d.deadline.message).toBe('3 years, 11 months, and 2 days left, until 28 November 2030.');
    expect(d.framework).toMatchObject({ id: framework!.id, pinned: true });
    expect(d.progress).toMatchObject({ summary: '2 of 3 required, 1 of 3 electives', complete: false });
    expect(d.sets.find((s: { id: string }) => s.id === 'technology').achieved).toEqual({
      on: '2026-12-10',
      how: 'portfolio',
    });
    expect(d.timeline.map((s: { state: string }) => s.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
    expect(d.nextSteps[0].text).toContain('Explore approved courses');

    const page = await get(t, '/dashboard', me);
    expect(page.body).toContain('You were admitted on 28 November 2026.');
    expect(page.body).toContain('Complete the program by <strong>28 November 2030</strong>');
    expect(page.body).toContain('3 years, 11 months, and 2 days left');
    expect(page.body).toContain('Achieved on 1 December 2026 by an approved course');
    expect(page.body).toContain('2 of 3 required, 1 of 3 electives');
  });
});
