import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { appendAuditEvents } from './audit/audit.js';
import type { Clock } from './clock.js';
import type { Db, DbHandle, Tx } from './db/client.js';
import type { JobQueue } from './jobs/queue.js';
import { enqueueMail, enqueueMails, type OutgoingMail } from './mail/outbox.js';

export const roles = [
  'candidate',
  'staff',
  'admin',
  'portfolio_evaluator',
  'course_evaluator',
  'provider_member',
  'college_member',
  'institution_contact',
  'appeals_member',
] as const;
export type Role = (typeof roles)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      displayName: string;
      roles: Role[];
      emailVerified: boolean;
      /** True once this session passed TOTP (or the user has no MFA); tokens count as verified. */
      mfaVerified: boolean;
      mfaEnrolled: boolean;
      via: 'session' | 'token';
      sessionId?: string;
    }
  | { kind: 'system'; label: string };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** What every use case may use: the process's services plus who is acting and why. */
export interface Services {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  config: Config;
  log: Logger;
  /** Hear database notifications (see DbHandle.listen); absent where nothing listens (scripts). */
  listen?: DbHandle['listen'];
}

export interface Ctx extends Services {
  actor: Actor;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** What a use case can do inside its transaction. */
export interface Work {
  tx: Tx;
  audit(event: AuditEvent): Promise<void>;
  /** Many events at once, in order (one lock and a few inserts instead of a round trip each). */
  auditMany(events: readonly AuditEvent[]): Promise<void>;
  mail(mail: OutgoingMail): Promise<void>;
  mailMany(mails: readonly OutgoingMail[]): Promise<void>;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}

/**
 * One transaction per use case: the change, its audit event and its mail commit together or not at all.
 * Delivery of mail is asked for only after commit.
 */
export async function transact<T>(ctx: Ctx, work: (w: Work) => Promise<T>): Promise<T> {
  let mailQueued = false;
  const stamp = (e: AuditEvent) => ({
    ...e,
    at: ctx.clock.now(),
    actorId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    actorLabel: actorLabel(ctx.actor),
    requestId: ctx.requestId,
  });
  const result = await ctx.db.transaction(async (tx) =>
    work({
      tx,
      audit: (e) => appendAuditEvents(tx, [stamp(e)]),
      auditMany: (events) => appendAuditEvents(tx, events.map(stamp)),
      mail: async (m) => {
        await enqueueMail(tx, { ...m, to: m.to.toLowerCase() }, ctx.clock.now());
        mailQueued = true;
      },
      mailMany: async (mails) => {
        if (mails.length === 0) return;
        const now = ctx.clock.now();
        await enqueueMails(
          tx,
          mails.map((m) => ({ ...m, to: m.to.toLowerCase() })),
          now,
        );
        mailQueued = true;
      },
    }),
  );
  if (mailQueued) {
    ctx.jobs
      .send('deliver-mail')
      .catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not enqueue mail job'));
  }
  return result;
}

export function systemCtx(services: Services, label: string): Ctx {
  return { ...services, actor: { kind: 'system', label }, requestId: null };
}
