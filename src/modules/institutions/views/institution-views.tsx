import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { formatMoney, money } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField, TextArea, TextField } from '../../../views/forms.js';
import { institutionKindLabels, MAX_APPLICANTS } from '../forms.js';
import type { InstitutionRow } from '../repository.js';
import { institutionKinds } from '../schema.js';
import type { InstitutionView } from '../use-cases/view-institution.js';

type Values = Record<string, string>;
const usd = (cents: number, currency = 'USD') => formatMoney(money(cents, currency));

export function MyInstitutionsPage({ items }: { items: InstitutionRow[] }) {
  return (
    <>
      <h1>Your institutions</h1>
      {items.length === 0 ? (
        <p>
          You are not a contact for an institution yet. If your library or agency pays for its staff's
          applications, <a href="/institutions/register">register it</a>. If it is already registered, ask one
          of its contacts to invite you.
        </p>
      ) : (
        <>
          <ul>
            {items.map((i) => (
              <li>
                <a href={`/institution/${i.id}`}>{i.name}</a> ({institutionKindLabels[i.kind]}, {i.region})
              </li>
            ))}
          </ul>
          <p>
            <a href="/institutions/register">Register another institution</a>
          </p>
        </>
      )}
    </>
  );
}

export function RegisterInstitutionPage(p: {
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
  verified: boolean;
}) {
  return (
    <>
      <h1>Register your institution</h1>
      {!p.verified ? (
        <p>
          Confirm your email address first: use the link in the email we sent when you created your account.
        </p>
      ) : (
        <>
          <ErrorSummary errors={p.errors} />
          <p>
            Register a library, library system, state library or agency that pays application fees for its
            staff. You become its contact: you send purchase orders and receive the invoices.
          </p>
          <Form action="/institutions/register" csrfToken={p.csrfToken}>
            <TextField
              name="name"
              label="Name of the institution"
              value={p.values.name}
              error={p.errors?.name}
            />
            <SelectField
              name="kind"
              label="Kind of institution"
              placeholder="Choose one"
              options={institutionKinds.map((k) => [k, institutionKindLabels[k]] as const)}
              value={p.values.kind}
              error={p.errors?.kind}
            />
            <TextField
              name="region"
              label="State or region"
              value={p.values.region}
              error={p.errors?.region}
              width="medium"
            />
            <TextArea
              name="billingAddress"
              label="Billing address"
              hint="Where invoices go, as it should appear on them."
              rows={4}
              value={p.values.billingAddress}
              error={p.errors?.billingAddress}
            />
            <button type="submit">Register the institution</button>
          </Form>
        </>
      )}
    </>
  );
}

export function InstitutionPage(p: {
  view: InstitutionView;
  csrfToken: string;
  invite?: { values: Values; errors?: FieldErrors | undefined };
  staff: boolean;
}) {
  const { institution, contacts, invoices } = p.view;
  const invoiceBase = p.staff ? '/staff/invoices' : '/institution/invoices';
  return (
    <>
      <h1>{institution.name}</h1>
      {p.invite?.errors && <ErrorSummary errors={p.invite.errors} />}
      <dl class="summary">
        <dt>Kind</dt>
        <dd>{institutionKindLabels[institution.kind]}</dd>
        <dt>State or region</dt>
        <dd>{institution.region}</dd>
        <dt>Billing address</dt>
        <dd style="white-space: pre-line">{institution.billingAddress}</dd>
      </dl>
      {p.view.contact && (
        <p>
          <a href={`/institution/${institution.id}/purchase-orders/new`}>Send a purchase order</a>
        </p>
      )}
      <h2>Invoices</h2>
      {invoices.length === 0 ? (
        <p>No invoices yet. Each purchase order gets one.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Purchase order</th>
              <th scope="col">Total</th>
              <th scope="col">Paid</th>
              <th scope="col">Due on</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr>
                <td>
                  <a href={`${invoiceBase}/${i.id}`}>{i.number}</a>
                </td>
                <td>{i.poNumber}</td>
                <td>{usd(i.totalCents, i.currency)}</td>
                <td>{usd(i.paidCents, i.currency)}</td>
                <td>{formatCalendarDate(i.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Contacts</h2>
      <ul>
        {contacts.map((c) => (
          <li>
            {c.name} ({c.email})
          </li>
        ))}
      </ul>
      {p.view.contact && (
        <>
          <h2>Invite another contact</h2>
          <Form action={`/institution/${institution.id}/contacts/invite`} csrfToken={p.csrfToken}>
            <TextField
              name="email"
              type="email"
              label="Their email address"
              autocomplete="email"
              value={p.invite?.values.email}
              error={p.invite?.errors?.email}
            />
            <button type="submit">Send the invitation</button>
          </Form>
        </>
      )}
    </>
  );
}

export function PurchaseOrderPage(p: {
  institution: InstitutionRow;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
  fees: { member: string; nonMember: string };
}) {
  return (
    <>
      <h1>Send a purchase order</h1>
      <ErrorSummary errors={p.errors} title={p.errors ? 'The purchase order was not sent' : undefined} />
      <p>
        For {p.institution.name}. Each applicant's fee is the application fee: {p.fees.member} for ALA
        members, {p.fees.nonMember} for others. People who have not applied yet are charged the non-member
        fee, since their membership is not known. People who applied and chose "my institution pays" are
        matched; the others get an email inviting them to apply.
      </p>
      <Form action={`/institution/${p.institution.id}/purchase-orders`} csrfToken={p.csrfToken}>
        <TextField
          name="poNumber"
          label="Purchase order number"
          value={p.values.poNumber}
          error={p.errors?.poNumber}
          width="medium"
        />
        <TextArea
          name="applicants"
          label="Applicants"
          hint={`One person a line: name, then a comma, then email address (for example: Ada Okafor, ada@example.org). At most ${MAX_APPLICANTS}.`}
          rows={8}
          value={p.values.applicants}
          error={p.errors?.applicants}
        />
        <TextField
          name="amount"
          label="Amount of the purchase order, in US dollars"
          hint="It must cover every applicant's fee."
          inputMode="decimal"
          width="short"
          value={p.values.amount}
          error={p.errors?.amount}
        />
        <button type="submit">Send the purchase order</button>
      </Form>
      <p>
        <a href={`/institution/${p.institution.id}`}>Back to {p.institution.name}</a>
      </p>
    </>
  );
}
