import { type CalendarDate, formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { ChoiceField, ErrorSummary, Form, Pagination, TextArea } from '../../../views/forms.js';
import {
  evidenceKindLabels,
  evidenceRoleLabels,
  outcomeLabels,
  ratingLabels,
  ratingTones,
  roleOf,
} from '../labels.js';
import { commentField, RATING_COMMENT_MAX, ratingField } from '../rating-input.js';
import type {
  AssignmentView,
  BlindEvidence,
  MyAssignmentItem,
  RatedCompetency,
  ShownRating,
} from '../use-cases/view-portfolio-assignment.js';

type Values = Record<string, string>;

const ratingOptions = (['met', 'partial', 'not_met'] as const).map((r) => [r, ratingLabels[r]] as const);

export const assignmentHref = (id: string) => `/evaluator/assignments/${id}`;

function Rated({ r }: { r: ShownRating }) {
  return (
    <>
      <span class={ratingTones[r.rating]}>{ratingLabels[r.rating]}</span> {r.comment}
    </>
  );
}

function Evidence({ base, e }: { base: string; e: BlindEvidence }) {
  return (
    <div class="card">
      <h4>{e.title}</h4>
      <p>
        <span class={e.primary ? 'tag ok' : 'tag'}>{evidenceRoleLabels[roleOf(e)]}</span>{' '}
        {evidenceKindLabels[e.kind]}
      </p>
      {e.file && (
        <p>
          <a href={`${base}/evidence/${e.id}/${e.file.name}`}>{e.file.name}</a>
          <span class="hint">
            {' '}
            ({e.file.label}, {formatBytes(e.file.size)})
          </span>
        </p>
      )}
      {e.url && (
        <p>
          <a href={e.url} rel="noopener noreferrer nofollow">
            {e.url}
          </a>
        </p>
      )}
      {e.body && <div class="message-body">{e.body}</div>}
      <p>
        <strong>How it shows the competency:</strong>
      </p>
      <div class="message-body">{e.explanation}</div>
    </div>
  );
}

function CompetencySection(p: {
  c: RatedCompetency;
  index: number;
  base: string;
  open: boolean;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { c } = p;
  const headingId = `c-${c.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {p.index + 1}. {c.topic}
      </h3>
      {c.evidence.length === 0 ? (
        <p>No evidence for this competency.</p>
      ) : (
        c.evidence.map((e) => <Evidence base={p.base} e={e} />)
      )}
      {!c.rateNow && c.earlier && (
        <p>
          Not reopened: your earlier rating stands. <Rated r={c.earlier} />
        </p>
      )}
      {c.rateNow && c.earlier && (
        <p>
          Your rating before the resubmission: <Rated r={c.earlier} />
        </p>
      )}
      {c.rateNow && p.open && (
        <>
          <ChoiceField
            name={ratingField(c.id)}
            legend={`Your rating: ${c.topic}`}
            inline
            options={ratingOptions}
            value={p.values?.[ratingField(c.id)] ?? c.mine?.rating}
            error={p.errors?.[ratingField(c.id)]}
          />
          <TextArea
            name={commentField(c.id)}
            label={`Your comment: ${c.topic}`}
            hint={`What the evidence shows or lacks. The candidate reads this. Up to ${RATING_COMMENT_MAX.toLocaleString('en-US')} characters.`}
            rows={3}
            value={p.values?.[commentField(c.id)] ?? c.mine?.comment}
            error={p.errors?.[commentField(c.id)]}
          />
        </>
      )}
      {c.rateNow && !p.open && c.mine && (
        <p>
          Your rating: <Rated r={c.mine} />
        </p>
      )}
      {c.others.map((o) => (
        <p>
          {o.label}: <Rated r={o} />
        </p>
      ))}
    </section>
  );
}

/** The blind rating page: the portfolio by its number, its statement and evidence, and the form. */
export function RatingPage(p: {
  v: AssignmentView;
  csrfToken: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const a = v.assignment;
  const base = assignmentHref(a.id);
  const open = a.submittedAt === null;
  const rateCount = v.competencies.filter((c) => c.rateNow).length;
  return (
    <>
      <h1>Portfolio {v.portfolio.number}</h1>
      <ErrorSummary errors={p.errors} />
      <p>
        {v.portfolio.setTitle}. {a.position > 2 ? 'You are the third evaluator. ' : ''}
        {a.round > 1
          ? `Resubmission: rate the ${rateCount === 1 ? '1 reopened competency' : `${rateCount} reopened competencies`}. `
          : ''}
        {open ? (
          <>
            Due {formatCalendarDate(a.dueOn)}. {a.dueOn < v.today && <span class="tag bad">Overdue</span>}
          </>
        ) : (
          'You have submitted your ratings.'
        )}
      </p>
      {v.decision && (
        <p>
          Outcome: <strong>{outcomeLabels[v.decision.outcome]}</strong>.
        </p>
      )}
      {!open && !v.othersVisible && (
        <p>The other evaluator’s ratings show here once they have submitted theirs.</p>
      )}
      <div class="warning">
        <p>
          You see this portfolio by its number only. If anything in it tells you who the candidate is and you
          know them, do not rate it: tell the program staff so it can go to another evaluator.
        </p>
      </div>
      <h2>Personal Learning Statement</h2>
      {v.portfolio.statement ? <div class="message-body">{v.portfolio.statement}</div> : <p>No statement.</p>}
      <h2>Competencies</h2>
      {open ? (
        <Form action={base} csrfToken={p.csrfToken}>
          <p class="hint">
            Rate each competency Met, Partially met or Not met, with a comment. Save as often as you like;
            once you submit, your ratings can no longer change.
          </p>
          {v.competencies.map((c, i) => (
            <CompetencySection c={c} index={i} base={base} open values={p.values} errors={p.errors} />
          ))}
          <div class="actions">
            <button type="submit" name="action" value="save" class="secondary">
              Save and continue later
            </button>
            <button type="submit" name="action" value="submit">
              Submit my ratings
            </button>
          </div>
        </Form>
      ) : (
        v.competencies.map((c, i) => <CompetencySection c={c} index={i} base={base} open={false} />)
      )}
      <p>
        <a href="/evaluator/assignments">All my portfolios</a>
      </p>
    </>
  );
}

const stateLabels: Record<MyAssignmentItem['state'], string> = {
  to_rate: 'To rate',
  waiting: 'Submitted: waiting for the other evaluators',
  decided: 'Decided',
};

export function MyAssignmentsPage(p: {
  items: MyAssignmentItem[];
  total: number;
  page: number;
  pageSize: number;
  today: CalendarDate;
}) {
  return (
    <>
      <h1>Portfolios to evaluate</h1>
      {p.total === 0 ? (
        <p>
          No portfolios are assigned to you yet. We write to you when one is. You can keep your sets and
          yearly capacity up to date in <a href="/evaluator/profile">your evaluator profile</a>.
        </p>
      ) : (
        <table>
          <caption>
            {p.total.toLocaleString('en-US')} portfolio{p.total === 1 ? '' : 's'}, those to rate first
          </caption>
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col">Set</th>
              <th scope="col">Due</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr>
                <th scope="row">
                  <a href={assignmentHref(i.id)}>{i.number}</a>
                  {i.round > 1 ? ' (resubmission)' : ''}
                  {i.position > 2 ? ' (third evaluator)' : ''}
                </th>
                <td>{i.setTitle}</td>
                <td>
                  {formatCalendarDate(i.dueOn)} {i.overdue && <span class="tag bad">Overdue</span>}
                </td>
                <td>{stateLabels[i.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/evaluator/assignments?page=${n}`}
      />
      <p>
        <a href="/evaluator/profile">My evaluator profile</a>
      </p>
    </>
  );
}
