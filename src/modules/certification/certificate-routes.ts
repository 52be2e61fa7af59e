import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../platform/files/downloads.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import {
  type CertificateFile,
  downloadCertificateForStaff,
  downloadMyCertificate,
} from './use-cases/download-certificate.js';

const hide = { hide: true };

/** A download, never shown inline on our origin, and kept out of shared caches (it names a person). */
function sendCertificate(reply: FastifyReply, file: CertificateFile) {
  return reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(file.bytes));
}

/** The printable certificate: for its holder (page and API) and for program staff. */
export function registerCertificateRoutes(app: App): void {
  // Suspended or revoked: the error page (409) says so in the use case's words.
  app.get('/certification/certificate.pdf', { schema: hide }, async (req, reply) =>
    sendCertificate(reply, await downloadMyCertificate(ctxFrom(req))),
  );
  app.get(
    '/api/v1/me/certification/certificate.pdf',
    {
      schema: {
        tags: ['certification'],
        summary: 'Your certificate as a PDF file',
        description:
          'The signed-in candidate’s own certificate (US Letter, landscape), with a QR code of its verification address. 404 when not certified; 409 while suspended or once revoked.',
        response: { 200: z.string().meta({ format: 'binary' }).describe('The certificate (PDF)') },
      },
    },
    async (req, reply) => sendCertificate(reply, await downloadMyCertificate(ctxFrom(req))),
  );
  app.get(
    '/staff/certifications/:id/certificate.pdf',
    { schema: { ...hide, params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) =>
      sendCertificate(reply, await downloadCertificateForStaff(ctxFrom(req), req.params.id)),
  );
}
