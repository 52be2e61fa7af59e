import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements } from '../../src/modules/agreements/schema.js';
import type { Ctx } from '../../src/platform/context.js';
import { fieldError } from '../support/accounts.js';
import { signedAgreement } from '../support/agreement-factories.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { api, get, postForm, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const college = (o: Record<string, string> = {}) => ({
  name: 'Lakeside Community College',
  country: 'US',
  region: 'WI',
  website: 'https://lakeside.example.edu',
  contactEmail: 'Library.Programs@lakeside.example.edu',
  ...o,
});

describe.each(testBackends())('college agreements for staff on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let staffCtx: Ctx;
  const idFrom = (location: unknown) => String(location).split('/').pop()!;
  const agreementRow = async (id: string) =>
    (await t.services.db.select().from(agreements).where(eq(agreements.id, id)))[0]!;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const member = await staffMember(t);
    staff = member.session;
    staffCtx = member.ctx;
  });
  afterAll(() => t.close());

  it('records a college, a program, courses and their mapping, shows coverage, signs and ends', async () => {
    const made = await postForm(t, '/staff/colleges/new', college(), staff);
    expect(made.statusCode, made.body).toBe(303);
    const collegeId = idFrom(made.headers.location);
    expect((await get(t, '/staff/colleges', staff)).body).toContain('Lakeside Community College');
    const collegePage = await get(t, `/staff/colleges/${collegeId}`, staff);
    expect(collegePage.body).toContain('library.programs@lakeside.example.edu');

    const prog = await postForm(
      t,
      `/staff/colleges/${collegeId}/programs`,
      { name: 'Library Science AAS', award: 'associate_degree' },
      staff,
    );
    expect(prog.statusCode).toBe(303);
    const programId = idFrom(prog.headers.location);

    const add = (code: string, setIds: string[]) =>
      postForm(t, `/staff/programs/${programId}/courses`, { code, title: `Course ${code}`, setIds }, staff);
    expect((await add('LIB 101', ['foundations', 'access-services'])).statusCode).toBe(303);
    expect((await add('LIB 102', ['communication-teamwork'])).statusCode).toBe(303);
    let page = await get(t, `/staff/programs/${programId}`, staff);
    expect(page.body).toContain('Partial agreement');
    expect(page.body).toContain('Not covered: the required set Technology, and 2 more elective sets.');

    expect((await add('LIB 201', ['technology', 'readers-advisory', 'youth-services'])).statusCode).toBe(303);
    page = await get(t, `/staff/programs/${programId}`, staff);
    expect(page.body).toContain('Full agreement');
    expect(page.body).not.toContain('Not covered');
    const detail = (
      await api(t, 'GET', `/api/v1/staff/colleges/programs/${programId}`, { session: staff })
    ).json();
    expect(detail.coverage).toMatchObject({ kind: 'full', missingRequiredSetIds: [], electivesCovered: 3 });
    expect(detail.courses.map((c: { code: string }) => c.code)).toEqual(['LIB 101', 'LIB 102', 'LIB 201']);

    const signed = await postForm(
      t,
      `/staff/programs/${programId}/agreements`,
      { effectiveFrom: '2025-05-01', endsOn: '' },
      staff,
    );
    expect(signed.statusCode).toBe(303);
    page = await get(t, `/staff/programs/${programId}`, staff);
    expect(page.body).toMatch(
      /AGR-2026-\d{6}: <span class="tag ok">Full agreement<\/span> Graduates from 1 May 2025. In force./,
    );
    const [row] = await t.services.db.select().from(agreements).where(eq(agreements.programId, programId));
    expect(row).toMatchObject({
      coverage: 'full',
      effectiveFrom: '2025-05-01',
      endsOn: null,
      status: 'in_force',
      signedBy: staff.userId,
    });
    expect(row!.coveredSetIds).toEqual([
      'foundations',
      'communication-teamwork',
      'technology',
      'access-services',
      'readers-advisory',
      'youth-services',
    ]);
    expect(await auditActions(t, 'agreement', row!.id)).toEqual(['agreement.signed']);
    expect(await auditActions(t, 'college_program', programId)).toEqual([
      'college_program.created',
      'college_program.course_added',
      'college_program.course_added',
      'college_program.course_added',
    ]);

    // A second signing (a double click) is refused while the first is in force.
    const again = await postForm(
      t,
      `/staff/programs/${programId}/agreements`,
      { effectiveFrom: '2025-05-01' },
      staff,
    );
    expect(again.statusCode).toBe(409);
    // The sign form is gone while an agreement is in force; the error summary says why.
    expect(again.body).toContain('already has agreement');

    // Later course edits do not change the signed agreement.
    const lib201 = detail.courses.find((c: { code: string }) => c.code === 'LIB 201').id;
    const edited = await postForm(
      t,
      `/staff/programs/${programId}/courses/${lib201}`,
      { code: 'LIB 201', title: 'Tech', setIds: 'technology' },
      staff,
    );
    expect(edited.statusCode).toBe(303);
    expect((await get(t, `/staff/programs/${programId}`, staff)).body).toContain('Partial agreement');
    expect((await agreementRow(row!.id)).coveredSetIds).toHaveLength(6);
    expect(
      (await postForm(t, `/staff/programs/${programId}/courses/${lib201}/remove`, {}, staff)).statusCode,
    ).toBe(303);
    expect((await agreementRow(row!.id)).coverage).toBe('full');

    const early = await postForm(t, `/staff/agreements/${row!.id}/end`, { endsOn: '2025-04-30' }, staff);
    expect(early.statusCode).toBe(400);
    expect(fieldError(early.body, 'endsOn')).toContain('cannot be before the effective date');
    expect(
      (await postForm(t, `/staff/agreements/${row!.id}/end`, { endsOn: '2027-06-30' }, staff)).statusCode,
    ).toBe(303);
    expect(await agreementRow(row!.id)).toMatchObject({
      status: 'ended',
      endsOn: '2027-06-30',
      endedBy: staff.userId,
    });
    const twice = await api(t, 'POST', `/api/v1/staff/agreements/${row!.id}/end`, {
      session: staff,
      body: { endsOn: '2027-06-30' },
    });
    expect(twice.statusCode).toBe(409);
    expect(await auditActions(t, 'agreement', row!.id)).toEqual(['agreement.signed', 'agreement.ended']);
  });

  it('refuses bad input for every field and keeps what was typed', async () => {
    const bad = await postForm(
      t,
      '/staff/colleges/new',
      college({ name: ' ', country: 'XX', website: 'lakeside', contactEmail: 'nobody' }),
      staff,
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'name')).toBe('Enter the name of the college');
    expect(fieldError(bad.body, 'country')).toBe('Choose the country');
    expect(fieldError(bad.body, 'website')).toContain('https://');
    expect(fieldError(bad.body, 'contactEmail')).toContain('email address');
    expect(bad.body).toContain('value="lakeside"');

    const a = await signedAgreement(staffCtx);
    const { collegeId, programId } = a;
    const prog = await postForm(
      t,
      `/staff/colleges/${collegeId}/programs`,
      { name: '', award: 'bachelor' },
      staff,
    );
    expect(prog.statusCode).toBe(400);
    expect(fieldError(prog.body, 'name')).toBe('Enter the name of the program');
    expect(fieldError(prog.body, 'award')).toBe('Choose what graduates are awarded');

    const course = await postForm(
      t,
      `/staff/programs/${programId}/courses`,
      { code: '', title: '', setIds: 'astrology' },
      staff,
    );
    expect(course.statusCode).toBe(400);
    expect(fieldError(course.body, 'code')).toContain('course code');
    expect(fieldError(course.body, 'title')).toBe('Enter the course title');
    const unknownSet = await api(t, 'POST', `/api/v1/staff/colleges/programs/${programId}/courses`, {
      session: staff,
      body: { code: 'X 1', title: 'X', setIds: ['astrology'] },
    });
    expect(unknownSet.statusCode).toBe(400);
    expect(unknownSet.json().errors).toEqual([
      { field: 'setIds', message: 'Choose competency sets from the list' },
    ]);
    const dup = await postForm(
      t,
      `/staff/programs/${programId}/courses`,
      { code: 'lib 101', title: 'Again' },
      staff,
    );
    expect(dup.statusCode).toBe(409);
    expect(fieldError(dup.body, 'code')).toContain('already lists a course with code');

    // A fresh program (no agreement yet): dates checked, and nothing mapped means nothing to sign.
    const other = await api(t, 'POST', `/api/v1/staff/colleges/${collegeId}/programs`, {
      session: staff,
      body: { name: 'Evening certificate', award: 'certificate' },
    });
    const otherId = other.json().id;
    const dates = await postForm(
      t,
      `/staff/programs/${otherId}/agreements`,
      { effectiveFrom: '2025-02-30', endsOn: 'soon' },
      staff,
    );
    expect(dates.statusCode).toBe(400);
    expect(fieldError(dates.body, 'effectiveFrom')).toContain('first graduation date');
    expect(fieldError(dates.body, 'endsOn')).toContain('last graduation date');
    const order = await api(t, 'POST', `/api/v1/staff/colleges/programs/${otherId}/agreements`, {
      session: staff,
      body: { effectiveFrom: '2025-05-01', endsOn: '2025-04-01' },
    });
    expect(order.statusCode).toBe(400);
    const empty = await postForm(
      t,
      `/staff/programs/${otherId}/agreements`,
      { effectiveFrom: '2025-05-01' },
      staff,
    );
    expect(empty.statusCode).toBe(409);
    expect(fieldError(empty.body, 'effectiveFrom')).toContain('would cover nothing');
  });

  it('lists agreements publicly, as a page and as JSON, paginated', async () => {
    await signedAgreement(staffCtx, { name: 'Public Full College', effectiveFrom: '2024-01-15' });
    await signedAgreement(staffCtx, {
      name: 'Public Partial College',
      kind: 'partial',
      effectiveFrom: '2025-06-01',
      endsOn: '2029-06-01',
    });
    const page = await get(t, '/agreements');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Public Full College: Library Services');
    expect(page.body).toContain('Associate degree');
    expect(page.body).toContain('Full agreement');
    expect(page.body).toContain('Public Partial College: Library Technical Assistant');
    expect(page.body).toContain('Partial agreement');
    expect(page.body).toContain('Graduates from 1 June 2025 to 1 June 2029');
    expect(page.body).toContain('Youth Services (elective)');
    const json = await api(t, 'GET', '/api/v1/agreements');
    expect(json.statusCode).toBe(200);
    const partial = json
      .json()
      .items.find((i: { college: { name: string } }) => i.college.name === 'Public Partial College');
    expect(partial).toMatchObject({
      coverage: 'partial',
      effectiveFrom: '2025-06-01',
      endsOn: '2029-06-01',
      program: { award: 'certificate' },
    });
    expect(partial.sets.map((s: { id: string }) => s.id)).toEqual([
      'foundations',
      'communication-teamwork',
      'access-services',
      'youth-services',
    ]);
    expect(json.json().pageSize).toBe(20);
    expect((await api(t, 'GET', '/api/v1/agreements?page=0')).statusCode).toBe(400);
    expect((await api(t, 'GET', '/api/v1/agreements?page=99')).json().items).toEqual([]);
    expect((await get(t, '/')).statusCode).toBe(200);
    const openapi = (await t.app.inject('/api/openapi.json')).json();
    expect(openapi.paths['/api/v1/agreements']).toBeDefined();
    expect(openapi.paths['/api/v1/staff/colleges']).toBeDefined();
  });

  it('keeps colleges and agreements to staff: candidates, evaluators and anonymous visitors are refused', async () => {
    const a = await signedAgreement(staffCtx);
    const candidate = await signedInAs(t, ['candidate']);
    const evaluator = await signedInAs(t, ['portfolio_evaluator']);
    for (const s of [candidate, evaluator]) {
      expect((await get(t, '/staff/colleges', s)).statusCode).toBe(403);
      expect((await get(t, `/staff/programs/${a.programId}`, s)).statusCode).toBe(403);
      expect((await postForm(t, '/staff/colleges/new', college(), s)).statusCode).toBe(403);
      expect(
        (await postForm(t, `/staff/programs/${a.programId}/courses`, { code: 'Z 1', title: 'Z' }, s))
          .statusCode,
      ).toBe(403);
      expect((await api(t, 'GET', '/api/v1/staff/colleges', { session: s })).statusCode).toBe(403);
      expect(
        (
          await api(t, 'POST', `/api/v1/staff/agreements/${a.agreementId}/end`, {
            session: s,
            body: { endsOn: '2030-01-01' },
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await get(t, '/staff/colleges')).headers.location).toContain('/sign-in');
    expect((await api(t, 'GET', '/api/v1/staff/colleges')).statusCode).toBe(401);
    // Anonymous writes fail the CSRF check before anything else.
    expect((await api(t, 'POST', '/api/v1/staff/colleges', { body: college() })).statusCode).toBe(403);
    // Without the CSRF token a staff form post is refused and nothing is made.
    const forged = await postForm(t, '/staff/colleges/new', college({ name: 'Forged College' }), staff, {
      csrf: false,
    });
    expect(forged.statusCode).toBe(403);
    expect((await get(t, '/staff/colleges', staff)).body).not.toContain('Forged College');
    expect((await get(t, '/staff/colleges/not-an-id', staff)).statusCode).toBe(404);
    expect((await get(t, `/staff/programs/${a.collegeId}`, staff)).statusCode).toBe(404);
  });
});
