import { formatMoney } from '../../../lib/money.js';
import { deliveryLabels, fileKindLabels, statusLabels } from '../labels.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';

/** The application, read-only, for staff and evaluators (headings start at h2). */
export function ApplicationSummary({ v }: { v: CourseApplicationView }) {
  const a = v.application;
  const byId = new Map(v.entries.map((e) => [e.competencyId, e]));
  const rows: Array<[string, string]> = [
    ['Number', a.number ?? ''],
    ['Status', statusLabels[a.status]],
    ['Provider', v.provider.name],
    ['Competency set', `${v.set.code} ${v.set.title}`],
    ['Description', a.description ?? ''],
    ['Delivery', a.delivery ? deliveryLabels[a.delivery] : ''],
    ['Length', a.length ?? ''],
    ['Contact hours', a.contactHours === null ? '' : String(a.contactHours)],
    ['Where it runs', a.locations ?? ''],
    ['Teaching methods', a.teachingMethods ?? ''],
    ['Assessment strategy', a.assessmentStrategy ?? ''],
    [
      'Course approval fee',
      v.fee ? (v.fee.balance.settled ? 'Paid' : `${formatMoney(v.fee.due)} still due`) : 'No fee',
    ],
  ];
  return (
    <>
      <h2>Course details</h2>
      <dl class="summary">
        {rows.map(([k, val]) => (
          <div>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      <h2>Competency map</h2>
      <table>
        <caption>How the course covers each competency</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Content</th>
            <th scope="col">Readings</th>
            <th scope="col">Assignments</th>
            <th scope="col">Assessment</th>
          </tr>
        </thead>
        <tbody>
          {v.set.competencies.map((c) => {
            const e = byId.get(c.id);
            return (
              <tr>
                <th scope="row">
                  {c.id} {c.topic}
                </th>
                <td>{e?.content ?? ''}</td>
                <td>{e?.readings ?? ''}</td>
                <td>{e?.assignments ?? ''}</td>
                <td>{e?.assessment ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Files</h2>
      <ul>
        {v.files.map((f) => (
          <li>
            <a href={`/provider/courses/${a.id}/files/${f.id}`}>{f.fileName}</a> ({fileKindLabels[f.kind]})
          </li>
        ))}
      </ul>
    </>
  );
}
