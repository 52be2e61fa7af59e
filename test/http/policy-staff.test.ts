import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../support/backends.js';
import { api, get, signedInAs } from '../support/sessions.js';
import { activatePolicy, insertTestUser, sessionOf, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('staff view of the policy and framework on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('shows staff every policy value and the framework with its reconstructed competencies', async () => {
    const { session } = await staffMember(t);
    const res = await get(t, '/staff/program', session);
    expect(res.statusCode).toBe(200);
    expect((res.body.match(/<h1[\s>]/g) ?? []).length).toBe(1);
    expect(res.body).toContain('Policy lssc-2026.1');
    expect(res.body).toContain('1,820 hours');
    expect(res.body).toContain('$325.00 members, $350.00 non-members');
    expect(res.body).toContain('Renewal window before expiry');
    expect(res.body).toContain('12 months');
    expect(res.body).toContain('10 competency sets, 110 competencies; 4 marked as reconstructed');
    expect(res.body).toContain('Supervision and Management');
    expect(res.body.match(/<th(?![^>]*scope=)[\s>]/g)).toBeNull();
  });

  it('lets an administrator in too, and shows a newly activated version', async () => {
    const admin = await insertTestUser(t, ['admin'], 'Alex Admin');
    const policy = await activatePolicy(t, (p) => {
      p.fees.portfolio = { memberCents: 5500, nonMemberCents: 6500 };
    });
    const res = await get(t, '/staff/program', await sessionOf(t, admin));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Policy ${policy.version}`);
    expect(res.body).toContain('$55.00 members, $65.00 non-members');
  });

  it('serves the same as JSON to staff', async () => {
    const { session } = await staffMember(t);
    const res = await api(t, 'GET', '/api/v1/staff/program', { session });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.policyVersion.policy.renewal.ceHoursRequired).toBe(32);
    expect(body.frameworkVersion.competencyCount).toBe(110);
    expect(body.frameworkVersion.sets).toHaveLength(10);
    const youth = body.frameworkVersion.sets.find((s: { id: string }) => s.id === 'youth-services');
    expect(youth.inferredIds).toHaveLength(1);
  });

  it('refuses candidates, anonymous visitors and staff who have not passed MFA', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    expect((await get(t, '/staff/program', candidate)).statusCode).toBe(403);
    const apiRes = await api(t, 'GET', '/api/v1/staff/program', { session: candidate });
    expect(apiRes.statusCode).toBe(403);
    expect(apiRes.json().code).toBe('FORBIDDEN');
    const anonymous = await t.app.inject('/staff/program');
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await t.app.inject('/api/v1/staff/program')).json().code).toBe('UNAUTHENTICATED');
    const { session } = await staffMember(t, { mfaVerified: false });
    const noMfa = await api(t, 'GET', '/api/v1/staff/program', { session });
    expect(noMfa.statusCode).toBe(401);
    expect(noMfa.json().code).toBe('MFA_REQUIRED');
    const page = await get(t, '/staff/program', session);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toContain('/sign-in/mfa');
  });
});
