import type { Work } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { UUID_PATTERN } from '../../platform/ids.js';
import { confirmedEmailsOf } from '../accounts/email-addresses-repository.js';
import { findUserById } from '../accounts/users-repository.js';
import { type ApplicationRow, lockApplication } from '../applications/repository.js';
import { applyPaymentToApplicationFee } from '../payments/application-fee.js';
import { balanceOf, findFeeBySubject, lockFee } from '../payments/repository.js';
import {
  type InvoiceLineRow,
  type InvoicePaymentRow,
  type InvoiceRow,
  linkLineToApplication,
  listLines,
  listPayments,
  lockInvoice,
  markLineFeePaid,
  unclaimedLinesFor,
  unpaidLinesOfApplication,
} from './invoices-repository.js';
import { findInstitution, findPayer, setPayer } from './repository.js';
import { invoiceCoverage } from './rules/coverage.js';

/**
 * Money for one covered line reaches the applicant's application fee: a ledger payment (at most what
 * the fee still owes) and, once the fee is settled, the application moves on to review exactly as a
 * check payment does. Nothing happens before the application is submitted (it has no fee yet): the
 * submission comes back here.
 */
async function payLineFee(
  w: Work,
  invoice: InvoiceRow,
  line: InvoiceLineRow,
  payment: InvoicePaymentRow,
  at: Date,
): Promise<boolean> {
  if (!line.applicationId || line.feePaymentEntryId) return false;
  // Application first, then fee: the same lock order as the card and check paths.
  const application = await lockApplication(w.tx, line.applicationId);
  const feeRow = application && (await findFeeBySubject(w.tx, 'application', application.id));
  const fee = feeRow && (await lockFee(w.tx, feeRow.id));
  if (!application || !fee) return false;
  const { balance } = await balanceOf(w.tx, fee.id);
  const amountCents = Math.min(line.amountCents, balance.dueCents);
  if (amountCents <= 0) return false;
  const result = await applyPaymentToApplicationFee(w, {
    applicationId: application.id,
    amountCents,
    method: payment.method,
    reference: `${invoice.number} ${payment.reference}`,
    note: `Purchase order payment on invoice ${invoice.number}`,
    actorId: payment.recordedBy,
    at,
  });
  await markLineFeePaid(w.tx, line.id, result.ledgerEntryId);
  await w.audit({
    action: 'invoice.line_paid',
    subjectType: 'invoice',
    subjectId: invoice.id,
    after: {
      lineId: line.id,
      applicationId: application.id,
      amountCents,
      ledgerEntryId: result.ledgerEntryId,
      movedToReview: result.movedToReview,
    },
  });
  return true;
}

/**
 * Apply an invoice's payments to every covered line whose applicant has a fee waiting. The caller
 * holds the invoice lock. Returns the ids of the lines paid now.
 */
export async function payCoveredLines(
  w: Work,
  invoice: InvoiceRow,
  at: Date,
  onlyApplicationId?: string,
): Promise<string[]> {
  const lines = (await listLines(w.tx, invoice.id)).map((l) => l.line);
  const payments = await listPayments(w.tx, invoice.id);
  const last = payments.at(-1);
  if (!last) return [];
  const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const { covered } = invoiceCoverage(lines, paid);
  const paidNow: string[] = [];
  for (const line of lines) {
    if (onlyApplicationId && line.applicationId !== onlyApplicationId) continue;
    if (covered.has(line.position) && (await payLineFee(w, invoice, line, last, at))) paidNow.push(line.id);
  }
  return paidNow;
}

/**
 * An application whose applicant said "my institution pays": remember which institution, claim the
 * line of its purchase order that names one of the applicant's addresses, and take the money at once
 * if the institution has already paid for that line.
 */
export async function institutionPaysForApplication(
  w: Work,
  p: { application: ApplicationRow; institutionId: string | undefined; now: Date },
): Promise<ApplicationRow> {
  const chosen = p.institutionId || (await findPayer(w.tx, p.application.id));
  const institution = chosen && UUID_PATTERN.test(chosen) ? await findInstitution(w.tx, chosen) : undefined;
  if (!institution) throw validationFailed({ institutionId: 'Choose the institution that pays your fee' });
  await setPayer(w.tx, p.application.id, institution.id, p.now);
  await w.audit({
    action: 'application.institution_chosen',
    subjectType: 'application',
    subjectId: p.application.id,
    after: { institutionId: institution.id },
  });
  await claimLines(w, p.application, institution.id, p.now);
  for (const { line } of await unpaidLinesOfApplication(w.tx, p.application.id)) {
    const invoice = await lockInvoice(w.tx, line.invoiceId);
    if (invoice) await payCoveredLines(w, invoice, p.now, p.application.id);
  }
  return (await lockApplication(w.tx, p.application.id))!;
}

/** The first unclaimed line naming one of the applicant's addresses, unless the application holds one already. */
async function claimLines(w: Work, application: ApplicationRow, institutionId: string, now: Date) {
  if ((await unpaidLinesOfApplication(w.tx, application.id)).length > 0) return;
  const user = await findUserById(w.tx, application.candidateId);
  const emails = new Set(
    (await confirmedEmailsOf(w.tx, application.candidateId)).map((e) => e.toLowerCase()),
  );
  if (user) emails.add(user.email.toLowerCase());
  const [first] = await unclaimedLinesFor(w.tx, institutionId, [...emails]);
  if (!first) return;
  await linkLineToApplication(w.tx, first.line.id, application.id, now);
  await w.audit({
    action: 'invoice.line_matched',
    subjectType: 'invoice',
    subjectId: first.line.invoiceId,
    after: { lineId: first.line.id, applicationId: application.id },
  });
}
