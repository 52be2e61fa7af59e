import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar-date.js';
import { fees } from '../../src/modules/payments/schema.js';
import {
  evaluatorConflicts,
  evaluatorProfiles,
  portfolioAssignments,
  portfolioEvidence,
  portfolios,
} from '../../src/modules/portfolios/schema.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import {
  assignedPortfolio,
  currentEvaluators,
  decidedPortfolio,
} from '../support/portfolio-decision-factories.js';
import {
  admittedCandidate,
  evidenceFields,
  postEvidencePage,
  STATEMENT,
  textEvidence,
} from '../support/portfolio-factories.js';
import { anonymousForm, api, get, postForm, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { mailsTo, portfolioEvaluator, statusOf } from './portfolio-assignment-support.js';

describe.each(testBackends())('resubmitting a portfolio after "more information" on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  const resubmitApi = (id: string, session?: TestSession) =>
    api(t, 'POST', `/api/v1/portfolios/${id}/resubmit`, session ? { session } : {});
  const evidenceOf = (id: string) =>
    t.services.db.select().from(portfolioEvidence).where(eq(portfolioEvidence.portfolioId, id));
  const round2 = async (id: string) =>
    (
      await t.services.db
        .select()
        .from(portfolioAssignments)
        .where(and(eq(portfolioAssignments.portfolioId, id), eq(portfolioAssignments.round, 2)))
    ).sort((a, b) => a.position - b.position);

  it('lets only the reopened competencies change; a locked one is refused with the reason, nothing stored', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const [c1, c2] = p.competencyIds;
    const me = p.candidate.session;
    const before = await evidenceOf(p.id);
    const message = `Portfolio ${p.number} is locked except for the competencies the evaluators asked more about.`;

    const viaApi = await api(t, 'POST', `/api/v1/portfolios/${p.id}/competencies/${c2}/evidence`, {
      session: me,
      body: textEvidence({ title: 'Sneaked in' }),
    });
    expect(viaApi.statusCode).toBe(409);
    expect(viaApi.json().detail).toBe(message);
    const viaPage = await postEvidencePage(t, me, `/portfolios/${p.id}/competencies/${c2}/evidence`, {
      kind: 'text',
      body: 'More words',
      ...evidenceFields({ title: 'Sneaked in too' }),
    });
    expect(viaPage.statusCode).toBe(409);
    expect(viaPage.body).toContain(message);
    const lockedItem = before.find((e) => e.competencyId === c2)!;
    const change = await api(t, 'PUT', `/api/v1/portfolios/${p.id}/evidence/${lockedItem.id}`, {
      session: me,
      body: { role: 'primary', title: 'Changed', explanation: 'Changed.', body: 'Changed.' },
    });
    expect(change.statusCode).toBe(409);
    const remove = await api(t, 'DELETE', `/api/v1/portfolios/${p.id}/evidence/${lockedItem.id}`, {
      session: me,
    });
    expect(remove.statusCode).toBe(409);
    const statement = await api(t, 'PUT', `/api/v1/portfolios/${p.id}/statement`, {
      session: me,
      body: { statement: `${STATEMENT} Changed.` },
    });
    expect(statement.statusCode).toBe(409);
    expect(await evidenceOf(p.id)).toEqual(before);

    // A reopened competency takes new evidence and changes.
    const added = await api(t, 'POST', `/api/v1/portfolios/${p.id}/competencies/${c1}/evidence`, {
      session: me,
      body: textEvidence({ title: 'New catalog records' }),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await evidenceOf(p.id)).toHaveLength(before.length + 1);
  });

  it('refuses while a reopened competency has no primary evidence, naming it', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const me = p.candidate.session;
    const c3 = p.flagged[1]!;
    for (const e of (await evidenceOf(p.id)).filter((e) => e.competencyId === c3)) {
      const res = await api(t, 'DELETE', `/api/v1/portfolios/${p.id}/evidence/${e.id}`, { session: me });
      expect(res.statusCode).toBe(204);
    }
    const viaApi = await resubmitApi(p.id, me);
    expect(viaApi.statusCode).toBe(422);
    expect(viaApi.json().detail).toContain(`This competency has no primary evidence yet: ${c3}.`);
    expect(viaApi.json().errors.map((e: { field: string }) => e.field)).toEqual([c3]);
    const viaPage = await postForm(t, `/portfolios/${p.id}/resubmit`, {}, me);
    expect(viaPage.statusCode).toBe(422);
    expect(viaPage.body).toContain('<title>Error: ');
    expect(viaPage.body).toContain('Your portfolio is not ready to resubmit');
    expect(viaPage.body).toContain(`href="#f-${c3}"`);
    expect(viaPage.body).toContain(`id="f-${c3}"`);
    const overview = await get(t, `/portfolios/${p.id}`, me);
    expect(overview.body).toContain('Before you can resubmit, add primary evidence to:');
    expect((await statusOf(t, p.id)).status).toBe('more_information');
    expect(await round2(p.id)).toEqual([]);
    expect(await mailsTo(t, p.candidate.user.email, 'portfolio-resubmitted')).toEqual([]);
  });

  it('refuses outside "more information", for someone else (404), anonymously and without CSRF', async () => {
    const approved = await decidedPortfolio(t, staff, 'approved');
    const res = await resubmitApi(approved.id, approved.candidate.session);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      `Portfolio ${approved.number} is approved, so there is nothing to resubmit.`,
    );
    const failed = await decidedPortfolio(t, staff, 'not_satisfactory');
    const page = await postForm(t, `/portfolios/${failed.id}/resubmit`, {}, failed.candidate.session);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('cannot be resubmitted. You can start a new portfolio for the set.');
    const evaluating = await assignedPortfolio(t, staff);
    const early = await resubmitApi(evaluating.id, evaluating.candidate.session);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('is with the evaluators');

    const p = await decidedPortfolio(t, staff, 'more_information');
    const other = await admittedCandidate(t);
    expect((await resubmitApi(p.id, other.session)).statusCode).toBe(404);
    expect((await postForm(t, `/portfolios/${p.id}/resubmit`, {}, other.session)).statusCode).toBe(404);
    expect((await resubmitApi('not-a-uuid', p.candidate.session)).statusCode).toBe(404);
    // Anonymous: refused by the CSRF check, and by the use case even with a valid anonymous token.
    expect((await resubmitApi(p.id)).statusCode).toBe(403);
    expect((await postForm(t, `/portfolios/${p.id}/resubmit`, {})).statusCode).toBe(403);
    const anon = await anonymousForm(t, '/sign-in');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/portfolios/${p.id}/resubmit`,
      headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(anon.csrf)}`,
    });
    expect(anonymous.statusCode).toBe(401);
    const noCsrfPage = await postForm(t, `/portfolios/${p.id}/resubmit`, {}, p.candidate.session, {
      csrf: false,
    });
    expect(noCsrfPage.statusCode).toBe(403);
    const noCsrfApi = await t.app.inject({
      method: 'POST',
      url: `/api/v1/portfolios/${p.id}/resubmit`,
      headers: { cookie: p.candidate.session.cookie },
    });
    expect(noCsrfApi.statusCode).toBe(403);
    expect((await statusOf(t, p.id)).status).toBe('more_information');
    expect(await round2(p.id)).toEqual([]);

    // The last round allowed can never be resubmitted, whatever its status says.
    await t.services.db.update(portfolios).set({ round: 2 }).where(eq(portfolios.id, p.id));
    const none = await resubmitApi(p.id, p.candidate.session);
    expect(none.statusCode).toBe(409);
    expect(none.json().detail).toBe(`Portfolio ${p.number} has no resubmission left.`);
  });

  it('resubmits once: the same evaluators in the same slots for round 2, mailed by number only, no fee', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const me = p.candidate.session;
    const feesBefore = await t.services.db.select().from(fees).where(eq(fees.subjectId, p.id));
    const [a, b] = await Promise.all([resubmitApi(p.id, me), resubmitApi(p.id, me)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect([a.json().alreadyResubmitted, b.json().alreadyResubmitted].sort()).toEqual([false, true]);
    expect(a.json().status).toBe('in_evaluation');
    const again = await postForm(t, `/portfolios/${p.id}/resubmit`, {}, me);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/portfolios/${p.id}`);

    const row = await statusOf(t, p.id);
    expect(row.status).toBe('in_evaluation');
    expect(row.round).toBe(2);
    expect(row.unlockedCompetencyIds).toEqual(p.flagged);
    const slots = await round2(p.id);
    expect(slots.map((s) => [s.position, s.evaluatorId])).toEqual(
      p.evaluators.map((e) => [e.position, e.user.id]),
    );
    expect(slots.every((s) => s.dueOn === addDays(t.clock.today(), 30) && !s.submittedAt)).toBe(true);
    expect(await t.services.db.select().from(fees).where(eq(fees.subjectId, p.id))).toEqual(feesBefore);

    for (const e of p.evaluators) {
      const mails = await mailsTo(t, e.user.email, 'portfolio-resubmission-assigned');
      expect(mails).toHaveLength(1);
      const slot = slots.find((s) => s.position === e.position)!;
      expect(mails[0]!.subject).toContain(p.number);
      expect(mails[0]!.text).toContain(`/evaluator/assignments/${slot.id}`);
      expect(mails[0]!.text).toContain(p.flagged.join(', '));
      expect(mails[0]!.text).toContain('Due 28 December 2026');
      for (const secret of [p.candidate.user.displayName, p.candidate.user.email, p.candidate.user.id])
        expect(`${mails[0]!.subject}\n${mails[0]!.text}`).not.toContain(secret);
    }
    const confirmation = await mailsTo(t, p.candidate.user.email, 'portfolio-resubmitted');
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.text).toContain('There is no fee for a resubmission.');
    expect(confirmation[0]!.text).toContain(p.flagged.join(', '));
    const actions = await auditActions(t, 'portfolio', p.id);
    expect(actions.filter((x) => x === 'portfolio.resubmitted')).toHaveLength(1);
    expect(actions.filter((x) => x === 'portfolio.evaluator_assigned_for_resubmission')).toHaveLength(2);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);

    // Locked again: even a reopened competency is closed while the evaluators look.
    const late = await api(t, 'POST', `/api/v1/portfolios/${p.id}/competencies/${p.flagged[0]}/evidence`, {
      session: me,
      body: textEvidence(),
    });
    expect(late.statusCode).toBe(409);
  });

  it('an evaluator no longer active leaves the slot to staff, who fill it from the assignment page', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const gone = p.evaluators.find((e) => e.position === 1)!;
    const kept = p.evaluators.find((e) => e.position === 2)!;
    await t.services.db
      .update(evaluatorProfiles)
      .set({ active: false })
      .where(eq(evaluatorProfiles.userId, gone.user.id));
    // Someone free to take the empty slot.
    await portfolioEvaluator(t, { setIds: [p.setId], capacity: 100 });
    const res = await resubmitApi(p.id, p.candidate.session);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('resubmitted');
    expect((await round2(p.id)).map((s) => [s.position, s.evaluatorId])).toEqual([[2, kept.user.id]]);
    expect(await mailsTo(t, gone.user.email, 'portfolio-resubmission-assigned')).toEqual([]);
    const [told] = await mailsTo(t, p.candidate.user.email, 'portfolio-resubmitted');
    expect(told!.text).toContain('the program staff will give it to another evaluator first');
    const candidatePage = await get(t, `/portfolios/${p.id}`, p.candidate.session);
    expect(candidatePage.body).toContain('program staff are giving it to another evaluator first');

    // Staff see it waiting and fill the empty slot through the existing page.
    const overview = await get(t, '/staff/portfolios/assignment', staff);
    expect(overview.body).toContain(p.number);
    const filled = await postForm(t, `/staff/portfolios/${p.id}/assignment`, {}, staff);
    expect(filled.statusCode, filled.body).toBe(303);
    const slots = await round2(p.id);
    expect(slots.map((s) => s.position)).toEqual([1, 2]);
    expect(slots[0]!.evaluatorId).not.toBe(gone.user.id);
    expect(slots[0]!.evaluatorId).not.toBe(kept.user.id);
    expect(slots[1]!.evaluatorId).toBe(kept.user.id);
    expect((await statusOf(t, p.id)).status).toBe('in_evaluation');
    const [newcomer] = await currentEvaluators(t, p.id);
    const newcomerMails = await mailsTo(t, newcomer!.user.email, 'portfolio-evaluation-assigned');
    expect(newcomerMails.some((m) => m.text.includes(p.number))).toBe(true);
  });

  it('an evaluator now in conflict with the candidate is not kept; the batch fills the slot', async () => {
    const p = await decidedPortfolio(t, staff, 'more_information');
    const conflicted = p.evaluators.find((e) => e.position === 2)!;
    await t.services.db.insert(evaluatorConflicts).values({
      id: uuidv7(),
      evaluatorId: conflicted.user.id,
      kind: 'person',
      value: p.candidate.user.email,
      createdAt: t.clock.now(),
    });
    await portfolioEvaluator(t, { setIds: [p.setId], capacity: 100 });
    const res = await resubmitApi(p.id, p.candidate.session);
    expect(res.json().status).toBe('resubmitted');
    expect((await round2(p.id)).map((s) => s.position)).toEqual([1]);
    const run = await api(t, 'POST', '/api/v1/staff/portfolio-assignment', { session: staff });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().assigned.map((x: { portfolioId: string }) => x.portfolioId)).toContain(p.id);
    const slots = await round2(p.id);
    expect(slots.map((s) => s.position)).toEqual([1, 2]);
    expect(slots[1]!.evaluatorId).not.toBe(conflicted.user.id);
    expect((await statusOf(t, p.id)).status).toBe('in_evaluation');
    // Running again finds nothing more to do for it.
    const rerun = await api(t, 'POST', '/api/v1/staff/portfolio-assignment', { session: staff });
    expect(rerun.json().assigned.map((x: { portfolioId: string }) => x.portfolioId)).not.toContain(p.id);
    expect(await round2(p.id)).toHaveLength(2);
  });

  it('a candidate may start a new portfolio for the set after one found not satisfactory', async () => {
    const p = await decidedPortfolio(t, staff, 'not_satisfactory');
    const me = p.candidate.session;
    const list = (await api(t, 'GET', '/api/v1/portfolios', { session: me })).json();
    expect(list.startableSets.map((s: { id: string }) => s.id)).toContain(p.setId);
    const started = await api(t, 'POST', '/api/v1/portfolios', { session: me, body: { setId: p.setId } });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().id).not.toBe(p.id);
    expect(started.json().status).toBe('draft');
    const twice = await api(t, 'POST', '/api/v1/portfolios', { session: me, body: { setId: p.setId } });
    expect(twice.statusCode).toBe(409);
    const mine = (await api(t, 'GET', '/api/v1/portfolios', { session: me })).json();
    expect(mine.items.map((i: { status: string }) => i.status).sort()).toEqual(['draft', 'not_satisfactory']);
  });
});
