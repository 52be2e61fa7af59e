import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { portfolioForChange, requireChangeable } from '../access.js';
import { deleteEvidenceBlob, type StoredEvidenceFile, withStoredFile } from '../evidence-files.js';
import { type EvidenceInput, parseEvidence } from '../evidence-input.js';
import { type EvidenceRow, findEvidence, updateEvidence, updatePortfolio } from '../repository.js';
import { evidenceAudit } from './add-evidence.js';

export const evidenceNotFound = () => notFound('That evidence');

/**
 * Change an evidence item: its role, title, explanation and content. Its kind stays (remove it and
 * add another to change that); a file is replaced only when a new one is chosen, and the old blob
 * goes once the change is committed.
 */
export async function updateEvidenceItem(
  ctx: Ctx,
  id: string,
  evidenceId: string,
  input: EvidenceInput,
): Promise<EvidenceRow> {
  const { row, replacedBlob } = await transact(ctx, async (w) => {
    const { portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    const before = UUID_PATTERN.test(evidenceId)
      ? await findEvidence(w.tx, portfolio.id, evidenceId)
      : undefined;
    if (!before) throw evidenceNotFound();
    requireChangeable(portfolio, { competencyId: before.competencyId });
    const { fields, file } = parseEvidence(input, {
      kind: before.kind,
      fileRequired: false,
      maxBytes: ctx.config.maxUploadBytes,
    });
    const now = ctx.clock.now();
    const record = async (stored: StoredEvidenceFile | null) => {
      const row = await updateEvidence(w.tx, before.id, {
        primary: fields.role === 'primary',
        title: fields.title,
        explanation: fields.explanation,
        url: before.kind === 'link' ? fields.url : null,
        body: before.kind === 'text' ? fields.body : null,
        ...(stored ?? {}),
        updatedAt: now,
      });
      await updatePortfolio(w.tx, portfolio.id, { updatedAt: now });
      await w.audit({
        action: 'portfolio.evidence_updated',
        subjectType: 'portfolio',
        subjectId: portfolio.id,
        before: evidenceAudit(before),
        after: evidenceAudit(row),
      });
      return { row, replacedBlob: stored ? before.blobKey : null };
    };
    return file ? withStoredFile(ctx, portfolio.id, file, record) : record(null);
  });
  await deleteEvidenceBlob(ctx, replacedBlob);
  return row;
}
