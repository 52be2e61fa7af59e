import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { courseApplicationForChange, requireDraft } from '../access.js';
import { courseBlobStore } from '../files.js';
import { type CourseFileRow, deleteCourseFile, findCourseFile } from '../repository.js';

/** Take an uploaded file off a draft; the blob goes once the row is gone. */
export async function removeCourseFile(ctx: Ctx, id: string, fileId: string): Promise<CourseFileRow> {
  const removed = await transact(ctx, async (w) => {
    const { application } = await courseApplicationForChange(w.tx, ctx.actor, id);
    const file = UUID_PATTERN.test(fileId) ? await findCourseFile(w.tx, application.id, fileId) : undefined;
    if (!file) throw notFound('That file');
    requireDraft(application);
    await deleteCourseFile(w.tx, file.id);
    await w.audit({
      action: 'course_application.file_removed',
      subjectType: 'course_application',
      subjectId: application.id,
      before: { fileId: file.id, kind: file.kind, fileName: file.fileName, sha256: file.sha256 },
    });
    return file;
  });
  // After commit: if this failed, an unreferenced blob is left, never a row without its blob.
  await courseBlobStore(ctx.config)
    .delete(removed.blobKey)
    .catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not delete a removed course file'));
  return removed;
}
