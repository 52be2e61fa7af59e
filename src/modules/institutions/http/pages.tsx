import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatMoney } from '../../../lib/money.js';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireUser } from '../../accounts/access.js';
import { policyFor } from '../../applications/own-application.js';
import { receiptPdf } from '../../payments/receipts/receipt-pdf.js';
import { feeFor } from '../../policy/policy.js';
import { institutionForViewer } from '../access.js';
import { formErrorsForPurchaseOrder, purchaseOrderFromForm } from '../forms.js';
import { invoiceDocument } from '../invoice-data.js';
import { invoicePdf } from '../invoice-pdf.js';
import { invoicePaymentReceipt } from '../invoice-receipt.js';
import { acceptApplicantInvitation, viewApplicantInvitation } from '../use-cases/applicant-invitation.js';
import { acceptContactInvitation, inviteContact } from '../use-cases/contact-invitations.js';
import { registerInstitution } from '../use-cases/register-institution.js';
import { submitPurchaseOrder } from '../use-cases/submit-purchase-order.js';
import { listMyInstitutions, viewInstitution } from '../use-cases/view-institution.js';
import { viewInvoice } from '../use-cases/view-invoice.js';
import {
  InstitutionPage,
  MyInstitutionsPage,
  PurchaseOrderPage,
  RegisterInstitutionPage,
} from '../views/institution-views.js';
import { ApplicantInvitationPage, ContactInvitationPage, InvoicePage } from '../views/invoice-views.js';

const idParams = z.object({ id: z.string().max(64) });
export const paymentParams = idParams.extend({ paymentId: z.string().max(64) });
const tokenQuery = z.object({ token: z.string().max(200).optional() });
const hide = { hide: true } as const;

const validationErrors = (err: unknown): FieldErrors | undefined =>
  err instanceof DomainError && (err.code === 'VALIDATION_FAILED' || err.code === 'CONFLICT')
    ? err.fields
    : undefined;

function seeOther(reply: FastifyReply, url: string, flash?: string) {
  if (flash) reply.flash(flash);
  return reply.redirect(url, 303);
}

/** Sends the invoice PDF; shared by the contact's and the staff's address. */
export async function sendInvoicePdf(req: FastifyRequest, reply: FastifyReply, id: string) {
  const view = await viewInvoice(ctxFrom(req), id);
  const bytes = await invoicePdf(invoiceDocument(view));
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `inline; filename="${view.invoice.number}.pdf"`)
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(bytes));
}

/** Sends the receipt for one payment against an invoice; shared by the contact's and the staff's address. */
export async function sendInvoiceReceipt(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  paymentId: string,
) {
  const view = await viewInvoice(ctxFrom(req), id);
  const data = invoicePaymentReceipt(view, paymentId);
  const bytes = await receiptPdf(data);
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `attachment; filename="receipt-${data.number.replace('/', '-')}.pdf"`)
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(bytes));
}

