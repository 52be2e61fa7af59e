import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { emailAddresses } from '../accounts/email-addresses-schema.js';
import { users } from '../accounts/schema.js';
import { normalizeEmail } from '../accounts/users-repository.js';
import type { ApplicationRow } from '../applications/repository.js';
import { applications } from '../applications/schema.js';
import { rowsOf, unnestRows } from '../completions/roster-sql.js';
import { applicationPayers, invoiceLines, invoices } from './schema.js';

/** What a purchase order needs to know about one applicant's address. */
export interface ApplicantFacts {
  /** The number of an earlier invoice of this institution that names the address (as given). */
  earlierInvoice: string | null;
  /** The person's current application (findCurrentApplication), or null: no account, or never applied. */
  application: Pick<ApplicationRow, 'id' | 'status' | 'alaMemberNumber' | 'policyVersionId'> | null;
  /** The institution that application chose to pay its fee, if any. */
  payerInstitutionId: string | null;
}

interface FactsRow {
  earlierInvoice: string | null;
  applicationId: string | null;
  status: ApplicationRow['status'] | null;
  alaMemberNumber: string | null;
  policyVersionId: string | null;
  payerInstitutionId: string | null;
}

/**
 * For every address of a purchase order, in one statement and in the order given: the earlier invoice
 * of this institution naming it (invoiceNamingEmail), the account it belongs to (findUserByEmail: the
 * primary address, else a confirmed additional one, both matched lower-cased and trimmed), that
 * account's current application (findCurrentApplication: an open one first, else the latest rejected)
 * and the application's payer (findPayer). An additional address's user_id references users, so the
 * account it names exists, as findUserById would find it. A purchase order names at most 200 people, so one statement
 * with three array parameters.
 */
export async function applicantFacts(
  db: Queryable,
  institutionId: string,
  emails: readonly string[],
): Promise<ApplicantFacts[]> {
  if (emails.length === 0) return [];
  const input = unnestRows<{ email: string; ord: number }>(
    'e',
    [
      ['ord', 'int', (r) => r.ord],
      ['email', 'text', (r) => r.email],
      ['normalized', 'text', (r) => normalizeEmail(r.email)],
    ],
    emails.map((email, ord) => ({ email, ord })),
  );
  const result = await db.execute(sql`
    select earlier.number as "earlierInvoice", a.id as "applicationId", a.status,
      a.ala_member_number as "alaMemberNumber", a.policy_version_id as "policyVersionId",
      p.institution_id as "payerInstitutionId"
    from ${input}
    left join lateral (
      select i.number from ${invoiceLines} l join ${invoices} i on i.id = l.invoice_id
      where l.email = e.email and i.institution_id = ${institutionId}
      order by i.created_at, i.id limit 1) earlier on true
    left join lateral (
      select coalesce(
        (select u.id from ${users} u where u.email = e.normalized limit 1),
        (select ea.user_id from ${emailAddresses} ea
         where lower(ea.email) = e.normalized and ea.confirmed_at is not null limit 1)) as id) owner on true
    left join lateral (
      select ap.id, ap.status, ap.ala_member_number, ap.policy_version_id from ${applications} ap
      where ap.candidate_id = owner.id
      order by (ap.status = 'rejected'), ap.created_at desc, ap.id desc limit 1) a on true
    left join ${applicationPayers} p on p.application_id = a.id
    order by e.ord`);
  return rowsOf<FactsRow>(result).map((r) => ({
    earlierInvoice: r.earlierInvoice,
    application:
      r.applicationId && r.status
        ? {
            id: r.applicationId,
            status: r.status,
            alaMemberNumber: r.alaMemberNumber,
            policyVersionId: r.policyVersionId,
          }
        : null,
    payerInstitutionId: r.payerInstitutionId,
  }));
}
