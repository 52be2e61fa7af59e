import { Pagination, TextField } from '../../../views/forms.js';
import { institutionKindLabels } from '../forms.js';
import type { InstitutionRow } from '../repository.js';

export function StaffInstitutionsPage(p: {
  rows: InstitutionRow[];
  total: number;
  page: number;
  pageSize: number;
  invoice?: { typed: string; error: string } | undefined;
}) {
  return (
    <>
      <h1>Institutions</h1>
      <p>Libraries and agencies that pay for their staff by purchase order. Open one to see its invoices.</p>
      <form method="get" action="/staff/institutions">
        <TextField
          name="invoice"
          label="Find an invoice by its number"
          hint="As written on the check or the transfer, like INV-2026-000012."
          width="medium"
          value={p.invoice?.typed}
          error={p.invoice?.error}
        />
        <button type="submit" class="secondary">
          Find the invoice
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p>No institution is registered yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">Kind</th>
              <th scope="col">State or region</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((i) => (
              <tr>
                <td>
                  <a href={`/staff/institutions/${i.id}`}>{i.name}</a>
                </td>
                <td>{institutionKindLabels[i.kind]}</td>
                <td>{i.region}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/staff/institutions?page=${n}`}
      />
    </>
  );
}
