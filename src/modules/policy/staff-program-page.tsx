import { formatDateTime } from '../../views/format.js';
import { policySections } from './policy-readable.js';
import type { StaffProgramView } from './use-cases/view-program-for-staff.js';

/** What the system applies right now: every policy value and the framework in force. */
export function StaffProgramPage({ view }: { view: StaffProgramView }) {
  const { policy, framework } = view;
  const fw = framework.framework.framework;
  const inferredTotal = view.sets.reduce((n, s) => n + s.inferredIds.length, 0);
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Program policy and framework</h1>
      <p>
        New candidates are admitted under these versions, and stay on them. Candidates admitted earlier keep
        the versions they were admitted under.
      </p>
      <h2>Policy {policy.version}</h2>
      <p class="meta">
        {policy.policy.title}
        {policy.activatedAt ? ` · active since ${formatDateTime(policy.activatedAt)}` : ''}
      </p>
      {policySections(policy.policy).map((section) => (
        <table>
          <caption>{section.title}</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h2>Framework {framework.title}</h2>
      <p class="meta">
        Code {framework.code} · version {fw.version}
        {framework.activatedAt ? ` · active since ${formatDateTime(framework.activatedAt)}` : ''}
      </p>
      <p>
        {fw.sets.length} competency sets, {view.competencyCount} competencies; {inferredTotal} marked as
        reconstructed (the source text was incomplete).
      </p>
      <table>
        <caption>Competency sets</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Code</th>
            <th scope="col">Kind</th>
            <th scope="col">Competencies</th>
            <th scope="col">Reconstructed</th>
          </tr>
        </thead>
        <tbody>
          {view.sets.map((s) => (
            <tr>
              <th scope="row">
                <a href={`/competencies/${encodeURIComponent(s.id)}`}>{s.title}</a>
              </th>
              <td>{s.code}</td>
              <td>{s.required ? 'Required' : 'Elective'}</td>
              <td>{s.competencyCount}</td>
              <td>{s.inferredIds.length ? s.inferredIds.join(', ') : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
