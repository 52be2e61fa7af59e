import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../../src/modules/payments/repository.js';
import { fees } from '../../src/modules/payments/schema.js';
import { testBackends } from '../support/backends.js';
import { auditActions, mailTo } from '../support/factories.js';
import {
  addEvidence,
  admittedCandidate,
  CAT,
  completePortfolio,
  type PortfolioCandidate,
  payPortfolio,
  STATEMENT,
  setInfo,
  startPortfolio,
  textEvidence,
} from '../support/portfolio-factories.js';
import { api, get, postForm } from '../support/sessions.js';
import { activatePolicy } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('submitting and paying for a portfolio on %s', (backend) => {
  let t: TestApp;
  let me: PortfolioCandidate;
  let id: string;
  let competencyIds: string[];
  beforeAll(async () => {
    t = await createTestApp(backend);
    me = await admittedCandidate(t);
    id = await startPortfolio(t, me.session);
    competencyIds = (await setInfo(t)).competencyIds;
  });
  afterAll(() => t.close());

  const portfolioFees = () => t.services.db.select().from(fees).where(eq(fees.subjectId, id));
  const detail = async () =>
    (await api(t, 'GET', `/api/v1/portfolios/${id}`, { session: me.session })).json();

  it('refuses to submit, naming exactly the competencies without primary evidence', async () => {
    // Primary evidence for all but the 3rd and 6th; secondary only for the 3rd.
    for (const [i, c] of competencyIds.entries())
      if (i !== 2 && i !== 5) await addEvidence(t, me.session, id, c, textEvidence({ title: `For ${c}` }));
    await addEvidence(t, me.session, id, competencyIds[2]!, textEvidence({ role: 'secondary' }));
    const lacking = [competencyIds[2]!, competencyIds[5]!];

    const page = await postForm(t, `/portfolios/${id}/submit`, {}, me.session);
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('<title>Error: ');
    expect(page.body).toContain('Your portfolio is not ready to submit');
    for (const c of lacking) {
      expect(page.body).toContain(`href="#f-${c}"`);
      expect(page.body).toContain(`href="/portfolios/${id}/competencies/${c}"`);
    }
    expect(page.body).toContain('href="#f-statement"');
    for (const c of competencyIds.filter((c) => !lacking.includes(c)))
      expect(page.body).not.toContain(`href="#f-${c}"`);

    const viaApi = await api(t, 'POST', `/api/v1/portfolios/${id}/submit`, { session: me.session });
    expect(viaApi.statusCode).toBe(422);
    expect(viaApi.json().errors.map((e: { field: string }) => e.field)).toEqual([...lacking, 'statement']);
    expect(viaApi.json().detail).toContain(
      `These competencies have no primary evidence yet: ${lacking.join(', ')}.`,
    );
    expect(await portfolioFees()).toEqual([]);
    expect((await detail()).status).toBe('draft');

    const overview = await get(t, `/portfolios/${id}`, me.session);
    expect(overview.body).toContain('6 of 8 competencies have primary evidence');
  });

  it('submits a complete portfolio: a PF number, the non-member fee, a mail, and it locks', async () => {
    for (const c of [competencyIds[2]!, competencyIds[5]!]) await addEvidence(t, me.session, id, c);
    await api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, {
      session: me.session,
      body: { statement: STATEMENT },
    });
    const check = await get(t, `/portfolios/${id}/check`, me.session);
    expect(check.body).toContain('charges the portfolio fee of $60.00');
    expect(check.body).toContain('locks the portfolio');

    const res = await postForm(t, `/portfolios/${id}/submit`, {}, me.session);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/portfolios/${id}/check`);
    const d = await detail();
    expect(d.status).toBe('submitted');
    expect(d.number).toMatch(/^PF-2026-\d{6}$/);
    expect(d.editable).toBe(false);
    expect(d.readyForEvaluation).toBe(false);
    expect(d.fee).toMatchObject({ amount: { amountCents: 6000 }, due: { amountCents: 6000 }, paid: false });
    const [fee] = await portfolioFees();
    expect(fee).toMatchObject({ kind: 'portfolio', member: false, payerUserId: me.user.id });
    const mail = (await mailTo(t, me.user.email)).find((m) => m.template === 'portfolio-submitted');
    expect(mail?.subject).toBe(`We received your portfolio ${d.number}`);
    expect(mail?.text).toContain('$60.00');
    expect(await auditActions(t, 'portfolio', id)).toContain('portfolio.submitted');
    const after = await get(t, `/portfolios/${id}/check`, me.session);
    expect(after.body).toContain('Pay $60.00 by card');
  });

  it('submits once however often it is asked', async () => {
    const { number } = await detail();
    const again = await postForm(t, `/portfolios/${id}/submit`, {}, me.session);
    expect(again.statusCode).toBe(303);
    const viaApi = await api(t, 'POST', `/api/v1/portfolios/${id}/submit`, { session: me.session });
    expect(viaApi.json()).toMatchObject({ alreadySubmitted: true, number });
    expect(await portfolioFees()).toHaveLength(1);
    expect((await mailTo(t, me.user.email)).filter((m) => m.template === 'portfolio-submitted')).toHaveLength(
      1,
    );
  });

  it('refuses every change once submitted (409), by page and by API', async () => {
    const [c1] = competencyIds;
    const before = await detail();
    const itemId = before.competencies[0].evidence[0].id as string;
    const lockedMessage = `Portfolio ${before.number} has been submitted, so its evidence and statement can no longer be changed.`;
    const pageWrites = [
      postForm(
        t,
        `/portfolios/${id}/competencies/${c1}/evidence`,
        textEvidence() as Record<string, string>,
        me.session,
      ),
      postForm(
        t,
        `/portfolios/${id}/evidence/${itemId}`,
        { role: 'secondary', title: 'x', explanation: 'y', body: 'z' },
        me.session,
      ),
      postForm(t, `/portfolios/${id}/evidence/${itemId}/remove`, {}, me.session),
      postForm(t, `/portfolios/${id}/statement`, { statement: 'Changed' }, me.session),
    ];
    for (const res of await Promise.all(pageWrites)) {
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain(lockedMessage);
      expect(res.body).toContain(`href="/portfolios/${id}"`);
    }
    const session = me.session;
    const apiWrites = [
      api(t, 'POST', `/api/v1/portfolios/${id}/competencies/${c1}/evidence`, {
        session,
        body: textEvidence(),
      }),
      api(t, 'PUT', `/api/v1/portfolios/${id}/evidence/${itemId}`, {
        session,
        body: { role: 'secondary', title: 'x', explanation: 'y', body: 'z' },
      }),
      api(t, 'DELETE', `/api/v1/portfolios/${id}/evidence/${itemId}`, { session }),
      api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, { session, body: { statement: 'Changed' } }),
    ];
    for (const res of await Promise.all(apiWrites)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toBe(lockedMessage);
    }
    expect(await detail()).toEqual(before);
    // The pages offer no way to change it.
    const competency = await get(t, `/portfolios/${id}/competencies/${c1}`, me.session);
    expect(competency.body).not.toContain('Add the evidence');
    expect(competency.body).toContain('This portfolio is locked');
    expect((await get(t, `/portfolios/${id}/evidence/${itemId}`, me.session)).statusCode).toBe(303);
    expect((await get(t, `/portfolios/${id}/statement`, me.session)).body).not.toContain('<textarea');
  });

  it('pays the fee by card: the portfolio is paid, ready for its evaluators, and the candidate told', async () => {
    const { number } = await detail();
    const declined = await payPortfolio(t, me.session, id, 'decline');
    expect(declined.outcome).toBe('failed');
    expect((await detail()).fee.paid).toBe(false);

    const started = await postForm(t, `/portfolios/${id}/checkout`, {}, me.session);
    expect(started.statusCode).toBe(303);
    const checkoutPath = started.headers.location!;
    const checkout = await get(t, checkoutPath, me.session);
    expect(checkout.body).toContain(`Portfolio fee for ${number}`);
    const paid = await postForm(t, checkoutPath, { choice: 'pay' }, me.session);
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(`/portfolios/${id}`);

    const d = await detail();
    expect(d.status).toBe('submitted');
    expect(d.fee).toMatchObject({ paid: true, due: { amountCents: 0 } });
    expect(d.readyForEvaluation).toBe(true);
    const [fee] = await portfolioFees();
    expect((await balanceOf(t.services.db, fee!.id)).balance.settled).toBe(true);
    const mails = await mailTo(t, me.user.email);
    const paidMail = mails.find((m) => m.template === 'portfolio-fee-paid');
    expect(paidMail?.subject).toBe(`Payment received for portfolio ${number}`);
    expect(paidMail?.text).toContain('$60.00');
    // One mail about the payment, not a generic receipt as well.
    expect(mails.some((m) => m.subject === 'Payment received: portfolio fee')).toBe(false);
    expect(await auditActions(t, 'portfolio', id)).toContain('portfolio.fee_paid');
    expect((await get(t, `/portfolios/${id}`, me.session)).body).toContain(
      'The portfolio fee of $60.00 is paid.',
    );

    const twice = await api(t, 'POST', `/api/v1/portfolios/${id}/checkout`, { session: me.session });
    expect(twice.statusCode).toBe(409);
    // Still locked after payment.
    const write = await api(t, 'PUT', `/api/v1/portfolios/${id}/statement`, {
      session: me.session,
      body: { statement: 'x' },
    });
    expect(write.statusCode).toBe(409);
  });

  it('charges ALA members the member fee, and refuses to pay before submitting', async () => {
    const member = await admittedCandidate(t, { member: true });
    const pid = await startPortfolio(t, member.session);
    const early = await api(t, 'POST', `/api/v1/portfolios/${pid}/checkout`, { session: member.session });
    expect(early.statusCode).toBe(409);
    await completePortfolio(t, member.session, pid);
    // Two submits at the same moment (a double click): one number, one fee.
    const both = await Promise.all(
      [1, 2].map(() => api(t, 'POST', `/api/v1/portfolios/${pid}/submit`, { session: member.session })),
    );
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().alreadySubmitted).sort()).toEqual([false, true]);
    const res = both.find((r) => !r.json().alreadySubmitted)!;
    expect(res.json()).toMatchObject({ fee: { amount: { amountCents: 5000 } } });
    expect(both[0]!.json().number).toBe(both[1]!.json().number);
    expect(await t.services.db.select().from(fees).where(eq(fees.subjectId, pid))).toHaveLength(1);
    expect(res.json().number).not.toBe((await detail()).number);
    // Another candidate can neither submit nor pay for it.
    for (const path of ['submit', 'checkout'])
      expect(
        (await api(t, 'POST', `/api/v1/portfolios/${pid}/${path}`, { session: me.session })).statusCode,
      ).toBe(404);
  });

  it('sends a portfolio straight to its evaluators when the policy charges no portfolio fee', async () => {
    await activatePolicy(t, (p) => {
      p.fees.portfolio = { memberCents: 0, nonMemberCents: 0 };
    });
    const free = await admittedCandidate(t);
    const pid = await startPortfolio(t, free.session);
    await completePortfolio(t, free.session, pid);
    const res = await postForm(t, `/portfolios/${pid}/submit`, {}, free.session);
    expect(res.statusCode).toBe(303);
    const d = (await api(t, 'GET', `/api/v1/portfolios/${pid}`, { session: free.session })).json();
    expect(d).toMatchObject({ status: 'submitted', fee: null, readyForEvaluation: true });
    const mail = (await mailTo(t, free.user.email)).find((m) => m.template === 'portfolio-submitted');
    expect(mail?.text).toContain('There is no fee to pay.');
    const checkout = await api(t, 'POST', `/api/v1/portfolios/${pid}/checkout`, { session: free.session });
    expect(checkout.statusCode).toBe(409);
  });

  it('shows portfolios on the dashboard, with a way to build one for each set not achieved', async () => {
    const page = await get(t, '/dashboard', me.session);
    expect(page.body).toContain(`href="/portfolios/${id}"`);
    expect(page.body).toContain('Portfolio: submitted');
    expect(page.body).toContain('href="/portfolios?setId=foundations"');
    expect(page.body).not.toContain(`href="/portfolios?setId=${CAT}"`);
    const preselected = await get(t, '/portfolios?setId=foundations', me.session);
    expect(preselected.body).toContain('<option value="foundations" selected');
  });
});
