import { formatMoney } from '../../../lib/money.js';
import { formatDateTime } from '../../../views/format.js';
import { courseFeeName } from '../fees.js';
import { statusLabels } from '../labels.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';
import { ApprovalSection, RenewalNotice } from './approval-section.js';
import { DecisionNotice } from './decision-notice.js';

const tag = (done: boolean) => (
  <span class={done ? 'tag ok' : 'tag'}>{done ? 'Completed' : 'Not completed'}</span>
);

export function FeeNotice({ v }: { v: CourseApplicationView }) {
  if (!v.fee) return null;
  const name = courseFeeName(v.application);
  return v.fee.balance.settled ? (
    <p>
      The {name} of {formatMoney(v.fee.amount)} is paid.
    </p>
  ) : (
    <p>
      The {name} of {formatMoney(v.fee.amount)} is due: {formatMoney(v.fee.due)}.{' '}
      {v.member && <a href={`/provider/courses/${v.application.id}/check`}>Pay the fee</a>}
    </p>
  );
}

/** The task list: details, (a bundle's courses,) competency map, files, then check and submit. */
export function CourseOverview({ v, csrfToken }: { v: CourseApplicationView; csrfToken: string }) {
  const a = v.application;
  const base = `/provider/courses/${a.id}`;
  const total = v.set.competencies.length;
  const step = (step: string) => !v.missing.some((m) => m.step === step);
  const bundle = a.kind === 'bundle';
  const untitled = a.renewsApplicationId
    ? 'Renewal'
    : bundle
      ? 'New bundle application'
      : 'New course application';
  return (
    <>
      <h1>{a.title ?? untitled}</h1>
      <p>
        <strong>Status:</strong> {statusLabels[a.status]}
        {a.number && (
          <>
            {' '}
            · <strong>Number:</strong> {a.number}
          </>
        )}{' '}
        · <strong>Organisation:</strong> {v.provider.name} · <strong>Competency set:</strong> {v.set.code}{' '}
        {v.set.title}
      </p>
      {bundle && (
        <p>
          A bundle of {v.parts.length === 1 ? '1 course' : `${v.parts.length} courses`} that together cover
          the set. The details describe the bundle as a whole; each course has its own title, description and
          contact hours.
        </p>
      )}
      <RenewalNotice v={v} />
      <DecisionNotice v={v} />
      {a.submittedAt && <p>Submitted {formatDateTime(a.submittedAt)}.</p>}
      <FeeNotice v={v} />
      <ApprovalSection v={v} csrfToken={csrfToken} />
      <h2>Steps</h2>
      <ol class="steps">
        <li>
          {v.editable ? (
            <a href={`${base}/details`}>{bundle ? 'Bundle details' : 'Course details'}</a>
          ) : bundle ? (
            'Bundle details'
          ) : (
            'Course details'
          )}{' '}
          {tag(step('details'))}
        </li>
        {bundle && (
          <li>
            <a href={`${base}/parts`}>Courses in this bundle</a> {tag(step('parts'))}
          </li>
        )}
        <li>
          {v.editable ? (
            <a href={`${base}/map/${v.set.competencies[0]!.id}`}>Competency map</a>
          ) : (
            'Competency map'
          )}{' '}
          <span class={step('map') ? 'tag ok' : 'tag'}>
            {v.covered} of {total} competencies with an assessment
          </span>
        </li>
        <li>
          <a href={`${base}/files`}>Syllabus and résumés</a> {tag(step('syllabus') && step('resume'))}
        </li>
        <li>
          <a href={`${base}/check`}>{a.status === 'draft' ? 'Check and submit' : 'View the application'}</a>
        </li>
      </ol>
      <p>
        <a href="/provider/courses">All course applications</a>
      </p>
    </>
  );
}
