import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import { get, postForm, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { emptyPool, portfolioEvaluator, submittedPortfolio } from './portfolio-assignment-support.js';

/**
 * The evaluator and assignment pages, as served, checked with axe (WCAG 2.2 A and AA) in Chromium:
 * filled and empty states and a form shown again with problems. Runs with the browser tier
 * (TEST_BROWSER=1), like the journeys in e2e/.
 */
describe.skipIf(!axeTier)('evaluator and assignment pages pass axe (pglite)', () => {
  let t: TestApp;
  const axe = httpAxe();
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(testBackends()[0]!);
    staff = (await staffMember(t)).session;
  });
  afterAll(async () => {
    await axe.close();
    await t?.close();
  });

  it('every page, filled, empty and with errors', async () => {
    await emptyPool(t);
    const empty = await portfolioEvaluator(t, { profile: false });
    const pages: Array<[string, string]> = [];
    const add = async (where: string, res: Promise<{ statusCode: number; body: string }>, status = 200) => {
      const r = await res;
      expect(r.statusCode, where).toBe(status);
      pages.push([where, r.body]);
    };
    await add('own profile, empty', get(t, '/evaluator/profile', empty.session));
    await add(
      'own profile with errors',
      postForm(t, '/evaluator/profile', { yearlyCapacity: '0' }, empty.session),
      400,
    );
    await add('pool, empty page', get(t, '/staff/portfolio-evaluators?page=9', staff));
    await add('assignment, nothing waiting', get(t, '/staff/portfolios/assignment', staff));
    const a = await portfolioEvaluator(t, {
      setIds: ['technology'],
      conflicts: [
        { kind: 'library', value: 'Ogdenville Library' },
        { kind: 'person', value: 'sam@example.org' },
      ],
    });
    await portfolioEvaluator(t, { setIds: ['technology'] });
    await portfolioEvaluator(t, { setIds: ['technology'] });
    const p = await submittedPortfolio(t, { setId: 'technology' });
    await submittedPortfolio(t, { setId: 'youth-services' });
    await add('own profile, filled', get(t, '/evaluator/profile', a.session));
    await add('staff profile editing', get(t, `/staff/portfolio-evaluators/${a.user.id}`, staff));
    await add('pool', get(t, '/staff/portfolio-evaluators', staff));
    await add('assignment, waiting with reasons', get(t, '/staff/portfolios/assignment', staff));
    await add('panel, waiting', get(t, `/staff/portfolios/${p.id}/assignment`, staff));
    expect((await postForm(t, '/staff/portfolios/assignment', {}, staff)).statusCode).toBe(303);
    await add('panel, in evaluation', get(t, `/staff/portfolios/${p.id}/assignment`, staff));
    const slot = /action="[^"]*\/assignment\/([0-9a-f-]{36})\/reassign"/.exec(pages.at(-1)![1])![1]!;
    await add(
      'panel with a reassign error',
      postForm(t, `/staff/portfolios/${p.id}/assignment/${slot}/reassign`, {}, staff),
      400,
    );
    for (const [where, html] of pages) {
      expect(html.match(/<h1[ >]/g), where).toHaveLength(1);
      await axe.expectAccessible(html, where);
    }
  }, 180_000);
});
