import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { DomainError, forbidden } from '../../../platform/errors.js';
import { fieldErrorsFrom } from '../../../platform/http/forms.js';
import { requireRole } from '../../accounts/access.js';
import { findCurrentApplication, listAchievements } from '../../applications/repository.js';
import { findSet } from '../../policy/framework.js';
import { findActiveFramework, findFrameworkById } from '../../policy/repository.js';
import { claimForViewer, claimNotFound } from '../claim-access.js';
import { claimDecisionSchema } from '../claim-forms.js';
import { claimMails } from '../claim-mails.js';
import { type ClaimDetail, type CompletionRow, decidePendingClaim } from '../claim-repository.js';
import { confirmCompletion } from '../record-completion.js';

export interface ClaimDecisionResult {
  completion: CompletionRow;
  /** Titles of the sets this confirmation achieved for the candidate (admitted candidates only). */
  setsAchieved: string[];
}

/** Where the decision comes from: the provider's pages, the staff pages, or the API (either). */
export type DecidingAs = 'member' | 'staff' | 'any';

const alreadyDecided = () =>
  new DomainError(
    'CONFLICT',
    'This claim has already been decided or withdrawn, so it cannot be decided again.',
  );

/**
 * A member of the course's provider confirms or rejects a pending claim; program staff may verify
 * or reject it too, for providers who do not answer. Nobody decides their own claim. Confirming
 * judges the credit rule and credits the set (confirmCompletion); the candidate is told either way.
 */
export async function decideCompletionClaim(
  ctx: Ctx,
  id: string,
  raw: unknown,
  via: DecidingAs = 'any',
): Promise<ClaimDecisionResult> {
  return transact(ctx, async (w) => {
    const { user, claim, as } = await claimForViewer(w.tx, ctx.actor, id);
    if (as === 'candidate')
      throw forbidden(
        'You cannot decide on your own claim. Another member of the organisation, or program staff, will.',
      );
    if (via === 'member' && as !== 'member') throw claimNotFound();
    // Staff who also belong to the provider may still act as staff from the staff pages.
    if (via === 'staff') requireRole(ctx.actor, 'staff', 'admin');
    const byStaff = via === 'staff' || as === 'staff';
    const parsed = claimDecisionSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new DomainError('VALIDATION_FAILED', 'Some answers need fixing.', fieldErrorsFrom(parsed.error));
    const { decision, reason } = parsed.data;
    if (claim.completion.status !== 'pending') throw alreadyDecided();
    const now = ctx.clock.now();
    const decided = await decidePendingClaim(w.tx, claim.completion.id, {
      status: decision === 'confirm' ? 'confirmed' : 'rejected',
      decidedBy: user.userId,
      decidedAt: now,
      decisionNote: reason,
    });
    if (!decided) throw alreadyDecided();
    const facts = {
      courseNumber: claim.course.number,
      courseTitle: claim.course.title,
      providerName: claim.providerName,
      completedOn: claim.completion.completedOn,
      byStaff,
      link: `${ctx.config.baseUrl}/completions`,
    };
    const candidate = { email: claim.candidate.email, displayName: claim.candidate.displayName };

    if (decision === 'reject') {
      await w.audit({
        action: 'completion_claim.rejected',
        subjectType: 'course_completion',
        subjectId: decided.id,
        before: { status: 'pending' },
        after: { status: 'rejected', reason, by: byStaff ? 'staff' : 'provider' },
      });
      await w.mail(claimMails.rejected(candidate, { ...facts, reason: reason! }));
      return { completion: decided, setsAchieved: [] };
    }

    const before = new Set((await listAchievements(w.tx, decided.candidateId)).map((a) => a.setId));
    const judgement = await confirmCompletion(ctx, w, decided, { by: user.userId, note: reason });
    const achieved = (await listAchievements(w.tx, decided.candidateId)).filter((a) => !before.has(a.setId));
    await w.audit({
      action: byStaff ? 'completion_claim.verified' : 'completion_claim.confirmed',
      subjectType: 'course_completion',
      subjectId: decided.id,
      before: { status: 'pending' },
      after: {
        status: 'confirmed',
        counts: judgement.counts,
        notCountedReason: judgement.counts ? null : judgement.reason,
        by: byStaff ? 'staff' : 'provider',
      },
    });
    const titles = await setTitles(
      w,
      decided.candidateId,
      achieved.map((a) => a.setId),
    );
    await w.mail(
      claimMails.confirmed(candidate, {
        ...facts,
        counts: judgement.counts,
        reason: judgement.counts ? null : judgement.reason,
        setsAchieved: titles,
        setNote:
          judgement.counts && titles.length === 0 ? await setNote(w, claim, decided.candidateId) : null,
      }),
    );
    const completion = { ...decided, status: 'confirmed' as const, counts: judgement.counts };
    return { completion, setsAchieved: titles };
  });
}

/** Titles of sets, from the framework the candidate's application is judged by. */
async function setTitles(w: Work, candidateId: string, setIds: string[]): Promise<string[]> {
  if (setIds.length === 0) return [];
  const application = await findCurrentApplication(w.tx, candidateId);
  const framework = application?.frameworkVersionId
    ? await findFrameworkById(w.tx, application.frameworkVersionId)
    : await findActiveFramework(w.tx);
  return setIds.map((id) => (framework && findSet(framework.framework, id)?.title) ?? id);
}

/** Why a counted completion achieved no set just now, in the candidate's terms. */
async function setNote(w: Work, claim: ClaimDetail, candidateId: string): Promise<string | null> {
  const application = await findCurrentApplication(w.tx, candidateId);
  if (application?.status !== 'admitted')
    return 'The competency set it covers will be credited to you when you are admitted to the program.';
  if (claim.course.bundleId)
    return 'This course is part of a bundle: its competency set is achieved once every course of the bundle is completed.';
  return 'You had already achieved the competency set this course covers.';
}
