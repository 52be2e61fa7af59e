import { compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import { payloadTooLarge } from '../../../platform/files/blob-store.js';
import { blobStoreFor } from '../../../platform/files/configured-blob-store.js';
import { checkUpload, type UploadCheck } from '../../../platform/files/file-type.js';
import { fieldErrorsFrom } from '../../../platform/http/forms.js';
import { UUID_PATTERN, uuidv7 } from '../../../platform/ids.js';
import { EDITABLE, editableApplication, requireCandidate } from '../../applications/own-application.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  lockApplication,
} from '../../applications/repository.js';
import {
  type GraduationClaimRow,
  insertClaimRow,
  lockClaimForApplication,
  updateClaim,
} from '../claims-repository.js';
import { GRADUATION_PROOF_KINDS, graduationProofKey } from '../files.js';
import { graduationFieldsSchema } from '../forms.js';
import { findAgreement } from '../repository.js';

export interface GraduationInput {
  agreementId: unknown;
  graduatedOn: unknown;
  /** Null when no file was chosen. */
  file: { fileName: string; bytes: Uint8Array; truncated: boolean } | null;
}

const NO_FILE = 'Choose your proof of graduation, like your diploma or a final transcript';

/** Every field and the file are checked at once, so the form shows every problem together. */
function checkFields(ctx: Ctx, input: GraduationInput) {
  const errors: FieldErrors = {};
  const parsed = graduationFieldsSchema.safeParse({
    agreementId: input.agreementId ?? '',
    graduatedOn: input.graduatedOn ?? '',
  });
  if (!parsed.success) Object.assign(errors, fieldErrorsFrom(parsed.error));
  if (parsed.success && !UUID_PATTERN.test(parsed.data.agreementId))
    errors.agreementId = 'Choose the program you graduated from';
  if (parsed.success && compareDates(parsed.data.graduatedOn, ctx.clock.today()) > 0)
    errors.graduatedOn = 'The graduation date cannot be in the future';
  const max = ctx.config.maxUploadBytes;
  let check: UploadCheck | undefined;
  let tooLarge = false;
  const file = input.file;
  if (!file || (file.bytes.length === 0 && file.fileName === '')) errors.file = NO_FILE;
  else if (file.truncated) {
    tooLarge = true;
    errors.file = payloadTooLarge(max).message;
  } else {
    check = checkUpload(file.bytes, {
      allowed: GRADUATION_PROOF_KINDS,
      maxBytes: max,
      declaredName: file.fileName,
    });
    if (!check.ok) {
      tooLarge = check.code === 'TOO_LARGE';
      errors.file = check.message;
    }
  }
  if (!parsed.success || !check?.ok || !file || Object.keys(errors).length > 0)
    throw new DomainError(
      tooLarge && Object.keys(errors).length === 1 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
      'Some answers need fixing.',
      errors,
    );
  return { ...parsed.data, file, proof: check };
}

/**
 * The application a graduation may be stated on: a draft (started by this first answer) or one
 * the staff sent back, or any open application whose proof staff could not accept (to send a
 * new one). Locked for this transaction.
 */
async function claimableApplication(ctx: Ctx, w: Work, candidateId: string): Promise<ApplicationRow> {
  const current = await findCurrentApplication(w.tx, candidateId);
  if (current && current.status !== 'rejected' && !EDITABLE.includes(current.status)) {
    const claim = await lockClaimForApplication(w.tx, current.id);
    if (claim?.status === 'rejected') return (await lockApplication(w.tx, current.id))!;
    throw new DomainError(
      'INVALID_STATE',
      claim?.status === 'verified'
        ? 'Your graduation is already verified, so it can no longer be changed.'
        : 'Your application has been submitted, so its answers can no longer be changed.',
    );
  }
  return editableApplication(ctx, w, candidateId, { create: true });
}

/**
 * A candidate states that they graduated from a program under a recognition agreement, with
 * proof. The graduation date must fall in the agreement's window and not in the future. Saving
 * again replaces the statement and the proof, and asks staff to look again.
 */
export async function saveGraduation(ctx: Ctx, input: GraduationInput): Promise<GraduationClaimRow> {
  const user = requireCandidate(ctx);
  const { agreementId, graduatedOn, file, proof } = checkFields(ctx, input);
  const store = blobStoreFor(ctx.config);
  let storedKey: string | undefined;
  try {
    return await recordGraduation();
  } catch (error) {
    // The row did not commit, so its file is not kept either.
    if (storedKey) await store.delete(storedKey).catch(() => {});
    throw error;
  }

  function recordGraduation() {
    return transact(ctx, async (w) => {
      const agreement = await findAgreement(w.tx, agreementId);
      if (!agreement)
        throw new DomainError('VALIDATION_FAILED', 'Some answers need fixing.', {
          agreementId: 'Choose the program you graduated from',
        });
      if (
        compareDates(graduatedOn, agreement.effectiveFrom) < 0 ||
        (agreement.endsOn && compareDates(graduatedOn, agreement.endsOn) > 0)
      ) {
        const window = agreement.endsOn
          ? `from ${formatCalendarDate(agreement.effectiveFrom)} to ${formatCalendarDate(agreement.endsOn)}`
          : `on or after ${formatCalendarDate(agreement.effectiveFrom)}`;
        const message = `The agreement covers graduates ${window}, so a graduation on ${formatCalendarDate(graduatedOn)} does not count under it.`;
        throw new DomainError('VALIDATION_FAILED', message, { graduatedOn: message });
      }
      const app = await claimableApplication(ctx, w, user.userId);
      const before = await lockClaimForApplication(w.tx, app.id);
      const now = ctx.clock.now();
      const id = before?.id ?? uuidv7(now.getTime());
      const stored = await store.put(graduationProofKey(user.userId, id, now.getTime()), file.bytes, {
        contentType: proof.type.mime,
        maxBytes: ctx.config.maxUploadBytes,
      });
      storedKey = stored.key;
      const fields = {
        agreementId,
        graduatedOn,
        proofBlobKey: stored.key,
        proofFileName: proof.fileName,
        proofMime: proof.type.mime,
        proofSize: stored.size,
        proofSha256: stored.sha256,
        status: 'pending' as const,
        decidedBy: null,
        decidedAt: null,
        rejectionReason: null,
        updatedAt: now,
      };
      const claim = before
        ? await updateClaim(w.tx, id, fields)
        : await insertClaimRow(w.tx, {
            id,
            applicationId: app.id,
            candidateId: user.userId,
            ...fields,
            createdAt: now,
          });
      if (!claim)
        throw new DomainError(
          'CONFLICT',
          'Your graduation was saved a moment ago. Reload the page to see it.',
        );
      await w.audit({
        action: before ? 'graduation_claim.replaced' : 'graduation_claim.stated',
        subjectType: 'graduation_claim',
        subjectId: id,
        before: before
          ? { agreementId: before.agreementId, graduatedOn: before.graduatedOn, status: before.status }
          : undefined,
        after: {
          applicationId: app.id,
          agreement: agreement.reference,
          graduatedOn,
          status: 'pending',
          proof: {
            fileName: proof.fileName,
            mime: proof.type.mime,
            size: stored.size,
            sha256: stored.sha256,
          },
        },
      });
      return claim;
    });
  }
}
