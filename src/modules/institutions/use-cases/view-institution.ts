import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireRole, requireUser } from '../../accounts/access.js';
import { formatReference, parseReference } from '../../applications/rules/references.js';
import { parseInput } from '../../applications/validate.js';
import { institutionForViewer } from '../access.js';
import { findInvoiceByNumber, listInvoicesOf } from '../invoices-repository.js';
import {
  countInstitutionsUpTo,
  findInstitution,
  findPayer,
  type InstitutionChoice,
  type InstitutionRow,
  listContacts,
  listInstitutionChoices,
  listInstitutions,
  listInstitutionsOfContact,
  searchInstitutionChoices,
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

/** At most this many institutions answer one search; more means "type more of the name". */
export const PAYER_SEARCH_LIMIT = 20;
/** Up to this many institutions in all, the payment step shows them in one menu instead of a search. */
export const PAYER_MENU_MAX = 30;
/** Words of a search beyond this many are ignored (each is one more condition on every candidate row). */
const MAX_SEARCH_WORDS = 8;

const searchHint = 'Type part of the name of the institution, or its state';
/** "Find your institution": the page's search box and the API's `q`. */
export const payerSearchQuerySchema = z.object({
  q: z
    .string({ error: searchHint })
    .trim()
    .min(1, searchHint)
    .max(100, 'Use 100 characters or fewer')
    .describe('Part of the name or the state, any case; every word must match (“lincoln illinois”)'),
});

export interface PayerSearch {
  query: string;
  /** By name, at most the limit. */
  items: InstitutionChoice[];
  /** More institutions match than were returned. */
  more: boolean;
}

const searchWords = (q: string) =>
  [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_SEARCH_WORDS);

/** Anyone signed in finds an institution that may pay their fee: any part of its name or state. */
export async function searchPayerInstitutions(
  ctx: Ctx,
  query: unknown,
  limit = PAYER_SEARCH_LIMIT,
): Promise<PayerSearch> {
  requireUser(ctx.actor);
  const { q } = parseInput(payerSearchQuerySchema, { q: query });
  const size = Number.isSafeInteger(limit)
    ? Math.min(Math.max(limit, 1), PAYER_SEARCH_LIMIT)
    : PAYER_SEARCH_LIMIT;
  const rows = await searchInstitutionChoices(ctx.db, searchWords(q), size + 1);
  return { query: q, items: rows.slice(0, size), more: rows.length > size };
}

export interface PayerChoices {
  /** The institution already chosen for this application (an institution's invitation), if any. */
  chosen: InstitutionChoice | null;
  /** Every institution, when there are few enough for one menu; null when the applicant searches instead. */
  all: InstitutionChoice[] | null;
  /** The applicant's search, when they made one (with its error, when it was refused). */
  search: (PayerSearch & { error: null }) | { query: string; items: []; more: false; error: string } | null;
}

/** The institution part of the application's payment step: one short menu, or a search by name. */
export async function payerChoices(
  ctx: Ctx,
  applicationId: string | null,
  query?: string,
): Promise<PayerChoices> {
  requireUser(ctx.actor);
  const chosenId = applicationId ? await findPayer(ctx.db, applicationId) : undefined;
  const row = chosenId ? await findInstitution(ctx.db, chosenId) : undefined;
  const chosen = row ? { id: row.id, name: row.name, region: row.region } : null;
  if ((await countInstitutionsUpTo(ctx.db, PAYER_MENU_MAX + 1)) <= PAYER_MENU_MAX) {
    return { chosen, all: await listInstitutionChoices(ctx.db, PAYER_MENU_MAX), search: null };
  }
  if (query === undefined) return { chosen, all: null, search: null };
  try {
    return { chosen, all: null, search: { ...(await searchPayerInstitutions(ctx, query)), error: null } };
  } catch (err) {
    const message = err instanceof DomainError ? err.fields?.q : undefined;
    if (!message) throw err;
    return { chosen, all: null, search: { query, items: [], more: false, error: message } };
  }
}

/** Staff find an invoice by its number (as written on a check or a transfer); null when there is none. */
export async function findInvoiceForStaff(ctx: Ctx, typed: string): Promise<string | null> {
  requireRole(ctx.actor, 'staff', 'admin');
  const ref = parseReference(typed);
  if (ref?.prefix !== 'INV') return null;
  const invoice = await findInvoiceByNumber(ctx.db, formatReference(ref.prefix, ref.year, ref.seq));
  return invoice?.id ?? null;
}
