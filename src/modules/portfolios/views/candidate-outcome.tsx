import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { Form } from '../../../views/forms.js';
import { outcomeLabels, ratingLabels, ratingTones } from '../labels.js';
import type { Rating } from '../rules/outcome.js';
import type { CompetencyView, PortfolioView } from '../use-cases/view-portfolio.js';
import type {
  CompetencyOutcomeView,
  PortfolioOutcomeView,
  RoundOutcomeView,
} from '../use-cases/view-portfolio-outcome.js';

/**
 * What the candidate reads about the evaluation: the outcome of each decided round, each
 * competency's result and the evaluators' ratings and comments under "Evaluator 1", "Evaluator 2"
 * and "Third evaluator" (the view model carries no names or ids, so none can show), and the next
 * step for each outcome.
 */

const dayOf = (d: Date) => formatCalendarDate(d.toISOString().slice(0, 10));
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function RatingTag({ rating }: { rating: Rating }) {
  return <span class={ratingTones[rating]}>{ratingLabels[rating]}</span>;
}

function Comments({ c }: { c: CompetencyOutcomeView }) {
  if (c.ratings.length === 0) return <span class="hint">Not rated again in this round</span>;
  return (
    <ul>
      {c.ratings.map((r) => (
        <li>
          <strong>{r.label}:</strong> <RatingTag rating={r.rating} />
          <div class="message-body">{r.comment}</div>
        </li>
      ))}
    </ul>
  );
}

function roundTitle(r: RoundOutcomeView) {
  return `Round ${r.round}${r.round > 1 ? ' (after your resubmission)' : ''}: ${outcomeLabels[r.outcome]}`;
}

