import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.js';

/**
 * Further email addresses of an account. The primary address stays in `users.email` (everything else
 * reads it there); this table holds the others, so a holder's credentials are not tied to one address.
 */
export const emailAddresses = pgTable(
  'email_addresses',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Stored lower-cased and trimmed; the indexes use lower() as well, so no other spelling can slip in. */
    email: text('email').notNull(),
    /** Set when the owner opened the link mailed to the address; until then it is only a request. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A confirmed address belongs to one account only. Unconfirmed requests for the same address may
    // sit on several accounts: refusing them would tell a stranger the address is taken.
    uniqueIndex('email_addresses_confirmed_email_uq')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.confirmedAt} is not null`),
    uniqueIndex('email_addresses_user_email_uq').on(t.userId, sql`lower(${t.email})`),
    index('email_addresses_user_idx').on(t.userId),
  ],
);
