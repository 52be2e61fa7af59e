import { formatMoney, money } from '../../../lib/money.js';
import { ErrorSummary, Form } from '../../../views/forms.js';
import { courseFeeName } from '../fees.js';
import { deliveryLabels } from '../labels.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';
import { FileList } from './files-page.js';
import { FeeNotice } from './overview.js';

/** Check your answers, then submit; once submitted, the same page shows the fee and pays it. */
export function CheckPage(p: {
  v: CourseApplicationView;
  csrfToken: string;
  feeAmount: string;
  userId: string;
  errors?: Record<string, string> | undefined;
}) {
  const { v } = p;
  const a = v.application;
  const base = `/provider/courses/${a.id}`;
  const byId = new Map(v.entries.map((e) => [e.competencyId, e]));
  const bundle = a.kind === 'bundle';
  const partTitle = new Map(v.parts.map((part) => [part.id, `${part.position}. ${part.title}`]));
  const change = (href: string, what: string) =>
    v.editable && (
      <a href={href}>
        Change<span class="visually-hidden"> {what}</span>
      </a>
    );
  const rows: Array<[string, string]> = [
    ['Title', a.title ?? ''],
    ['Description', a.description ?? ''],
    ['Delivery', a.delivery ? deliveryLabels[a.delivery] : ''],
    ['Synchronous', a.synchronous === null ? '' : a.synchronous ? 'Yes' : 'No'],
    ['Length', a.length ?? ''],
    ['Contact hours', a.contactHours === null ? '' : String(a.contactHours)],
    ['Where it runs', a.locations ?? ''],
    ['Cost to students', a.costToStudentsCents === null ? '' : formatMoney(money(a.costToStudentsCents))],
    ['Registration link', a.registrationUrl ?? ''],
    ['Teaching methods', a.teachingMethods ?? ''],
    ['Assessment strategy', a.assessmentStrategy ?? ''],
  ];
  const canPay = v.member && v.fee && !v.fee.balance.settled && v.fee.payerUserId === p.userId;
  return (
    <>
      <h1>{a.status === 'draft' ? 'Check your answers' : `Course application ${a.number}`}</h1>
      <ErrorSummary errors={p.errors} />
      <FeeNotice v={v} />
      {canPay && (
        <Form action={`${base}/checkout`} csrfToken={p.csrfToken}>
          <button type="submit">Pay {formatMoney(v.fee!.due)} by card</button>
        </Form>
      )}
      <h2 id="f-details" tabIndex={-1}>
        {bundle ? 'Bundle details' : 'Course details'}
      </h2>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value || <span class="hint">Not answered</span>}</dd>
            <dd>{change(`${base}/details`, label.toLowerCase())}</dd>
          </div>
        ))}
      </dl>
      {bundle && (
        <>
          <h2 id="f-parts" tabIndex={-1}>
            Courses in this bundle
          </h2>
          {v.parts.length === 0 ? (
            <p class="hint">No courses added yet.</p>
          ) : (
            <dl class="summary">
              {v.parts.map((part) => (
                <div>
                  <dt>
                    {part.position}. {part.title}
                  </dt>
                  <dd>
                    <p>{part.description}</p>
                    <p>{part.contactHours} contact hours</p>
                  </dd>
                  <dd>{change(`${base}/parts/${part.id}`, part.title)}</dd>
                </div>
              ))}
            </dl>
          )}
          {v.editable && (
            <p>
              <a href={`${base}/parts`}>Add or remove courses</a>
            </p>
          )}
        </>
      )}
      <h2 id="f-map" tabIndex={-1}>
        Competency map ({v.set.code} {v.set.title})
      </h2>
      <dl class="summary">
        {v.set.competencies.map((c) => {
          const e = byId.get(c.id);
          return (
            <div>
              <dt>
                {c.id} {c.topic}
              </dt>
              <dd>
                {e ? (
                  <>
                    {bundle && (
                      <p>
                        <strong>Course:</strong>{' '}
                        {(e.partId && partTitle.get(e.partId)) || <span class="hint">Not said yet</span>}
                      </p>
                    )}
                    <p>{e.content}</p>
                    <p>
                      <strong>Assessment:</strong>{' '}
                      {e.assessment ?? <span class="hint">No assessment yet</span>}
                    </p>
                  </>
                ) : (
                  <span class="hint">Not answered</span>
                )}
              </dd>
              <dd>{change(`${base}/map/${c.id}`, `competency ${c.id}`)}</dd>
            </div>
          );
        })}
      </dl>
      <h2 id="f-syllabus" tabIndex={-1}>
        Syllabus and résumés
      </h2>
      <FileList base={base} files={v.files} editable={false} csrfToken={p.csrfToken} />
      {v.editable && (
        <p id="f-resume" tabIndex={-1}>
          <a href={`${base}/files`}>Upload or remove files</a>
        </p>
      )}
      {v.editable && (
        <>
          <h2>Submit</h2>
          {v.missing.length > 0 ? (
            <ul>
              {v.missing.map((m) => (
                <li>{m.message}</li>
              ))}
            </ul>
          ) : (
            <p>
              Submitting charges the {courseFeeName(a)} of {p.feeAmount}. You can pay it by card straight
              away.
            </p>
          )}
          <Form action={`${base}/submit`} csrfToken={p.csrfToken}>
            <button type="submit">Submit the course application</button>
          </Form>
        </>
      )}
      <p>
        <a href={base}>Back to the course application</a>
      </p>
    </>
  );
}
