import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { testBackends } from '../support/backends.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { insertTestUser, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { portfolioEvaluator } from './portfolio-assignment-support.js';

const validForm = {
  setIds: ['technology', 'youth-services'],
  yearlyCapacity: '12',
  trainingCompletedOn: '2026-03-31',
  employer: 'Capital City Library',
};

describe.each(testBackends())('portfolio evaluator profiles on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
  });
  afterAll(() => t.close());

  it('an evaluator fills in their profile on the page; it shows their load against capacity', async () => {
    const e = await portfolioEvaluator(t, { profile: false });
    const page = await get(t, '/evaluator/profile', e.session);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<h1/g)).toHaveLength(1);
    expect(page.body).toContain('Fill in your profile');
    expect(page.body).toContain('Youth Services (YS)');
    const saved = await postForm(t, '/evaluator/profile', validForm, e.session);
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe('/evaluator/profile');
    const after = await get(t, '/evaluator/profile', e.session);
    expect(after.body).toContain('0 of 12 portfolios');
    expect(after.body).toMatch(/value="technology"[^>]*checked|checked[^>]*value="technology"/);
    expect(after.body).toContain('value="Capital City Library"');
    const json = (await api(t, 'GET', '/api/v1/evaluator/profile', { session: e.session })).json();
    expect(json.profile).toMatchObject({
      setIds: ['technology', 'youth-services'],
      yearlyCapacity: 12,
      trainingCompletedOn: '2026-03-31',
      employer: 'Capital City Library',
      active: true,
    });
    expect(json.loadThisYear).toBe(0);
  });

  it('refuses every bad answer with the error summary, keeping what was typed', async () => {
    const e = await portfolioEvaluator(t, { profile: false });
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ ...validForm, setIds: [] }, 'Choose at least one competency set you evaluate'],
      [{ ...validForm, setIds: ['no-such-set'] }, 'Choose competency sets from the list'],
      [{ ...validForm, yearlyCapacity: '0' }, 'a whole number from 1 to 50'],
      [{ ...validForm, yearlyCapacity: '51' }, 'a whole number from 1 to 50'],
      [{ ...validForm, yearlyCapacity: 'ten' }, 'a whole number from 1 to 50'],
      [{ ...validForm, yearlyCapacity: '' }, 'a whole number from 1 to 50'],
      [{ ...validForm, trainingCompletedOn: '2026-02-30' }, 'Enter a real date like 2026-03-31'],
      [{ ...validForm, trainingCompletedOn: '2027-01-01' }, 'The training date cannot be in the future'],
      [{ ...validForm, employer: 'x'.repeat(201) }, 'Use 200 characters or fewer'],
    ];
    for (const [fields, message] of cases) {
      const res = await postForm(t, '/evaluator/profile', fields, e.session);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain('<title>Error: ');
      expect(res.body).toContain('There is a problem');
      expect(res.body).toContain(message);
    }
    const kept = await postForm(t, '/evaluator/profile', { ...validForm, yearlyCapacity: '99' }, e.session);
    expect(kept.body).toContain('value="99"');
    expect(kept.body).toContain('value="Capital City Library"');
    const viaApi = await api(t, 'PUT', '/api/v1/evaluator/profile', {
      session: e.session,
      body: { setIds: ['technology'], yearlyCapacity: 2.5 },
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().errors[0].field).toBe('yearlyCapacity');
    const noCsrf = await postForm(t, '/evaluator/profile', validForm, e.session, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/evaluator/profile', { session: e.session })).json().profile).toBe(
      null,
    );
  });

  it('adds and removes declared conflicts, refusing repeats and bad values', async () => {
    const e = await portfolioEvaluator(t);
    const add = (fields: Record<string, string>) =>
      postForm(t, '/evaluator/profile/conflicts', fields, e.session);
    expect((await add({ kind: 'library', value: 'Springfield Public Library' })).statusCode).toBe(303);
    expect((await add({ kind: 'person', value: 'pat.person@example.org' })).statusCode).toBe(303);
    for (const [fields, message] of [
      [{ kind: 'library', value: 'the springfield public-library' }, 'That is already on the list'],
      [{ kind: 'person', value: 'PAT.PERSON@example.org' }, 'That is already on the list'],
      [{ kind: 'library', value: '' }, 'Enter the name of the library or person'],
      [{ kind: 'library', value: 'someone@example.org' }, 'not an email address'],
      [{ kind: 'person', value: 'pat@' }, 'Enter an email address like name@example.org'],
      [{ kind: 'person', value: '!!!' }, 'Enter a name with letters or digits'],
      [{ value: 'Ogdenville Library' }, 'Choose whether it is a library or a person'],
    ] as const) {
      const res = await add(fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(message);
    }
    const viaApi = await api(t, 'POST', '/api/v1/evaluator/profile/conflicts', {
      session: e.session,
      body: { kind: 'person', value: 'Sam Smith' },
    });
    expect(viaApi.statusCode).toBe(201);
    const profile = (await api(t, 'GET', '/api/v1/evaluator/profile', { session: e.session })).json();
    expect(profile.conflicts.map((c: { value: string }) => c.value)).toEqual([
      'Springfield Public Library',
      'pat.person@example.org',
      'Sam Smith',
    ]);
    const page = await get(t, '/evaluator/profile', e.session);
    expect(page.body).toContain('Springfield Public Library');
    const first = profile.conflicts[0].id;
    const removed = await postForm(t, `/evaluator/profile/conflicts/${first}/remove`, {}, e.session);
    expect(removed.statusCode).toBe(303);
    const gone = await api(t, 'DELETE', `/api/v1/evaluator/profile/conflicts/${viaApi.json().id}`, {
      session: e.session,
    });
    expect(gone.statusCode).toBe(204);
    const again = await api(t, 'DELETE', `/api/v1/evaluator/profile/conflicts/${viaApi.json().id}`, {
      session: e.session,
    });
    expect(again.statusCode).toBe(404);
    const left = (await api(t, 'GET', '/api/v1/evaluator/profile', { session: e.session })).json().conflicts;
    expect(left.map((c: { value: string }) => c.value)).toEqual(['pat.person@example.org']);
    // Another evaluator cannot remove it: not found, as if it did not exist.
    const other = await portfolioEvaluator(t);
    const theirs = await postForm(t, `/evaluator/profile/conflicts/${left[0].id}/remove`, {}, other.session);
    expect(theirs.statusCode).toBe(404);
    expect((await verifyAuditChain(t.services.db)).ok).toBe(true);
  });

  it('staff see the pool, edit any profile, deactivate and declare conflicts for an evaluator', async () => {
    const e = await portfolioEvaluator(t, { name: 'Alex Poolmember', capacity: 7 });
    const fresh = await portfolioEvaluator(t, { name: 'Blake Newcomer', profile: false });
    const list = await get(t, '/staff/portfolio-evaluators', staff);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Alex Poolmember');
    expect(list.body).toContain('0 of 7');
    expect(list.body).toContain('Blake Newcomer');
    expect(list.body).toContain('No profile yet');
    const pool = (await api(t, 'GET', '/api/v1/staff/portfolio-evaluators', { session: staff })).json();
    expect(pool.items.find((i: { userId: string }) => i.userId === fresh.user.id).profile).toBe(null);
    const edit = await get(t, `/staff/portfolio-evaluators/${e.user.id}`, staff);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Evaluator profile: Alex Poolmember');
    const bad = await postForm(
      t,
      `/staff/portfolio-evaluators/${e.user.id}`,
      { ...validForm, active: '' },
      staff,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose whether the evaluator takes new portfolios');
    const saved = await postForm(
      t,
      `/staff/portfolio-evaluators/${e.user.id}`,
      { ...validForm, active: 'no' },
      staff,
    );
    expect(saved.statusCode).toBe(303);
    let json = (
      await api(t, 'GET', `/api/v1/staff/portfolio-evaluators/${e.user.id}`, { session: staff })
    ).json();
    expect(json.profile).toMatchObject({ active: false, yearlyCapacity: 12 });
    const on = await postForm(t, `/staff/portfolio-evaluators/${e.user.id}/active`, { active: 'yes' }, staff);
    expect(on.statusCode).toBe(303);
    const off = await postForm(t, `/staff/portfolio-evaluators/${e.user.id}/active`, { active: 'no' }, staff);
    expect(off.statusCode).toBe(303);
    expect((await get(t, '/staff/portfolio-evaluators', staff)).body).toContain('Inactive');
    const put = await api(t, 'PUT', `/api/v1/staff/portfolio-evaluators/${e.user.id}`, {
      session: staff,
      body: {
        setIds: ['foundations'],
        yearlyCapacity: 3,
        trainingCompletedOn: null,
        employer: null,
        active: true,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().profile).toMatchObject({
      setIds: ['foundations'],
      active: true,
      trainingCompletedOn: null,
    });
    const conflict = await postForm(
      t,
      `/staff/portfolio-evaluators/${e.user.id}/conflicts`,
      { kind: 'library', value: 'Ogdenville Library' },
      staff,
    );
    expect(conflict.statusCode).toBe(303);
    json = (
      await api(t, 'GET', `/api/v1/staff/portfolio-evaluators/${e.user.id}`, { session: staff })
    ).json();
    expect(json.conflicts).toHaveLength(1);
    const removed = await api(
      t,
      'DELETE',
      `/api/v1/staff/portfolio-evaluators/${e.user.id}/conflicts/${json.conflicts[0].id}`,
      { session: staff },
    );
    expect(removed.statusCode).toBe(204);
    // The evaluator cannot deactivate themselves or reach the staff pages.
    expect(
      (await postForm(t, `/staff/portfolio-evaluators/${e.user.id}/active`, { active: 'no' }, e.session))
        .statusCode,
    ).toBe(403);
    expect((await get(t, '/staff/portfolio-evaluators', e.session)).statusCode).toBe(403);
    // Someone without the role has no evaluator profile to open.
    const candidate = await insertTestUser(t, ['candidate']);
    expect((await get(t, `/staff/portfolio-evaluators/${candidate.id}`, staff)).statusCode).toBe(404);
    expect((await get(t, '/staff/portfolio-evaluators/not-an-id', staff)).statusCode).toBe(404);
  });

  it('denies candidates (403), other evaluators (404), sessions without MFA and anonymous visitors', async () => {
    const e = await portfolioEvaluator(t);
    const other = await portfolioEvaluator(t);
    const candidate = await signedInAs(t, ['candidate']);
    expect((await get(t, '/evaluator/profile', candidate)).statusCode).toBe(403);
    expect((await api(t, 'GET', '/api/v1/evaluator/profile', { session: candidate })).statusCode).toBe(403);
    expect((await postForm(t, '/evaluator/profile', validForm, candidate)).statusCode).toBe(403);
    expect(
      (await api(t, 'GET', '/api/v1/staff/portfolio-evaluators', { session: candidate })).statusCode,
    ).toBe(403);
    // An evaluator reaching for another's profile finds nothing there.
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { setIds: ['technology'], yearlyCapacity: 1, active: true }],
    ] as const) {
      const res = await api(t, method, `/api/v1/staff/portfolio-evaluators/${other.user.id}`, {
        session: e.session,
        body,
      });
      expect(res.statusCode).toBe(404);
    }
    const post = await postForm(
      t,
      `/staff/portfolio-evaluators/${other.user.id}/conflicts`,
      { kind: 'library', value: 'X Library' },
      e.session,
    );
    expect(post.statusCode).toBe(404);
    const noMfa = await sessionOf(t, e.user, { mfaVerified: false });
    const refused = await api(t, 'GET', '/api/v1/evaluator/profile', { session: noMfa });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('MFA_REQUIRED');
    const staffNoMfa = (await staffMember(t, { mfaVerified: false })).session;
    expect(
      (await api(t, 'GET', '/api/v1/staff/portfolio-evaluators', { session: staffNoMfa })).statusCode,
    ).toBe(401);
    expect((await api(t, 'GET', '/api/v1/evaluator/profile')).statusCode).toBe(401);
    const anonymous = await get(t, '/evaluator/profile');
    expect([302, 303]).toContain(anonymous.statusCode);
    expect(anonymous.headers.location).toContain('/sign-in');
  });
});
