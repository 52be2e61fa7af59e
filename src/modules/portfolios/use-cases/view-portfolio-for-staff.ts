import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import type { CompetencySet } from '../../policy/framework.js';
import { portfolioForStaff, setOfPortfolio } from '../prereview-access.js';
import {
  type CommentWithAuthor,
  findEvidenceForPrereview,
  findPortfolioCandidate,
  listEvidenceForPrereview,
  listPortfolioComments,
  type PortfolioCandidate,
  type PrereviewEvidenceRow,
  type PrereviewPortfolioRow,
} from '../prereview-repository.js';

export interface StaffPortfolioView {
  portfolio: PrereviewPortfolioRow;
  candidate: PortfolioCandidate | undefined;
  set: CompetencySet;
  evidence: PrereviewEvidenceRow[];
  /** Newest first. */
  comments: CommentWithAuthor[];
  /** Comments and finishing are possible only while a pre-review is asked for. */
  open: boolean;
}

/** A portfolio as program staff pre-review it: the candidate, every competency's evidence, the statement. */
export async function viewPortfolioForStaff(ctx: Ctx, id: string): Promise<StaffPortfolioView> {
  const { portfolio } = await portfolioForStaff(ctx.db, ctx.actor, id);
  const [set, candidate, evidence, comments] = await Promise.all([
    setOfPortfolio(ctx.db, portfolio),
    findPortfolioCandidate(ctx.db, portfolio.candidateId),
    listEvidenceForPrereview(ctx.db, id),
    listPortfolioComments(ctx.db, id),
  ]);
  return {
    portfolio,
    candidate,
    set,
    evidence,
    comments,
    open: portfolio.status === 'prereview_requested',
  };
}

/** An evidence file, for staff to download (staff may see its own name). */
export async function findEvidenceFileForStaff(ctx: Ctx, id: string, evidenceId: string) {
  await portfolioForStaff(ctx.db, ctx.actor, id);
  const evidence = UUID_PATTERN.test(evidenceId)
    ? await findEvidenceForPrereview(ctx.db, id, evidenceId)
    : undefined;
  if (!evidence?.blobKey || !evidence.mime) throw notFound('That file');
  return { key: evidence.blobKey, mime: evidence.mime, fileName: evidence.fileName ?? 'evidence' };
}
