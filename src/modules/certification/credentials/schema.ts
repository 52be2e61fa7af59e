import {
  date,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { certifications } from '../schema.js';

export const credentialKinds = ['certification', 'set'] as const;
export type CredentialKind = (typeof credentialKinds)[number];

/**
 * Positions in the status lists. One position serves both lists (revocation and suspension), so a
 * credential's two status entries carry the same index. A sequence, not a counter row: a batch of
 * ten thousand takes its positions in one statement, and a gap (a rolled-back batch) is harmless.
 */
export const credentialStatusIndexSeq = pgSequence('credential_status_index_seq', {
  startWith: 0,
  minValue: 0,
});

/**
 * Signed Open Badges 3.0 credentials: one for a certification and one for each set achieved. The
 * signed document is kept as issued, so the holder downloads the same bytes every time; the private
 * key is never stored here.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    certificationId: uuid('certification_id')
      .notNull()
      .references(() => certifications.id),
    kind: text('kind', { enum: credentialKinds }).notNull(),
    /** The competency set, for kind 'set'; null for the certification itself. */
    setId: text('set_id'),
    statusListIndex: integer('status_list_index').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One credential per certification and set; null set ids (the certification's) count as equal.
    unique('credentials_certification_kind_set_uq').on(t.certificationId, t.kind, t.setId).nullsNotDistinct(),
    // Also what the status lists read (a certification's credentials, by its leading column).
    uniqueIndex('credentials_status_list_index_uq').on(t.statusListIndex),
  ],
);
