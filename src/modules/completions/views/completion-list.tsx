import { formatDate } from '../../../views/format.js';
import { Form } from '../../../views/forms.js';
import type { MyCompletions } from '../use-cases/list-my-completions.js';
import { CountsText, StatusTag, sourceLabels } from './claim-labels.js';

/** The candidate's course completions, the sets they achieved, and the way to report a missing one. */
export function CompletionListPage({ m, csrfToken }: { m: MyCompletions; csrfToken: string }) {
  const admitted = m.applicationStatus === 'admitted';
  return (
    <>
      <h1>Your course completions</h1>
      <p>
        An approved course you completed achieves the competency set it covers. Providers report the people
        who completed their courses; if a completion of yours is missing, report it yourself with a proof, and
        the provider confirms it.
      </p>
      {m.canClaim ? (
        <p>
          <a class="button" href="/completions/claim">
            Report a completed course
          </a>
        </p>
      ) : (
        <div class="warning">
          <p>
            You can report a completed course once you have submitted your application to the program.{' '}
            <a href="/application">Go to your application</a>
          </p>
        </div>
      )}

      <h2>Sets achieved by course</h2>
      {m.setsByCourse.length === 0 ? (
        <p>
          No competency set is achieved by a course yet.
          {!admitted && ' Sets are credited once you are admitted to the program.'}
        </p>
      ) : (
        <table>
          <caption class="visually-hidden">Competency sets achieved by an approved course</caption>
          <thead>
            <tr>
              <th scope="col">Competency set</th>
              <th scope="col">Achieved on</th>
              <th scope="col">By course</th>
            </tr>
          </thead>
          <tbody>
            {m.setsByCourse.map((s) => (
              <tr>
                <td>{s.title}</td>
                <td>{formatDate(s.achievedOn)}</td>
                <td>{s.reference ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Completions</h2>
      {m.completions.length === 0 ? (
        <p>You have no course completions yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Your course completions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Completed on</th>
              <th scope="col">Status</th>
              <th scope="col">Counts?</th>
            </tr>
          </thead>
          <tbody>
            {m.completions.map(({ completion: c, courseNumber, courseTitle, providerName }) => (
              <tr>
                <td>
                  <strong>{courseNumber}</strong> {courseTitle}
                  <br />
                  <span class="hint">
                    {providerName} · {sourceLabels[c.source]}
                  </span>
                  {c.proofFileName && (
                    <>
                      <br />
                      Proof: <a href={`/completion-claims/${c.id}/proof`}>{c.proofFileName}</a>
                    </>
                  )}
                </td>
                <td>{formatDate(c.completedOn)}</td>
                <td>
                  <StatusTag status={c.status} />
                  {c.status === 'rejected' && c.decisionNote && <p>Reason: {c.decisionNote}</p>}
                  {c.status === 'pending' && c.source === 'claim' && (
                    <Form action={`/completions/claims/${c.id}/withdraw`} csrfToken={csrfToken}>
                      <button type="submit" class="secondary">
                        Withdraw<span class="visually-hidden"> the report of {courseNumber}</span>
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  <CountsText c={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/dashboard">Back to My certification</a>
      </p>
    </>
  );
}
