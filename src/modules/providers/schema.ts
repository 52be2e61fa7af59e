import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';

/** The kinds of organisation that may offer approved courses (PROGRAM.md, "course provider"). */
export const providerTypes = [
  'state_library',
  'state_library_association',
  'regional_cooperative',
  'community_college',
  'ala_unit',
  'individual_consultant',
] as const;
export type ProviderType = (typeof providerTypes)[number];

export const providerMemberRoles = ['admin', 'member'] as const;
export type ProviderMemberRole = (typeof providerMemberRoles)[number];

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: providerTypes }).notNull(),
    /** ISO 3166-1 alpha-2, from the same list as the application form. */
    country: text('country').notNull(),
    /** State, province or region, as written. */
    region: text('region').notNull(),
    city: text('city').notNull(),
    website: text('website'),
    contactEmail: text('contact_email').notNull(),
    phone: text('phone'),
    description: text('description'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('providers_type_idx').on(t.type),
    index('providers_region_idx').on(t.region),
    // Staff search by the start of a name in any case: prefix LIKE on lower(name) uses this.
    index('providers_name_prefix_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    // The catalog's word search also matches provider names.
    index('providers_name_search_idx').using('gin', sql`to_tsvector('english', ${t.name})`),
  ],
);

export const providerMembers = pgTable(
  'provider_members',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: providerMemberRoles }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: uuid('added_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.userId] }), index('provider_members_user_idx').on(t.userId)],
);

export const providerInvitations = pgTable(
  'provider_invitations',
  {
    id: uuid('id').primaryKey(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    /** Always stored lower-cased and trimmed. */
    email: text('email').notNull(),
    /** The role the person gets on accepting: admins can invite other admins, so no one is the last for ever. */
    role: text('role', { enum: providerMemberRoles }).notNull().default('member'),
    /** SHA-256 of the link's token: a database leak does not leak live invitations. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('provider_invitations_token_uq').on(t.tokenHash),
    // At most one open invitation per address and provider: inviting again replaces the old one.
    uniqueIndex('provider_invitations_open_uq')
      .on(t.providerId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
