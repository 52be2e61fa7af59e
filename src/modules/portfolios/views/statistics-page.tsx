import type { FieldErrors } from '../../../platform/errors.js';
import { formatDate, formatNumber } from '../../../views/format.js';
import { Pagination, SelectField, TextField } from '../../../views/forms.js';
import { formatKappa, formatPercent } from '../rules/agreement.js';
import type { SetChoice } from '../use-cases/view-portfolio-pipeline.js';
import type {
  PassRates,
  Percent,
  PortfolioStatistics,
  SetAgreement,
} from '../use-cases/view-portfolio-statistics.js';
import { PIPELINE_PATH, QueryProblems } from './pipeline-page.js';

export const STATISTICS_PATH = '/staff/portfolios/statistics';
const YEARS_OFFERED = 7;

export interface StatisticsQueryValues {
  year: string;
  from: string;
  to: string;
  set: string;
}

export function statisticsHref(v: StatisticsQueryValues, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['year', 'from', 'to', 'set'] as const) if (v[key]) params.set(key, v[key]);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${STATISTICS_PATH}?${qs}` : STATISTICS_PATH;
}

const count = (n: number) => formatNumber(n);
const share = (p: Percent) =>
  p.percent === null ? count(p.n) : `${count(p.n)} (${formatPercent(p.percent)})`;
const days = (d: number | null) => (d === null ? '–' : formatNumber(d, 1));

function Filters(p: {
  values: StatisticsQueryValues;
  thisYear: number;
  sets: SetChoice[];
  errors?: FieldErrors;
}) {
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => String(p.thisYear - i));
  const year = p.values.year || (p.values.from || p.values.to ? '' : String(p.thisYear));
  return (
    <form method="get" action={STATISTICS_PATH} class="filters" aria-label="Choose the period and set">
      <div class="search-row">
        <SelectField
          name="year"
          label="Year"
          options={[['', 'Choose a year'], ...years.map((y) => [y, y] as const)]}
          value={year}
          error={p.errors?.year}
        />
        <TextField
          name="from"
          label="Or from"
          type="date"
          hint="Dates replace the year"
          value={p.values.from}
          error={p.errors?.from}
        />
        <TextField name="to" label="To" type="date" value={p.values.to} error={p.errors?.to} />
        <SelectField
          name="set"
          label="Competency set"
          options={[['', 'All sets'], ...p.sets.map((s) => [s.id, s.title] as const)]}
          value={p.values.set}
          error={p.errors?.set}
        />
      </div>
      <div class="actions">
        <button type="submit">Show</button>
        <a href={STATISTICS_PATH}>This year, all sets</a>
      </div>
    </form>
  );
}

function OutcomeRow({ r, total }: { r: PassRates; total?: boolean }) {
  return (
    <tr>
      <th scope="row">{total ? <strong>{r.setTitle}</strong> : r.setTitle}</th>
      <td>{count(r.decided)}</td>
      <td>{share(r.approved)}</td>
      <td>{share(r.notSatisfactory)}</td>
      <td>{count(r.firstRounds)}</td>
      <td>{share(r.moreInformation)}</td>
      <td>{count(r.resubmissions)}</td>
      <td>{share(r.approvedAfterResubmission)}</td>
    </tr>
  );
}

function AgreementRow({ r, total }: { r: SetAgreement; total?: boolean }) {
  return (
    <tr>
      <th scope="row">{total ? <strong>{r.setTitle}</strong> : r.setTitle}</th>
      <td>{count(r.pairs)}</td>
      <td>{r.observed === null ? '–' : formatPercent(r.observed * 100)}</td>
      <td>{r.kappa === null ? 'Not enough ratings' : formatKappa(r.kappa)}</td>
    </tr>
  );
}

function Turnaround({ v, values }: { v: PortfolioStatistics; values: StatisticsQueryValues }) {
  const t = v.turnaround;
  if (t.items.length === 0)
    return (
      <p>
        {t.page > 1 ? (
          <>
            There is no page {t.page}. <a href={statisticsHref(values)}>Go to the first page</a>.
          </>
        ) : (
          'No evaluator submitted ratings in this period or holds an assignment now.'
        )}
      </p>
    );
  return (
    <>
      <table>
        <caption>
          Evaluators by name: {formatNumber(t.total)}
          {t.total > t.pageSize ? `, page ${t.page}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Evaluator</th>
            <th scope="col">Ratings submitted</th>
            <th scope="col">Median days</th>
            <th scope="col">Longest (days)</th>
            <th scope="col">By the due date</th>
            <th scope="col">Open now</th>
            <th scope="col">Overdue now</th>
          </tr>
        </thead>
        <tbody>
          {t.items.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              <td>{count(r.done)}</td>
              <td>{days(r.medianDays)}</td>
              <td>{days(r.longestDays)}</td>
              <td>{r.done === 0 ? '–' : `${count(r.onTime)} (${formatPercent(r.onTimePercent)})`}</td>
              <td>{count(r.open)}</td>
              <td>{r.overdue > 0 ? <strong>{count(r.overdue)}</strong> : '0'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        page={t.page}
        pageSize={t.pageSize}
        total={t.total}
        href={(n) => statisticsHref(values, n)}
      />
    </>
  );
}

