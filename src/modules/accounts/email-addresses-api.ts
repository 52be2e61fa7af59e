import { z } from 'zod';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { addEmailAddress, addEmailAddressInput } from './use-cases/add-email-address.js';
import { listEmailAddresses } from './use-cases/list-email-addresses.js';
import { makeEmailPrimary, makeEmailPrimaryInput } from './use-cases/make-email-primary.js';
import { removeEmailAddress } from './use-cases/remove-email-address.js';

// The same group as the rest of the account API, so the OpenAPI document shows them together.
const tags = ['accounts'];

const addressSchema = z.object({
  id: z.uuid().describe('The primary address is named by your user id'),
  email: z.string(),
  primary: z.boolean(),
  confirmed: z.boolean(),
  addedAt: z.string(),
});
const listSchema = z.object({ items: z.array(addressSchema) });
const idParams = z.object({ id: z.uuid() });

async function listed(req: Parameters<typeof ctxFrom>[0]) {
  const items = await listEmailAddresses(ctxFrom(req));
  return { items: items.map((a) => ({ ...a, addedAt: a.addedAt.toISOString() })) };
}

export function registerEmailAddressesApi(app: App) {
  app.get(
    '/api/v1/me/emails',
    {
      schema: {
        tags,
        summary: 'Your email addresses',
        description: 'The primary address first, then the others in the order they were added.',
        response: { 200: listSchema },
      },
    },
    async (req) => listed(req),
  );

  app.post(
    '/api/v1/me/emails',
    {
      schema: {
        tags,
        summary: 'Add an email address',
        description:
          'Mails a confirmation link to the address; it is confirmed when you open the link while signed in. ' +
          'Answers 202 with the same message whether or not the address already belongs to an account. ' +
          'Adding a waiting address again sends a new link. At most 5 addresses per account.',
        body: addEmailAddressInput,
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      const { email } = await addEmailAddress(ctxFrom(req), req.body);
      return reply.status(202).send({
        message: `If ${email} can be added, we have sent a link to it. Open the link while signed in to confirm the address.`,
      });
    },
  );

  app.post(
    '/api/v1/me/emails/:id/primary',
    {
      schema: {
        tags,
        summary: 'Make a confirmed address your primary one',
        description:
          'Mail and password resets go to it from now on; the old primary stays as an additional address and is told.',
        params: idParams,
        body: makeEmailPrimaryInput,
        response: { 200: listSchema },
      },
    },
    async (req) => {
      await makeEmailPrimary(ctxFrom(req), { ...req.body, id: req.params.id });
      return listed(req);
    },
  );

  app.delete(
    '/api/v1/me/emails/:id',
    {
      schema: {
        tags,
        summary: 'Remove an additional email address',
        description: 'The primary address cannot be removed: make another one primary first.',
        params: idParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await removeEmailAddress(ctxFrom(req), { id: req.params.id });
      return reply.status(204).send(null);
    },
  );
}
