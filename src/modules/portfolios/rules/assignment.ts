import type { CalendarDate } from '../../../lib/calendar-date.js';
import {
  type CandidateKeys,
  type ConflictReason,
  conflictBetween,
  type EvaluatorConflictKeys,
} from './conflicts.js';

/**
 * Choosing portfolio evaluators (pure). An evaluator may take a portfolio when they are active,
 * trained (training completed on or before today), qualified for the portfolio's set, have no
 * conflict with the candidate (rules/conflicts.ts), are not already on the portfolio, and have
 * taken fewer portfolios this year than their yearly capacity.
 *
 * Among those, the least loaded go first: by load ÷ capacity (compared exactly, by
 * cross-multiplying), then by fewest portfolios ever, then by id, so the same inputs always give
 * the same choice. A batch takes the portfolios in the order given and counts each choice before
 * the next, so one pass spreads the work. A portfolio is assigned in full or not at all: with too
 * few eligible evaluators it is reported with the counts that explain why, never given to whoever
 * is left.
 *
 * Round 2 (after a resubmission) keeps each slot's earlier evaluator when they are still eligible;
 * a third evaluator is simply a slot whose `exclude` holds the first two.
 */

export interface PoolEvaluator {
  id: string;
  active: boolean;
  trainedOn: CalendarDate | null;
  setIds: readonly string[];
  capacity: number;
  /** Portfolios assigned this year (replaced assignments do not count). */
  load: number;
  /** Portfolios assigned ever. */
  total: number;
  conflicts: EvaluatorConflictKeys;
}

export interface PortfolioToAssign {
  id: string;
  setId: string;
  candidate: CandidateKeys;
  /** The slots to fill, e.g. [1, 2] for a new portfolio or [3] for a third evaluator. */
  positions: readonly number[];
  /** Evaluators never to choose: those already on the portfolio. */
  exclude?: readonly string[];
  /** Round 2: position → the evaluator who held that slot in round 1. */
  prefer?: Readonly<Record<number, string>>;
}

export interface ChosenEvaluator {
  portfolioId: string;
  evaluatorId: string;
  position: number;
}

/** The pool as seen by one portfolio: how many could take it and what rules the others out. */
export interface Shortfall {
  needed: number;
  eligible: number;
  /** Active, trained and qualified for the set. */
  qualified: number;
  conflicted: number;
  atCapacity: number;
  alreadyOn: number;
}

export interface Unassignable {
  portfolioId: string;
  shortfall: Shortfall;
}

export type Ineligibility =
  | 'inactive'
  | 'untrained'
  | 'not_qualified'
  | 'already_on'
  | 'at_capacity'
  | ConflictReason;

export function ineligibility(
  e: PoolEvaluator,
  p: Pick<PortfolioToAssign, 'setId' | 'candidate' | 'exclude'>,
  today: CalendarDate,
  load = e.load,
): Ineligibility | null {
  if (!e.active) return 'inactive';
  if (!e.trainedOn || e.trainedOn > today) return 'untrained';
  if (!e.setIds.includes(p.setId)) return 'not_qualified';
  if (p.exclude?.includes(e.id)) return 'already_on';
  const conflict = conflictBetween(e.conflicts, p.candidate);
  if (conflict) return conflict;
  if (load >= e.capacity) return 'at_capacity';
  return null;
}

