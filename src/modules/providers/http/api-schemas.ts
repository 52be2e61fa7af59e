import { z } from 'zod';
import type { InvitationRow, MemberRow, ProviderRow } from '../repository.js';
import { providerMemberRoles, providerTypes } from '../schema.js';
import type { StaffProviderPage } from '../use-cases/list-providers-for-staff.js';
import type { ProviderView } from '../use-cases/view-provider.js';

const instant = z.string().describe('ISO 8601 instant');
const role = z.enum(providerMemberRoles);

export const providerOut = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(providerTypes),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  region: z.string(),
  city: z.string(),
  website: z.string().nullable(),
  contactEmail: z.string(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const memberOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  addedAt: instant,
});

export const invitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role,
  createdAt: instant,
  expiresAt: instant,
});

export const providerDetailOut = providerOut.extend({
  yourRole: role.nullable().describe('Your role in this organisation; null for program staff'),
  members: z.array(memberOut),
  invitations: z.array(invitationOut).describe('Invitations not yet accepted, withdrawn or expired'),
});

export const myProvidersOut = z.object({
  items: z.array(providerOut.extend({ yourRole: role })),
});

export const staffProvidersOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(providerTypes),
      country: z.string(),
      region: z.string(),
      city: z.string(),
      members: z.int(),
    }),
  ),
  total: z.int().describe('Matching providers; exact unless totalExact is false (then "more than")'),
  totalExact: z.boolean(),
  page: z.int(),
  pageSize: z.int(),
});

export const providerOf = (p: ProviderRow) => ({
  id: p.id,
  name: p.name,
  type: p.type,
  country: p.country,
  region: p.region,
  city: p.city,
  website: p.website,
  contactEmail: p.contactEmail,
  phone: p.phone,
  description: p.description,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const memberOf = (m: MemberRow) => ({
  userId: m.userId,
  name: m.displayName,
  email: m.email,
  role: m.role,
  addedAt: m.addedAt.toISOString(),
});

export const invitationOf = (i: InvitationRow) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

export const detailOf = (v: ProviderView) => ({
  ...providerOf(v.provider),
  yourRole: v.role,
  members: v.members.map(memberOf),
  invitations: v.invitations.map(invitationOf),
});

export const staffPageOf = (r: StaffProviderPage) => ({
  items: r.items,
  total: r.total,
  totalExact: r.totalExact,
  page: r.page,
  pageSize: r.pageSize,
});
