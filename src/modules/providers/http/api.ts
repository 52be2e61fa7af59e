import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { inviteSchema, providerProfileSchema, staffProviderQuery } from '../forms.js';
import { acceptInvitation } from '../use-cases/accept-invitation.js';
import { inviteProviderMember } from '../use-cases/invite-provider-member.js';
import { leaveProvider } from '../use-cases/leave-provider.js';
import { listMyProviders } from '../use-cases/list-my-providers.js';
import { listProvidersForStaff } from '../use-cases/list-providers-for-staff.js';
import { registerProvider } from '../use-cases/register-provider.js';
import { removeProviderMember } from '../use-cases/remove-provider-member.js';
import { revokeProviderInvitation } from '../use-cases/revoke-provider-invitation.js';
import { updateProviderProfile } from '../use-cases/update-provider-profile.js';
import { viewProvider } from '../use-cases/view-provider.js';
import {
  detailOf,
  invitationOf,
  invitationOut,
  memberOf,
  memberOut,
  myProvidersOut,
  providerDetailOut,
  providerOf,
  providerOut,
  staffPageOf,
  staffProvidersOut,
} from './api-schemas.js';

const tags = ['providers'];
// Ids are checked by the use cases, so a malformed id is "not found" like any unknown one.
const idParams = z.object({ id: z.string().max(64) });
const base = '/api/v1/providers';

/** Course providers and their members as JSON: the same use cases as the pages. */
export function registerProvidersApi(app: App) {
  app.get(
    base,
    { schema: { tags, summary: 'The organisations you belong to', response: { 200: myProvidersOut } } },
    async (req) => ({
      items: (await listMyProviders(ctxFrom(req))).map((m) => ({
        ...providerOf(m.provider),
        yourRole: m.role,
      })),
    }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Register an organisation as a course provider; you become its administrator',
        description: 'Needs a confirmed email address.',
        body: providerProfileSchema,
        response: { 201: providerOut },
      },
    },
    async (req, reply) => reply.status(201).send(providerOf(await registerProvider(ctxFrom(req), req.body))),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One organisation with its members and open invitations',
        description: 'For its members and program staff; anyone else gets 404.',
        params: idParams,
        response: { 200: providerDetailOut },
      },
    },
    async (req) => detailOf(await viewProvider(ctxFrom(req), req.params.id)),
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Update the organisation's profile (any member)",
        params: idParams,
        body: providerProfileSchema,
        response: { 200: providerOut },
      },
    },
    async (req) => providerOf(await updateProviderProfile(ctxFrom(req), req.params.id, req.body)),
  );

  app.get(
    `${base}/:id/members`,
    {
      schema: {
        tags,
        summary: "The organisation's members, administrators first",
        params: idParams,
        response: { 200: z.object({ items: z.array(memberOut) }) },
      },
    },
    async (req) => ({ items: (await viewProvider(ctxFrom(req), req.params.id)).members.map(memberOf) }),
  );

  app.post(
    `${base}/:id/invitations`,
    {
      schema: {
        tags,
        summary: 'Invite someone by email (administrators); replaces an earlier invitation to the address',
        description: 'The link in the mail works once, for 14 days.',
        params: idParams,
        body: inviteSchema,
        response: { 201: invitationOut },
      },
    },
    async (req, reply) => {
      const { invitation } = await inviteProviderMember(ctxFrom(req), req.params.id, req.body);
      return reply.status(201).send(invitationOf(invitation));
    },
  );

  app.delete(
    `${base}/:id/invitations/:invitationId`,
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation that has not been accepted (administrators)',
        params: idParams.extend({ invitationId: z.string().max(64) }),
        response: { 204: z.null().describe('Withdrawn') },
      },
    },
    async (req, reply) => {
      await revokeProviderInvitation(ctxFrom(req), req.params.id, req.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    `${base}/:id/members/:userId`,
    {
      schema: {
        tags,
        summary: 'Remove a member (administrators), or leave (your own user id)',
        description: 'The last administrator can be neither removed nor leave.',
        params: idParams.extend({ userId: z.string().max(64) }),
        response: { 200: z.object({ removed: z.literal(true), roleDropped: z.boolean() }) },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      const self = ctx.actor.kind === 'user' && ctx.actor.userId === req.params.userId;
      const r = self
        ? await leaveProvider(ctx, req.params.id)
        : await removeProviderMember(ctx, req.params.id, req.params.userId);
      return { removed: true as const, roleDropped: r.roleDropped };
    },
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation to an organisation, signed in with the invited address',
        body: z.object({ token: z.string().min(1).max(200).describe('The token from the invitation link') }),
        response: {
          200: z.object({
            provider: providerOut,
            role: z.enum(['admin', 'member']),
            alreadyMember: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      const r = await acceptInvitation(ctxFrom(req), req.body.token);
      return { provider: providerOf(r.provider), role: r.role, alreadyMember: r.alreadyMember };
    },
  );

  app.get(
    '/api/v1/staff/providers',
    {
      schema: {
        tags,
        summary:
          'Every registered provider, by name: search by the start of the name, filter by kind and region',
        querystring: staffProviderQuery,
        response: { 200: staffProvidersOut },
      },
    },
    async (req) => staffPageOf(await listProvidersForStaff(ctxFrom(req), req.query)),
  );
}
