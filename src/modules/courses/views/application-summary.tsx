import { formatMoney } from '../../../lib/money.js';
import { deliveryLabels, fileKindLabels, kindLabels, statusLabels } from '../labels.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';

/** The application, read-only, for staff and evaluators (headings start at h2). */
export function ApplicationSummary({ v }: { v: CourseApplicationView }) {
  const a = v.application;
  const byId = new Map(v.entries.map((e) => [e.competencyId, e]));
  const bundle = a.kind === 'bundle';
  const partTitle = new Map(v.parts.map((p) => [p.id, `${p.position}. ${p.title}`]));
  const rows: Array<[string, string]> = [
    ['Number', a.number ?? ''],
    ['Status', statusLabels[a.status]],
    ['Kind', kindLabels[a.kind]],
    ...(a.renewsApplicationId && v.approval
      ? [
          ['Renews', `${v.approval.original.number ?? ''} ${v.approval.original.title ?? ''}`] as [
            string,
            string,
          ],
        ]
      : []),
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
      a.renewsApplicationId ? 'Course approval renewal fee' : 'Course approval fee',
      v.fee ? (v.fee.balance.settled ? 'Paid' : `${formatMoney(v.fee.due)} still due`) : 'No fee',
    ],
  ];
  return (
    <>
      <h2>{bundle ? 'Bundle details' : 'Course details'}</h2>
      <dl class="summary">
        {rows.map(([k, val]) => (
          <div>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      {bundle && (
        <>
          <h2>Courses in this bundle</h2>
          {v.parts.length === 0 ? (
            <p>No courses listed.</p>
          ) : (
            <table>
              <caption>The courses that together cover the set</caption>
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  <th scope="col">Description</th>
                  <th scope="col">Contact hours</th>
                </tr>
              </thead>
              <tbody>
                {v.parts.map((p) => (
                  <tr>
                    <th scope="row">
                      {p.position}. {p.title}
                    </th>
                    <td>{p.description ?? ''}</td>
                    <td>{p.contactHours ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h2>Competency map</h2>
      <table>
        <caption>How the {bundle ? 'bundle' : 'course'} covers each competency</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            {bundle && <th scope="col">Course of the bundle</th>}
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
                {bundle && <td>{(e?.partId && partTitle.get(e.partId)) || 'Not said'}</td>}
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
