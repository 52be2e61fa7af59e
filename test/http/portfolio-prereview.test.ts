import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/platform/context.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { api, get, postForm, type TestSession } from '../support/sessions.js';
import { mailOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { draftPortfolio, PDF_BYTES, portfolioStatus } from './portfolio-prereview-support.js';

const staffBase = '/staff/portfolios/prereview';

describe.each(testBackends())('portfolio pre-review on %s', (backend) => {
  let t: TestApp;
  let staff: { ctx: Ctx; session: TestSession };
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = await staffMember(t);
  });
  afterAll(() => t.close());

  it('takes a request, lets staff comment per competency and on the statement, and returns the comments', async () => {
    const p = await draftPortfolio(t, staff.ctx);
    const page = await get(t, `/portfolios/${p.id}/prereview`, p.session);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Pre-review of your Cataloging and Classification portfolio');
    expect(page.body).toContain('No comments yet.');
    expect(page.body).toContain(`href="/portfolios/${p.id}"`);

    const asked = await postForm(t, `/portfolios/${p.id}/prereview`, {}, p.session);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/portfolios/${p.id}/prereview`);
    expect((await portfolioStatus(t, p.id))?.status).toBe('prereview_requested');
    const confirmation = await mailOf(t, p.candidate.email, 'portfolio-prereview-requested');
    expect(confirmation?.text).toContain(`/portfolios/${p.id}/prereview`);
    // A double click changes nothing.
    const again = await api(t, 'POST', `/api/v1/portfolios/${p.id}/prereview`, { session: p.session });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('prereview_requested');

    const queue = await get(t, staffBase, staff.session);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(p.candidate.displayName);
    expect(queue.body).toContain('Cataloging and Classification');

    const view = await get(t, `${staffBase}/${p.id}`, staff.session);
    expect(view.statusCode).toBe(200);
    for (const text of [
      'CAT-1',
      'CAT-8',
      'How I catalog new arrivals',
      'Every Monday I catalog the new arrivals in MARC 21.',
      'https://example.org/catalog-guide',
      'authority-report.pdf',
      'Cataloging is the heart of my work',
      'Finish the pre-review',
    ])
      expect(view.body).toContain(text);
    const file = await get(t, `${staffBase}/${p.id}/evidence/${p.fileEvidenceId}`, staff.session);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('authority-report.pdf');
    expect(file.rawPayload.equals(PDF_BYTES)).toBe(true);

    const c1 = await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-1`,
      { 'comment-CAT-1': 'Say which rules you apply.' },
      staff.session,
    );
    expect(c1.statusCode).toBe(303);
    expect(c1.headers.location).toBe(`${staffBase}/${p.id}#c-CAT-1`);
    t.clock.advance(60_000);
    await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-1`,
      { 'comment-CAT-1': 'Add a second example.' },
      staff.session,
    );
    const onStatement = await api(t, 'POST', `/api/v1/staff/portfolio-prereviews/${p.id}/comments`, {
      session: staff.session,
      body: { competencyId: null, body: 'Keep the statement to about three pages.' },
    });
    expect(onStatement.statusCode).toBe(200);
    expect(onStatement.json().competencyId).toBeNull();

    // Comments wait until staff finish.
    const meanwhile = await api(t, 'GET', `/api/v1/portfolios/${p.id}/prereview`, { session: p.session });
    expect(meanwhile.json().comments).toEqual([]);
    expect((await get(t, `/portfolios/${p.id}/prereview`, p.session)).body).not.toContain(
      'Say which rules you apply.',
    );

    const finished = await postForm(t, `${staffBase}/${p.id}/finish`, {}, staff.session);
    expect(finished.statusCode).toBe(303);
    expect(await portfolioStatus(t, p.id)).toEqual({ status: 'draft', requestedAt: null });
    const ready = await mailOf(t, p.candidate.email, 'portfolio-prereview-finished');
    expect(ready?.subject).toBe('Comments on your Cataloging and Classification portfolio are ready');
    expect(ready?.text).toContain(`${t.services.config.baseUrl}/portfolios/${p.id}/prereview`);
    expect(ready?.text).toContain('3 comments');

    const mine = (await api(t, 'GET', `/api/v1/portfolios/${p.id}/prereview`, { session: p.session })).json();
    expect(mine.status).toBe('draft');
    expect(mine.comments.map((c: { body: string }) => c.body)).toEqual([
      'Keep the statement to about three pages.',
      'Add a second example.',
      'Say which rules you apply.',
    ]);
    const candidatePage = (await get(t, `/portfolios/${p.id}/prereview`, p.session)).body;
    expect(candidatePage.indexOf('Add a second example.')).toBeLessThan(
      candidatePage.indexOf('Say which rules you apply.'),
    );
    expect(candidatePage).toContain('Personal Learning Statement');
    expect(candidatePage).not.toContain('Pat Staff'); // staff are "Program staff" to candidates
    expect(await auditActions(t, 'portfolio', p.id)).toEqual([
      'portfolio.prereview_requested',
      'portfolio.prereview_commented',
      'portfolio.prereview_commented',
      'portfolio.prereview_commented',
      'portfolio.prereview_finished',
    ]);
    // Finished: no more comments, and it has left the queue.
    const late = await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-2`,
      { 'comment-CAT-2': 'Too late.' },
      staff.session,
    );
    expect(late.statusCode).toBe(409);
    expect((await get(t, staffBase, staff.session)).body).not.toContain(p.candidate.displayName);
  });

  it('validates comments and refuses to finish without one', async () => {
    const p = await draftPortfolio(t, staff.ctx, { status: 'prereview_requested' });
    const empty = await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-3`,
      { 'comment-CAT-3': '  ' },
      staff.session,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Error: ');
    expect(empty.body).toContain('href="#f-comment-CAT-3"');
    expect(empty.body).toContain('Write your comment.');
    const long = await postForm(
      t,
      `${staffBase}/${p.id}/comments/statement`,
      { 'comment-statement': 'x'.repeat(5001) },
      staff.session,
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Keep the comment to 5,000 characters or fewer.');
    const unknown = await postForm(
      t,
      `${staffBase}/${p.id}/comments/TECH-1`,
      { 'comment-TECH-1': 'Hi' },
      staff.session,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Cataloging and Classification has no competency TECH-1.');
    const apiBad = await api(t, 'POST', `/api/v1/staff/portfolio-prereviews/${p.id}/comments`, {
      session: staff.session,
      body: { competencyId: 'CAT-1', body: '' },
    });
    expect(apiBad.statusCode).toBe(400);
    expect(apiBad.json().errors).toEqual([{ field: 'body', message: 'Write your comment.' }]);
    const noCsrf = await postForm(
      t,
      `${staffBase}/${p.id}/comments/CAT-1`,
      { 'comment-CAT-1': 'Hi' },
      staff.session,
      {
        csrf: false,
      },
    );
    expect(noCsrf.statusCode).toBe(403);

    const early = await postForm(t, `${staffBase}/${p.id}/finish`, {}, staff.session);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Write at least one comment before finishing the pre-review.');
    const apiEarly = await api(t, 'POST', `/api/v1/staff/portfolio-prereviews/${p.id}/finish`, {
      session: staff.session,
    });
    expect(apiEarly.statusCode).toBe(409);
    expect((await portfolioStatus(t, p.id))?.status).toBe('prereview_requested');
    expect(await auditActions(t, 'portfolio', p.id)).toEqual([]);
  });

  it('lets the candidate withdraw a request, and refuses a request once submitted', async () => {
    const p = await draftPortfolio(t, staff.ctx);
    await api(t, 'POST', `/api/v1/portfolios/${p.id}/prereview`, { session: p.session });
    const page = (await get(t, `/portfolios/${p.id}/prereview`, p.session)).body;
    expect(page).toContain('Withdraw the pre-review request');
    const withdrawn = await postForm(t, `/portfolios/${p.id}/prereview/withdraw`, {}, p.session);
    expect(withdrawn.statusCode).toBe(303);
    expect(await portfolioStatus(t, p.id)).toEqual({ status: 'draft', requestedAt: null });
    const twice = await api(t, 'DELETE', `/api/v1/portfolios/${p.id}/prereview`, { session: p.session });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('There is no pre-review request to withdraw.');
    expect(await auditActions(t, 'portfolio', p.id)).toEqual([
      'portfolio.prereview_requested',
      'portfolio.prereview_withdrawn',
    ]);

    const submitted = await draftPortfolio(t, staff.ctx, { status: 'submitted' });
    const refused = await postForm(t, `/portfolios/${submitted.id}/prereview`, {}, submitted.session);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This portfolio has been submitted, so it can no longer be pre-reviewed.');
    expect((await get(t, `/portfolios/${submitted.id}/prereview`, submitted.session)).body).not.toContain(
      'Ask for a pre-review</button>',
    );
  });

  it('lists the queue oldest request first, page by page, with the API', async () => {
    const t2 = await createTestApp(backend);
    try {
      const s = await staffMember(t2);
      const empty = await get(t2, staffBase, s.session);
      expect(empty.body).toContain('No portfolios are waiting for a pre-review.');
      const made = [];
      for (let i = 0; i < 27; i++) {
        made.push(
          await draftPortfolio(t2, s.ctx, {
            status: 'prereview_requested',
            // Made newest first, so the queue's order is the reverse of the insertion order.
            requestedAt: new Date(Date.UTC(2026, 10, 28, 14, 59 - i)),
          }),
        );
      }
      const first = (
        await api(t2, 'GET', '/api/v1/staff/portfolio-prereviews', { session: s.session })
      ).json();
      expect(first.total).toBe(27);
      expect(first.items).toHaveLength(25);
      expect(first.items[0].portfolioId).toBe(made[26]!.id);
      expect(first.items[0].candidate.displayName).toBe(made[26]!.candidate.displayName);
      expect(first.items[0].setTitle).toBe('Cataloging and Classification');
      const second = (
        await api(t2, 'GET', '/api/v1/staff/portfolio-prereviews?page=2', { session: s.session })
      ).json();
      expect(second.items.map((i: { portfolioId: string }) => i.portfolioId)).toEqual([
        made[1]!.id,
        made[0]!.id,
      ]);
      const page = await get(t2, staffBase, s.session);
      expect(page.body).toContain('Next page');
      expect(page.body.indexOf(made[26]!.candidate.displayName)).toBeLessThan(
        page.body.indexOf(made[25]!.candidate.displayName),
      );
      const view = (
        await api(t2, 'GET', `/api/v1/staff/portfolio-prereviews/${made[0]!.id}`, { session: s.session })
      ).json();
      expect(view.canComment).toBe(true);
      expect(view.competencies).toHaveLength(8);
      const cat2 = view.competencies.find((c: { id: string }) => c.id === 'CAT-2');
      expect(cat2.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual(['file', 'link']);
      expect(cat2.evidence.find((e: { kind: string }) => e.kind === 'file').file.downloadUrl).toBe(
        `${staffBase}/${made[0]!.id}/evidence/${made[0]!.fileEvidenceId}`,
      );
      expect(view.statement.text).toContain('Cataloging is the heart of my work');
    } finally {
      await t2.close();
    }
  });

  it('links the upcoming webinars from the pre-review page', async () => {
    const p = await draftPortfolio(t, staff.ctx);
    const none = (await get(t, `/portfolios/${p.id}/prereview`, p.session)).body;
    expect(none).toContain('No webinars are scheduled at the moment.');
    const added = await api(t, 'POST', '/api/v1/portfolio-webinars', {
      session: staff.session,
      body: {
        title: 'Choosing your evidence',
        date: '2027-01-12',
        time: '14:00',
        timeZone: 'America/Chicago',
        durationMinutes: 60,
        registrationUrl: 'https://example.org/webinar',
      },
    });
    expect(added.statusCode).toBe(200);
    const page = (await get(t, `/portfolios/${p.id}/prereview`, p.session)).body;
    expect(page).toContain('Choosing your evidence');
    expect(page).toContain('Tuesday 12 January 2027, 2:00 PM CST');
    expect(page).toContain(`/portfolios/webinars/${added.json().id}.ics`);
    expect(page).toContain('href="/portfolios/webinars"');
  });
});
