import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey(),
    version: text('version').notNull(),
    data: jsonb('data').notNull(),
    active: boolean('active').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('policy_versions_version_uq').on(t.version),
    uniqueIndex('policy_versions_one_active_uq').on(t.active).where(sql`${t.active}`),
  ],
);

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    data: jsonb('data').notNull(),
    active: boolean('active').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('framework_versions_code_uq').on(t.code),
    uniqueIndex('framework_versions_one_active_uq').on(t.active).where(sql`${t.active}`),
  ],
);
