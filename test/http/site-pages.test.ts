import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { activatePolicy } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const publicPages = [
  '/',
  '/about',
  '/eligibility',
  '/eligibility/check',
  '/competencies',
  '/competencies/technology',
  '/ways',
  '/certification',
  '/faq',
  '/contact',
];

const h1Count = (html: string) => (html.match(/<h1[\s>]/g) ?? []).length;

describe.each(testBackends())('public site pages on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('serves every public page to anonymous visitors, with one h1 and scoped table headers', async () => {
    for (const url of publicPages) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(h1Count(res.body), url).toBe(1);
      // Every header cell says what it heads.
      expect(res.body.match(/<th(?![^>]*scope=)[\s>]/g), url).toBeNull();
      // Light pages for slow connections.
      expect(res.body.length, url).toBeLessThan(60_000);
    }
  });

  it('gives the home page the path in 4 steps and the three calls to action', async () => {
    const res = await t.app.inject('/');
    expect(res.body).toContain('The path in 4 steps');
    expect(res.body).toContain('href="/eligibility/check"');
    expect(res.body).toContain('href="/sign-up"');
    expect(res.body).toContain('href="/about"');
    expect(res.body).toContain('1,820 hours');
  });

  it('quotes eligibility, all fees, ways to pay and the refund from the active policy', async () => {
    const body = (await t.app.inject('/eligibility')).body;
    expect(body).toContain('1,820 hours');
    expect(body).toContain('last 5 years');
    for (const fee of ['$325.00', '$350.00', '$50.00', '$60.00', '$100.00', '$125.00'])
      expect(body).toContain(fee);
    expect(body).toMatch(/Card/);
    expect(body).toMatch(/Check/);
    expect(body).toMatch(/Purchase order/);
    expect(body).toContain('we refund your application fee');
    expect(body).toContain('100 Example Avenue');
  });

  it('shows certification and renewal figures from the policy', async () => {
    const body = (await t.app.inject('/certification')).body;
    expect(body).toContain('Within 4 years of the day you are admitted');
    expect(body).toContain('All 3 required competency sets, and any 3 of the');
    expect(body).toContain('7 electives');
    expect(body).toContain('valid for 4 years');
    expect(body).toContain('32 contact hours');
    expect(body).toContain('at least 4 about technology');
    expect(body).toContain('12 months before');
    expect(body).toContain('2 months of grace');
  });

  it('lists the ten sets of the active framework and one set with its competencies', async () => {
    const list = (await t.app.inject('/competencies')).body;
    expect((list.match(/class="card"/g) ?? []).length).toBe(10);
    expect((list.match(/>Required</g) ?? []).length).toBe(3);
    expect((list.match(/>Elective</g) ?? []).length).toBe(7);
    expect(list).toContain('href="/competencies/youth-services"');
    const set = (await t.app.inject('/competencies/supervision-management')).body;
    expect(set).toContain('<h1>Supervision and Management</h1>');
    expect(set).toContain('The 16 competencies');
    expect(set).toContain('wording reconstructed');
    const missing = await t.app.inject('/competencies/no-such-set');
    expect(missing.statusCode).toBe(404);
  });

  it('has a FAQ of 10 to 15 questions and a contact page with fictional office details', async () => {
    const faq = (await t.app.inject('/faq')).body;
    const questions = (faq.match(/<h2>/g) ?? []).length;
    expect(questions).toBeGreaterThanOrEqual(10);
    expect(questions).toBeLessThanOrEqual(15);
    const contact = (await t.app.inject('/contact')).body;
    expect(contact).toContain('LSSC Program Office');
    expect(contact).toContain('100 Example Avenue');
    expect(contact).toContain('Springfield, IL 62701');
    expect(contact).toContain('program@lssc.example');
    for (const url of publicPages) expect((await t.app.inject(url)).body).not.toContain('Huron');
  });

  it('serves the program API with the policy, fees and framework summary', async () => {
    const program = (await t.app.inject('/api/v1/program')).json();
    expect(program.policy.eligibility.minHours).toBe(1820);
    expect(program.fees.find((f: { kind: string }) => f.kind === 'application')).toMatchObject({
      memberCents: 32500,
      nonMemberCents: 35000,
      member: '$325.00',
      nonMember: '$350.00',
    });
    expect(program.framework.sets).toHaveLength(10);
    const sets = (await t.app.inject('/api/v1/program/competency-sets')).json();
    expect(sets.items.filter((s: { required: boolean }) => s.required)).toHaveLength(3);
    const one = (await t.app.inject('/api/v1/program/competency-sets/readers-advisory')).json();
    expect(one.competencies).toHaveLength(12);
    expect(one.competencies.filter((c: { inferred: boolean }) => c.inferred)).toHaveLength(1);
    const missing = await t.app.inject('/api/v1/program/competency-sets/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('follows a newly activated policy: nothing on the pages is hard-coded', async () => {
    await activatePolicy(t, (p) => {
      p.fees.application = { memberCents: 41000, nonMemberCents: 45500 };
      p.eligibility.minHours = 2000;
      p.eligibility.windowYears = 6;
      p.certification.completionYears = 5;
      p.renewal.ceHoursRequired = 40;
    });
    const eligibility = (await t.app.inject('/eligibility')).body;
    expect(eligibility).toContain('$410.00');
    expect(eligibility).toContain('$455.00');
    expect(eligibility).not.toContain('$325.00');
    expect(eligibility).toContain('2,000 hours');
    expect(eligibility).toContain('last 6 years');
    const home = (await t.app.inject('/')).body;
    expect(home).toContain('$410.00');
    expect(home).toContain('within 5 years');
    expect((await t.app.inject('/certification')).body).toContain('40 contact hours');
    expect((await t.app.inject('/faq')).body).toContain('$455.00');
    const form = (await t.app.inject('/eligibility/check')).body;
    expect(form).toContain('in libraries in the last 6 years?');
    expect((await t.app.inject('/api/v1/program')).json().fees[0].nonMember).toBe('$455.00');
  });
});
