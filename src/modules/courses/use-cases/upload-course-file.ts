import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { payloadTooLarge } from '../../../platform/files/blob-store.js';
import { checkUpload } from '../../../platform/files/file-type.js';
import { uuidv7 } from '../../../platform/ids.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { blobKeyFor, COURSE_FILE_KINDS, courseBlobStore } from '../files.js';
import { courseFileKindSchema } from '../forms.js';
import { type CourseFileRow, insertCourseFile } from '../repository.js';

export interface UploadInput {
  kind: unknown;
  /** Null when no file was chosen. */
  file: { fileName: string; bytes: Uint8Array; truncated: boolean } | null;
}

const fileProblem = (code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE', message: string) =>
  new DomainError(code, message, { file: message });

/**
 * A syllabus or an instructor's résumé: PDF, Word or text, judged by its content (a program renamed
 * .pdf is refused), no larger than the upload limit. The bytes go to the blob store, a row records them.
 */
export async function uploadCourseFile(ctx: Ctx, id: string, input: UploadInput): Promise<CourseFileRow> {
  const parsedKind = courseFileKindSchema.safeParse(input.kind);
  const max = ctx.config.maxUploadBytes;
  return transact(ctx, async (w) => {
    const { user, application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    requireDraft(application);
    if (!parsedKind.success) {
      const message = 'Choose whether this is the syllabus or an instructor’s résumé';
      throw new DomainError('VALIDATION_FAILED', `${message}.`, { kind: message });
    }
    const kind = parsedKind.data;
    const file = input.file;
    if (!file || (file.bytes.length === 0 && file.fileName === ''))
      throw fileProblem('VALIDATION_FAILED', 'Choose a file to upload.');
    if (file.truncated) throw fileProblem('PAYLOAD_TOO_LARGE', payloadTooLarge(max).message);
    const check = checkUpload(file.bytes, {
      allowed: COURSE_FILE_KINDS,
      maxBytes: max,
      declaredName: file.fileName,
    });
    if (!check.ok)
      throw fileProblem(
        check.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
        check.message,
      );

    const now = ctx.clock.now();
    const fileId = uuidv7(now.getTime());
    const store = courseBlobStore(ctx.config);
    const stored = await store.put(blobKeyFor(application.id, fileId), file.bytes, {
      contentType: check.type.mime,
      maxBytes: max,
    });
    try {
      const row: CourseFileRow = {
        id: fileId,
        applicationId: application.id,
        kind,
        blobKey: stored.key,
        fileName: check.fileName,
        mime: check.type.mime,
        size: stored.size,
        sha256: stored.sha256,
        uploadedBy: user.userId,
        uploadedAt: now,
      };
      await insertCourseFile(w.tx, row);
      await w.audit({
        action: 'course_application.file_uploaded',
        subjectType: 'course_application',
        subjectId: application.id,
        after: { fileId, kind, fileName: row.fileName, mime: row.mime, size: row.size, sha256: row.sha256 },
      });
      return row;
    } catch (error) {
      await store.delete(stored.key).catch(() => {});
      throw error;
    }
  });
}
