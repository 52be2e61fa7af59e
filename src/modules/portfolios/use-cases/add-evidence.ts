import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { portfolioForChange, requireChangeable } from '../access.js';
import { withStoredFile } from '../evidence-files.js';
import { type EvidenceInput, parseEvidence } from '../evidence-input.js';
import { competencyOf, setOfPortfolio } from '../portfolio-set.js';
import { type EvidenceRow, insertEvidence, listEvidenceFor, updatePortfolio } from '../repository.js';

/** Enough for any real case; a bound keeps a page and an evaluator's reading list finite. */
export const MAX_EVIDENCE_PER_COMPETENCY = 20;

/**
 * Add one evidence item to one competency: a file (type judged by its content, size limited), a
 * link or written text, primary or secondary, with the candidate's explanation. One transaction
 * per item, so what was saved before stays saved whatever happens to this one.
 */
export async function addEvidence(
  ctx: Ctx,
  id: string,
  competencyId: string,
  input: EvidenceInput,
): Promise<EvidenceRow> {
  return transact(ctx, async (w) => {
    const { portfolio } = await portfolioForChange(w.tx, ctx.actor, id);
    const competency = competencyOf(await setOfPortfolio(w.tx, portfolio), competencyId);
    requireChangeable(portfolio, { competencyId: competency.id });
    const parsed = parseEvidence(input, {
      kind: null,
      fileRequired: true,
      maxBytes: ctx.config.maxUploadBytes,
    });
    if ((await listEvidenceFor(w.tx, portfolio.id, competency.id)).length >= MAX_EVIDENCE_PER_COMPETENCY)
      throw new DomainError(
        'CONFLICT',
        `A competency can have up to ${MAX_EVIDENCE_PER_COMPETENCY} evidence items. Remove one before adding another.`,
      );
    const now = ctx.clock.now();
    const { fields, kind } = parsed;
    const record = async (
      file: {
        blobKey: string;
        fileName: string;
        mime: string;
        size: number;
        sha256: string;
      } | null,
    ) => {
      const row = await insertEvidence(w.tx, {
        id: uuidv7(now.getTime()),
        portfolioId: portfolio.id,
        competencyId: competency.id,
        kind,
        primary: fields.role === 'primary',
        title: fields.title,
        explanation: fields.explanation,
        url: kind === 'link' ? fields.url : null,
        body: kind === 'text' ? fields.body : null,
        blobKey: file?.blobKey ?? null,
        fileName: file?.fileName ?? null,
        mime: file?.mime ?? null,
        size: file?.size ?? null,
        sha256: file?.sha256 ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await updatePortfolio(w.tx, portfolio.id, { updatedAt: now });
      await w.audit({
        action: 'portfolio.evidence_added',
        subjectType: 'portfolio',
        subjectId: portfolio.id,
        after: evidenceAudit(row),
      });
      return row;
    };
    return parsed.file ? withStoredFile(ctx, portfolio.id, parsed.file, record) : record(null);
  });
}

/** What the audit trail keeps of an item: enough to follow changes, not the text itself. */
export function evidenceAudit(e: EvidenceRow) {
  return {
    evidenceId: e.id,
    competencyId: e.competencyId,
    kind: e.kind,
    primary: e.primary,
    title: e.title,
    url: e.url,
    fileName: e.fileName,
    mime: e.mime,
    size: e.size,
    sha256: e.sha256,
  };
}
