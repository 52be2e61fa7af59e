import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, verifyAuditChain } from '../../src/platform/audit/audit.js';
import { auditEvents } from '../../src/platform/audit/schema.js';
import { systemCtx, transact } from '../../src/platform/context.js';
import { testBackends } from '../support/backends.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"z":1}]},"b":1}',
    );
  });
});

describe.each(testBackends())('audit chain on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const ctx = systemCtx(t.services, 'test');
    for (let i = 0; i < 5; i++) {
      await transact(ctx, (w) =>
        w.audit({
          action: 'test.event',
          subjectType: 'thing',
          subjectId: `t${i}`,
          before: { n: i },
          after: { n: i + 1, at: new Date(0) },
        }),
      );
    }
  });
  afterAll(() => t.close());

  it('verifies an untouched chain', async () => {
    const result = await verifyAuditChain(t.services.db);
    expect(result.ok).toBe(true);
    expect(result.events).toBeGreaterThanOrEqual(5);
  });

  it('does not record an event when its transaction rolls back', async () => {
    const before = await verifyAuditChain(t.services.db);
    await expect(
      transact(systemCtx(t.services, 'test'), async (w) => {
        await w.audit({ action: 'test.rolled-back', subjectType: 'thing', subjectId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await verifyAuditChain(t.services.db);
    expect(after.events).toBe(before.events);
  });

  it('chains a batch of events in order, across insert chunks, after single events', async () => {
    const before = await verifyAuditChain(t.services.db);
    await transact(systemCtx(t.services, 'test'), async (w) => {
      await w.audit({ action: 'test.single', subjectType: 'thing', subjectId: 'one' });
      await w.auditMany(
        Array.from({ length: 4500 }, (_, i) => ({
          action: 'test.batch',
          subjectType: 'thing',
          subjectId: `b${i}`,
          after: { i },
        })),
      );
      await w.audit({ action: 'test.single', subjectType: 'thing', subjectId: 'two' });
    });
    const after = await verifyAuditChain(t.services.db);
    expect(after).toEqual({ ok: true, events: before.events + 4502 });
    const order = await t.services.db
      .select({ subjectId: auditEvents.subjectId })
      .from(auditEvents)
      .where(inArray(auditEvents.subjectId, ['one', 'b0', 'b4499', 'two']))
      .orderBy(asc(auditEvents.seq));
    expect(order.map((r) => r.subjectId)).toEqual(['one', 'b0', 'b4499', 'two']);
  });

  it('detects an altered event', async () => {
    await t.services.db.execute(
      sql`update audit_events set after = '{"n": 99}'::jsonb where subject_id = 't2'`,
    );
    const result = await verifyAuditChain(t.services.db);
    expect(result).toMatchObject({ ok: false, reason: 'event was altered' });
  });
});
