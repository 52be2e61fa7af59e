import type { Actor, UserActor } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { hasRole, requireRole, requireUser } from '../accounts/access.js';
import { findInvoice, type InvoiceRow } from './invoices-repository.js';
import { findInstitution, type InstitutionRow, isContact, lockInstitution } from './repository.js';

export const institutionNotFound = () => notFound('That institution');
export const invoiceNotFound = () => notFound('That invoice');

export interface InstitutionAccess {
  user: UserActor;
  institution: InstitutionRow;
  /** False for program staff looking in from outside. */
  contact: boolean;
}

/**
 * The institution as this person may see it: its contacts and program staff. Anyone else gets "not
 * found", never "forbidden", so nobody learns which institutions exist or what they bought.
 */
export async function institutionForViewer(
  db: Queryable,
  actor: Actor,
  institutionId: string,
): Promise<InstitutionAccess> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(institutionId)) throw institutionNotFound();
  const contact = await isContact(db, institutionId, user.userId);
  if (!contact) {
    if (!hasRole(actor, 'staff', 'admin')) throw institutionNotFound();
    requireRole(actor, 'staff', 'admin'); // staff must have passed MFA
  }
  const institution = await findInstitution(db, institutionId);
  if (!institution) throw institutionNotFound();
  return { user, institution, contact };
}

/** For a contact's changes: the institution row locked, so its purchase orders are taken one at a time. */
export async function institutionForContact(
  tx: Queryable,
  actor: Actor,
  institutionId: string,
): Promise<{ user: UserActor; institution: InstitutionRow }> {
  const user = requireUser(actor);
  if (!UUID_PATTERN.test(institutionId)) throw institutionNotFound();
  if (!(await isContact(tx, institutionId, user.userId))) throw institutionNotFound();
  const institution = await lockInstitution(tx, institutionId);
  if (!institution) throw institutionNotFound();
  return { user, institution };
}

export async function invoiceForViewer(
  db: Queryable,
  actor: Actor,
  invoiceId: string,
): Promise<InstitutionAccess & { invoice: InvoiceRow }> {
  requireUser(actor);
  if (!UUID_PATTERN.test(invoiceId)) throw invoiceNotFound();
  const invoice = await findInvoice(db, invoiceId);
  if (!invoice) throw invoiceNotFound();
  try {
    return { ...(await institutionForViewer(db, actor, invoice.institutionId)), invoice };
  } catch (err) {
    if (err instanceof Error && (err as { code?: string }).code === 'NOT_FOUND') throw invoiceNotFound();
    throw err;
  }
}
