import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTier, httpAxe } from '../support/axe.js';
import { testBackends } from '../support/backends.js';
import {
  evaluationRound,
  evaluatorNamed,
  portfolioIn,
  type StagedPortfolio,
} from '../support/portfolio-statistics-factories.js';
import { api, get, signedInAs, type TestSession } from '../support/sessions.js';
import { insertTestUser, sessionOf, staffMember, type UserRef } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The staff pipeline (/staff/portfolios) and evaluation statistics (/staff/portfolios/statistics),
 * pages and API, on one evaluation history whose figures were worked out by hand below.
 *
 * Technology (9 competencies), rounds decided in 2026, first evaluator X against second Y:
 *   T1  MMMMMMMMM / MMMMMMMPP             approved 10 Mar (a replaced evaluator's NNNNNNNNN is ignored)
 *   T2  PPNMMMMMM / PPMMMMMMP (third MMNM…) more information 15 Apr; round 2 MMMMMMMMM / MMMMMMMMP approved 1 Jun
 *   T3  NNNNNNMMM / NNNNNNNMM             not satisfactory 1 Jul
 * Pairs (rows X, columns Y; met, partial, not met): [22 4 1 / 0 2 0 / 1 0 6], 36 in all, 30 the same:
 * observed 83.3%; margins 27/2/7 and 23/6/7 give chance (621 + 12 + 49) / 1296 = 52.6%;
 * kappa (30·36 − 682) / (1296 − 682) = 398 / 614 = 0.648.
 * Youth services: Y1 all met by both (12 pairs): 100% the same, kappa undefined ("not enough ratings").
 * All sets: [34 4 1 / 0 2 0 / 1 0 6], 48 pairs, 42 the same (87.5%), kappa 590 / 878 = 0.672.
 */

const TECH = 'technology';
const YOUTH = 'youth-services';
const CAT = 'cataloging-classification';
const EMPTY_SET = 'supervision-management';
const BULK = 51;

interface Data {
  x: UserRef;
  y: UserRef;
  q: UserRef;
  unpaidTech: StagedPortfolio;
  unpaidYouth: StagedPortfolio;
  paid: StagedPortfolio;
  resubmitted: StagedPortfolio;
  inEvaluation: StagedPortfolio;
  overdue: StagedPortfolio;
  moreInformation: StagedPortfolio;
  t3: StagedPortfolio;
}

/** The cells of a table row whose header cell is exactly `header`, as text. */
function rowCells(html: string, header: string): string[] | undefined {
  const escaped = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = new RegExp(`<tr><th scope="row">(?:<strong>)?${escaped}(?:</strong>)?</th>(.*?)</tr>`).exec(
    html,
  );
  return row
    ? [...row[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    : undefined;
}

async function seed(t: TestApp): Promise<Data> {
  const minute = () => t.clock.advance(60_000);
  const named = async (n: string) => evaluatorNamed(t, n);
  const x = await named('Ada Xeno');
  const y = await named('Bo Yates');
  const z = await named('Cy Zane');
  const p = await named('Di Park');
  const q = await named('Ed Quinn');
  const w = await named('Flo Wren');
  const staged = async (o: Parameters<typeof portfolioIn>[1]) => {
    minute();
    return portfolioIn(t, o);
  };
  const unpaidTech = await staged({
    setId: TECH,
    status: 'submitted',
    paid: false,
    givenName: 'Alma',
    familyName: 'Payne',
  });
  const unpaidYouth = await staged({ setId: YOUTH, status: 'submitted', paid: false });
  const paid = await staged({ setId: TECH, status: 'submitted', givenName: 'Bea', familyName: 'Waite' });
  const resubmitted = await staged({ setId: TECH, status: 'resubmitted', round: 2 });
  await evaluationRound(t, resubmitted, 1, [], { outcome: 'more_information', decidedOn: '2026-09-01' });
  const inEvaluation = await staged({ setId: TECH, status: 'in_evaluation' });
  await evaluationRound(t, inEvaluation, 1, [
    { evaluator: x, position: 1, assignedOn: '2026-11-20', dueOn: '2026-12-20' },
    { evaluator: y, position: 2, assignedOn: '2026-11-20', dueOn: '2026-12-20' },
  ]);
  const overdue = await staged({
    setId: YOUTH,
    status: 'in_evaluation',
    givenName: 'Cato',
    familyName: 'Late',
  });
  await evaluationRound(t, overdue, 1, [
    {
      evaluator: p,
      position: 1,
      assignedOn: '2026-10-01',
      dueOn: '2026-10-31',
      submittedOn: '2026-10-20',
      ratings: 'M'.repeat(12),
    },
    { evaluator: q, position: 2, assignedOn: '2026-10-01', dueOn: '2026-10-31' },
  ]);
  const moreInformation = await staged({ setId: TECH, status: 'more_information', decidedOn: '2026-11-10' });
  await evaluationRound(t, moreInformation, 1, [], { outcome: 'more_information', decidedOn: '2026-11-10' });

  const t0 = await staged({ setId: TECH, status: 'approved', decidedOn: '2025-12-20' });
  await evaluationRound(
    t,
    t0,
    1,
    [
      {
        evaluator: x,
        position: 1,
        assignedOn: '2025-11-20',
        dueOn: '2025-12-20',
        submittedOn: '2025-12-01',
        ratings: 'MMMMMMMPP',
      },
      {
        evaluator: y,
        position: 2,
        assignedOn: '2025-11-20',
        dueOn: '2025-12-20',
        submittedOn: '2025-12-10',
        ratings: 'MMMMMMMPP',
      },
    ],
    { outcome: 'approved', decidedOn: '2025-12-20' },
  );
  const t1 = await staged({ setId: TECH, status: 'approved', decidedOn: '2026-03-10' });
  await evaluationRound(
    t,
    t1,
    1,
    [
      {
        evaluator: x,
        position: 1,
        assignedOn: '2026-02-01',
        dueOn: '2026-03-03',
        submittedOn: '2026-02-11',
        ratings: 'MMMMMMMMM',
      },
      {
        evaluator: w,
        position: 2,
        assignedOn: '2026-02-01',
        dueOn: '2026-03-03',
        replacedOn: '2026-02-05',
        ratings: 'NNNNNNNNN',
      },
      {
        evaluator: y,
        position: 2,
        assignedOn: '2026-02-05',
        dueOn: '2026-03-07',
        submittedOn: '2026-02-25',
        ratings: 'MMMMMMMPP',
      },
    ],
    { outcome: 'approved', decidedOn: '2026-03-10' },
  );
  const t2 = await staged({ setId: TECH, status: 'approved', round: 2, decidedOn: '2026-06-01' });
  await evaluationRound(
    t,
    t2,
    1,
    [
      {
        evaluator: x,
        position: 1,
        assignedOn: '2026-03-01',
        dueOn: '2026-03-15',
        submittedOn: '2026-03-21',
        ratings: 'PPNMMMMMM',
      },
      {
        evaluator: y,
        position: 2,
        assignedOn: '2026-03-01',
        dueOn: '2026-03-15',
        submittedOn: '2026-03-31',
        ratings: 'PPMMMMMMP',
      },
      {
        evaluator: z,
        position: 3,
        assignedOn: '2026-04-01',
        dueOn: '2026-05-01',
        submittedOn: '2026-04-10',
        ratings: 'MMNMMMMMM',
      },
    ],
    {
      outcome: 'more_information',
      decidedOn: '2026-04-15',
      decidedBy: 'third_evaluator',
      flagged: ['TECH-1', 'TECH-2', 'TECH-3'],
    },
  );
  await evaluationRound(
    t,
    t2,
    2,
    [
      {
        evaluator: x,
        position: 1,
        assignedOn: '2026-05-01',
        dueOn: '2026-05-31',
        submittedOn: '2026-05-04',
        ratings: 'MMMMMMMMM',
      },
      {
        evaluator: y,
        position: 2,
        assignedOn: '2026-05-01',
        dueOn: '2026-05-31',
        submittedOn: '2026-05-11',
        ratings: 'MMMMMMMMP',
      },
    ],
    { outcome: 'approved', decidedOn: '2026-06-01' },
  );
  const t3 = await staged({
    setId: TECH,
    status: 'not_satisfactory',
    decidedOn: '2026-07-01',
    givenName: 'Dora',
    familyName: 'Short',
  });
  await evaluationRound(
    t,
    t3,
    1,
    [
      {
        evaluator: x,
        position: 1,
        assignedOn: '2026-06-01',
        dueOn: '2026-07-01',
        submittedOn: '2026-06-15',
        ratings: 'NNNNNNMMM',
      },
      {
        evaluator: y,
        position: 2,
        assignedOn: '2026-06-01',
        dueOn: '2026-07-01',
        submittedOn: '2026-06-06',
        ratings: 'NNNNNNNMM',
      },
    ],
    { outcome: 'not_satisfactory', decidedOn: '2026-07-01' },
  );
  const y1 = await staged({ setId: YOUTH, status: 'approved', decidedOn: '2026-05-05' });
  await evaluationRound(
    t,
    y1,
    1,
    [
      {
        evaluator: p,
        position: 1,
        assignedOn: '2026-04-01',
        dueOn: '2026-05-01',
        submittedOn: '2026-04-21',
        ratings: 'M'.repeat(12),
      },
      {
        evaluator: q,
        position: 2,
        assignedOn: '2026-04-01',
        dueOn: '2026-05-01',
        submittedOn: '2026-05-03',
        ratings: 'M'.repeat(12),
      },
    ],
    { outcome: 'approved', decidedOn: '2026-05-05' },
  );
  // 51 portfolios decided in 2025, each with one evaluator of its own (one rating set: no pairs).
  for (let i = 1; i <= BULK; i++) {
    const reader = await insertTestUser(t, ['portfolio_evaluator'], `Reader ${String(i).padStart(2, '0')}`);
    const day = `2025-06-${String(1 + (i % 28)).padStart(2, '0')}`;
    const b = await staged({ setId: CAT, status: 'approved', noFee: true, decidedOn: day });
    await evaluationRound(
      t,
      b,
      1,
      [
        {
          evaluator: reader,
          position: 1,
          assignedOn: '2025-05-01',
          dueOn: '2025-05-31',
          submittedOn: '2025-05-11',
          ratings: 'MMMMMMMM',
        },
      ],
      { outcome: 'approved', decidedOn: day },
    );
  }
  return { x, y, q, unpaidTech, unpaidYouth, paid, resubmitted, inEvaluation, overdue, moreInformation, t3 };
}

describe.each(testBackends())('staff portfolio pipeline and statistics on %s', (backend) => {
  let t: TestApp;
  let staff: TestSession;
  let d: Data;
  const json = async (url: string, session = staff) => {
    const res = await api(t, 'GET', url, { session });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    return res.json();
  };
  const page = async (url: string, session = staff) => {
    const res = await get(t, url, session);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    return res.body;
  };
  beforeAll(async () => {
    t = await createTestApp(backend);
    staff = (await staffMember(t)).session;
    d = await seed(t);
  }, 120_000);
  const axe = httpAxe();
  afterAll(async () => {
    await axe.close();
    await t.close();
  });

  it('counts every stage, split the same way as the assignment overview', async () => {
    const v = await json('/api/v1/staff/portfolio-pipeline');
    expect(v.counts).toEqual({
      awaiting_payment: 2,
      awaiting_evaluators: 2,
      in_evaluation: 2,
      overdue: 1,
      more_information: 1,
      decided: 5 + BULK,
    });
    expect(v.stage).toBe('awaiting_evaluators');
    expect(v.items.map((i: { number: string }) => i.number)).toEqual([d.paid.number, d.resubmitted.number]);
    const overview = await json('/api/v1/staff/portfolio-assignment');
    expect(overview.counts.paidWaiting).toBe(v.counts.awaiting_evaluators);
    expect(overview.counts.unpaid).toBe(v.counts.awaiting_payment);
    expect(overview.counts.inEvaluation).toBe(v.counts.in_evaluation);

    const tech = await json(`/api/v1/staff/portfolio-pipeline?set=${TECH}&stage=awaiting_payment`);
    expect(tech.counts).toEqual({
      awaiting_payment: 1,
      awaiting_evaluators: 2,
      in_evaluation: 1,
      overdue: 0,
      more_information: 1,
      decided: 4,
    });
    expect(tech.setId).toBe(TECH);
    expect(tech.items).toHaveLength(1);
    expect(tech.items[0]).toMatchObject({
      portfolioId: d.unpaidTech.id,
      number: d.unpaidTech.number,
      setId: TECH,
      setTitle: 'Technology',
      candidateName: 'Alma Payne',
      evaluators: [],
    });
  });

  it('lists each stage with the candidate, since when, and the evaluators with their due dates', async () => {
    const evaluation = await json('/api/v1/staff/portfolio-pipeline?stage=in_evaluation');
    expect(evaluation.items.map((i: { number: string }) => i.number)).toEqual([
      d.inEvaluation.number,
      d.overdue.number,
    ]);
    expect(evaluation.items[0].since).toBe('2026-11-20T15:00:00.000Z');
    expect(evaluation.items[0].evaluators).toEqual([
      { name: 'Ada Xeno', position: 1, dueOn: '2026-12-20', submittedAt: null, overdue: false },
      { name: 'Bo Yates', position: 2, dueOn: '2026-12-20', submittedAt: null, overdue: false },
    ]);
    const overdue = await json('/api/v1/staff/portfolio-pipeline?stage=overdue');
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0]).toMatchObject({
      number: d.overdue.number,
      candidateName: 'Cato Late',
      setTitle: 'Youth Services',
    });
    expect(overdue.items[0].evaluators).toEqual([
      {
        name: 'Di Park',
        position: 1,
        dueOn: '2026-10-31',
        submittedAt: '2026-10-20T15:00:00.000Z',
        overdue: false,
      },
      { name: 'Ed Quinn', position: 2, dueOn: '2026-10-31', submittedAt: null, overdue: true },
    ]);
    const more = await json('/api/v1/staff/portfolio-pipeline?stage=more_information');
    expect(more.items.map((i: { number: string; since: string }) => [i.number, i.since])).toEqual([
      [d.moreInformation.number, '2026-11-10T15:00:00.000Z'],
    ]);
    const decided = await json('/api/v1/staff/portfolio-pipeline?stage=decided');
    expect(decided.total).toBe(5 + BULK);
    expect(decided.items).toHaveLength(50);
    expect(decided.items[0]).toMatchObject({
      number: d.t3.number,
      candidateName: 'Dora Short',
      outcome: 'not_satisfactory',
      since: '2026-07-01T15:00:00.000Z',
    });
    expect(decided.items[0].evaluators.map((e: { name: string }) => e.name)).toEqual([
      'Ada Xeno',
      'Bo Yates',
    ]);
    // Newest decision first, across both pages.
    const next = await json('/api/v1/staff/portfolio-pipeline?stage=decided&page=2');
    expect(next.items).toHaveLength(6);
    const since = [...decided.items, ...next.items].map((i: { since: string }) => i.since);
    expect(since).toEqual([...since].sort().reverse());
    expect(
      new Set([...decided.items, ...next.items].map((i: { portfolioId: string }) => i.portfolioId)).size,
    ).toBe(56);
    const beyond = await json('/api/v1/staff/portfolio-pipeline?stage=decided&page=3');
    expect(beyond).toMatchObject({ items: [], total: 56, page: 3 });
    const techDecided = await json(`/api/v1/staff/portfolio-pipeline?stage=decided&set=${TECH}`);
    expect(techDecided.items.map((i: { outcome: string }) => i.outcome)).toEqual([
      'not_satisfactory',
      'approved',
      'approved',
      'approved',
    ]);
  });

  it('shows the pipeline page with stage links, the set filter, rows, pagination and empty states', async () => {
    const html = await page('/staff/portfolios');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<a href="/staff/portfolios?stage=awaiting_evaluators" aria-current="page">');
    expect(html).toContain('<a href="/staff/portfolios?stage=decided">Decided</a>: 56');
    expect(html).toContain(`<a href="/staff/portfolios/${d.paid.id}/assignment">${d.paid.number}</a>`);
    expect(html).toContain(`${d.resubmitted.number}</a> (resubmitted)`);
    expect(html).toContain('Bea Waite');
    expect(html).toContain('<select id="f-set" name="set"');

    const overdue = await page('/staff/portfolios?stage=overdue');
    expect(overdue).toContain('Cato Late');
    expect(overdue).toContain('Ed Quinn: due 31 October 2026 <span class="tag bad">overdue</span>');
    expect(overdue).toContain('Di Park: rated 20 October 2026');

    const decided = await page('/staff/portfolios?stage=decided');
    expect(decided).toContain('Decided: 56 portfolios, page 1');
    expect(decided).toContain('href="/staff/portfolios?stage=decided&amp;page=2" rel="next"');
    expect(decided).toContain('Page 1 of 2');
    const filtered = await page(`/staff/portfolios?stage=decided&set=${TECH}`);
    expect(filtered).toContain('Decided: 4 portfolios');
    expect(filtered).toContain(`<option value="${TECH}" selected>Technology</option>`);
    expect(filtered).toContain(`href="/staff/portfolios?stage=overdue&amp;set=${TECH}"`);
    expect(filtered).not.toContain('Page 1 of');

    expect(await page(`/staff/portfolios?set=${EMPTY_SET}`)).toContain(
      'No portfolio is at this stage in this set: awaiting evaluators.',
    );
    const gone = await page('/staff/portfolios?stage=decided&page=9');
    expect(gone).toContain('There is no page 9.');
    expect(gone).toContain('<a href="/staff/portfolios?stage=decided">Go to the first page</a>');
  });

  it('counts an assignment as overdue from the day after its due date', async () => {
    t.clock.set('2026-12-20T15:00:00Z');
    try {
      const now = (await staffMember(t)).session;
      expect((await json('/api/v1/staff/portfolio-pipeline', now)).counts.overdue).toBe(1);
      t.clock.set('2026-12-21T15:00:00Z');
      const later = (await staffMember(t)).session;
      const v = await json('/api/v1/staff/portfolio-pipeline?stage=overdue', later);
      expect(v.counts.overdue).toBe(2);
      // The longest overdue first.
      expect(v.items.map((i: { number: string }) => i.number)).toEqual([
        d.overdue.number,
        d.inEvaluation.number,
      ]);
      expect(v.items[1].evaluators.every((e: { overdue: boolean }) => e.overdue)).toBe(true);
      expect((await json(`/api/v1/staff/portfolio-pipeline?set=${TECH}`, later)).counts.overdue).toBe(1);
    } finally {
      t.clock.set('2026-11-28T15:00:00Z');
    }
  });

  it('gives outcomes per set with percentages, for the current year by default', async () => {
    const v = await json('/api/v1/staff/portfolio-statistics');
    expect(v.period).toEqual({ from: '2026-01-01', to: '2026-12-31', year: 2026 });
    const tech = v.passRates.sets.find((s: { setId: string }) => s.setId === TECH);
    expect(tech).toEqual({
      setId: TECH,
      setTitle: 'Technology',
      decided: 3,
      approved: { n: 2, percent: 66.7 },
      notSatisfactory: { n: 1, percent: 33.3 },
      firstRounds: 5,
      moreInformation: { n: 3, percent: 60 },
      resubmissions: 1,
      approvedAfterResubmission: { n: 1, percent: 100 },
    });
    const youth = v.passRates.sets.find((s: { setId: string }) => s.setId === YOUTH);
    expect(youth).toMatchObject({ decided: 1, approved: { n: 1, percent: 100 }, resubmissions: 0 });
    expect(youth.approvedAfterResubmission).toEqual({ n: 0, percent: null });
    expect(v.passRates.overall).toMatchObject({
      decided: 4,
      approved: { n: 3, percent: 75 },
      notSatisfactory: { n: 1, percent: 25 },
      firstRounds: 6,
      moreInformation: { n: 3, percent: 50 },
    });
    // Every set of the framework is listed, with nothing decided where nothing was.
    expect(v.passRates.sets).toHaveLength(10);
    expect(v.passRates.sets.find((s: { setId: string }) => s.setId === CAT).decided).toBe(0);

    const lastYear = await json('/api/v1/staff/portfolio-statistics?year=2025');
    expect(lastYear.passRates.sets.find((s: { setId: string }) => s.setId === CAT).approved).toEqual({
      n: BULK,
      percent: 100,
    });
    const range = await json('/api/v1/staff/portfolio-statistics?from=2026-04-01&to=2026-06-30');
    expect(range.period).toEqual({ from: '2026-04-01', to: '2026-06-30', year: null });
    expect(range.passRates.sets.find((s: { setId: string }) => s.setId === TECH)).toMatchObject({
      decided: 1,
      firstRounds: 1,
      moreInformation: { n: 1, percent: 100 },
      approvedAfterResubmission: { n: 1, percent: 100 },
    });
  });

  it("computes the first two evaluators' agreement and kappa per set and overall", async () => {
    const v = await json('/api/v1/staff/portfolio-statistics');
    const tech = v.agreement.sets.find((s: { setId: string }) => s.setId === TECH);
    expect(tech).toEqual({
      setId: TECH,
      setTitle: 'Technology',
      pairs: 36,
      observedPercent: 83.3,
      expectedPercent: 52.6,
      kappa: 0.648,
      matrix: [
        [22, 4, 1],
        [0, 2, 0],
        [1, 0, 6],
      ],
    });
    const youth = v.agreement.sets.find((s: { setId: string }) => s.setId === YOUTH);
    expect(youth).toMatchObject({ pairs: 12, observedPercent: 100, kappa: null });
    expect(v.agreement.overall).toMatchObject({ pairs: 48, observedPercent: 87.5, kappa: 0.672 });
    expect(v.agreement.sets.find((s: { setId: string }) => s.setId === CAT)).toMatchObject({
      pairs: 0,
      kappa: null,
    });
    // Only the set asked for; 2025 holds one technology round where both agreed on everything.
    const only = await json(`/api/v1/staff/portfolio-statistics?set=${TECH}&year=2025`);
    expect(only.agreement.sets).toHaveLength(1);
    expect(only.agreement.sets[0]).toMatchObject({ pairs: 9, observedPercent: 100, kappa: 1 });
  });

  it('gives each evaluator turnaround: median and longest days, on time, open and overdue now', async () => {
    const v = await json('/api/v1/staff/portfolio-statistics');
    expect(v.turnaround).toMatchObject({ page: 1, pageSize: 50, total: 5 });
    expect(
      v.turnaround.items.map((r: Record<string, unknown>) => [
        r.name,
        r.done,
        r.medianDays,
        r.longestDays,
        r.onTime,
        r.onTimePercent,
        r.open,
        r.overdue,
      ]),
    ).toEqual([
      ['Ada Xeno', 4, 12, 20, 3, 75, 1, 0],
      ['Bo Yates', 4, 15, 30, 3, 75, 1, 0],
      ['Cy Zane', 1, 9, 9, 1, 100, 0, 0],
      ['Di Park', 2, 19.5, 20, 2, 100, 0, 0],
      ['Ed Quinn', 1, 32, 32, 0, 0, 1, 1],
    ]);
    const tech = await json(`/api/v1/staff/portfolio-statistics?set=${TECH}`);
    expect(tech.turnaround.items.map((r: { name: string }) => r.name)).toEqual([
      'Ada Xeno',
      'Bo Yates',
      'Cy Zane',
    ]);
    // 2025: X, Y, the 51 readers, and Q with an assignment open now; page 2 holds the last four by name.
    const second = await json('/api/v1/staff/portfolio-statistics?year=2025&page=2');
    expect(second.turnaround.total).toBe(BULK + 3);
    expect(second.turnaround.items.map((r: { name: string }) => r.name)).toEqual([
      'Reader 48',
      'Reader 49',
      'Reader 50',
      'Reader 51',
    ]);
    // Open and overdue are as of now, whatever the period.
    const first = await json('/api/v1/staff/portfolio-statistics?year=2025');
    expect(first.turnaround.items[0]).toMatchObject({ name: 'Ada Xeno', done: 1, medianDays: 11, open: 1 });
  });

  it('shows the statistics page with the figures, the kappa note, empty states and pagination', async () => {
    const html = await page('/staff/portfolios/statistics');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(rowCells(html, 'Technology')).toEqual([
      '3',
      '2 (67%)',
      '1 (33%)',
      '5',
      '3 (60%)',
      '1',
      '1 (100%)',
    ]);
    expect(html).toContain("Cohen's kappa");
    const agreementRows = html.slice(html.indexOf('Agreement in rounds decided'));
    expect(rowCells(agreementRows, 'Technology')).toEqual(['36', '83%', '0.65']);
    expect(rowCells(agreementRows, 'Youth Services')).toEqual(['12', '100%', 'Not enough ratings']);
    expect(rowCells(agreementRows, 'All sets')).toEqual(['48', '88%', '0.67']);
    expect(rowCells(html, 'Ada Xeno')).toEqual(['4', '12', '20', '3 (75%)', '1', '0']);
    expect(rowCells(html, 'Di Park')).toEqual(['2', '19.5', '20', '2 (100%)', '0', '0']);
    expect(rowCells(html, 'Ed Quinn')).toEqual(['1', '32', '32', '0 (0%)', '1', '1']);
    expect(html).not.toContain('Flo Wren');

    const paged = await page('/staff/portfolios/statistics?year=2025');
    expect(paged).toContain('href="/staff/portfolios/statistics?year=2025&amp;page=2" rel="next"');
    const empty = await page(`/staff/portfolios/statistics?year=2020&set=${EMPTY_SET}`);
    expect(empty).toContain('No evaluator submitted ratings in this period or holds an assignment now.');
    const emptyAgreement = empty.slice(empty.indexOf('Agreement in rounds'));
    expect(rowCells(emptyAgreement, 'Supervision and Management')).toEqual(['0', '–', 'Not enough ratings']);
    // Assignments open now are shown whatever the period.
    expect(rowCells(await page('/staff/portfolios/statistics?year=2020'), 'Ed Quinn')).toEqual([
      '0',
      '–',
      '–',
      '–',
      '1',
      '1',
    ]);
    const range = await page(`/staff/portfolios/statistics?from=2026-04-01&to=2026-06-30&set=${YOUTH}`);
    expect(range).toContain('1 April 2026 to 30 June 2026, Youth Services.');
    expect(range).toContain('value="2026-04-01"');
  });

  it('refuses a query it cannot read with 400 and says what to fix, on the page and in the API', async () => {
    const cases: Array<[string, string, string]> = [
      ['/staff/portfolios?stage=lost', 'stage', 'Choose a stage from the list'],
      ['/staff/portfolios?set=no-such-set', 'set', 'Choose a set from the list'],
      ['/staff/portfolios?page=0', 'page', 'Enter a page number of 1 or more'],
      ['/staff/portfolios?page=two', 'page', 'Enter a page number'],
      ['/staff/portfolios/statistics?year=next', 'year', 'Enter a year like 2026'],
      ['/staff/portfolios/statistics?year=1999', 'year', 'Enter a year from 2000 on'],
      [
        '/staff/portfolios/statistics?from=2026-02-30',
        'from',
        'Enter the first date as a real date, like 2026-11-28',
      ],
      [
        '/staff/portfolios/statistics?from=2026-05-01&to=2026-04-01',
        'to',
        'The last date must be on or after the first date',
      ],
      ['/staff/portfolios/statistics?set=nope', 'set', 'Choose a set from the list'],
      ['/staff/portfolios/statistics?page=-1', 'page', 'Enter a page number of 1 or more'],
    ];
    for (const [url, field, message] of cases) {
      const html = await get(t, url, staff);
      expect(html.statusCode, url).toBe(400);
      expect(html.body, url).toContain(message);
      expect(html.body, url).toContain('There is a problem');
      const apiUrl = url
        .replace('/staff/portfolios/statistics', '/api/v1/staff/portfolio-statistics')
        .replace('/staff/portfolios', '/api/v1/staff/portfolio-pipeline');
      const res = await api(t, 'GET', apiUrl, { session: staff });
      expect(res.statusCode, apiUrl).toBe(400);
      expect(res.json().errors, apiUrl).toContainEqual({ field, message });
    }
    // The set field is shown again with its problem and the sets to choose from.
    const html = (await get(t, '/staff/portfolios/statistics?set=nope', staff)).body;
    expect(html).toContain('<a href="#f-set">Choose a set from the list</a>');
    expect(html).toContain('<option value="technology">Technology</option>');
  });

  it('denies anonymous callers, candidates, evaluators and staff who have not passed MFA', async () => {
    const candidate = await signedInAs(t, ['candidate']);
    const evaluator = await sessionOf(t, d.q);
    const noMfa = (await staffMember(t, { mfaVerified: false })).session;
    for (const url of ['/staff/portfolios', '/staff/portfolios/statistics']) {
      for (const who of [candidate, evaluator]) {
        const res = await get(t, `${url}?stage=lost`, who);
        expect(res.statusCode, url).toBe(403);
        expect(res.body).not.toContain(d.paid.number);
      }
      expect((await get(t, url, noMfa)).headers.location).toContain('/sign-in/mfa');
      expect((await get(t, url)).headers.location).toContain('/sign-in?next=');
    }
    for (const url of ['/api/v1/staff/portfolio-pipeline', '/api/v1/staff/portfolio-statistics']) {
      for (const who of [candidate, evaluator])
        expect((await api(t, 'GET', url, { session: who })).statusCode, url).toBe(403);
      const mfa = await api(t, 'GET', url, { session: noMfa });
      expect(mfa.statusCode).toBe(401);
      expect(mfa.json().code).toBe('MFA_REQUIRED');
      expect((await api(t, 'GET', url)).statusCode).toBe(401);
    }
  });

  it('links the pages from the staff home and lists the operations in the API reference', async () => {
    const home = await page('/staff');
    expect(home).toContain('<a href="/staff/portfolios">Portfolios by stage</a>');
    expect(home).toContain('<a href="/staff/portfolios/statistics">Evaluation statistics</a>');
    const docs = (await get(t, '/api/docs/portfolio-assignment')).body;
    expect(docs).toContain('/api/v1/staff/portfolio-pipeline');
    expect(docs).toContain('/api/v1/staff/portfolio-statistics');
  });

  // Both pages in Chromium with axe (browser tier, once): filled, empty and refused.
  it.skipIf(!axeTier || backend !== 'pglite')(
    'every state of both pages passes axe',
    async () => {
      const staff = (await staffMember(t)).session;
      const urls: Array<[string, number]> = [
        ['/staff/portfolios', 200],
        ['/staff/portfolios?stage=overdue', 200],
        ['/staff/portfolios?stage=decided', 200],
        [`/staff/portfolios?set=${EMPTY_SET}`, 200],
        ['/staff/portfolios?stage=lost&set=nope', 400],
        ['/staff/portfolios/statistics', 200],
        ['/staff/portfolios/statistics?from=2026-05-01&to=2026-04-01&set=nope', 400],
      ];
      for (const [url, status] of urls) {
        const res = await get(t, url, staff);
        expect(res.statusCode, url).toBe(status);
        await axe.expectAccessible(res.body, url);
      }
    },
    240_000,
  );
});
