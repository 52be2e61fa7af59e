import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationMessages } from '../../src/modules/applications/schema.js';
import { fees } from '../../src/modules/payments/schema.js';
import { testBackends } from '../support/backends.js';
import {
  applicationIdOf,
  auditActions,
  candidate,
  draftApplication,
  job,
  payByCard,
  staffRequestsInfo,
  submittedApplication,
} from '../support/factories.js';
import { api, get } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const QUESTION = 'Please add the dates of your volunteer work at the school library.';

describe.each(testBackends())('answering a request for more information on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('shows the question, reopens the answers and sends the application back to review without a new number or fee', async () => {
    const me = await candidate(t);
    const { number, applicationId } = await submittedApplication(t, me, 'card');
    await payByCard(t, me);
    await staffRequestsInfo(t, me, QUESTION);

    const view = (await api(t, 'GET', '/api/v1/application', { session: me })).json();
    expect(view).toMatchObject({ status: 'info_requested', editable: true, infoRequest: QUESTION, number });
    expect((await get(t, '/dashboard', me)).body).toContain(QUESTION);
    expect((await get(t, '/application/respond', me)).body).toContain(QUESTION);

    const added = await api(t, 'POST', '/api/v1/application/experience', {
      session: me,
      body: job(300, {
        library: 'Lincoln Elementary School Library',
        libraryType: 'school',
        paid: false,
        startDate: '2024-09-01',
        endDate: '2025-06-15',
      }),
    });
    expect(added.statusCode).toBe(201);

    const res = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: 'I added them: September 2024 to June 2025.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_review', number, editable: false, infoRequest: null });
    expect(res.json().messages.map((m: { kind: string }) => m.kind)).toEqual([
      'info_request',
      'candidate_response',
    ]);
    expect(res.json().eligibility.countedHours).toBe(2120);

    const feeRows = await t.services.db.select().from(fees).where(eq(fees.subjectId, applicationId));
    expect(feeRows).toHaveLength(1);
    expect(await auditActions(t, 'application', applicationId)).toContain('application.info_response_sent');

    // A second click sends nothing more.
    const again = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: 'I added them: September 2024 to June 2025.' },
    });
    expect(again.statusCode).toBe(200);
    const messages = await t.services.db
      .select()
      .from(applicationMessages)
      .where(eq(applicationMessages.applicationId, applicationId));
    expect(messages).toHaveLength(2);
  });

  it('cannot be asked before the fee is paid: staff review paid applications only', async () => {
    const me = await candidate(t);
    await submittedApplication(t, me, 'check');
    await expect(staffRequestsInfo(t, me, QUESTION)).rejects.toThrow();
    const res = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: 'Here it is.' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses an answer when nothing was asked, and a resubmission that is no longer eligible', async () => {
    const me = await candidate(t);
    await draftApplication(t, me);
    const early = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: 'Hello?' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('There is no question from program staff waiting for your answer.');

    await api(t, 'POST', '/api/v1/application/submit', { session: me, body: { paymentMethod: 'card' } });
    await payByCard(t, me);
    await staffRequestsInfo(t, me, QUESTION);
    const entryId = (await api(t, 'GET', '/api/v1/application/experience', { session: me })).json().entries[0]
      .id;
    await api(t, 'PUT', `/api/v1/application/experience/${entryId}`, { session: me, body: job(1500) });
    const refused = await api(t, 'POST', '/api/v1/application/respond', {
      session: me,
      body: { response: 'Corrected my hours.' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toBe(
      'You have 1,500 of the 1,820 hours needed in the last 5 years (since 29 November 2021).',
    );
    expect((await api(t, 'GET', '/api/v1/application', { session: me })).json().status).toBe(
      'info_requested',
    );
    expect(await applicationIdOf(t, me)).toBeTruthy();
  });
});