function Figures({ v, values }: { v: PortfolioStatistics; values: StatisticsQueryValues }) {
  const p = v.period;
  const when = p.year !== null ? String(p.year) : `${formatDate(p.from)} to ${formatDate(p.to)}`;
  const where = v.setId ? (v.sets.find((s) => s.id === v.setId)?.title ?? v.setId) : 'all sets';
  return (
    <>
      <p class="lead">
        {when}, {where}. Days are counted in UTC.
      </p>
      <h2>Outcomes</h2>
      <table>
        <caption>Evaluations decided in {when}, by set</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Portfolios decided</th>
            <th scope="col">Approved</th>
            <th scope="col">Not satisfactory</th>
            <th scope="col">First evaluations</th>
            <th scope="col">More information asked</th>
            <th scope="col">Resubmissions evaluated</th>
            <th scope="col">Approved after resubmitting</th>
          </tr>
        </thead>
        <tbody>
          {v.passRates.sets.map((r) => (
            <OutcomeRow r={r} />
          ))}
          {v.passRates.sets.length > 1 && <OutcomeRow r={v.passRates.overall} total />}
        </tbody>
      </table>
      <p class="hint">
        Approved and not satisfactory are shares of the portfolios decided; more information of the first
        evaluations; approved after resubmitting of the resubmissions evaluated.
      </p>
      <h2>Agreement between evaluators</h2>
      <p>
        Each competency rated by both of a portfolio's first two evaluators in the same round is one
        comparison. <strong>Kappa</strong> (Cohen's kappa) says how much more often they gave the same rating
        than two people rating at random with the same habits would: 1 is full agreement, 0 is no better than
        chance. Above 0.6 is usually read as good agreement.
      </p>
      <table>
        <caption>Agreement in rounds decided in {when}, by set</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Competencies compared</th>
            <th scope="col">Same rating</th>
            <th scope="col">Kappa</th>
          </tr>
        </thead>
        <tbody>
          {v.agreement.sets.map((r) => (
            <AgreementRow r={r} />
          ))}
          {v.agreement.sets.length > 1 && <AgreementRow r={v.agreement.overall} total />}
        </tbody>
      </table>
      <h2>Evaluator turnaround</h2>
      <p class="hint">
        Ratings submitted in the period: days from assignment to submission, and how many came by the due
        date. Open and overdue are as of today.
      </p>
      <Turnaround v={v} values={values} />
    </>
  );
}

/** Staff: outcomes, agreement and turnaround of portfolio evaluation for a period and set; no script. */
export function StatisticsPage(p: {
  v: PortfolioStatistics | null;
  values: StatisticsQueryValues;
  thisYear: number;
  sets?: SetChoice[];
  errors?: FieldErrors;
}) {
  return (
    <>
      <p>
        <a href="/staff">Staff home</a> · <a href={PIPELINE_PATH}>Portfolios</a>
      </p>
      <h1>Portfolio evaluation statistics</h1>
      <QueryProblems errors={p.errors} fields={['year', 'from', 'to', 'set']} />
      <Filters values={p.values} thisYear={p.thisYear} sets={p.v?.sets ?? p.sets ?? []} errors={p.errors} />
      {p.v && <Figures v={p.v} values={p.values} />}
    </>
  );
}
