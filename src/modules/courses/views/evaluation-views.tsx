import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextArea } from '../../../views/forms.js';
import { courseRubric } from '../rules/rubric.js';
import type { EvaluatorCourseView, StaffCourseView } from '../use-cases/list-course-evaluations.js';
import { ApplicationSummary } from './application-summary.js';

type Values = Record<string, string>;

const recommendationLabels: Record<string, string> = {
  approve: 'Approve',
  revise: 'Return for revision',
  decline: 'Decline',
};

function ScoresTable(p: { caption: string; scores: Record<string, number> | null }) {
  if (!p.scores) return null;
  return (
    <table>
      <caption>{p.caption}</caption>
      <tbody>
        {courseRubric.map((c) => (
          <tr>
            <th scope="row">{c.title}</th>
            <td>{p.scores![c.id] ?? ''} of 4</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StaffCoursePage(p: {
  v: StaffCourseView;
  csrfToken: string;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const a = p.v.application;
  const base = `/staff/course-applications/${a.id}`;
  return (
    <>
      <h1>
        Course application {a.number}: {a.title}
      </h1>
      <ErrorSummary errors={p.errors} />
      {a.status === 'approved' && (
        <p>
          Approved on {formatCalendarDate(a.approvedOn!)}, until {formatCalendarDate(a.approvalEndsOn!)}.
        </p>
      )}
      {a.decisionComment && <p>Decision comment: {a.decisionComment}</p>}
      <ApplicationSummary v={p.v} />
      <h2>Evaluations</h2>
      {p.v.summary.recommendations.length > 0 && (
        <p>
          Average total score {p.v.summary.total.toFixed(1)} of {p.v.summary.maxTotal};{' '}
          {p.v.summary.agree ? 'the evaluators agree.' : 'the evaluators do not agree yet.'}
        </p>
      )}
      {p.v.evaluations.length === 0 ? (
        <p>No evaluators are assigned yet.</p>
      ) : (
        p.v.evaluations.map((e) => (
          <section aria-label={`Evaluation by ${e.evaluatorName}`}>
            <p>
              {e.evaluatorName}: due {formatCalendarDate(e.dueOn)},{' '}
              {e.submittedAt
                ? `submitted, recommends ${recommendationLabels[e.recommendation ?? '']?.toLowerCase()}`
                : 'not submitted yet'}
              .{' '}
              {!e.submittedAt && e.dueOn < p.v.today && (
                <span class="tag">
                  Overdue
                  {e.lastRemindedOn ? `: reminded on ${formatCalendarDate(e.lastRemindedOn)}` : ''}
                </span>
              )}
            </p>
            <ScoresTable caption={`Scores from ${e.evaluatorName}`} scores={e.scores} />
            {e.comment && <p>Comment: {e.comment}</p>}
          </section>
        ))
      )}
      {a.status === 'submitted' && (
        <>
          <h2>Assign course evaluators</h2>
          <Form action={`${base}/evaluators`} csrfToken={p.csrfToken}>
            {[0, 1].map((i) => (
              <SelectField
                name={`evaluator${i + 1}`}
                label={`Evaluator ${i + 1}`}
                value={p.values?.[`evaluator${i + 1}`] ?? ''}
                error={i === 0 ? p.errors?.evaluatorIds : undefined}
                placeholder="Choose a course evaluator"
                options={p.v.eligibleEvaluators.map((e) => [e.id, `${e.displayName} (${e.email})`] as const)}
              />
            ))}
            <button type="submit">Send for evaluation</button>
          </Form>
        </>
      )}
      {a.status === 'in_evaluation' && (
        <>
          <h2>Decision</h2>
          <Form action={`${base}/decision`} csrfToken={p.csrfToken}>
            <ChoiceField
              name="decision"
              legend="Decision"
              value={p.values?.decision}
              error={p.errors?.decision}
              options={[
                ['approve', 'Approve'],
                ['return', 'Return for revision'],
                ['decline', 'Decline'],
              ]}
            />
            <TextArea
              name="comment"
              label="Comments for the provider"
              hint="Required when returning or declining."
              value={p.values?.comment}
              error={p.errors?.comment}
            />
            <button type="submit">Record the decision</button>
          </Form>
        </>
      )}
      <p>
        <a href="/staff/course-applications">All course applications</a>
      </p>
    </>
  );
}

export function EvaluationListPage(p: {
  items: Array<{
    applicationId: string;
    number: string | null;
    title: string | null;
    providerName: string;
    evaluation: { dueOn: string; submittedAt: Date | null };
  }>;
}) {
  return (
    <>
      <h1>Course evaluations</h1>
      {p.items.length === 0 ? (
        <p>You have no course applications to evaluate.</p>
      ) : (
        <table>
          <caption>Course applications assigned to you</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Provider</th>
              <th scope="col">Due</th>
              <th scope="col">Your evaluation</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/evaluations/${r.applicationId}`}>
                    {r.number} {r.title}
                  </a>
                </th>
                <td>{r.providerName}</td>
                <td>{formatCalendarDate(r.evaluation.dueOn)}</td>
                <td>{r.evaluation.submittedAt ? 'Submitted' : 'To do'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function EvaluationPage(p: {
  v: EvaluatorCourseView;
  csrfToken: string;
  values?: Values;
  errors?: FieldErrors | undefined;
}) {
  const a = p.v.application;
  const mine = p.v.mine;
  return (
    <>
      <h1>
        Evaluate {a.number}: {a.title}
      </h1>
      <ErrorSummary errors={p.errors} />
      <p>Please submit your evaluation by {formatCalendarDate(mine.dueOn)}.</p>
      <ApplicationSummary v={p.v} />
      <h2>Your evaluation</h2>
      {mine.submittedAt ? (
        <>
          <ScoresTable caption="Your scores" scores={mine.scores} />
          <p>You recommend: {recommendationLabels[mine.recommendation ?? '']}.</p>
          {mine.comment && <p>Your comment: {mine.comment}</p>}
          <h2>Other evaluations</h2>
          {p.v.others.map((o, i) =>
            o.submitted ? (
              <>
                <ScoresTable caption={`Scores from evaluator ${i + 2}`} scores={o.scores} />
                <p>Recommends: {recommendationLabels[o.recommendation ?? '']}.</p>
                {o.comment && <p>Comment: {o.comment}</p>}
              </>
            ) : (
              <p>Another evaluator has not submitted yet.</p>
            ),
          )}
        </>
      ) : (
        <Form action={`/evaluations/${a.id}`} csrfToken={p.csrfToken}>
          {courseRubric.map((c) => (
            <ChoiceField
              name={`score_${c.id}`}
              legend={c.title}
              value={p.values?.[`score_${c.id}`]}
              error={p.errors?.[`score_${c.id}`]}
              options={c.levels.map((text, i) => [String(i + 1), `${i + 1}: ${text}`] as const)}
            />
          ))}
          <ChoiceField
            name="recommendation"
            legend="Your recommendation"
            value={p.values?.recommendation}
            error={p.errors?.recommendation}
            options={Object.entries(recommendationLabels)}
          />
          <TextArea
            name="comment"
            label="Comments"
            hint="Required unless you recommend approval."
            value={p.values?.comment}
            error={p.errors?.comment}
          />
          <button type="submit">Submit my evaluation</button>
        </Form>
      )}
      <p>
        <a href="/evaluations">All my evaluations</a>
      </p>
    </>
  );
}
