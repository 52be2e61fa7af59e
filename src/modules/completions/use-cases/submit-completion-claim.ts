import { compareDates, formatCalendarDate } from '../../../lib/calendar-date.js';
import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import { payloadTooLarge } from '../../../platform/files/blob-store.js';
import { checkUpload, type UploadCheck } from '../../../platform/files/file-type.js';
import { fieldErrorsFrom } from '../../../platform/http/forms.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findUserById } from '../../accounts/users-repository.js';
import { requireCandidate } from '../../applications/own-application.js';
import { findCourseByNumber } from '../../courses/approved-course-repository.js';
import { memberEmails } from '../../courses/repository.js';
import { findProvider } from '../../providers/repository.js';
import { claimantApplication } from '../claim-access.js';
import { PROOF_KINDS, proofBlobKey, proofBlobStore } from '../claim-files.js';
import { claimFieldsSchema } from '../claim-forms.js';
import { claimMails } from '../claim-mails.js';
import {
  type CompletionRow,
  courseApplicationNumberExists,
  findStandingCompletion,
  insertClaim,
} from '../claim-repository.js';

export interface ClaimInput {
  courseNumber: unknown;
  completedOn: unknown;
  note: unknown;
  /** Null when no file was chosen. */
  file: { fileName: string; bytes: Uint8Array; truncated: boolean } | null;
}

const NO_FILE = 'Choose the file that proves you completed the course, like a certificate or transcript';

const duplicate = (number: string, date: string, standing: { status: string; source: string }) => {
  const on = formatCalendarDate(date);
  const message =
    standing.source !== 'claim'
      ? `Your completion of ${number} on ${on} is already recorded: the provider reported it.`
      : `You already reported ${number} completed on ${on}, and it is ${standing.status === 'pending' ? 'waiting to be confirmed' : 'confirmed'}.`;
  return new DomainError('CONFLICT', message, { courseNumber: message });
};

/**
 * A candidate reports a completed approved course, with a proof, for the provider to confirm. Every
 * field is checked at once so the form shows every problem; the proof is judged by its content.
 */
export async function submitCompletionClaim(ctx: Ctx, input: ClaimInput): Promise<CompletionRow> {
  const user = requireCandidate(ctx);
  const application = await claimantApplication(ctx.db, user.userId);
  const max = ctx.config.maxUploadBytes;
  const errors: FieldErrors = {};
  const parsed = claimFieldsSchema.safeParse({
    courseNumber: input.courseNumber ?? '',
    completedOn: input.completedOn ?? '',
    note: typeof input.note === 'string' ? input.note : undefined,
  });
  if (!parsed.success) Object.assign(errors, fieldErrorsFrom(parsed.error));
  const today = ctx.clock.today();
  if (parsed.success && compareDates(parsed.data.completedOn, today) > 0)
    errors.completedOn = 'The completion date cannot be in the future';
  const file = input.file;
  let check: UploadCheck | undefined;
  let tooLarge = false;
  if (!file || (file.bytes.length === 0 && file.fileName === '')) errors.file = NO_FILE;
  else if (file.truncated) {
    tooLarge = true;
    errors.file = payloadTooLarge(max).message;
  } else {
    check = checkUpload(file.bytes, { allowed: PROOF_KINDS, maxBytes: max, declaredName: file.fileName });
    if (!check.ok) {
      tooLarge = check.code === 'TOO_LARGE';
      errors.file = check.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0 || !check?.ok || !file)
    throw new DomainError(
      tooLarge && Object.keys(errors).length === 1 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
      'Some answers need fixing.',
      errors,
    );
  const { courseNumber, completedOn, note } = parsed.data;
  const proof = check;

  try {
    return await transact(ctx, async (w) => {
      const course = await findCourseByNumber(w.tx, courseNumber);
      if (!course) {
        const message = (await courseApplicationNumberExists(w.tx, courseNumber))
          ? `${courseNumber} has not been approved, so completing it does not count toward certification. Only approved courses can be reported.`
          : `We could not find course ${courseNumber}. Check the number in the catalog of approved courses.`;
        throw new DomainError('VALIDATION_FAILED', message, { courseNumber: message });
      }
      if (compareDates(completedOn, course.approvalEndsOn) > 0) {
        const message = `The approval of ${courseNumber} ended on ${formatCalendarDate(course.approvalEndsOn)}. Only completions on or before that day can be reported.`;
        throw new DomainError('VALIDATION_FAILED', message, { completedOn: message });
      }
      const standing = await findStandingCompletion(w.tx, {
        courseId: course.id,
        candidateId: user.userId,
        completedOn,
      });
      if (standing) throw duplicate(courseNumber, completedOn, standing);

      const now = ctx.clock.now();
      const id = uuidv7(now.getTime());
      const store = proofBlobStore(ctx.config);
      const stored = await store.put(proofBlobKey(user.userId, id), file.bytes, {
        contentType: proof.type.mime,
        maxBytes: max,
      });
      try {
        const row = await insertClaim(w.tx, {
          id,
          courseId: course.id,
          candidateId: user.userId,
          completedOn,
          // A claim is a report of a passed course: a candidate does not claim a course they failed.
          passed: true,
          source: 'claim',
          status: 'pending',
          proofBlobKey: stored.key,
          proofFileName: proof.fileName,
          proofMime: proof.type.mime,
          proofSize: stored.size,
          proofSha256: stored.sha256,
          claimNote: note,
          createdBy: user.userId,
          createdAt: now,
        });
        await w.audit({
          action: 'completion_claim.submitted',
          subjectType: 'course_completion',
          subjectId: id,
          after: {
            courseId: course.id,
            courseNumber,
            completedOn,
            status: 'pending',
            proof: {
              fileName: proof.fileName,
              mime: proof.type.mime,
              size: stored.size,
              sha256: stored.sha256,
            },
          },
        });
        // One after the other: a transaction is one connection, which runs one query at a time.
        const candidate = await findUserById(w.tx, user.userId);
        const provider = await findProvider(w.tx, course.providerId);
        const members = await memberEmails(w.tx, course.providerId);
        const facts = {
          courseNumber,
          courseTitle: course.title,
          providerName: provider?.name ?? 'The provider',
          completedOn,
        };
        const base = ctx.config.baseUrl;
        for (const member of members) {
          if (member.email === candidate?.email) continue;
          await w.mail(
            claimMails.received(member, {
              ...facts,
              candidateName: candidate?.displayName ?? user.displayName,
              applicationNumber: application.number,
              note,
              link: `${base}/provider/claims/${id}`,
            }),
          );
        }
        if (candidate)
          await w.mail(claimMails.acknowledged(candidate, { ...facts, link: `${base}/completions` }));
        return row;
      } catch (error) {
        await store.delete(stored.key).catch(() => {});
        throw error;
      }
    });
  } catch (err) {
    // Two reports of the same completion at once: the unique index refuses the second.
    if (isUniqueViolation(err, 'course_completions_once_uq'))
      throw duplicate(courseNumber, completedOn, { status: 'pending', source: 'claim' });
    throw err;
  }
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (name === undefined || name === constraint)) return true;
  }
  return false;
}
