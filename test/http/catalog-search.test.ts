import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CourseRow,
  insertBundle,
  insertCourse,
  listCoursesOfApplication,
  updateCourse,
} from '../../src/modules/courses/approved-course-repository.js';
import { courseOfferings } from '../../src/modules/courses/schema.js';
import { uuidv7 } from '../../src/platform/ids.js';
import { fieldError, hasErrorSummary } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { approvedCourse } from '../support/evaluation-factories.js';
import { providerAdmin } from '../support/provider-factories.js';
import { api, get, signedInAs, type TestSession } from '../support/sessions.js';
import { staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const cardTitles = (html: string) =>
  [...html.matchAll(/<h3><a href="\/catalog\/courses\/[^"]+">([^<]*)<\/a><\/h3>/g)].map((m) => m[1]);

describe.each(testBackends())('the public course catalog on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let a: CourseRow; // approved through the real flow; sessions in Illinois and online
  let b: CourseRow; // another provider (a state library), cataloging, online only
  let lapsed: CourseRow;
  let bundle1: CourseRow;
  let lakeshoreId: string;
  let prairieId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
    const first = await approvedCourse(t, staff);
    prairieId = first.provider.providerId;
    a = (await listCoursesOfApplication(t.services.db, first.id))[0]!;
    const lakeshore = await providerAdmin(t, { name: 'Lakeshore State Library', type: 'state_library' });
    lakeshoreId = lakeshore.providerId;
    const second = await approvedCourse(t, staff, { provider: lakeshore });
    const [bRow] = await listCoursesOfApplication(t.services.db, second.id);
    b = await updateCourse(t.services.db, bRow!.id, {
      title: 'Cataloging with RDA',
      description: 'Describe books, films and e-resources with RDA and MARC.',
      setId: 'cataloging-classification',
      delivery: 'online',
      costToStudentsCents: 0,
    });
    const db = t.services.db;
    const clone = (over: Partial<CourseRow>) =>
      insertCourse(db, {
        ...a!,
        id: uuidv7(),
        delivery: 'face_to_face',
        title: 'Reference Interview Basics',
        description: 'Asking the right questions at the desk.',
        firstApprovedOn: '2026-10-01',
        approvalEndsOn: '2030-10-01',
        ...over,
        search: undefined,
      } as never);
    for (let i = 1; i <= 22; i++)
      await clone({
        number: `CRS-2026-9000${String(i).padStart(2, '0')}`,
        firstApprovedOn: `2026-10-${String(i).padStart(2, '0')}`,
      });
    await clone({
      number: 'CRS-2026-900099',
      title: 'Kids & <Teens> "Library" Hour',
      firstApprovedOn: '2026-09-01',
    });
    lapsed = await clone({
      number: 'CRS-2022-000001',
      title: 'Old Circulation Course',
      firstApprovedOn: '2022-11-27',
      approvalEndsOn: '2026-11-27',
    });
    const bundle = await insertBundle(db, {
      id: uuidv7(),
      providerId: a!.providerId,
      applicationId: a!.applicationId,
      number: 'CRS-2026-800001',
      setId: a!.setId,
      title: 'Library Service in Two Parts',
      createdAt: t.clock.now(),
    });
    bundle1 = await clone({
      number: 'CRS-2026-800001-1',
      title: 'Library Service Part One',
      bundleId: bundle.id,
    });
    await clone({ number: 'CRS-2026-800001-2', title: 'Library Service Part Two', bundleId: bundle.id });
    const now = t.clock.now();
    const offering = (o: Partial<typeof courseOfferings.$inferInsert>) =>
      db.insert(courseOfferings).values({
        id: uuidv7(),
        courseId: a!.id,
        startsOn: '2027-03-01',
        endsOn: '2027-04-26',
        online: false,
        city: 'Springfield',
        state: 'IL',
        notes: 'Tuesday evenings',
        createdBy: first.provider.session.userId,
        createdAt: now,
        updatedAt: now,
        ...o,
      });
    await offering({});
    await offering({ startsOn: '2027-01-10', endsOn: '2027-01-10', online: true, city: null, state: null });
    await offering({
      courseId: b.id,
      startsOn: '2026-10-01',
      endsOn: '2026-10-05',
      city: 'Madison',
      state: 'WI',
    });
  });
  afterAll(() => t.close());

  it('lists current courses, newest approval first, 20 a page with the exact total, cacheable', async () => {
    const res = await get(t, '/catalog');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('<link rel="alternate" type="application/atom+xml" href="/catalog/feed.atom"');
    expect(res.body).toContain('<h1>Approved course catalog</h1>');
    expect(res.body).toContain('27 courses');
    expect(res.body).toContain('Page 1 of 2');
    const titles = cardTitles(res.body);
    expect(titles).toHaveLength(20);
    expect(titles.slice(0, 2).sort()).toEqual(['Cataloging with RDA', 'Foundations of Library Service']);
    expect(res.body).not.toContain('Old Circulation Course');
    const second = await get(t, '/catalog?page=2');
    expect(cardTitles(second.body)).toHaveLength(7);
    expect(cardTitles(second.body).at(-1)).toBe('Kids &amp; &lt;Teens> &quot;Library&quot; Hour');
    const beyond = await get(t, '/catalog?page=3');
    expect(beyond.body).toContain('There is no page 3');

    const again = await get(t, '/catalog');
    expect(again.headers.etag).toBe(res.headers.etag);
    const notModified = await t.app.inject({
      url: '/catalog',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it('searches words in the course text, the provider name and the course number', async () => {
    const words = await get(t, '/catalog?q=cataloging');
    expect(cardTitles(words.body)).toEqual(['Cataloging with RDA']);
    expect(words.body).toContain('Best matches first');
    expect(cardTitles((await get(t, '/catalog?q=lakeshore')).body)).toEqual(['Cataloging with RDA']);
    expect(cardTitles((await get(t, '/catalog?q=crs-2026-900007')).body)).toEqual([
      'Reference Interview Basics',
    ]);
    const phrase = await get(t, `/catalog?q=${encodeURIComponent('"reference interview" -cataloging')}`);
    expect(cardTitles(phrase.body)).toHaveLength(20);
    expect(phrase.body).toContain('22 courses');
    const pastTheEnd = await get(t, '/catalog?q=reference&page=5');
    expect(pastTheEnd.body).toContain('22 courses');
    expect(pastTheEnd.body).toContain('There is no page 5');
  });

  it('filters by set, delivery, state, kind of provider, provider and upcoming sessions', async () => {
    const only = async (query: string) => cardTitles((await get(t, `/catalog?${query}`)).body);
    expect(await only('set=cataloging-classification')).toEqual(['Cataloging with RDA']);
    expect((await only('delivery=online')).sort()).toEqual([
      'Cataloging with RDA',
      'Foundations of Library Service',
    ]);
    expect(await only('state=IL')).toEqual(['Foundations of Library Service']);
    expect(await only('state=WI')).toEqual(['Cataloging with RDA']);
    expect(await only('state=WI&upcoming=yes')).toEqual([]);
    expect(await only('upcoming=yes')).toEqual(['Foundations of Library Service']);
    expect(await only('providerType=state_library')).toEqual(['Cataloging with RDA']);
    const byProvider = await get(t, `/catalog?provider=${lakeshoreId}`);
    expect(cardTitles(byProvider.body)).toEqual(['Cataloging with RDA']);
    expect(byProvider.body).toContain('Only courses from Lakeshore State Library.');
    expect(byProvider.body).toContain(`name="provider" value="${lakeshoreId}"`);
    // The filters stay in the URL of the other pages.
    const paged = await get(t, '/catalog?q=reference&delivery=face_to_face');
    expect(paged.body).toContain('href="/catalog?q=reference&amp;delivery=face_to_face&amp;page=2"');
    expect(paged.body).toContain('Clear all filters');
  });

  it('shows an empty state with a way out, and refuses filters that make no sense', async () => {
    const none = await get(t, '/catalog?q=astrophysics');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No courses found');
    expect(none.body).toContain('<a href="/catalog">clear all filters</a>');
    const bad = await get(t, '/catalog?set=astronomy&page=0&state=XX');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<title>Error: Approved course catalog');
    expect(hasErrorSummary(bad.body)).toBe(true);
    expect(fieldError(bad.body, 'state')).toBe('Choose a state from the list');
    expect(bad.headers['cache-control']).toBe('no-store');
    const unknownSet = await get(t, '/catalog?set=astronomy');
    expect(fieldError(unknownSet.body, 'set')).toBe('Choose a competency set from the list');
    const unknownProvider = await get(t, `/catalog?provider=${uuidv7()}`);
    expect(unknownProvider.statusCode).toBe(400);
    const api400 = await api(t, 'GET', '/api/v1/catalog/courses?delivery=carrier-pigeon');
    expect(api400.statusCode).toBe(400);
    expect(api400.json().errors[0].field).toBe('delivery');
  });

  it('shows a course with its set, competencies, details, sessions and provider', async () => {
    const res = await get(t, `/catalog/courses/${a.number}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Foundations of Library Service</h1>');
    expect(res.body).toContain(`href="/catalog/providers/${prairieId}"`);
    expect(res.body).toContain('href="/competencies/foundations"');
    expect(res.body).toContain('Face to face and online; at set times (live)');
    expect(res.body).toContain('24 contact hours');
    expect(res.body).toContain('$250.00');
    expect(res.body).toContain('href="https://prairie.example.org/courses/foundations"');
    expect(res.body).toContain('approved until 28 November 2030');
    expect(res.body).toContain('1 March 2027 to 26 April 2027');
    expect(res.body).toContain('Springfield, Illinois');
    expect((res.body.match(/<li><span class="meta">/g) ?? []).length).toBeGreaterThan(5);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    // Lower case works too; unknown numbers are not found.
    expect((await get(t, `/catalog/courses/${a.number.toLowerCase()}`)).statusCode).toBe(200);
    expect((await get(t, '/catalog/courses/CRS-2026-123456')).statusCode).toBe(404);
    expect((await get(t, '/catalog/courses/nonsense')).statusCode).toBe(404);

    const json = await api(t, 'GET', `/api/v1/catalog/courses/${a.number}`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      number: a.number,
      set: { id: 'foundations' },
      provider: { id: prairieId },
      costToStudents: { amountCents: 25000 },
      bundle: null,
    });
    expect(json.json().sessions).toHaveLength(2);
  });

  it('tells a bundle’s course to take all the courses of the bundle', async () => {
    const res = await get(t, `/catalog/courses/${bundle1.number}`);
    expect(res.body).toContain('Library Service in Two Parts');
    expect(res.body).toContain('take all its courses');
    expect(res.body).toContain('href="/catalog/courses/CRS-2026-800001-2"');
    const json = await api(t, 'GET', `/api/v1/catalog/courses/${bundle1.number}`);
    expect(json.json().bundle.courses.map((c: { number: string }) => c.number)).toEqual([
      'CRS-2026-800001-1',
      'CRS-2026-800001-2',
    ]);
  });

  it('answers 410 for a course whose approval has ended', async () => {
    const res = await get(t, `/catalog/courses/${lapsed.number}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This course is no longer approved.');
    expect(res.body).toContain('27 November 2026');
    const json = await api(t, 'GET', `/api/v1/catalog/courses/${lapsed.number}`);
    expect(json.statusCode).toBe(410);
    expect(json.json()).toMatchObject({ code: 'COURSE_LAPSED' });
  });

  it('has a page for each provider with courses, and none for others', async () => {
    const res = await get(t, `/catalog/providers/${prairieId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Prairie Library Cooperative</h1>');
    expect(res.body).toContain('mailto:courses@prairie.example.org');
    expect(res.body).toContain('26 courses');
    expect(res.body).toContain(`href="/catalog/providers/${prairieId}?page=2"`);
    const page2 = await get(t, `/catalog/providers/${prairieId}?page=2`);
    expect(cardTitles(page2.body)).toHaveLength(6);
    const nobody = await providerAdmin(t, { name: 'No Courses Yet' });
    expect((await get(t, `/catalog/providers/${nobody.providerId}`)).statusCode).toBe(404);
    expect((await get(t, '/catalog/providers/not-an-id')).statusCode).toBe(404);
    const json = await api(t, 'GET', `/api/v1/catalog/providers/${lakeshoreId}`);
    expect(json.json()).toMatchObject({ name: 'Lakeshore State Library', courses: { total: 1 } });
    expect((await api(t, 'GET', `/api/v1/catalog/providers/${nobody.providerId}`)).statusCode).toBe(404);
  });

  it('answers the same search in JSON, publicly cacheable', async () => {
    const res = await api(t, 'GET', '/api/v1/catalog/courses?q=reference&page=2');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toMatchObject({ total: 22, page: 2, pageSize: 20, order: 'relevance' });
    expect(res.json().items).toHaveLength(2);
    const first = (await api(t, 'GET', '/api/v1/catalog/courses?upcoming=yes')).json().items[0];
    expect(first).toMatchObject({
      number: a.number,
      nextSession: { startsOn: '2027-01-10', online: true },
      url: `http://localhost:3000/catalog/courses/${a.number}`,
    });
  });

  it('publishes an Atom feed of the newest approvals', async () => {
    const res = await get(t, '/catalog/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = res.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<id>http://localhost:3000/catalog/feed.atom</id>');
    expect(xml).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
    expect((xml.match(/<entry>/g) ?? []).length).toBe(27);
    expect(xml).toContain(`<id>urn:uuid:${a.id}</id>`);
    expect(xml).toContain(
      `<link rel="alternate" href="http://localhost:3000/catalog/courses/${a.number}" type="text/html"/>`,
    );
    expect(xml).toContain('<title type="text">Kids &amp; &lt;Teens&gt; &quot;Library&quot; Hour</title>');
    expect(xml).not.toContain('Old Circulation Course');
    expect(wellFormed(xml)).toBe(true);
  });

  it('shows signed-in people their own page, never a shared copy', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    const res = await get(t, '/catalog', candidate);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Sign out');
    expect(res.body).toContain('27 courses');
  });

  it('shows a change at once, and drops a course from the catalog when its approval ends', async () => {
    const before = await get(t, '/catalog?upcoming=yes');
    expect(cardTitles(before.body)).toEqual(['Foundations of Library Service']);
    // Approving another course through the real flow is a write: the next page shows it.
    await approvedCourse(t, staff);
    expect((await get(t, '/catalog')).body).toContain('28 courses');

    t.clock.set(`${a.approvalEndsOn}T23:00:00Z`);
    expect((await get(t, `/catalog/courses/${a.number}`)).statusCode).toBe(200);
    t.clock.advance(2 * 60 * 60 * 1000);
    try {
      const after = await get(t, '/catalog?upcoming=yes');
      expect(after.body).toContain('No courses found');
      expect((await get(t, `/catalog/courses/${a.number}`)).statusCode).toBe(410);
      expect((await get(t, '/catalog/feed.atom')).body).not.toContain(a.id);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });
});

/** Tags balance and every & starts an entity: enough to catch broken escaping. */
function wellFormed(xml: string): boolean {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(xml)) return false;
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}