/** One decided round: each competency rated in it, its result and what each evaluator said. */
function RoundTable({ base, r }: { base: string; r: RoundOutcomeView }) {
  return (
    <>
      <h3>{roundTitle(r)}</h3>
      <p class="hint">Decided {dayOf(r.decidedAt)}.</p>
      {r.carriedOver && r.round > 1 && (
        <p>Only the reopened competencies were rated again; the others kept their earlier ratings.</p>
      )}
      <table>
        <caption class="visually-hidden">Results and ratings in round {r.round}</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Result</th>
            <th scope="col">What the evaluators said</th>
          </tr>
        </thead>
        <tbody>
          {r.competencies.map((c) => (
            <tr>
              <th scope="row">
                <a href={`${base}/competencies/${c.competency.id}`}>
                  {c.competency.id} {c.competency.topic}
                </a>
              </th>
              <td>
                {c.result ? <RatingTag rating={c.result} /> : <span class="hint">Not known</span>}
                {c.reopened && r.outcome === 'more_information' && (
                  <>
                    {' '}
                    <span class="tag">Reopened</span>
                  </>
                )}
              </td>
              <td>
                <Comments c={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The resubmit step: what still needs primary evidence, and the button. */
export function ResubmitStep(p: {
  v: PortfolioView;
  o: PortfolioOutcomeView;
  csrfToken: string;
  /** The check page puts it at its top level; the overview under the outcome. */
  level?: 2 | 3;
}) {
  const r = p.o.resubmission;
  if (!r?.possible) return null;
  const base = `/portfolios/${p.v.portfolio.id}`;
  const Heading = p.level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading>Resubmit your portfolio</Heading>
      {r.lacking.length > 0 ? (
        <>
          <p>Before you can resubmit, add primary evidence to:</p>
          <ul>
            {r.lacking.map((c) => (
              <li id={`f-${c.id}`}>
                <a href={`${base}/competencies/${c.id}`}>
                  {c.id} {c.topic}
                </a>
                : no primary evidence
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every reopened competency has primary evidence.</p>
      )}
      <p>
        Resubmitting sends the portfolio back to the evaluators, with no fee, and{' '}
        <strong>locks it again</strong>. You can resubmit only once.
      </p>
      <Form action={`${base}/resubmit`} csrfToken={p.csrfToken}>
        <button type="submit">Resubmit the portfolio</button>
      </Form>
    </>
  );
}

function Latest(p: { v: PortfolioView; o: PortfolioOutcomeView; csrfToken: string }) {
  const { v, o } = p;
  const latest = o.latest!;
  const base = `/portfolios/${v.portfolio.id}`;
  const setId = encodeURIComponent(v.set.id);
  if (latest.outcome === 'approved')
    return (
      <div class="notice">
        <p>
          <strong>Approved.</strong> The evaluators found that your portfolio shows the competencies of{' '}
          {v.set.title}. You have achieved this set by portfolio.
        </p>
        {v.owner && (
          <p>
            <a href="/dashboard">See your certification progress on your dashboard</a>
          </p>
        )}
      </div>
    );
  if (latest.outcome === 'not_satisfactory')
    return (
      <div class="warning">
        <p>
          <strong>Not satisfactory.</strong> The evaluators found that this portfolio does not show enough of
          the competencies of {v.set.title}. The ratings and comments below say where it fell short.
        </p>
        <p>What you can do next:</p>
        <ul>
          <li>
            <a href={`/catalog?set=${setId}`}>Find an approved course for {v.set.title}</a>: completing one
            achieves the set.
          </li>
          {v.owner && (
            <li>
              <a href={`/portfolios?setId=${setId}`}>Start a new portfolio for {v.set.title}</a> when you have
              more evidence.
            </li>
          )}
        </ul>
      </div>
    );
  const count = o.reopened.length;
  if (v.portfolio.status !== 'more_information')
    return (
      <p>
        You resubmitted the portfolio. The evaluators are looking again at{' '}
        {o.reopened.map((c) => c.competency.id).join(', ')}.
        {v.portfolio.status === 'resubmitted' &&
          ' One of your first evaluators could not take part again, so program staff are giving it to another evaluator first.'}{' '}
        We will write to you when they have decided.
      </p>
    );
  return (
    <>
      <div class="warning">
        <p>
          <strong>More information needed.</strong> The evaluators need more evidence for{' '}
          {count === 1 ? 'one competency' : `${count} competencies`} before they can decide. Only{' '}
          {plural(count, 'this competency', 'these')} can change now; the rest of your portfolio stays locked.
          You can resubmit once, with no fee.
        </p>
      </div>
      <h3>Reopened {plural(count, 'competency', 'competencies')}</h3>
      <ul>
        {o.reopened.map(({ competency, hasPrimary }) => {
          const why = latest.competencies.find((c) => c.competency.id === competency.id);
          return (
            <li>
              <a href={`${base}/competencies/${competency.id}`}>
                {competency.id} {competency.topic}
              </a>{' '}
              {hasPrimary ? (
                <span class="tag ok">Has primary evidence</span>
              ) : (
                <span class="tag">No primary evidence</span>
              )}
              {why && why.ratings.length > 0 && <Comments c={why} />}
            </li>
          );
        })}
      </ul>
      {v.owner && (
        <p>Open each reopened competency to add or change its evidence, then resubmit the portfolio below.</p>
      )}
      <ResubmitStep v={v} o={o} csrfToken={p.csrfToken} />
    </>
  );
}

/** The overview's account of the evaluation; nothing at all until a round is decided. */
export function OutcomeSection(p: { v: PortfolioView; o: PortfolioOutcomeView; csrfToken: string }) {
  if (!p.o.latest) return null;
  const base = `/portfolios/${p.v.portfolio.id}`;
  return (
    <section aria-labelledby="outcome-title">
      <h2 id="outcome-title">What the evaluators decided</h2>
      <Latest v={p.v} o={p.o} csrfToken={p.csrfToken} />
      {[...p.o.rounds].reverse().map((r) => (
        <RoundTable base={base} r={r} />
      ))}
    </section>
  );
}

/**
 * On a competency page: whether it may change after "more information" (only the reopened ones),
 * and what the evaluators said about it in each decided round.
 */
export function CompetencyOutcome(p: { v: CompetencyView; o: PortfolioOutcomeView }) {
  const { v, o } = p;
  const id = v.competency.id;
  const moreInformation = v.portfolio.status === 'more_information';
  const reopenedIds = o.reopened.map((c) => c.competency.id);
  const rounds = o.rounds
    .map((r) => ({ r, c: r.competencies.find((c) => c.competency.id === id) }))
    .filter((x): x is { r: RoundOutcomeView; c: CompetencyOutcomeView } => x.c !== undefined);
  return (
    <>
      {v.owner && moreInformation && !v.editable && (
        <p class="notice">
          This competency is locked: the evaluators did not ask for more evidence here. You can change only
          the reopened {plural(reopenedIds.length, 'competency', 'competencies')}: {reopenedIds.join(', ')}.
        </p>
      )}
      {v.owner && moreInformation && v.editable && (
        <div class="warning">
          <p>
            The evaluators asked for more evidence for this competency. Add or change its evidence, then
            resubmit from <a href={`/portfolios/${v.portfolio.id}`}>the portfolio page</a>.
          </p>
        </div>
      )}
      {rounds.length > 0 && (
        <>
          <h2>What the evaluators said</h2>
          {rounds.map(({ r, c }) => (
            <>
              <p>
                <strong>{roundTitle(r)}.</strong> Result for this competency:{' '}
                {c.result ? <RatingTag rating={c.result} /> : 'not known'}
                {c.reopened && r.outcome === 'more_information' && ' (reopened)'}
              </p>
              <Comments c={c} />
            </>
          ))}
        </>
      )}
    </>
  );
}
