import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../../src/modules/payments/repository.js';
import { testBackends } from '../support/backends.js';
import { courseFees } from '../support/course-factories.js';
import { submittedCourse } from '../support/evaluation-factories.js';
import { joinedMember, providerAdmin } from '../support/provider-factories.js';
import { api, get, postForm, signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('paying a course approval fee on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('lets any member of the provider pay by card; the checkout names the course and leads back to it', async () => {
    const provider = await providerAdmin(t);
    const { id } = await submittedCourse(t, { paid: false, provider });
    const colleague = await joinedMember(t, provider.session, provider.providerId);
    const number = (await api(t, 'GET', `/api/v1/course-applications/${id}`, { session: colleague })).json()
      .number as string;

    // The submitter opens a checkout, then the colleague opens theirs: each may only complete their own.
    const first = (
      await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: provider.session })
    ).json();
    const started = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, {
      session: colleague,
    });
    expect(started.statusCode, started.body).toBe(200);
    const { checkoutId } = started.json();
    expect(checkoutId).not.toBe(first.checkoutId);
    expect((await get(t, `/pay/sandbox/${checkoutId}`, provider.session)).statusCode).toBe(404);

    const page = await get(t, `/pay/sandbox/${checkoutId}`, colleague);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Course approval fee for ${number}`);

    const paid = await postForm(t, `/pay/sandbox/${checkoutId}`, { choice: 'pay' }, colleague);
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(`/provider/courses/${id}`);
    const ledger = async () => balanceOf(t.services.db, (await courseFees(t, id))[0]!.id);
    expect((await ledger()).balance.settled).toBe(true);
    // The first checkout was closed when the colleague opened theirs: it cannot take money now.
    const stale = await postForm(t, `/pay/sandbox/${first.checkoutId}`, { choice: 'pay' }, provider.session);
    expect(stale.headers.location).toBe(`/provider/courses/${id}/check`);
    expect((await ledger()).entries.filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it('refuses people who are not members of the provider', async () => {
    const { id } = await submittedCourse(t, { paid: false });
    const stranger = await signedInAs(t, ['candidate']);
    const res = await api(t, 'POST', `/api/v1/course-applications/${id}/checkout`, { session: stranger });
    expect(res.statusCode).toBe(404);
  });
});
