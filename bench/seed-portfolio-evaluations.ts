/**
 * The evaluation history behind the staff pipeline and statistics, added to the portfolio bench's
 * seed inside its transaction (bench/portfolio-assignment.ts): for the portfolios decided in earlier
 * years, both evaluators' ratings of all 10 competencies, a third evaluator on one in 11, a
 * resubmission (round 2) on one in 7, 1 in 50 still waiting for more information, and a
 * portfolio_decisions row for every round decided. Run after the round-1 assignments exist; the
 * temp tables cand and ev number candidates and evaluators.
 */
type Query = (text: string, params?: unknown[]) => Promise<unknown>;

/** A plausible mix: mostly met; each evaluator follows the portfolio's quality 8 times in 10. */
const ratingOf = (n: string, j: string, position: string, round: string) => `
  case ((${n} * 37 + ${j} * 53 + ${round} * 41) % 100 < 70)::int * 10
       + ((${n} * 37 + ${j} * 53 + ${round} * 41) % 100 >= 90)::int * 20
       + ((${n} * 13 + ${j} * 29 + ${position} * 41 + ${round} * 7) % 10 >= 8)::int
       + ((${n} * 13 + ${j} * 29 + ${position} * 41 + ${round} * 7) % 10 = 9)::int
    when 10 then 'met' when 11 then 'partial' when 12 then 'met'
    when 0 then 'partial' when 1 then 'met' when 2 then 'not_met'
    when 20 then 'not_met' when 21 then 'partial' else 'not_met' end`;

export async function seedEvaluationHistory(q: Query, evaluators: number): Promise<void> {
  // 1 in 50 decided ones is still waiting for the candidate; 1 in 7 of the rest was resubmitted.
  await q(`update portfolios p set status = 'more_information', decided_at = null
     from cand c where c.id = p.candidate_id and p.status = 'approved' and c.n % 50 = 1`);
  await q(`update portfolios p set round = 2
     from cand c where c.id = p.candidate_id and p.status in ('approved', 'not_satisfactory') and c.n % 7 = 0`);
  // A third evaluator in round 1 on 1 in 11 (someone other than the first two), a week after them.
  await q(
    `insert into portfolio_assignments (id, portfolio_id, evaluator_id, round, position, assigned_at, due_on, submitted_at)
     select gen_random_uuid(), a.portfolio_id, ev.id, 1, 3, a.assigned_at + interval '25 days',
       (a.assigned_at + interval '55 days')::date, a.assigned_at + make_interval(days => 30 + c.n % 20)
     from portfolio_assignments a join portfolios p on p.id = a.portfolio_id join cand c on c.id = p.candidate_id
     join ev on ev.n = 1 + (c.n + 125) % $1
     where a.position = 1 and a.round = 1 and p.status <> 'in_evaluation' and c.n % 11 = 0`,
    [evaluators],
  );
  // Round 2 of the resubmitted ones: the same two evaluators, 90 days after round 1.
  await q(`insert into portfolio_assignments (id, portfolio_id, evaluator_id, round, position, assigned_at, due_on, submitted_at)
     select gen_random_uuid(), a.portfolio_id, a.evaluator_id, 2, a.position, a.assigned_at + interval '90 days',
       (a.assigned_at + interval '120 days')::date,
       a.assigned_at + make_interval(days => 92 + (c.n * 3 + a.position * 11) % 30)
     from portfolio_assignments a join portfolios p on p.id = a.portfolio_id join cand c on c.id = p.candidate_id
     where a.round = 1 and a.position <= 2 and p.round = 2`);
  // Every submitted assignment rates the 10 competencies (the evidence's c1–c10).
  await q(`insert into portfolio_ratings (assignment_id, competency_id, rating, comment, updated_at)
     select a.id, 'c' || j, ${ratingOf('c.n', 'j', 'a.position', 'a.round')},
       'Seen in the evidence for this competency.', a.submitted_at
     from portfolio_assignments a join portfolios p on p.id = a.portfolio_id join cand c on c.id = p.candidate_id
     cross join generate_series(1, 10) j
     where a.submitted_at is not null`);
  // One decision per round decided, two days after its last rating; the set copied from the portfolio.
  await q(`insert into portfolio_decisions (id, portfolio_id, round, set_id, outcome, decided_by, flagged, rating_pairs, decided_at)
     select gen_random_uuid(), p.id, r.round, p.set_id,
       case when r.round < p.round or p.status = 'more_information' then 'more_information' else p.status end,
       case when r.thirds > 0 then 'third_evaluator' else 'both_evaluators' end,
       case when r.round < p.round or p.status = 'more_information' then array['c2', 'c5'] else '{}' end,
       '{0,0,0,0,0,0,0,0,0}', r.last + interval '2 days'
     from portfolios p
     join lateral (select a.round, max(a.submitted_at) as last, count(*) filter (where a.position = 3) as thirds
                   from portfolio_assignments a where a.portfolio_id = p.id group by a.round) r on true
     where p.status in ('approved', 'not_satisfactory', 'more_information')`);
  // The pair counts the decision code stores with each decision (rating-repository.ts ratingPairsOf), in one pass.
  await q(`update portfolio_decisions d set rating_pairs = x.cells
     from (select a1.portfolio_id, a1.round, array[
         count(*) filter (where r1.rating = 'met' and r2.rating = 'met'),
         count(*) filter (where r1.rating = 'met' and r2.rating = 'partial'),
         count(*) filter (where r1.rating = 'met' and r2.rating = 'not_met'),
         count(*) filter (where r1.rating = 'partial' and r2.rating = 'met'),
         count(*) filter (where r1.rating = 'partial' and r2.rating = 'partial'),
         count(*) filter (where r1.rating = 'partial' and r2.rating = 'not_met'),
         count(*) filter (where r1.rating = 'not_met' and r2.rating = 'met'),
         count(*) filter (where r1.rating = 'not_met' and r2.rating = 'partial'),
         count(*) filter (where r1.rating = 'not_met' and r2.rating = 'not_met')]::int[] as cells
       from portfolio_assignments a1
       join portfolio_assignments a2 on a2.portfolio_id = a1.portfolio_id and a2.round = a1.round and a2.position = 2
         and a2.replaced_at is null and a2.submitted_at is not null
       join portfolio_ratings r1 on r1.assignment_id = a1.id
       join portfolio_ratings r2 on r2.assignment_id = a2.id and r2.competency_id = r1.competency_id
       where a1.position = 1 and a1.replaced_at is null and a1.submitted_at is not null
       group by a1.portfolio_id, a1.round) x
     where x.portfolio_id = d.portfolio_id and x.round = d.round`);
  await q(`update portfolios p set decided_at = d.decided_at
     from portfolio_decisions d where d.portfolio_id = p.id and d.round = p.round`);
}
