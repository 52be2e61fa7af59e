import { formatCalendarDate } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatNumber } from '../../../views/format.js';
import { ChoiceField, ErrorSummary, Form, TextField } from '../../../views/forms.js';
import { conflictKindLabels, conflictKinds, MAX_CAPACITY, MIN_CAPACITY } from '../evaluator-forms.js';
import type { EvaluatorProfileView } from '../use-cases/view-evaluator-profile.js';

type Values = Record<string, string | string[]>;

/** Where the forms post: the evaluator's own pages, or staff pages for someone in the pool. */
export const profileBase = (v: EvaluatorProfileView, own: boolean) =>
  own ? '/evaluator/profile' : `/staff/portfolio-evaluators/${v.evaluator.id}`;

function profileValues(v: EvaluatorProfileView): Values {
  const p = v.profile;
  return {
    setIds: p?.setIds ?? [],
    yearlyCapacity: p ? String(p.yearlyCapacity) : '',
    trainingCompletedOn: p?.trainingCompletedOn ?? '',
    employer: p?.employer ?? '',
    active: p ? (p.active ? 'yes' : 'no') : 'yes',
  };
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export function EvaluatorProfilePage(p: {
  v: EvaluatorProfileView;
  own: boolean;
  csrfToken: string;
  /** What was typed into whichever form was posted with problems. */
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const base = profileBase(v, p.own);
  const values = { ...profileValues(v), ...(p.values ?? {}) };
  const chosenSets = Array.isArray(values.setIds) ? values.setIds : values.setIds ? [values.setIds] : [];
  return (
    <>
      <p>
        {p.own ? <a href="/">Home</a> : <a href="/staff/portfolio-evaluators">All portfolio evaluators</a>}
      </p>
      <h1>{p.own ? 'Your evaluator profile' : `Evaluator profile: ${v.evaluator.displayName}`}</h1>
      <ErrorSummary errors={p.errors} />
      {!p.own && <p>Email: {v.evaluator.email}</p>}
      <Summary v={v} own={p.own} />
      <Assignments v={v} own={p.own} />
      {!p.own && v.profile && (
        <Form action={`${base}/active`} csrfToken={p.csrfToken}>
          <input type="hidden" name="active" value={v.profile.active ? 'no' : 'yes'} />
          <button type="submit" class={v.profile.active ? 'danger' : 'secondary'}>
            {v.profile.active ? 'Deactivate: send no new portfolios' : 'Reactivate: send portfolios again'}
          </button>
        </Form>
      )}
      <h2>Sets, capacity and training</h2>
      <Form action={base} csrfToken={p.csrfToken}>
        <ChoiceField
          name="setIds"
          type="checkbox"
          legend={p.own ? 'Which competency sets do you evaluate?' : 'Competency sets evaluated'}
          hint="Portfolios are only given to evaluators qualified for their set."
          value={chosenSets}
          error={p.errors?.setIds}
          options={v.sets.map((s) => [s.id, `${s.title} (${s.code})`] as const)}
        />
        <TextField
          name="yearlyCapacity"
          label={p.own ? 'How many portfolios can you evaluate a year?' : 'Portfolios a year (capacity)'}
          hint={`A whole number from ${MIN_CAPACITY} to ${MAX_CAPACITY}. Portfolios are shared out so nobody goes over it.`}
          inputMode="numeric"
          width="short"
          value={str(values.yearlyCapacity)}
          error={p.errors?.yearlyCapacity}
        />
        <TextField
          name="trainingCompletedOn"
          type="date"
          label="Evaluator training completed on"
          hint="Leave blank if the training is not done yet: portfolios are given only after it."
          value={str(values.trainingCompletedOn)}
          error={p.errors?.trainingCompletedOn}
        />
        <TextField
          name="employer"
          label={p.own ? 'Your library or employer' : 'Library or employer'}
          hint="Candidates who work or worked there are never given to this evaluator."
          width="long"
          value={str(values.employer)}
          error={p.errors?.employer}
        />
        {!p.own && (
          <ChoiceField
            name="active"
            legend="Does this evaluator take new portfolios?"
            value={str(values.active)}
            error={p.errors?.active}
            inline
            options={[
              ['yes', 'Yes, active'],
              ['no', 'No, inactive'],
            ]}
          />
        )}
        <button type="submit">Save the profile</button>
      </Form>
      <Conflicts v={v} own={p.own} base={base} csrfToken={p.csrfToken} values={p.values} errors={p.errors} />
    </>
  );
}

function Summary({ v, own }: { v: EvaluatorProfileView; own: boolean }) {
  const profile = v.profile;
  if (!profile)
    return (
      <p>
        {own
          ? 'Fill in your profile so the program can send you portfolios to evaluate.'
          : 'This evaluator has not filled in a profile yet, so no portfolios are sent to them.'}
      </p>
    );
  const state = !profile.active
    ? 'Inactive: no new portfolios are sent.'
    : !profile.trainingCompletedOn
      ? 'Waiting for training: no portfolios are sent until it is recorded.'
      : `Active, trained on ${formatCalendarDate(profile.trainingCompletedOn)}.`;
  return (
    <dl class="summary">
      <dt>Status</dt>
      <dd>{state}</dd>
      <dt>This year</dt>
      <dd>
        {formatNumber(v.load)} of {formatNumber(profile.yearlyCapacity)} portfolios
      </dd>
      <dt>All time</dt>
      <dd>{formatNumber(v.total)} portfolios</dd>
    </dl>
  );
}

function Conflicts(p: {
  v: EvaluatorProfileView;
  own: boolean;
  base: string;
  csrfToken: string;
  values?: Values | undefined;
  errors?: FieldErrors | undefined;
}) {
  const libraries = p.v.conflicts.filter((c) => c.kind === 'library');
  const people = p.v.conflicts.filter((c) => c.kind === 'person');
  return (
    <>
      <h2>Conflicts of interest</h2>
      <p>
        {p.own ? 'You are' : 'This evaluator is'} never given a portfolio from someone who works or worked at
        a library on this list (or at {p.own ? 'your' : 'their'} own library), or from a person on it. Names
        are compared ignoring case, accents, punctuation and a leading "The", but nothing else: add every name
        a library goes by (for example both "Springfield Public Library" and "Springfield City Library").
      </p>
      <ConflictTable caption="Libraries" rows={libraries} base={p.base} csrfToken={p.csrfToken} />
      <ConflictTable caption="People" rows={people} base={p.base} csrfToken={p.csrfToken} />
      <h3>Add a library or person</h3>
      <Form action={`${p.base}/conflicts`} csrfToken={p.csrfToken}>
        <ChoiceField
          name="kind"
          legend="What is it?"
          value={str(p.values?.kind)}
          error={p.errors?.kind}
          options={conflictKinds.map((k) => [k, conflictKindLabels[k]] as const)}
        />
        <TextField
          name="value"
          label="Name, or a person's email address"
          width="long"
          value={str(p.values?.value)}
          error={p.errors?.value}
        />
        <button type="submit" class="secondary">
          Add to the list
        </button>
      </Form>
    </>
  );
}

function ConflictTable(p: {
  caption: string;
  rows: EvaluatorProfileView['conflicts'];
  base: string;
  csrfToken: string;
}) {
  if (p.rows.length === 0) return <p>No {p.caption.toLowerCase()} declared.</p>;
  return (
    <table>
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span class="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((c) => (
          <tr>
            <td>{c.value}</td>
            <td>{formatCalendarDate(c.createdAt.toISOString().slice(0, 10))}</td>
            <td>
              <form method="post" action={`${p.base}/conflicts/${c.id}/remove`} class="inline">
                <input type="hidden" name="_csrf" value={p.csrfToken} />
                <button type="submit" class="link-button">
                  Remove<span class="visually-hidden"> {c.value}</span>
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the evaluator has been given now, by PF number only. */
function Assignments({ v, own }: { v: EvaluatorProfileView; own: boolean }) {
  return (
    <>
      <h2>{own ? 'Portfolios assigned to you' : 'Portfolios assigned'}</h2>
      {v.assignments.length === 0 ? (
        <p>No portfolios are assigned{own ? ' to you' : ''} at the moment.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Portfolios assigned, due first</caption>
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col">Competency set</th>
              <th scope="col">Round</th>
              <th scope="col">Due</th>
              <th scope="col">Ratings</th>
            </tr>
          </thead>
          <tbody>
            {v.assignments.map((a) => (
              <tr>
                <th scope="row">{a.number}</th>
                <td>{a.setTitle}</td>
                <td>{a.round}</td>
                <td>{formatCalendarDate(a.dueOn)}</td>
                <td>{a.submitted ? 'Submitted' : 'Not submitted yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
