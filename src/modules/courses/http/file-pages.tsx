import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatMoney } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { sendBlob } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireUser } from '../../accounts/access.js';
import { feeFor } from '../../policy/policy.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { courseFeeName, coursePolicyFee } from '../fees.js';
import { courseBlobStore } from '../files.js';
import { removeCourseFile } from '../use-cases/remove-course-file.js';
import { startCourseCheckout } from '../use-cases/start-course-checkout.js';
import { submitCourseApplication } from '../use-cases/submit-course-application.js';
import { uploadCourseFile } from '../use-cases/upload-course-file.js';
import {
  type CourseApplicationView,
  findCourseFileForViewer,
  viewCourseApplication,
} from '../use-cases/view-course-application.js';
import { CheckPage } from '../views/check-page.js';
import { FilesPage } from '../views/files-page.js';
import { uploadFrom } from './multipart.js';
import { fieldErrorsOf, fileParams, idParams, seeOther } from './page-helpers.js';

const hide = { hide: true };

/** Files (upload, download, remove), check your answers, submit and pay. */
export function registerCourseFilePages(app: App) {
  const filesPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    v: CourseApplicationView,
    kind?: string,
    errors?: FieldErrors,
    status = 400,
  ) =>
    sendPage(
      req,
      reply,
      { title: 'Syllabus and résumés', status: errors ? status : 200 },
      <FilesPage
        base={`/provider/courses/${v.application.id}`}
        title={v.application.title ?? 'New course application'}
        files={v.files}
        editable={v.editable}
        csrfToken={req.csrfToken()}
        maxBytes={req.server.services.config.maxUploadBytes}
        kind={kind}
        errors={errors}
      />,
    );

  app.get('/provider/courses/:id/files', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    filesPage(req, reply, await viewCourseApplication(ctxFrom(req), req.params.id)),
  );
  app.post('/provider/courses/:id/files', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    const upload = uploadFrom(req);
    try {
      const row = await uploadCourseFile(ctxFrom(req), req.params.id, upload);
      return seeOther(reply, `/provider/courses/${req.params.id}/files`, `${row.fileName} uploaded.`);
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      const v = await viewCourseApplication(ctxFrom(req), req.params.id);
      return filesPage(
        req,
        reply,
        v,
        typeof upload.kind === 'string' ? upload.kind : undefined,
        shown.errors,
        shown.status,
      );
    }
  });
  app.get(
    '/provider/courses/:id/files/:fileId',
    { schema: { ...hide, params: fileParams } },
    async (req, reply) => {
      const file = await findCourseFileForViewer(ctxFrom(req), req.params.id, req.params.fileId);
      return sendBlob(reply, courseBlobStore(req.server.services.config), {
        key: file.blobKey,
        mime: file.mime,
        fileName: file.fileName,
      });
    },
  );
  app.post(
    '/provider/courses/:id/files/:fileId/remove',
    { schema: { ...hide, params: fileParams } },
    async (req, reply) => {
      const removed = await removeCourseFile(ctxFrom(req), req.params.id, req.params.fileId);
      return seeOther(reply, `/provider/courses/${req.params.id}/files`, `${removed.fileName} removed.`);
    },
  );

  const checkPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, status = 422) => {
    const ctx = ctxFrom(req);
    const id = (req.params as { id: string }).id;
    const [v, { policy }] = await Promise.all([viewCourseApplication(ctx, id), getActiveProgramData(ctx)]);
    return sendPage(
      req,
      reply,
      {
        title: v.application.status === 'draft' ? 'Check your answers' : 'Course application',
        status: errors ? status : 200,
      },
      <CheckPage
        v={v}
        csrfToken={req.csrfToken()}
        feeAmount={formatMoney(feeFor(policy.policy, coursePolicyFee(v.application), false))}
        userId={requireUser(req.actor).userId}
        errors={errors}
      />,
    );
  };
  app.get('/provider/courses/:id/check', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    checkPage(req, reply),
  );
  app.post('/provider/courses/:id/submit', { schema: { ...hide, params: idParams } }, async (req, reply) => {
    try {
      const { application, alreadySubmitted } = await submitCourseApplication(ctxFrom(req), req.params.id);
      return seeOther(
        reply,
        `/provider/courses/${application.id}/check`,
        alreadySubmitted
          ? `This course application was already submitted as ${application.number}.`
          : `Course application ${application.number} submitted. Pay the ${courseFeeName(application)} to send it for evaluation.`,
      );
    } catch (err) {
      const shown = fieldErrorsOf(err);
      if (!shown) throw err;
      return checkPage(req, reply, shown.errors, shown.status);
    }
  });
  app.post(
    '/provider/courses/:id/checkout',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const { url } = await startCourseCheckout(ctxFrom(req), req.params.id);
      return seeOther(reply, url);
    },
  );
}
