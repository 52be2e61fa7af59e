import type { Ctx } from '../../platform/context.js';
import { recordInvoicePayment } from '../institutions/use-cases/record-invoice-payment.js';
import { registerInstitution } from '../institutions/use-cases/register-institution.js';
import { submitPurchaseOrder } from '../institutions/use-cases/submit-purchase-order.js';
import { demoAccounts } from './demo-accounts.js';
import { actorFor } from './seed-demo-applications.js';

const CONTACT = 'institution@demo.lssc.example';

/**
 * An institution paying for three of its staff by purchase order, through the same use cases people
 * use: the invoice is issued (invitations to the three are in the demo mailbox), and staff have
 * recorded a first check that covers one of them, so the invoice shows who is covered and who not yet,
 * and a transfer for the other two that waits for a second staff member's approval.
 */
export async function seedDemoInstitution(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  const contact = demoAccounts.find((a) => a.email === CONTACT);
  const staffAccount = demoAccounts.find((a) => a.roles.includes('staff'));
  if (!contact || !staffAccount) return;
  const as: Ctx = { ...ctx, actor: actorFor(contact, userIds.get(contact.email)!) };
  const staff: Ctx = { ...ctx, actor: actorFor(staffAccount, userIds.get(staffAccount.email)!) };
  const institution = await registerInstitution(as, {
    name: 'Prairie Public Library System',
    kind: 'library_system',
    region: 'IL',
    billingAddress: 'Accounts payable, 200 Main Street, Springfield, IL 62701',
  });
  const { invoice } = await submitPurchaseOrder(as, institution.id, {
    poNumber: 'PPLS-2026-0417',
    amountCents: 3 * 35_000,
    applicants: [
      { name: 'Robin Okafor', email: 'robin.okafor@prairie-libraries.example' },
      { name: 'Lee Nguyen', email: 'lee.nguyen@prairie-libraries.example' },
      { name: 'Ana Diaz', email: 'ana.diaz@prairie-libraries.example' },
    ],
  });
  await recordInvoicePayment(staff, invoice.id, {
    method: 'check',
    amountCents: 35_000,
    reference: '10452',
    receivedOn: ctx.clock.today(),
  });
  // Over the $500 limit: it waits for a second staff member (the demo administrator can approve it).
  await recordInvoicePayment(staff, invoice.id, {
    method: 'bank_transfer',
    amountCents: 70_000,
    reference: 'ACH 2026-1128-PPLS',
    receivedOn: ctx.clock.today(),
  });
}
