import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitBuckets, sessions } from '../../src/modules/accounts/schema.js';
import { pruneExpiredRecords } from '../../src/modules/accounts/use-cases/prune-expired-records.js';
import { systemCtx } from '../../src/platform/context.js';
import { signedInAs } from '../support/sessions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('housekeeping job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('removes idle sessions and old rate-limit windows, keeps live ones', async () => {
    const stale = await signedInAs(t, ['candidate']);
    await t.services.db
      .insert(rateLimitBuckets)
      .values({ key: 'signin:old', windowStart: t.clock.now(), hits: 3 });
    t.clock.advance(25 * 60 * 60 * 1000); // a day later: the first session is idle, the bucket is old
    const live = await signedInAs(t, ['candidate']);
    await pruneExpiredRecords(systemCtx(t.services, 'test'));
    const [s] = await t.services.db.select({ n: count() }).from(sessions);
    const [b] = await t.services.db.select({ n: count() }).from(rateLimitBuckets);
    expect(s?.n).toBe(1);
    expect(b?.n).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: live.cookie } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: stale.cookie } })).statusCode).toBe(
      401,
    );
  });
});
