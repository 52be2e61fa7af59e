import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A visitor's request for mail about newly approved courses (all of them, or one competency set's).
 * It counts only once confirmed through the mailed link; unsubscribing deletes the row, so the
 * address is not kept once the person has asked us to stop.
 */
export const catalogAlertSubscriptions = pgTable(
  'catalog_alert_subscriptions',
  {
    id: uuid('id').primaryKey(),
    /** Always stored lower-cased and trimmed. */
    email: text('email').notNull(),
    /** One competency set; null for every set. */
    setId: text('set_id'),
    /** SHA-256 of the confirmation link's token; cleared when used, so the link works once. */
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /**
     * The watermark: courses published (courses.created_at) up to this instant have been mailed, or
     * came before the subscription was confirmed. The sweep moves it forward in the same transaction
     * as the digest it queues, so a second run sends nothing twice.
     */
    notifiedThrough: timestamp('notified_through', { withTimezone: true }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One subscription per address and choice of set: subscribing again reuses it.
    uniqueIndex('catalog_alert_subscriptions_email_set_uq').on(t.email, sql`coalesce(${t.setId}, '')`),
    uniqueIndex('catalog_alert_subscriptions_token_uq').on(t.confirmTokenHash),
    // The sweep walks confirmed subscriptions whose watermark is behind.
    index('catalog_alert_subscriptions_due_idx')
      .on(t.notifiedThrough, t.id)
      .where(sql`${t.confirmedAt} is not null`),
  ],
);
