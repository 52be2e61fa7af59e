import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField } from '../../../views/forms.js';
import { progressSummary } from '../portfolio-progress.js';
import type { MyPortfolios } from '../use-cases/list-my-portfolios.js';
import { StatusTag } from './candidate-common.js';

/** The candidate's portfolios and the form to start one for a set not yet achieved. */
export function PortfolioListPage(p: {
  list: MyPortfolios;
  csrfToken: string;
  setId?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { portfolios, startable } = p.list;
  return (
    <>
      <h1>Your portfolios</h1>
      <ErrorSummary errors={p.errors} />
      <p>
        A portfolio is a way to achieve a competency set from your work experience, instead of taking a
        course. For each competency of the set you add evidence (files, links or written text) and explain how
        it shows the competency, then write a Personal Learning Statement. Two evaluators review it.
      </p>
      <p>
        Keep names out of your evidence (yours, your colleagues’ and your patrons’): evaluators must not know
        whose portfolio they review.
      </p>
      <h2>Your portfolios</h2>
      {portfolios.length === 0 ? (
        <p>You have not started a portfolio yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Your portfolios</caption>
          <thead>
            <tr>
              <th scope="col">Competency set</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {portfolios.map(({ portfolio, set, progress }) => (
              <tr>
                <td>
                  <a href={`/portfolios/${portfolio.id}`}>
                    {set.code} {set.title}
                  </a>
                  {portfolio.number && <span class="hint"> · {portfolio.number}</span>}
                </td>
                <td>
                  <StatusTag status={portfolio.status} />
                </td>
                <td>
                  {progressSummary(progress)}
                  {progress.statementMissing ? '; statement not written' : '; statement written'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Start a portfolio</h2>
      {startable.length === 0 ? (
        <p>Every competency set is achieved or already has a portfolio.</p>
      ) : (
        <Form action="/portfolios" csrfToken={p.csrfToken}>
          <SelectField
            name="setId"
            label="Competency set"
            hint="Sets you have achieved, or already have a portfolio for, are not listed."
            options={startable.map((s) => [s.id, `${s.code} ${s.title}${s.required ? ' (required)' : ''}`])}
            placeholder="Choose a set"
            value={p.setId}
            error={p.errors?.setId}
          />
          <button type="submit">Start a portfolio</button>
        </Form>
      )}
      <p>
        <a href="/dashboard">Back to my certification</a>
      </p>
    </>
  );
}
