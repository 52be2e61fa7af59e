import type { Ctx } from '../../../platform/context.js';
import { requireRole, requireUser } from '../../accounts/access.js';
import { formatReference, parseReference } from '../../applications/rules/references.js';
import { institutionForViewer } from '../access.js';
import { findInvoiceByNumber, listInvoicesOf } from '../invoices-repository.js';
import {
  findPayer,
  type InstitutionRow,
  listContacts,
  listInstitutions,
  listInstitutionsOfContact,
} from '../repository.js';

export async function listMyInstitutions(ctx: Ctx): Promise<InstitutionRow[]> {
  const user = requireUser(ctx.actor);
  return listInstitutionsOfContact(ctx.db, user.userId);
}

export interface InvoiceSummary {
  id: string;
  number: string;
  poNumber: string;
  totalCents: number;
  paidCents: number;
  currency: string;
  issuedOn: string;
  dueOn: string;
}

export interface InstitutionView {
  institution: InstitutionRow;
  contact: boolean;
  contacts: Array<{ userId: string; name: string; email: string }>;
  invoices: InvoiceSummary[];
}

/** One institution with its contacts and invoices: for its contacts and for staff. */
export async function viewInstitution(ctx: Ctx, institutionId: string): Promise<InstitutionView> {
  const { institution, contact } = await institutionForViewer(ctx.db, ctx.actor, institutionId);
  const contacts = await listContacts(ctx.db, institution.id);
  const invoices = (await listInvoicesOf(ctx.db, institution.id)).map((r) => ({
    id: r.invoice.id,
    number: r.invoice.number,
    poNumber: r.poNumber,
    totalCents: r.invoice.totalCents,
    paidCents: Number(r.paidCents),
    currency: r.invoice.currency,
    issuedOn: r.invoice.issuedOn,
    dueOn: r.invoice.dueOn,
  }));
  return { institution, contact, contacts, invoices };
}

export const STAFF_PAGE_SIZE = 50;

/** Program staff list every institution by name. */
export async function listInstitutionsForStaff(ctx: Ctx, page: number) {
  requireRole(ctx.actor, 'staff', 'admin');
  const safePage = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const { rows, total } = await listInstitutions(ctx.db, {
    limit: STAFF_PAGE_SIZE,
    offset: (safePage - 1) * STAFF_PAGE_SIZE,
  });
  return { rows, total, page: safePage, pageSize: STAFF_PAGE_SIZE };
}

/** The picker on the application's payment step: every institution by name (candidates choose theirs). */
export async function payerChoices(ctx: Ctx, applicationId: string | null) {
  requireUser(ctx.actor);
  const { rows } = await listInstitutions(ctx.db, { limit: 1000, offset: 0 });
  const chosen = applicationId ? await findPayer(ctx.db, applicationId) : undefined;
  return { options: rows.map((r) => [r.id, `${r.name} (${r.region})`] as const), chosen: chosen ?? null };
}

/** Staff find an invoice by its number (as written on a check or a transfer); null when there is none. */
export async function findInvoiceForStaff(ctx: Ctx, typed: string): Promise<string | null> {
  requireRole(ctx.actor, 'staff', 'admin');
  const ref = parseReference(typed);
  if (ref?.prefix !== 'INV') return null;
  const invoice = await findInvoiceByNumber(ctx.db, formatReference(ref.prefix, ref.year, ref.seq));
  return invoice?.id ?? null;
}
