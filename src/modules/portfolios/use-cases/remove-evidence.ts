import { type Ctx, transact } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { portfolioForChange, requireChangeable } from '../access.js';
import { deleteEvidenceBlob } from '../evidence-files.js';
import { deleteEvidence, type EvidenceRow, findEvidence, updatePortfolio } from '../repository.js';
import { evidenceAudit } from './add-evidence.js';
import { evidenceNotFound } from './update-evidence.js';

/** Take an evidence item off a competency; its file goes once the row is gone. */
export async function removeEvidence(ctx: Ctx, id: string, evidenceId: string): Promise<EvidenceRow> {
  const removed = await transact(ctx, async (w) => {
    const { portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    const evidence = UUID_PATTERN.test(evidenceId)
      ? await findEvidence(w.tx, portfolio.id, evidenceId)
      : undefined;
    if (!evidence) throw evidenceNotFound();
    requireChangeable(portfolio, { competencyId: evidence.competencyId });
    await deleteEvidence(w.tx, evidence.id);
    await updatePortfolio(w.tx, portfolio.id, { updatedAt: ctx.clock.now() });
    await w.audit({
      action: 'portfolio.evidence_removed',
      subjectType: 'portfolio',
      subjectId: portfolio.id,
      before: evidenceAudit(evidence),
    });
    return evidence;
  });
  await deleteEvidenceBlob(ctx, removed.blobKey);
  return removed;
}
