import { todayFromInstant } from '../../../lib/calendar-date.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../views/format.js';
import { fieldId, Pagination, SelectField } from '../../../views/forms.js';
import { type PipelineStage, pipelineStages } from '../pipeline-repository.js';
import type { PipelineItem, PortfolioPipeline, SetChoice } from '../use-cases/view-portfolio-pipeline.js';

export const PIPELINE_PATH = '/staff/portfolios';

export const stageLabels: Record<PipelineStage, string> = {
  awaiting_payment: 'Awaiting payment',
  awaiting_evaluators: 'Awaiting evaluators',
  in_evaluation: 'In evaluation',
  overdue: 'Overdue',
  more_information: 'More information requested',
  decided: 'Decided',
};

const stageHints: Record<PipelineStage, string> = {
  awaiting_payment: 'Submitted, but the portfolio fee is not paid yet. Oldest submission first.',
  awaiting_evaluators:
    'Paid (or resubmitted) and no evaluators yet. The hourly run assigns them; see portfolio assignment. Oldest first.',
  in_evaluation: 'With their evaluators, including the overdue ones. Oldest submission first.',
  overdue: 'In evaluation, with at least one evaluator past the due date. Longest overdue first.',
  more_information: 'Waiting for the candidate to add evidence and resubmit. Longest waiting first.',
  decided: 'Approved or not satisfactory. Newest decision first.',
};

const sinceHeaders: Record<PipelineStage, string> = {
  awaiting_payment: 'Submitted',
  awaiting_evaluators: 'Submitted',
  in_evaluation: 'Assigned',
  overdue: 'Assigned',
  more_information: 'Asked on',
  decided: 'Decided on',
};

const outcomeLabels: Record<string, string> = {
  approved: 'Approved',
  not_satisfactory: 'Not satisfactory',
};

const isStage = (s: string): s is PipelineStage => (pipelineStages as readonly string[]).includes(s);

export interface PipelineQueryValues {
  stage: string;
  set: string;
}

export function pipelineHref(v: { stage: string; set?: string | undefined }, page = 1): string {
  const params = new URLSearchParams();
  if (v.stage) params.set('stage', v.stage);
  if (v.set) params.set('set', v.set);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${PIPELINE_PATH}?${qs}` : PIPELINE_PATH;
}

/**
 * The problems with a query: those about a field on the page link to it, the others (a stage or page
 * typed into the address) are told as text, since there is nothing on the page to correct.
 */
export function QueryProblems(p: { errors: FieldErrors | undefined; fields: readonly string[] }) {
  const entries = Object.entries(p.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{p.fields.includes(field) ? <a href={`#${fieldId(field)}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

const dayOf = (d: Date | null) => (d ? formatDate(todayFromInstant(d, 'UTC')) : '');

function SetFilter(p: { stage: string; set: string; sets: SetChoice[]; error?: string | undefined }) {
  return (
    <form method="get" action={PIPELINE_PATH} class="filters" aria-label="Choose a set">
      <input type="hidden" name="stage" value={p.stage} />
      <div class="search-row">
        <SelectField
          name="set"
          label="Competency set"
          options={[['', 'All sets'], ...p.sets.map((s) => [s.id, s.title] as const)]}
          value={p.set}
          error={p.error}
        />
        <button type="submit">Show</button>
      </div>
    </form>
  );
}

function Evaluators({ item }: { item: PipelineItem }) {
  if (item.evaluators.length === 0) return <>None yet</>;
  return (
    <ul>
      {item.evaluators.map((e) => (
        <li>
          {e.name}
          {e.position > 2 ? ' (third)' : ''}:{' '}
          {e.submittedAt ? (
            `rated ${dayOf(e.submittedAt)}`
          ) : (
            <>
              due {formatDate(e.dueOn)}
              {e.overdue && (
                <>
                  {' '}
                  <span class="tag bad">overdue</span>
                </>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Rows({ v }: { v: PortfolioPipeline }) {
  const label = stageLabels[v.stage];
  if (v.items.length === 0)
    return (
      <p>
        {v.page > 1 ? (
          <>
            There is no page {v.page}.{' '}
            <a href={pipelineHref({ stage: v.stage, set: v.setId })}>Go to the first page</a>.
          </>
        ) : (
          `No portfolio is at this stage${v.setId ? ' in this set' : ''}: ${label.toLowerCase()}.`
        )}
      </p>
    );
  return (
    <table>
      <caption>
        {label}: {formatNumber(v.total)} {v.total === 1 ? 'portfolio' : 'portfolios'}
        {v.total > v.pageSize ? `, page ${v.page}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Portfolio</th>
          <th scope="col">Set</th>
          <th scope="col">Candidate</th>
          <th scope="col">{sinceHeaders[v.stage]}</th>
          <th scope="col">Evaluators</th>
        </tr>
      </thead>
      <tbody>
        {v.items.map((item) => (
          <tr>
            <th scope="row">
              <a href={`/staff/portfolios/${item.portfolioId}/assignment`}>{item.number}</a>
              {item.round > 1 ? ' (resubmitted)' : ''}
              {item.outcome && (
                <>
                  <br />
                  {outcomeLabels[item.outcome] ?? item.outcome}
                </>
              )}
            </th>
            <td>{item.setTitle}</td>
            <td>{item.candidateName}</td>
            <td>{dayOf(item.since)}</td>
            <td>
              <Evaluators item={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Staff: submitted portfolios by stage, one stage listed, with a set filter; plain links and a GET form. */
export function PipelinePage(p: {
  v: PortfolioPipeline | null;
  values: PipelineQueryValues;
  /** The sets to choose from when the query was refused (v is null). */
  sets?: SetChoice[];
  errors?: FieldErrors;
}) {
  const { v, values, errors } = p;
  return (
    <>
      <p>
        <a href="/staff">Staff home</a>
      </p>
      <h1>Portfolios</h1>
      <QueryProblems errors={errors} fields={['set']} />
      {v && (
        <nav aria-label="Stages">
          <ul>
            {pipelineStages.map((s) => (
              <li>
                <a
                  href={pipelineHref({ stage: s, set: v.setId })}
                  aria-current={s === v.stage ? 'page' : undefined}
                >
                  {s === v.stage ? <strong>{stageLabels[s]}</strong> : stageLabels[s]}
                </a>
                : {formatNumber(v.counts[s])}
              </li>
            ))}
          </ul>
        </nav>
      )}
      <SetFilter
        stage={v?.stage ?? (isStage(values.stage) ? values.stage : 'awaiting_evaluators')}
        set={values.set}
        sets={v?.sets ?? p.sets ?? []}
        error={errors?.set}
      />
      {errors && (errors.stage || errors.page) && (
        <p>
          <a href={PIPELINE_PATH}>Show portfolios awaiting evaluators</a>
        </p>
      )}
      {v && (
        <>
          <h2>{stageLabels[v.stage]}</h2>
          <p class="hint">{stageHints[v.stage]}</p>
          <Rows v={v} />
          <Pagination
            page={v.page}
            pageSize={v.pageSize}
            total={v.total}
            href={(n) => pipelineHref({ stage: v.stage, set: v.setId }, n)}
          />
        </>
      )}
      <p>
        <a href="/staff/portfolios/statistics">Portfolio evaluation statistics</a>: turnaround, outcomes and
        agreement between evaluators. <a href="/staff/portfolios/assignment">Portfolio assignment</a>.
      </p>
    </>
  );
}