/** Negative when a should be chosen before b. */
export function compareByLoad(
  a: Pick<PoolEvaluator, 'id' | 'capacity' | 'total'> & { load: number },
  b: Pick<PoolEvaluator, 'id' | 'capacity' | 'total'> & { load: number },
): number {
  const ratio = a.load * b.capacity - b.load * a.capacity;
  if (ratio !== 0) return ratio;
  if (a.total !== b.total) return a.total - b.total;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface BatchResult {
  assignments: ChosenEvaluator[];
  unassigned: Unassignable[];
  /** Evaluator id → load this year after the batch. */
  loads: Map<string, { load: number; total: number }>;
}

export function assignBatch(
  pool: readonly PoolEvaluator[],
  portfolios: readonly PortfolioToAssign[],
  today: CalendarDate,
): BatchResult {
  const loads = new Map(pool.map((e) => [e.id, { load: e.load, total: e.total }]));
  const bySet = new Map<string, PoolEvaluator[]>();
  for (const e of pool) for (const s of new Set(e.setIds)) bySet.set(s, [...(bySet.get(s) ?? []), e]);
  const assignments: ChosenEvaluator[] = [];
  const unassigned: Unassignable[] = [];
  for (const p of portfolios) {
    const candidates = bySet.get(p.setId) ?? [];
    const chosen = choose(candidates, p, today, loads);
    if (!chosen) {
      unassigned.push({ portfolioId: p.id, shortfall: shortfallOf(pool, p, today, loads) });
      continue;
    }
    for (const c of chosen) {
      const l = loads.get(c.evaluatorId)!;
      loads.set(c.evaluatorId, { load: l.load + 1, total: l.total + 1 });
      assignments.push(c);
    }
  }
  return { assignments, unassigned, loads };
}

/** Everyone who could take the portfolio now, least loaded first (what staff choose from to reassign). */
export function rankEligible(
  pool: readonly PoolEvaluator[],
  p: Pick<PortfolioToAssign, 'setId' | 'candidate' | 'exclude'>,
  today: CalendarDate,
): PoolEvaluator[] {
  return pool.filter((e) => ineligibility(e, p, today) === null).sort(compareByLoad);
}

/** Whether a portfolio could be assigned now on its own, and the counts that say why not. */
export function assessPortfolio(
  pool: readonly PoolEvaluator[],
  p: PortfolioToAssign,
  today: CalendarDate,
): { ready: boolean; shortfall: Shortfall } {
  const shortfall = shortfallOf(pool, p, today, new Map());
  return { ready: shortfall.eligible >= shortfall.needed, shortfall };
}

function choose(
  candidates: readonly PoolEvaluator[],
  p: PortfolioToAssign,
  today: CalendarDate,
  loads: Map<string, { load: number; total: number }>,
): ChosenEvaluator[] | null {
  const current = (e: PoolEvaluator) => ({ ...e, ...loads.get(e.id)! });
  const eligible = candidates
    .filter((e) => ineligibility(e, p, today, loads.get(e.id)!.load) === null)
    .map(current);
  const positions = [...new Set(p.positions)].sort((a, b) => a - b);
  if (eligible.length < positions.length) return null;
  const taken = new Set<string>();
  const out: ChosenEvaluator[] = [];
  const open: number[] = [];
  // The earlier evaluator keeps their slot first, so a preferred one is never taken by another slot.
  for (const position of positions) {
    const preferred = p.prefer?.[position];
    if (preferred && !taken.has(preferred) && eligible.some((e) => e.id === preferred)) {
      taken.add(preferred);
      out.push({ portfolioId: p.id, evaluatorId: preferred, position });
    } else open.push(position);
  }
  const rest = eligible.filter((e) => !taken.has(e.id)).sort(compareByLoad);
  open.forEach((position, i) => {
    out.push({ portfolioId: p.id, evaluatorId: rest[i]!.id, position });
  });
  return out.sort((a, b) => a.position - b.position);
}

function shortfallOf(
  pool: readonly PoolEvaluator[],
  p: PortfolioToAssign,
  today: CalendarDate,
  loads: Map<string, { load: number; total: number }>,
): Shortfall {
  const s: Shortfall = {
    needed: new Set(p.positions).size,
    eligible: 0,
    qualified: 0,
    conflicted: 0,
    atCapacity: 0,
    alreadyOn: 0,
  };
  for (const e of pool) {
    const why = ineligibility(e, p, today, loads.get(e.id)?.load ?? e.load);
    if (why === 'inactive' || why === 'untrained' || why === 'not_qualified') continue;
    s.qualified += 1;
    if (why === null) s.eligible += 1;
    else if (why === 'at_capacity') s.atCapacity += 1;
    else if (why === 'already_on') s.alreadyOn += 1;
    else s.conflicted += 1;
  }
  return s;
}

/** What staff read about a portfolio that could not be assigned. */
export function explainShortfall(s: Shortfall): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (s.qualified === 0)
    return 'No active, trained evaluator is qualified for this set. Add or train evaluators for the set.';
  const parts = [`${plural(s.qualified, 'evaluator is qualified', 'evaluators are qualified')} for the set`];
  if (s.conflicted) parts.push(`${s.conflicted} ${s.conflicted === 1 ? 'has' : 'have'} a conflict`);
  if (s.atCapacity) parts.push(`${s.atCapacity} ${s.atCapacity === 1 ? 'is' : 'are'} at capacity`);
  if (s.alreadyOn) parts.push(`${s.alreadyOn} already ${s.alreadyOn === 1 ? 'evaluates' : 'evaluate'} it`);
  const needed = plural(s.needed, 'evaluator is', 'evaluators are');
  return `${needed} needed but only ${s.eligible} can take it: ${parts.join(', ')}.`;
}
