import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { contentDisposition } from '../../../platform/files/downloads.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { isUploadedPart } from '../../courses/http/multipart.js';
import { programOffice } from '../../policy/program-office.js';
import { standings } from '../rules/standing.js';
import { publishedAchievement } from './achievements.js';
import { issuerProfile, statusPurposes } from './build-credential.js';
import {
  type CredentialFile,
  getCredentialForStaff,
  getMyCredential,
  listCredentialsForStaff,
  listMyCredentials,
} from './holder-credentials.js';
import { signingKey } from './signing-key.js';
import { statusListCredential } from './status-list-credential.js';
import {
  asCredential,
  MAX_CREDENTIAL_BYTES,
  parseCredentialFile,
  verifyCredentialFile,
} from './verify-credential-file.js';
import { CredentialResultPage, CredentialUploadPage } from './views.js';

const hide = { hide: true };
const PUBLIC_CACHE = 'public, max-age=300';
const LD_JSON = 'application/ld+json; charset=utf-8';

const credentialSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(['certification', 'set']),
  setId: z.string().nullable(),
  name: z.string(),
  validFrom: z.string().describe('YYYY-MM-DD'),
  validUntil: z.string().describe('YYYY-MM-DD'),
  fileName: z.string(),
  url: z.string().describe('The signed credential (JSON-LD)'),
});

const credentialCheckOut = z.object({
  signatureValid: z.boolean(),
  issuedByThisProgram: z.boolean(),
  summary: z.string(),
  reason: z.string().nullable(),
  name: z.string().nullable(),
  kind: z.enum(['certification', 'set']).nullable(),
  status: z.object({ revocation: z.boolean().nullable(), suspension: z.boolean().nullable() }),
  standing: z.enum(standings).nullable(),
  certificate: z
    .object({
      holderName: z.string(),
      number: z.string(),
      certifiedOn: z.string(),
      validUntil: z.string(),
      sets: z.array(z.object({ id: z.string(), code: z.string().nullable(), title: z.string() })),
    })
    .nullable(),
});

/** A credential as a file to save, never rendered on our origin, never kept by shared caches. */
function sendCredential(reply: FastifyReply, file: CredentialFile) {
  return reply
    .header('Content-Type', LD_JSON)
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(JSON.stringify(file.document, null, 2));
}

const withUrls = (list: Awaited<ReturnType<typeof listMyCredentials>>) =>
  list.map((c) => ({ ...c, url: `/api/v1/me/credentials/${c.id}` }));

