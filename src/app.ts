import { randomUUID } from 'node:crypto';
import path from 'node:path';
import qs from 'node:querystring';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAccountsRoutes } from './modules/accounts/routes.js';
import { registerAgreementsRoutes } from './modules/agreements/routes.js';
import { registerApplicationsRoutes } from './modules/applications/routes.js';
import { registerCandidatesRoutes } from './modules/candidates/routes.js';
import { registerCatalogRoutes } from './modules/catalog/routes.js';
import { registerCertificateRoutes } from './modules/certification/certificate-routes.js';
import { registerCertificationPublicRoutes } from './modules/certification/public-routes.js';
import { registerCertificationRoutes } from './modules/certification/routes.js';
import { registerCompletionClaimRoutes } from './modules/completions/http/claim-routes.js';
import { registerRosterRoutes } from './modules/completions/roster-routes.js';
import { registerCoursesRoutes } from './modules/courses/routes.js';
import { registerInstitutionsRoutes } from './modules/institutions/routes.js';
import { registerPaymentsRoutes } from './modules/payments/routes.js';
import { registerPolicyRoutes } from './modules/policy/routes.js';
import { registerPortfolioEvaluatorRoutes } from './modules/portfolios/http/evaluator-routes.js';
import { registerPortfolioStaffRoutes } from './modules/portfolios/http/prereview-routes.js';
import { registerPortfolioCandidateRoutes } from './modules/portfolios/routes.js';
import { registerProvidersRoutes } from './modules/providers/routes.js';
import { registerSiteRoutes } from './modules/site/routes.js';
import { registerStaffRoutes } from './modules/staff/routes.js';
import type { Services } from './platform/context.js';
import { registerApiDocs } from './platform/http/api-docs.js';
import type { App } from './platform/http/app-type.js';
import authPlugin from './platform/http/auth-plugin.js';
import { registerErrorHandling } from './platform/http/errors.js';
import { registerOpsRoutes } from './platform/http/ops-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public');

export interface AppOptions {
  services: Services;
  /** Secret for CSRF tokens and signed cookies. */
  secret: string;
  /** Readiness: is the database answering? */
  ready?: () => Promise<boolean>;
}

/** Build the whole application; listening and shutdown belong to server.ts. */
export type { App };

export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, log } = opts.services;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.env === 'production',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', opts.services);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers are personal unless a route says otherwise: never kept by shared caches.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(formbody, { bodyLimit: config.bodyLimitBytes, parser: (s) => qs.parse(s) });
  await app.register(multipart, {
    // Fields become plain strings in the body (so the CSRF check reads _csrf); a file becomes
    // { fileName, mime, bytes, truncated }. A file over the limit is cut off and flagged, and the use case refuses it.
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as unknown as { value: unknown }).value = {
        fileName: part.filename,
        mime: part.mimetype,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
    },
  });
  await app.register(cookie, { secret: opts.secret });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: '1d', index: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lssc API',
        version: '1',
        description:
          'JSON API of the Library Support Staff Certification system. Authenticate with the session cookie ' +
          '(send the CSRF token in X-CSRF-Token on writes) or with a personal access token (Authorization: Bearer …).',
      },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token' },
          session: { type: 'apiKey', in: 'cookie', name: 'lssc_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authPlugin, {
    secret: opts.secret,
    secureCookies: config.baseUrl.startsWith('https://'),
    // The public self-check stores nothing and needs no account, so API clients post to it without a cookie.
    // Public checks that change nothing: anyone may call them from anywhere.
    // Stripe's webhook is authenticated by its signature instead.
    csrfExempt: (url) =>
      [
        '/api/v1/eligibility/self-check',
        '/api/v1/verifications/credential',
        '/api/v1/payments/stripe/webhook',
      ].includes(url.split('?')[0]!),
  });
  registerErrorHandling(app);

  registerOpsRoutes(app, opts.ready ?? (async () => true));
  registerApiDocs(app);
  registerSiteRoutes(app);
  registerPolicyRoutes(app);
  registerAccountsRoutes(app);
  registerApplicationsRoutes(app);
  registerPaymentsRoutes(app);
  registerCandidatesRoutes(app);
  registerStaffRoutes(app);
  registerProvidersRoutes(app);
  registerCoursesRoutes(app);
  registerCatalogRoutes(app);
  registerCertificationPublicRoutes(app);
  registerRosterRoutes(app);
  registerCompletionClaimRoutes(app);
  registerPortfolioStaffRoutes(app);
  registerPortfolioCandidateRoutes(app);
  registerPortfolioEvaluatorRoutes(app);
  registerCertificateRoutes(app);
  registerCertificationRoutes(app);
  registerAgreementsRoutes(app);
  registerInstitutionsRoutes(app);
  await app.ready();
  return app;
}