/** The contacts' pages: register, the institution, purchase orders, invoices; the invitation links. */
export function registerInstitutionPages(app: App) {
  app.get('/institution', { schema: hide }, async (req, reply) => {
    const items = await listMyInstitutions(ctxFrom(req));
    if (items.length === 1) return reply.redirect(`/institution/${items[0]!.id}`, 303);
    return sendPage(req, reply, { title: 'Your institutions' }, <MyInstitutionsPage items={items} />);
  });

  const registerPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const user = requireUser(req.actor);
    return sendPage(
      req,
      reply,
      { title: 'Register your institution', status: errors ? 400 : 200 },
      <RegisterInstitutionPage
        csrfToken={req.csrfToken()}
        values={values}
        errors={errors}
        verified={user.emailVerified}
      />,
    );
  };
  app.get('/institutions/register', { schema: hide }, (req, reply) => registerPage(req, reply, {}));
  app.post('/institutions/register', { schema: hide }, async (req, reply) => {
    try {
      const row = await registerInstitution(ctxFrom(req), req.body);
      return seeOther(reply, `/institution/${row.id}`, `${row.name} is registered. You are its contact.`);
    } catch (err) {
      const errors = validationErrors(err);
      if (!errors) throw err;
      return registerPage(req, reply, formValues(req.body), errors);
    }
  });

  const institutionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    invite?: { values: Record<string, string>; errors: FieldErrors },
  ) => {
    const view = await viewInstitution(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: view.institution.name, status: invite ? 400 : 200 },
      <InstitutionPage view={view} csrfToken={req.csrfToken()} invite={invite} staff={false} />,
    );
  };
  app.get('/institution/:id', { schema: { ...hide, params: idParams } }, (req, reply) =>
    institutionPage(req, reply, req.params.id),
  );
  app.post(
    '/institution/:id/contacts/invite',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      try {
        const { email } = await inviteContact(ctxFrom(req), req.params.id, req.body);
        return seeOther(reply, `/institution/${req.params.id}`, `Invitation sent to ${email}.`);
      } catch (err) {
        const errors = validationErrors(err);
        if (!errors) throw err;
        return institutionPage(req, reply, req.params.id, { values: formValues(req.body), errors });
      }
    },
  );

  const poPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const ctx = ctxFrom(req);
    const { institution, contact } = await institutionForViewer(ctx.db, ctx.actor, id);
    if (!contact) throw new DomainError('NOT_FOUND', 'That institution was not found.');
    const policy = (await policyFor(ctx.db, null)).policy;
    const fees = {
      member: formatMoney(feeFor(policy, 'application', true)),
      nonMember: formatMoney(feeFor(policy, 'application', false)),
    };
    return sendPage(
      req,
      reply,
      { title: 'Send a purchase order', status: errors ? 400 : 200 },
      <PurchaseOrderPage
        institution={institution}
        csrfToken={req.csrfToken()}
        values={values}
        errors={errors}
        fees={fees}
      />,
    );
  };
  app.get('/institution/:id/purchase-orders/new', { schema: { ...hide, params: idParams } }, (req, reply) =>
    poPage(req, reply, req.params.id, {}),
  );
  app.post(
    '/institution/:id/purchase-orders',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = purchaseOrderFromForm(body);
      try {
        const { invoice, matched, invited } = await submitPurchaseOrder(ctxFrom(req), req.params.id, input);
        return seeOther(
          reply,
          `/institution/invoices/${invoice.id}`,
          `Purchase order sent. Invoice ${invoice.number} is issued; ${matched} applicant${matched === 1 ? ' was' : 's were'} matched and ${invited} invited to apply.`,
        );
      } catch (err) {
        const errors = validationErrors(err);
        if (!errors) throw err;
        return poPage(req, reply, req.params.id, formValues(body), formErrorsForPurchaseOrder(errors, input));
      }
    },
  );

  app.get('/institution/invoices/:id', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const view = await viewInvoice(ctxFrom(req), req.params.id);
    return sendPage(
      req,
      reply,
      { title: `Invoice ${view.invoice.number}` },
      <InvoicePage view={view} staff={false} csrfToken={req.csrfToken()} />,
    );
  });
  app.get('/institution/invoices/:id/pdf', { schema: { ...hide, params: idParams } }, (req, reply) =>
    sendInvoicePdf(req, reply, req.params.id),
  );
  app.get(
    '/institution/invoices/:id/payments/:paymentId/receipt.pdf',
    { schema: { ...hide, params: paymentParams } },
    (req, reply) => sendInvoiceReceipt(req, reply, req.params.id, req.params.paymentId),
  );

  // Invitation links work signed out too: the page says who the invitation is for and how to sign in.
  app.get(
    '/institution-invitations/apply',
    { schema: { ...hide, querystring: tokenQuery } },
    async (req, reply) => {
      const invitation = await viewApplicantInvitation(ctxFrom(req), req.query.token);
      return sendPage(
        req,
        reply,
        { title: `Apply with your fee paid by ${invitation.institutionName}` },
        <ApplicantInvitationPage
          invitation={invitation}
          signedIn={req.actor.kind === 'user'}
          token={req.query.token ?? ''}
          next={req.url}
          csrfToken={req.csrfToken()}
        />,
      );
    },
  );
  app.post('/institution-invitations/apply', { schema: hide }, async (req, reply) => {
    const token = (req.body as { token?: unknown } | undefined)?.token;
    await acceptApplicantInvitation(ctxFrom(req), token);
    return seeOther(
      reply,
      '/application',
      'Your institution pays your application fee. Fill in your application and submit it.',
    );
  });

  app.get(
    '/institution-contacts/accept',
    { schema: { ...hide, querystring: tokenQuery } },
    async (req, reply) =>
      sendPage(
        req,
        reply,
        { title: 'Become a contact for an institution' },
        <ContactInvitationPage
          token={req.query.token ?? ''}
          csrfToken={req.csrfToken()}
          signedIn={req.actor.kind === 'user'}
          next={req.url}
        />,
      ),
  );
  app.post('/institution-contacts/accept', { schema: hide }, async (req, reply) => {
    const institution = await acceptContactInvitation(
      ctxFrom(req),
      (req.body as { token?: unknown } | undefined)?.token,
    );
    return seeOther(
      reply,
      `/institution/${institution.id}`,
      `You are now a contact for ${institution.name}.`,
    );
  });
}
