import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { institutionSchema, inviteContactSchema } from '../forms.js';
import type { InstitutionRow } from '../repository.js';
import { institutionKinds } from '../schema.js';
import { inviteContact } from '../use-cases/contact-invitations.js';
import { registerInstitution } from '../use-cases/register-institution.js';
import { submitPurchaseOrder } from '../use-cases/submit-purchase-order.js';
import {
  listInstitutionsForStaff,
  listMyInstitutions,
  viewInstitution,
} from '../use-cases/view-institution.js';
import { viewInvoice } from '../use-cases/view-invoice.js';
import { invoiceOf, invoiceOut } from './invoices-api.js';

const tags = ['institutions'];
const base = '/api/v1/institutions';
// Ids are checked by the use cases, so a malformed id is "not found" like any unknown one.
const idParams = z.object({ id: z.string().max(64) });

const institutionOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(institutionKinds),
  region: z.string(),
  billingAddress: z.string(),
});
const institutionOf = (i: InstitutionRow) => ({
  id: i.id,
  name: i.name,
  kind: i.kind,
  region: i.region,
  billingAddress: i.billingAddress,
});

const invoiceSummaryOut = z.object({
  id: z.string(),
  number: z.string(),
  poNumber: z.string(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  currency: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
});

// These document the bodies; the use cases validate them with the same rules as the forms (one message per field).
const poBody = z.object({
  poNumber: z.string(),
  amountCents: z.number().int().describe("Whole cents; must cover every applicant's fee"),
  applicants: z.array(z.object({ name: z.string(), email: z.string() })).describe('At most 200'),
});

/** Institutions, purchase orders and invoices as JSON (contacts may use personal access tokens). */
export function registerInstitutionsApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The institutions you are a contact for',
        response: { 200: z.object({ items: z.array(institutionOut) }) },
      },
    },
    async (req) => ({
      items: (await listMyInstitutions(ctxFrom(req))).map(institutionOf),
    }),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Register an institution (you become its contact)',
        body: institutionSchema,
        response: { 201: institutionOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(institutionOf(await registerInstitution(ctxFrom(req), req.body))),
  );
  app.get(
    '/api/v1/staff/institutions',
    {
      schema: {
        tags,
        summary: 'Every institution (staff)',
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }),
        response: {
          200: z.object({ items: z.array(institutionOut), total: z.number().int(), page: z.number().int() }),
        },
      },
    },
    async (req) => {
      const r = await listInstitutionsForStaff(ctxFrom(req), req.query.page);
      return { items: r.rows.map(institutionOf), total: r.total, page: r.page };
    },
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'An institution with its contacts and invoices',
        params: idParams,
        response: {
          200: institutionOut.extend({
            contacts: z.array(z.object({ name: z.string(), email: z.string() })),
            invoices: z.array(invoiceSummaryOut),
          }),
        },
      },
    },
    async (req) => {
      const v = await viewInstitution(ctxFrom(req), req.params.id);
      return {
        ...institutionOf(v.institution),
        contacts: v.contacts.map((c) => ({ name: c.name, email: c.email })),
        invoices: v.invoices,
      };
    },
  );
  app.post(
    `${base}/:id/contact-invitations`,
    {
      schema: {
        tags,
        summary: 'Invite another contact by email',
        params: idParams,
        body: inviteContactSchema,
        response: { 201: z.object({ email: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteContact(ctxFrom(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/purchase-orders`,
    {
      schema: {
        tags,
        summary: 'Send a purchase order; the invoice is issued at once',
        description:
          'Refused with 400 and nothing written for a malformed or repeated email, an amount of zero or less, an amount short of the fees (the message names the shortfall) or more than 200 applicants; 409 when the PO number was already used by this institution.',
        params: idParams,
        body: poBody,
        response: { 201: invoiceOut.extend({ matched: z.number().int(), invited: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxFrom(req);
      const { invoice, matched, invited } = await submitPurchaseOrder(ctx, req.params.id, req.body);
      return reply.code(201).send({ ...invoiceOf(await viewInvoice(ctx, invoice.id)), matched, invited });
    },
  );
}