/** Issuer profile, keys and status lists (public), the holder's downloads, and checking a credential file. */
export function registerCredentialRoutes(app: App): void {
  app.get('/credentials/issuer', { schema: hide }, async (req, reply) => {
    const { config } = req.server.services;
    const key = await signingKey(config);
    reply.header('Content-Type', LD_JSON).header('Cache-Control', PUBLIC_CACHE);
    return JSON.stringify({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      ...issuerProfile(key.did, config.baseUrl, programOffice),
    });
  });

  app.get('/.well-known/did.json', { schema: hide }, async (req, reply) => {
    const key = await signingKey(req.server.services.config);
    reply.header('Content-Type', 'application/did+json').header('Cache-Control', PUBLIC_CACHE);
    return JSON.stringify(key.didDocument);
  });

  app.get('/.well-known/jwks.json', { schema: hide }, async (req, reply) => {
    const key = await signingKey(req.server.services.config);
    reply.header('Content-Type', 'application/jwk-set+json').header('Cache-Control', PUBLIC_CACHE);
    return JSON.stringify({ keys: [key.publicJwk] });
  });

  app.get(
    '/credentials/status/:purpose',
    { schema: { ...hide, params: z.object({ purpose: z.enum(statusPurposes) }) } },
    async (req, reply) => {
      const list = await statusListCredential(ctxFrom(req), req.params.purpose);
      // Verifiers must see a suspension at once: no shared caching.
      reply.header('Content-Type', LD_JSON).header('Cache-Control', 'no-cache');
      return JSON.stringify(list);
    },
  );

  app.get('/credentials/achievements/clss', { schema: hide }, async (req, reply) => {
    reply.header('Content-Type', LD_JSON).header('Cache-Control', PUBLIC_CACHE);
    return JSON.stringify(await publishedAchievement(ctxFrom(req), 'certification'));
  });

  app.get(
    '/credentials/achievements/:frameworkId/:setId',
    { schema: { ...hide, params: z.object({ frameworkId: z.string().max(64), setId: z.string().max(64) }) } },
    async (req, reply) => {
      reply.header('Content-Type', LD_JSON).header('Cache-Control', PUBLIC_CACHE);
      return JSON.stringify(await publishedAchievement(ctxFrom(req), req.params));
    },
  );

  app.get(
    '/api/v1/me/credentials',
    {
      schema: {
        tags: ['certification'],
        summary: 'Your digital credentials (Open Badges 3.0)',
        description:
          'The signed-in holder’s credentials: one for the certification and one for each competency set achieved. Signed on first request if not yet issued. Empty when not certified.',
        response: { 200: z.object({ credentials: z.array(credentialSummaryOut) }) },
      },
    },
    async (req) => ({ credentials: withUrls(await listMyCredentials(ctxFrom(req))) }),
  );

  app.get(
    '/api/v1/me/credentials/:id',
    {
      schema: {
        tags: ['certification'],
        summary: 'One of your credentials, as signed (JSON-LD)',
        description:
          'An OpenBadgeCredential with a DataIntegrityProof (eddsa-rdfc-2022). 404 for a credential that is not yours.',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: z.looseObject({}).describe('The verifiable credential') },
      },
    },
    async (req, reply) => sendCredential(reply, await getMyCredential(ctxFrom(req), req.params.id)),
  );

  app.get(
    '/certification/credentials/:id',
    { schema: { ...hide, params: z.object({ id: z.string().max(64) }) } },
    async (req, reply) => sendCredential(reply, await getMyCredential(ctxFrom(req), req.params.id)),
  );

  app.get(
    '/staff/certifications/:id/credentials',
    { schema: { ...hide, params: z.object({ id: z.string().max(64) }) } },
    async (req) => ({ credentials: await listCredentialsForStaff(ctxFrom(req), req.params.id) }),
  );

  app.get(
    '/staff/certifications/:id/credentials/:credentialId',
    { schema: { ...hide, params: z.object({ id: z.string().max(64), credentialId: z.string().max(64) }) } },
    async (req, reply) =>
      sendCredential(
        reply,
        await getCredentialForStaff(ctxFrom(req), req.params.id, req.params.credentialId),
      ),
  );

  app.get('/verify/credential', { schema: hide }, async (req, reply) =>
    sendPage(
      req,
      reply,
      { title: 'Check a digital credential' },
      <CredentialUploadPage csrfToken={req.csrfToken()} />,
    ),
  );

  app.post('/verify/credential', { schema: hide }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const file = (req.body as Record<string, unknown> | undefined)?.file;
    try {
      if (!isUploadedPart(file) || file.bytes.length === 0)
        throw new DomainError('VALIDATION_FAILED', 'Choose a credential file.', {
          file: 'Choose a credential file.',
        });
      const result = await verifyCredentialFile(ctx, parseCredentialFile(file.bytes, file.truncated), {
        ip: req.ip,
      });
      return sendPage(
        req,
        reply,
        { title: result.signatureValid ? 'Credential checked' : 'Credential not valid' },
        <CredentialResultPage r={result} csrfToken={req.csrfToken()} />,
      );
    } catch (e) {
      if (!(e instanceof DomainError) || !e.fields?.file) throw e;
      return sendPage(
        req,
        reply,
        {
          title: 'Check a digital credential',
          status: e.code === 'PAYLOAD_TOO_LARGE' ? 413 : e.code === 'RATE_LIMITED' ? 429 : 400,
        },
        <CredentialUploadPage csrfToken={req.csrfToken()} error={e.fields.file} />,
      );
    }
  });

  app.post(
    '/api/v1/verifications/credential',
    {
      bodyLimit: MAX_CREDENTIAL_BYTES,
      schema: {
        tags: ['Verification'],
        summary: 'Check a digital credential',
        description:
          'Public: no sign-in, no CSRF token. The body is the credential (JSON) as downloaded. Answers whether the signature is the program’s and intact, and the standing today. A body that is not a verifiable credential answers 400; over 64 KB, 413.',
        security: [],
        body: z.looseObject({}).describe('The verifiable credential'),
        response: { 200: credentialCheckOut },
      },
    },
    async (req) => verifyCredentialFile(ctxFrom(req), asCredential(req.body), { ip: req.ip }),
  );
}
