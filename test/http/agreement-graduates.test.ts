import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAchievements } from '../../src/modules/applications/schema.js';
import { certifyIfComplete } from '../../src/modules/certification/certify-if-complete.js';
import { certifications } from '../../src/modules/certification/schema.js';
import { type Ctx, systemCtx, transact } from '../../src/platform/context.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { fieldError } from '../support/accounts.js';
import { claimOf, graduateApplication, signedAgreement } from '../support/agreement-factories.js';
import { testBackends } from '../support/backends.js';
import { multipart, sampleExe, samplePdf } from '../support/course-factories.js';
import { auditActions } from '../support/factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { type MadeApplication, mailOf, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('graduates of recognised programs on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let staffCtx: Ctx;
  let full: { agreementId: string; reference: string };
  let partial: { agreementId: string; reference: string };

  const verify = (id: string, s = staff) => postForm(t, `/staff/applications/${id}/graduation/verify`, {}, s);
  const admit = (id: string) => api(t, 'POST', `/api/v1/staff/applications/${id}/admit`, { session: staff });
  const achievements = async (candidateId: string) =>
    t.services.db.select().from(setAchievements).where(eq(setAchievements.candidateId, candidateId));
  const certificationOf = async (candidateId: string) =>
    (await t.services.db.select().from(certifications).where(eq(certifications.candidateId, candidateId)))[0];
  const upload = (
    s: TestSession,
    fields: Record<string, string>,
    file?: { name: string; bytes: Buffer },
    csrf = true,
  ) => {
    const { payload, contentType } = multipart(csrf ? { _csrf: s.csrf, ...fields } : fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/application/graduation',
      headers: { cookie: s.cookie, 'content-type': contentType },
      payload,
    });
  };
  const candidateSession = async (app: MadeApplication) => sessionOf(t, app.candidate);

  beforeAll(async () => {
    t = await createTestApp(backend, { LSSC_MAX_UPLOAD_BYTES: '4096' });
    const member = await staffMember(t);
    staff = member.session;
    staffCtx = member.ctx;
    full = await signedAgreement(staffCtx, { effectiveFrom: '2024-05-01' });
    partial = await signedAgreement(staffCtx, {
      kind: 'partial',
      effectiveFrom: '2024-05-01',
      endsOn: '2028-05-01',
    });
  });
  afterAll(() => t.close());

  it('full agreement: staff see and verify the proof, and admission certifies with the sets "by agreement"', async () => {
    const app = await graduateApplication(t, full.agreementId, { hours: 1820 });
    const review = await get(t, `/staff/applications/${app.id}`, staff);
    expect(review.body).toContain('Graduation through an agreement');
    expect(review.body).toContain('diploma.pdf');
    expect(review.body).toContain('Waiting for program staff to check the proof');
    const proof = await get(t, `/staff/applications/${app.id}/graduation/proof`, staff);
    expect(proof.statusCode).toBe(200);
    expect(proof.headers['content-type']).toBe('application/pdf');
    const own = await candidateSession(app);
    expect((await get(t, '/application/graduation/proof', own)).statusCode).toBe(200);

    expect((await verify(app.id)).statusCode).toBe(303);
    expect((await claimOf(t, app.id))!.status).toBe('verified');
    expect((await verify(app.id)).statusCode).toBe(409);
    expect(await achievements(app.candidate.id)).toEqual([]);

    expect((await admit(app.id)).statusCode).toBe(200);
    const sets = await achievements(app.candidate.id);
    expect(sets).toHaveLength(6);
    for (const s of sets)
      expect(s).toMatchObject({ how: 'agreement', sourceRef: full.reference, achievedOn: '2026-11-28' });
    expect(await certificationOf(app.candidate.id)).toMatchObject({
      status: 'active',
      certifiedOn: '2026-11-28',
      expiresOn: '2030-11-28',
    });
    const page = await get(t, '/my-certification', own);
    expect(page.body).toContain('Congratulations, you are certified');
    expect(page.body).toContain('by a recognition agreement');
    expect((await mailOf(t, app.candidate.email, 'certification-granted'))!.subject).toContain(
      'you are certified',
    );
    const claim = (await claimOf(t, app.id))!;
    expect(await auditActions(t, 'graduation_claim', claim.id)).toEqual([
      'graduation_claim.stated',
      'graduation_claim.verified',
      'graduation_claim.sets_recorded',
    ]);
  });

  it('partial agreement: sets recorded on verification after admission, certified only when the rest is achieved', async () => {
    const app = await graduateApplication(t, partial.agreementId, { hours: 2000, graduatedOn: '2025-12-12' });
    expect((await admit(app.id)).statusCode).toBe(200);
    expect(await achievements(app.candidate.id)).toEqual([]);
    expect((await verify(app.id)).statusCode).toBe(303);
    const sets = await achievements(app.candidate.id);
    expect(sets.map((s) => s.setId).sort()).toEqual([
      'access-services',
      'communication-teamwork',
      'foundations',
      'youth-services',
    ]);
    expect(await certificationOf(app.candidate.id)).toBeUndefined();
    const progress = await get(t, '/my-certification', await candidateSession(app));
    expect(progress.body).toContain('by a recognition agreement');

    // The missing sets come another way (a course and a portfolio), and then certification follows.
    const now = t.clock.now();
    for (const [setId, how] of [
      ['technology', 'course'],
      ['reference-information', 'portfolio'],
    ] as const)
      await t.services.db.insert(setAchievements).values({
        id: uuidv7(),
        candidateId: app.candidate.id,
        setId,
        how,
        achievedOn: '2026-11-28',
        createdAt: now,
      });
    await transact(systemCtx(t.services, 'test'), (w) =>
      certifyIfComplete(systemCtx(t.services, 'test'), w, [app.candidate.id]),
    );
    expect(await certificationOf(app.candidate.id)).toMatchObject({ status: 'active' });
  });

  it('without the hours: applies, is admitted once verified, certified provisionally, then full when hours are confirmed', async () => {
    const app = await graduateApplication(t, full.agreementId, { hours: 0 });
    const refused = await admit(app.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('verify the proof of graduation before admitting');
    expect((await verify(app.id)).statusCode).toBe(303);
    expect((await admit(app.id)).statusCode).toBe(200);
    const cert = (await certificationOf(app.candidate.id))!;
    expect(cert).toMatchObject({ status: 'provisional', certifiedOn: '2026-11-28' });
    expect((await mailOf(t, app.candidate.email, 'certification-provisional'))!.text).toContain(
      '/my-certification/hours',
    );

    const own = await candidateSession(app);
    expect((await get(t, '/my-certification', own)).body).toContain('Your certification is provisional');
    const hours = await get(t, '/my-certification/hours', own);
    expect(hours.body).toContain('0 of the 1,820 hours count so far');
    const bad = await postForm(t, '/my-certification/hours', { library: '', startDate: '2030-01-01' }, own);
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'library')).toBe('Enter the name of the library');
    const report = (totalHours: string) =>
      postForm(
        t,
        '/my-certification/hours',
        {
          library: 'Town Library',
          libraryType: 'public',
          position: 'Clerk',
          paid: 'paid',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
          totalHours,
        },
        own,
      );
    expect((await report('1000')).statusCode).toBe(303);
    expect((await report('900')).statusCode).toBe(303);
    const pending = await get(t, '/staff/provisional-hours', staff);
    expect(pending.body).toContain('Town Library');
    expect((await get(t, '/staff/provisional-hours', own)).statusCode).toBe(403);

    const { provisionalHours } = await import('../../src/modules/agreements/schema.js');
    const entries = await t.services.db
      .select()
      .from(provisionalHours)
      .where(eq(provisionalHours.certificationId, cert.id));
    const [first, second] = entries.sort((a, b) => a.totalHours! - b.totalHours!);
    expect((await postForm(t, `/staff/provisional-hours/${second!.id}/confirm`, {}, staff)).statusCode).toBe(
      303,
    );
    expect((await certificationOf(app.candidate.id))!.status).toBe('provisional');
    expect((await postForm(t, `/staff/provisional-hours/${second!.id}/confirm`, {}, staff)).statusCode).toBe(
      409,
    );
    expect((await postForm(t, `/staff/provisional-hours/${first!.id}/confirm`, {}, own)).statusCode).toBe(
      403,
    );
    expect((await postForm(t, `/staff/provisional-hours/${first!.id}/confirm`, {}, staff)).statusCode).toBe(
      303,
    );
    const after = (await certificationOf(app.candidate.id))!;
    expect(after).toMatchObject({ status: 'active', number: cert.number, certifiedOn: cert.certifiedOn });
    expect((await mailOf(t, app.candidate.email, 'certification-activated'))!.subject).toContain(cert.number);
    expect(await auditActions(t, 'certification', cert.id)).toContain('certification.activated');
  });

  it('checks the graduation: date in the agreement window and not in the future, a proof judged by its content', async () => {
    const s = await signedInAs(t, ['candidate']);
    const fields = (o: Record<string, string> = {}) => ({
      agreementId: partial.agreementId,
      graduatedOn: '2025-06-01',
      ...o,
    });
    const pdf = { name: 'diploma.pdf', bytes: samplePdf };
    const before = await upload(s, fields({ graduatedOn: '2024-04-30' }), pdf);
    expect(before.statusCode).toBe(400);
    expect(fieldError(before.body, 'graduatedOn')).toBe(
      'The agreement covers graduates from 1 May 2024 to 1 May 2028, so a graduation on 30 April 2024 does not count under it.',
    );
    const future = await upload(s, fields({ graduatedOn: '2026-11-29' }), pdf);
    expect(fieldError(future.body, 'graduatedOn')).toBe('The graduation date cannot be in the future');
    const none = await upload(s, fields({ agreementId: '', graduatedOn: 'May' }));
    expect(none.statusCode).toBe(400);
    expect(fieldError(none.body, 'agreementId')).toBe('Choose the program you graduated from');
    expect(fieldError(none.body, 'graduatedOn')).toContain('Enter the date you graduated');
    expect(fieldError(none.body, 'file')).toContain('Choose your proof of graduation');
    const unknown = await upload(s, fields({ agreementId: uuidv7() }), pdf);
    expect(fieldError(unknown.body, 'agreementId')).toBe('Choose the program you graduated from');
    const exe = await upload(s, fields(), { name: 'diploma.pdf', bytes: sampleExe });
    expect(exe.statusCode).toBe(400);
    expect(fieldError(exe.body, 'file')).toContain('Programs cannot be uploaded');
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(8192, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const tooLarge = await upload(s, fields(), { name: 'big.pdf', bytes: big });
    expect(tooLarge.statusCode).toBe(413);
    expect((await upload(s, fields(), pdf, false)).statusCode).toBe(403);
    expect((await get(t, '/application/graduation', s)).body).not.toContain('What you told us');
    const ok = await upload(s, fields(), pdf);
    expect(ok.statusCode).toBe(303);
    expect((await get(t, '/application/graduation', s)).body).toContain('What you told us');
    // Saving again replaces the statement (a double click makes one claim).
    expect((await upload(s, fields({ graduatedOn: '2025-06-02' }), pdf)).statusCode).toBe(303);
    expect((await get(t, '/application/graduation', staff)).statusCode).toBe(403);
  });

  it('staff reject the proof with a reason; the candidate is mailed and sends a new one', async () => {
    const app = await graduateApplication(t, full.agreementId, { hours: 1820 });
    const empty = await postForm(
      t,
      `/staff/applications/${app.id}/graduation/reject`,
      { reason: ' ' },
      staff,
    );
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'reason')).toContain('Say why the proof cannot be accepted');
    const evaluator = await signedInAs(t, ['portfolio_evaluator']);
    const own = await candidateSession(app);
    for (const s of [evaluator, own]) {
      expect(
        (await postForm(t, `/staff/applications/${app.id}/graduation/reject`, { reason: 'No' }, s))
          .statusCode,
      ).toBe(403);
      expect((await verify(app.id, s)).statusCode).toBe(403);
      expect((await get(t, `/staff/applications/${app.id}/graduation/proof`, s)).statusCode).toBe(403);
    }
    const other = await signedInAs(t, ['candidate']);
    expect((await get(t, '/application/graduation/proof', other)).statusCode).toBe(404);
    expect(
      (
        await postForm(t, `/staff/applications/${app.id}/graduation/reject`, { reason: 'No' }, staff, {
          csrf: false,
        })
      ).statusCode,
    ).toBe(403);
    const rejected = await postForm(
      t,
      `/staff/applications/${app.id}/graduation/reject`,
      { reason: 'The scan is unreadable.' },
      staff,
    );
    expect(rejected.statusCode).toBe(303);
    const mail = (await mailOf(t, app.candidate.email, 'graduation-proof-rejected'))!;
    expect(mail.text).toContain('The scan is unreadable.');
    expect(mail.text).toContain('/application/graduation');
    const mine = await get(t, '/application/graduation', own);
    expect(mine.body).toContain('The scan is unreadable.');
    expect(
      (
        await upload(
          own,
          { agreementId: full.agreementId, graduatedOn: '2026-05-15' },
          { name: 'diploma2.pdf', bytes: samplePdf },
        )
      ).statusCode,
    ).toBe(303);
    expect(await claimOf(t, app.id)).toMatchObject({
      status: 'pending',
      proofFileName: 'diploma2.pdf',
      rejectionReason: null,
    });
    const claimId = (await claimOf(t, app.id))!.id;
    expect(await auditActions(t, 'graduation_claim', claimId)).toEqual([
      'graduation_claim.stated',
      'graduation_claim.rejected',
      'graduation_claim.replaced',
    ]);
    const achieved = await t.services.db
      .select()
      .from(setAchievements)
      .where(and(eq(setAchievements.candidateId, app.candidate.id)));
    expect(achieved).toEqual([]);
  });
});
