import type { Ctx } from '../../../platform/context.js';
import { requireRole, requireUser } from '../../accounts/access.js';
import { listProvidersOf, type ProviderRow } from '../../providers/repository.js';
import { rosterForViewer } from '../roster-access.js';
import { loadCreditJudge } from '../roster-judge.js';
import {
  completionVerdicts,
  listRosterImports,
  listRosterRows,
  type RosterImportWithProvider,
  type RosterRowRow,
} from '../roster-repository.js';
import { type RosterRowOutcome, rosterRowOutcomes } from '../schema.js';

export const ROSTER_ROWS_PAGE_SIZE = 50;
export const ROSTERS_PAGE_SIZE = 25;

export type RosterRowView = RosterRowRow & {
  /** Matched rows: whether the completion counts (will count, before confirming), and why not. */
  willCount: boolean | null;
  notCountedReason: string | null;
};

export interface RosterView {
  roster: RosterImportWithProvider;
  /** False for program staff looking in. */
  member: boolean;
  outcome: RosterRowOutcome | undefined;
  page: number;
  pageSize: number;
  /** Rows of the chosen outcome (or all). */
  total: number;
  rows: RosterRowView[];
}

/** Pages and the API pass what the person asked for; anything unreadable means "the first page of all". */
export function rowsQuery(q: { outcome?: unknown; page?: unknown }) {
  const outcome = rosterRowOutcomes.find((o) => o === q.outcome);
  const page = Number(q.page);
  return { outcome, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export const rowsTotal = (roster: RosterImportWithProvider, outcome: RosterRowOutcome | undefined) =>
  outcome === undefined
    ? roster.totalRows
    : {
        matched: roster.matchedRows,
        unmatched: roster.unmatchedRows,
        invalid: roster.invalidRows,
        duplicate: roster.duplicateRows,
      }[outcome];

/** A roster's summary (counts, status), for its provider's members and for staff. */
export async function getRoster(ctx: Ctx, id: string): Promise<RosterImportWithProvider> {
  return (await rosterForViewer(ctx.db, ctx.actor, id)).roster;
}

/**
 * A roster with one page of its rows, for its provider's members and for staff. Before it is
 * confirmed, each matched row says whether it will count (the credit rule, judged in memory);
 * afterwards, what was stored with the completion.
 */
export async function viewRoster(
  ctx: Ctx,
  id: string,
  query: { outcome?: unknown; page?: unknown },
): Promise<RosterView> {
  const { roster, member } = await rosterForViewer(ctx.db, ctx.actor, id);
  const { outcome, page } = rowsQuery(query);
  const rows = await listRosterRows(ctx.db, roster.id, {
    outcome,
    limit: ROSTER_ROWS_PAGE_SIZE,
    offset: (page - 1) * ROSTER_ROWS_PAGE_SIZE,
  });
  const matched = rows.filter((r) => r.outcome === 'matched');
  let views: RosterRowView[];
  if (roster.status === 'preview') {
    const judge = await loadCreditJudge(
      ctx.db,
      matched.map((r) => r.courseId!),
    );
    views = rows.map((r) => {
      if (r.outcome !== 'matched') return { ...r, willCount: null, notCountedReason: null };
      const j = judge({ courseId: r.courseId!, completedOn: r.completedOn!, passed: r.passed! });
      return { ...r, willCount: j.counts, notCountedReason: j.counts ? null : j.reason };
    });
  } else {
    const verdicts = await completionVerdicts(
      ctx.db,
      matched.flatMap((r) => (r.completionId ? [r.completionId] : [])),
    );
    views = rows.map((r) => {
      const v = r.completionId ? verdicts.get(r.completionId) : undefined;
      return { ...r, willCount: v?.counts ?? null, notCountedReason: v?.notCountedReason ?? null };
    });
  }
  return {
    roster,
    member,
    outcome,
    page,
    pageSize: ROSTER_ROWS_PAGE_SIZE,
    total: rowsTotal(roster, outcome),
    rows: views,
  };
}

export interface RosterList {
  providers: ProviderRow[];
  items: RosterImportWithProvider[];
  total: number;
  page: number;
  pageSize: number;
}

const pageOf = (page: unknown) => rowsQuery({ page }).page;

/** The rosters of every provider the person belongs to, newest first. */
export async function listMyRosters(ctx: Ctx, query: { page?: unknown }): Promise<RosterList> {
  const user = requireUser(ctx.actor);
  const providers = (await listProvidersOf(ctx.db, user.userId)).map((p) => p.provider);
  const page = pageOf(query.page);
  const { items, total } = await listRosterImports(ctx.db, {
    providerIds: providers.map((p) => p.id),
    limit: ROSTERS_PAGE_SIZE,
    offset: (page - 1) * ROSTERS_PAGE_SIZE,
  });
  return { providers, items, total, page, pageSize: ROSTERS_PAGE_SIZE };
}

/** Program staff: every provider's rosters, newest first. */
export async function listRostersForStaff(ctx: Ctx, query: { page?: unknown }): Promise<RosterList> {
  requireRole(ctx.actor, 'staff', 'admin');
  const page = pageOf(query.page);
  const { items, total } = await listRosterImports(ctx.db, {
    providerIds: null,
    limit: ROSTERS_PAGE_SIZE,
    offset: (page - 1) * ROSTERS_PAGE_SIZE,
  });
  return { providers: [], items, total, page, pageSize: ROSTERS_PAGE_SIZE };
}
