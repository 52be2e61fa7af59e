import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/platform/audit/schema.js';
import type { Ctx } from '../../src/platform/context.js';
import { fieldError } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { type MadeApplication, mailOf, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())(
  'staff application page, information requests and rejection on %s',
  (backend) => {
    let t: TestApp;
    let staff: TestSession;
    let staffCtx: Ctx;
    const auditActions = async (id: string) =>
      (
        await t.services.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.subjectType, 'application'), eq(auditEvents.subjectId, id)))
      ).map((e) => e.action);

    beforeAll(async () => {
      t = await createTestApp(backend);
      const member = await staffMember(t);
      staff = member.session;
      staffCtx = member.ctx;
    });
    afterAll(() => t.close());

    it('shows the details, eligibility per entry, payment, history and the actions of the state', async () => {
      const app = await makeApplication(t, staffCtx, { givenName: 'Ada', familyName: 'Lovelace' });
      const res = await get(t, `/staff/applications/${app.id}`, staff);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`Application ${app.number}: Ada Lovelace`);
      expect(res.body).toContain('Waiting for a check');
      // 20 hours a week over the whole 5-year window ending on the submission day.
      expect(res.body).toMatch(
        /5,217\.14 of 1,820 hours counted, for work from 29 November 2021 to 28 November 2026/,
      );
      expect(res.body).toContain('Example County Library');
      expect(res.body).toContain('Application fee $350.00 (non-member rate)');
      expect(res.body).toContain('$350.00 due');
      expect(res.body).toContain('Record a check');
      expect(res.body).not.toContain('Admit the applicant');
      expect(res.body).toContain('Submitted');
      expect(res.body).toContain('Fee charged');
      expect(res.body.match(/<th(?![^>]*scope=)[\s>]/g)).toBeNull();
      expect((res.body.match(/<h1[\s>]/g) ?? []).length).toBe(1);

      const json = (await api(t, 'GET', `/api/v1/staff/applications/${app.id}`, { session: staff })).json();
      expect(json).toMatchObject({
        number: app.number,
        status: 'awaiting_check',
        candidate: { email: app.candidate.email },
        eligibility: {
          eligible: true,
          countedHours: 5217.14,
          requiredHours: 1820,
          window: { from: '2021-11-29', to: '2026-11-28' },
        },
        payment: { chargedCents: 35000, dueCents: 35000, settled: false },
        actions: { recordCheck: true, admit: false, requestInformation: false, reject: false },
      });
      expect(json.eligibility.entries[0].countedHours).toBe(5217.14);
      expect(json.eligibilitySnapshot.countedHours).toBe(5217.14);
      expect(json.audit.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['application.submitted', 'fee.created']),
      );
    });

    it('answers 404 for an unknown or malformed application id', async () => {
      expect(
        (await get(t, '/staff/applications/0190a1b2-0000-7000-8000-000000000000', staff)).statusCode,
      ).toBe(404);
      expect((await get(t, '/staff/applications/not-an-id', staff)).statusCode).toBe(404);
      const res = await api(t, 'POST', '/api/v1/staff/applications/not-an-id/admit', { session: staff });
      expect(res.statusCode).toBe(404);
    });

    it('asks the candidate for more information: state, message, mail, audit', async () => {
      const app = await makeApplication(t, staffCtx, { status: 'in_review' });
      const res = await postForm(
        t,
        `/staff/applications/${app.id}/request-information`,
        { message: 'Which branch did you work at in 2023?' },
        staff,
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/staff/applications/${app.id}`);
      const page = await get(t, `/staff/applications/${app.id}`, staff);
      expect(page.body).toContain('More information requested');
      expect(page.body).toContain('Question from staff');
      expect(page.body).toContain('Which branch did you work at in 2023?');
      const mail = await mailOf(t, app.candidate.email, 'application-info-requested');
      expect(mail!.text).toContain('Which branch did you work at in 2023?');
      expect(await auditActions(app.id)).toContain('application.info_requested');
      // Asking again while the candidate has not answered is refused clearly.
      const again = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/request-information`, {
        session: staff,
        body: { message: 'Hello?' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe(
        'More information has already been requested; the candidate has not answered yet.',
      );
    });

    it('requires the question, and refuses it before the fee is paid', async () => {
      const app = await makeApplication(t, staffCtx, { status: 'in_review' });
      const empty = await postForm(
        t,
        `/staff/applications/${app.id}/request-information`,
        { message: '   ' },
        staff,
      );
      expect(empty.statusCode).toBe(400);
      expect(fieldError(empty.body, 'message')).toContain('Write the question for the candidate');
      const apiEmpty = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/request-information`, {
        session: staff,
        body: {},
      });
      expect(apiEmpty.statusCode).toBe(400);
      expect(apiEmpty.json().errors).toEqual([
        { field: 'message', message: 'Write the question for the candidate' },
      ]);
      const unpaid = await makeApplication(t, staffCtx);
      const res = await postForm(
        t,
        `/staff/applications/${unpaid.id}/request-information`,
        { message: 'Why?' },
        staff,
      );
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain(
        'The application fee is not paid yet, so you cannot request information for this application.',
      );
    });

    it('rejects as ineligible with the reason, and shows and mails the refund owed', async () => {
      const app = await makeApplication(t, staffCtx, { status: 'info_requested' });
      const res = await postForm(
        t,
        `/staff/applications/${app.id}/reject`,
        { reason: 'Your hours were in a bookshop, not a library.' },
        staff,
      );
      expect(res.statusCode).toBe(303);
      const page = await get(t, `/staff/applications/${app.id}`, staff);
      expect(page.body).toContain('Rejected as ineligible');
      expect(page.body).toContain('Refund owed: $350.00');
      expect(page.body).toContain('Your hours were in a bookshop, not a library.');
      const mail = await mailOf(t, app.candidate.email, 'application-rejected');
      expect(mail!.text).toContain('Your hours were in a bookshop, not a library.');
      expect(mail!.text).toContain('We will refund the $350.00 you paid');
      expect(await auditActions(app.id)).toContain('application.rejected');
      const json = (await api(t, 'GET', `/api/v1/staff/applications/${app.id}`, { session: staff })).json();
      expect(json).toMatchObject({
        status: 'rejected',
        refundOwedCents: 35000,
        rejectionReason: 'Your hours were in a bookshop, not a library.',
      });
      const again = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/reject`, {
        session: staff,
        body: { reason: 'Again' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('This application is already rejected.');
    });

    it('requires a reason to reject, and refuses rejection before review', async () => {
      const app = await makeApplication(t, staffCtx, { status: 'in_review' });
      const res = await postForm(t, `/staff/applications/${app.id}/reject`, { reason: '' }, staff);
      expect(res.statusCode).toBe(400);
      expect(fieldError(res.body, 'reason')).toContain('Write why the applicant is not eligible');
      const ok = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/reject`, {
        session: staff,
        body: { reason: 'No diploma.' },
      });
      expect(ok.json()).toMatchObject({ application: { status: 'rejected' }, refundOwedCents: 35000 });
      const unpaid = await makeApplication(t, staffCtx);
      const early = await api(t, 'POST', `/api/v1/staff/applications/${unpaid.id}/reject`, {
        session: staff,
        body: { reason: 'No.' },
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('INVALID_STATE');
    });

    it('refuses candidates, staff without MFA, and posts without the CSRF token', async () => {
      const app: MadeApplication = await makeApplication(t, staffCtx, { status: 'in_review' });
      const candidate = await signedInAs(t, ['candidate']);
      expect((await get(t, `/staff/applications/${app.id}`, candidate)).statusCode).toBe(403);
      const asCandidate = await postForm(
        t,
        `/staff/applications/${app.id}/reject`,
        { reason: 'x' },
        candidate,
      );
      expect(asCandidate.statusCode).toBe(403);
      const apiCandidate = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/request-information`, {
        session: candidate,
        body: { message: 'x' },
      });
      expect(apiCandidate.json().code).toBe('FORBIDDEN');
      const noMfa = (await staffMember(t, { mfaVerified: false })).session;
      const mfa = await api(t, 'POST', `/api/v1/staff/applications/${app.id}/reject`, {
        session: noMfa,
        body: { reason: 'x' },
      });
      expect(mfa.statusCode).toBe(401);
      expect(mfa.json().code).toBe('MFA_REQUIRED');
      const noCsrf = await postForm(t, `/staff/applications/${app.id}/reject`, { reason: 'x' }, staff, {
        csrf: false,
      });
      expect(noCsrf.statusCode).toBe(403);
      const apiNoCsrf = await t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/applications/${app.id}/admit`,
        headers: { cookie: staff.cookie },
      });
      expect(apiNoCsrf.statusCode).toBe(403);
      expect(apiNoCsrf.json().code).toBe('CSRF_INVALID');
      const still = (await api(t, 'GET', `/api/v1/staff/applications/${app.id}`, { session: staff })).json();
      expect(still.status).toBe('in_review');
    });
  },
);
