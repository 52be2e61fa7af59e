import { and, asc, count, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client.js';
import { uuidv7 } from '../ids.js';
import { mailOutbox } from './schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** A short name for the kind of mail, e.g. "verify-email"; tests and the dev mailbox filter on it. */
  template: string;
}

export async function enqueueMail(tx: Queryable, mail: OutgoingMail, now: Date): Promise<string> {
  const id = uuidv7(now.getTime());
  await tx.insert(mailOutbox).values({
    id,
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    template: mail.template,
    createdAt: now,
  });
  return id;
}

/** Many mails in few statements (a roster that credits thousands of candidates mails each once). */
export async function enqueueMails(tx: Queryable, mails: readonly OutgoingMail[], now: Date): Promise<void> {
  const rows = mails.map((mail) => ({
    id: uuidv7(now.getTime()),
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    template: mail.template,
    createdAt: now,
  }));
  for (let i = 0; i < rows.length; i += 5000) await tx.insert(mailOutbox).values(rows.slice(i, i + 5000));
}

export async function listMail(db: Db, opts: { to?: string; limit: number; offset: number }) {
  const where = opts.to ? eq(mailOutbox.toAddress, opts.to.toLowerCase()) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function pendingMail(db: Db, limit: number, maxAttempts: number) {
  return (
    db
      .select()
      .from(mailOutbox)
      .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, maxAttempts)))
      // Mails of one transaction share created_at: the id (UUIDv7, increasing) keeps them in the order written.
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
      .limit(limit)
  );
}

export async function markMailSent(db: Db, id: string, at: Date) {
  await db.update(mailOutbox).set({ sentAt: at, lastError: null }).where(eq(mailOutbox.id, id));
}

export async function markMailFailed(db: Db, id: string, attempts: number, error: string) {
  await db
    .update(mailOutbox)
    .set({ attempts, lastError: error.slice(0, 500) })
    .where(eq(mailOutbox.id, id));
}
