import { addDays, formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import { newSecretToken, sha256Hex } from '../../../platform/auth/tokens.js';
import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { nextInSequence } from '../../../platform/db/counters.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { OutgoingMail } from '../../../platform/mail/outbox.js';
import { policyLookup } from '../../applications/own-application.js';
import { formatReference } from '../../applications/rules/references.js';
import { parseInput } from '../../applications/validate.js';
import { feeFor } from '../../policy/policy.js';
import { institutionForContact } from '../access.js';
import { type PurchaseOrderInput, purchaseOrderSchema } from '../forms.js';
import {
  findPurchaseOrderByNumber,
  type InvoiceLineRow,
  type InvoiceRow,
  insertInvoice,
  insertInvoiceLines,
  insertPurchaseOrder,
} from '../invoices-repository.js';
import { institutionMails } from '../mails.js';
import { applicantFacts } from '../planning-repository.js';
import type { InstitutionRow } from '../repository.js';
import { isUniqueViolation } from '../rules/unique-violation.js';

/** No policy value for it yet: invoices are due 30 days after they are issued. */
export const INVOICE_DUE_DAYS = 30;

interface PlannedLine {
  name: string;
  email: string;
  amountCents: number;
  currency: string;
  member: boolean;
  memberUnknown: boolean;
  /** Set when the person already applied and chose this institution: matched, not invited. */
  applicationId: string | null;
}

export interface SubmittedPurchaseOrder {
  invoice: InvoiceRow;
  matched: number;
  invited: number;
}

const reused = (poNumber: string) =>
  new DomainError('CONFLICT', `Purchase order ${poNumber} has already been sent.`, {
    poNumber: `You already sent purchase order ${poNumber}; give a new purchase order its own number`,
  });

/**
 * A contact sends a purchase order: the applicants and the amount. Each applicant's fee is the
 * application fee their membership gives (non-member when they have not applied, so membership is not
 * known). The amount must cover every fee. One transaction writes the order, the invoice and its lines,
 * and queues the mails, so a refused order leaves nothing behind.
 */
export async function submitPurchaseOrder(
  ctx: Ctx,
  institutionId: string,
  raw: unknown,
): Promise<SubmittedPurchaseOrder> {
  const input = parseInput(purchaseOrderSchema, raw ?? {});
  try {
    return await transact(ctx, async (w) => {
      const { user, institution } = await institutionForContact(w.tx, ctx.actor, institutionId);
      if (await findPurchaseOrderByNumber(w.tx, institution.id, input.poNumber)) throw reused(input.poNumber);
      const planned = await planLines(w, institution, input);
      refuseShortfall(input.amountCents, planned);
      const now = ctx.clock.now();
      const today = ctx.clock.today();
      const currency = planned[0]!.currency;
      const poId = uuidv7(now.getTime());
      await insertPurchaseOrder(w.tx, {
        id: poId,
        institutionId: institution.id,
        poNumber: input.poNumber,
        amountCents: input.amountCents,
        currency,
        submittedBy: user.userId,
        createdAt: now,
      });
      const year = Number(today.slice(0, 4));
      const invoice: InvoiceRow = {
        id: uuidv7(now.getTime()),
        number: formatReference('INV', year, await nextInSequence(w.tx, `INV-${year}`)),
        institutionId: institution.id,
        purchaseOrderId: poId,
        totalCents: planned.reduce((sum, l) => sum + l.amountCents, 0),
        currency,
        issuedOn: today,
        dueOn: addDays(today, INVOICE_DUE_DAYS),
        createdAt: now,
      };
      await insertInvoice(w.tx, invoice);
      const rows: InvoiceLineRow[] = [];
      const invitations: OutgoingMail[] = [];
      for (const [i, line] of planned.entries()) {
        const token = line.applicationId ? null : newSecretToken();
        rows.push({
          id: uuidv7(now.getTime()),
          invoiceId: invoice.id,
          position: i + 1,
          name: line.name,
          email: line.email,
          amountCents: line.amountCents,
          member: line.member,
          memberUnknown: line.memberUnknown,
          applicationId: line.applicationId,
          inviteTokenHash: token ? sha256Hex(token) : null,
          claimedAt: line.applicationId ? now : null,
          feePaymentEntryId: null,
        });
        if (token) {
          invitations.push(
            institutionMails.applicantInvitation({
              to: line.email,
              name: line.name,
              institution: institution.name,
              link: `${ctx.config.baseUrl}/institution-invitations/apply?token=${token}`,
            }),
          );
        }
      }
      await insertInvoiceLines(w.tx, rows);
      await w.mailMany(invitations);
      const matched = planned.filter((l) => l.applicationId).length;
      await w.audit({
        action: 'purchase_order.submitted',
        subjectType: 'institution',
        subjectId: institution.id,
        after: {
          purchaseOrderId: poId,
          poNumber: input.poNumber,
          amountCents: input.amountCents,
          applicants: planned.length,
        },
      });
      await w.audit({
        action: 'invoice.issued',
        subjectType: 'invoice',
        subjectId: invoice.id,
        after: { number: invoice.number, totalCents: invoice.totalCents, dueOn: invoice.dueOn, matched },
      });
      const link = `${ctx.config.baseUrl}/institution/invoices/${invoice.id}`;
      await w.mail(
        institutionMails.invoice({
          to: user.email,
          name: user.displayName,
          institution: institution.name,
          number: invoice.number,
          poNumber: input.poNumber,
          total: formatMoney(money(invoice.totalCents, currency)),
          dueOn: formatCalendarDate(invoice.dueOn),
          invited: planned.length - matched,
          matched,
          link,
          pdfLink: `${link}/pdf`,
        }),
      );
      return { invoice, matched, invited: planned.length - matched };
    });
  } catch (err) {
    // Two sends of the same order at once: the unique index refuses the second.
    if (isUniqueViolation(err, 'purchase_orders_number_uq')) throw reused(input.poNumber);
    throw err;
  }
}

/**
 * Each applicant's fee and whether they are matched to an application that chose this institution.
 * Everything about the applicants is read in one statement and the policies once each; the first
 * applicant (in the order given) already on an invoice of the institution is the one refused.
 */
async function planLines(
  w: Work,
  institution: InstitutionRow,
  input: PurchaseOrderInput,
): Promise<PlannedLine[]> {
  // Finds a person by a confirmed additional address too.
  const facts = await applicantFacts(
    w.tx,
    institution.id,
    input.applicants.map((a) => a.email),
  );
  // A rejected application is as good as none: the person applies again.
  const open = facts.map(({ application: app }) => (app && app.status !== 'rejected' ? app : undefined));
  const policyOf = await policyLookup(w.tx, open);
  return input.applicants.map((a, i) => {
    // One person on one purchase order: a second would pay their fee twice.
    const earlier = facts[i]!.earlierInvoice;
    if (earlier) {
      throw validationFailed({
        applicants: `${a.email} is already on your invoice ${earlier}; list each person on one purchase order only`,
      });
    }
    const app = open[i];
    const policy = policyOf(app);
    // Membership is known only from an application; a person who has not applied pays the non-member fee.
    const member = app ? app.alaMemberNumber !== null : false;
    const fee = feeFor(policy.policy, 'application', member);
    const matched = app && facts[i]!.payerInstitutionId === institution.id && app.status !== 'in_review';
    return {
      name: a.name,
      email: a.email,
      amountCents: fee.amountCents,
      currency: fee.currency,
      member,
      memberUnknown: !app,
      applicationId: matched ? app.id : null,
    };
  });
}

function refuseShortfall(amountCents: number, planned: PlannedLine[]): void {
  const total = planned.reduce((sum, l) => sum + l.amountCents, 0);
  if (amountCents >= total) return;
  const currency = planned[0]!.currency;
  const short = formatMoney(money(total - amountCents, currency));
  const message = `The amount is ${short} short of the applicants' fees: ${planned.length} applicant${planned.length === 1 ? '' : 's'} come to ${formatMoney(money(total, currency))}`;
  throw validationFailed({ amountCents: message });
}
