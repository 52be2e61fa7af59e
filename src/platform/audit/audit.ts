import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.js';
import { auditEvents } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises writers of the chain; held until the writing transaction ends. */
const AUDIT_LOCK_KEY = 7_154_001;

export interface AuditInput {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** JSON with object keys sorted, so the same event always hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string, e: AuditInput): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Append one event; call inside the transaction that makes the change. */
export async function appendAuditEvent(tx: Queryable, e: AuditInput): Promise<void> {
  await appendAuditEvents(tx, [e]);
}

/** Rows per INSERT: 11 parameters a row keeps a statement well under PostgreSQL's 65,535. */
const AUDIT_INSERT_CHUNK = 2000;

/**
 * Append events in the order given: one lock and one read of the chain's end, hashes chained in
 * memory, multi-row inserts (a roster that credits thousands of candidates writes one event each).
 */
export async function appendAuditEvents(tx: Queryable, events: readonly AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    // Round-trip through JSON so what we hash is exactly what jsonb stores (no Dates, no undefined).
    const before = e.before === undefined ? null : JSON.parse(JSON.stringify(e.before));
    const after = e.after === undefined ? null : JSON.parse(JSON.stringify(e.after));
    const at = new Date(Math.floor(e.at.getTime()));
    const hash = eventHash(prevHash, { ...e, at, before, after });
    const row = {
      at,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before,
      after,
      requestId: e.requestId ?? null,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // A multi-row VALUES list takes sequence numbers in row order, so seq follows the chain.
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK)
    await tx.insert(auditEvents).values(rows.slice(i, i + AUDIT_INSERT_CHUNK));
}

export type ChainCheck =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; reason: string };

/** Walk the whole chain in order, recomputing every hash. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, events: count };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, events: count, brokenAt: row.seq, reason: 'previous hash does not match' };
      }
      const expected = eventHash(prevHash, { ...row, before: row.before, after: row.after });
      if (expected !== row.hash)
        return { ok: false, events: count, brokenAt: row.seq, reason: 'event was altered' };
      prevHash = row.hash;
      lastSeq = row.seq;
      count++;
    }
  }
}
