import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { ctxFrom } from '../../platform/http/ctx.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { renderPage, sendPage } from '../../platform/http/render.js';
import { isShareable } from '../catalog/http/public-cache.js';
import { standings } from './rules/standing.js';
import { getRegistryChoice, setRegistryChoice } from './use-cases/registry-listing.js';
import { registryQuerySchema, searchCertifiedStaff } from './use-cases/search-registry.js';
import { normalizeCertificateNumber, verifyCertificate } from './use-cases/verify-certificate.js';
import { CERTIFICATE_CHANGED_CHANNEL, VerificationCache } from './verification-cache.js';
import { NoCertificationPage, RegistryChoicePage, RegistrySearchPage } from './views/registry-pages.js';
import {
  CertificateNotFoundPage,
  CertificateNumberInvalidPage,
  CertificatePage,
  VerifyStartPage,
} from './views/verification-pages.js';

const PUBLIC_CACHE = 'public, max-age=60';
const publicNote = 'Public: no sign-in needed. Shared caches may keep an answer for a minute.';

const verificationOut = z.object({
  holderName: z.string(),
  number: z.string().describe('Like CLSS-2026-000123'),
  designation: z.string(),
  certifiedOn: z.string().describe('YYYY-MM-DD'),
  validUntil: z.string().describe('YYYY-MM-DD'),
  standing: z.enum(standings),
  sets: z.array(
    z.object({
      id: z.string(),
      code: z.string().nullable(),
      title: z.string(),
      how: z.enum(['course', 'portfolio', 'agreement']),
      achievedOn: z.string(),
    }),
  ),
});

const registryOut = z.object({
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  entries: z.array(
    z.object({
      name: z.string(),
      state: z.string().nullable(),
      number: z.string(),
      standing: z.enum(standings),
      verifyUrl: z.string(),
    }),
  ),
});

const registryChoiceOut = z.object({
  listed: z.boolean(),
  visibleNow: z.boolean(),
  shown: z.object({
    name: z.string(),
    state: z.string().nullable(),
    number: z.string(),
    standing: z.enum(standings),
  }),
});

const listedForm = z.object({
  listed: z.enum(['yes', 'no'], 'Choose whether to be listed in the registry'),
});

const isCode = (e: unknown, code: string) => e instanceof DomainError && e.code === code;

/** Certificate checks and the registry of certified staff (public), and the holder's registry choice. */
/**
 * Up to this many certificates are kept for verification per process (about 0.5 KB each, so some
 * 50 MB at most): the whole register of a large program.
 */
const VERIFICATION_CACHE_ENTRIES = 100_000;
/** Whole pages for anonymous visitors (some 7 KB each, so some 70 MB at most). */
const VERIFICATION_PAGE_COPIES = 10_000;

export function registerCertificationPublicRoutes(app: App): void {
  const cache = new VerificationCache(VERIFICATION_CACHE_ENTRIES, VERIFICATION_PAGE_COPIES);
  let stopListening: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    const listen = app.services.listen;
    if (!listen) return;
    try {
      stopListening = await listen(
        CERTIFICATE_CHANGED_CHANNEL,
        (candidateId) => cache.changed(candidateId),
        (listening) => cache.reset(listening),
      );
      cache.reset(true);
    } catch (err) {
      // Verification still works, from the database every time.
      app.log.warn({ err }, 'certificate changes cannot be heard: verification is not cached');
    }
  });
  app.addHook('onClose', async () => {
    await stopListening?.();
  });
  app.get('/verify', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query as { number?: unknown }).number;
    if (typeof raw !== 'string')
      return sendPage(
        req,
        reply,
        { title: 'Check a certificate' },
        <VerifyStartPage csrfToken={req.csrfToken()} />,
      );
    const number = normalizeCertificateNumber(raw);
    if (number) return reply.redirect(`/verify/${number}`, 303);
    return sendPage(
      req,
      reply,
      { title: 'Check a certificate', status: 400 },
      <CertificateNumberInvalidPage value={raw.slice(0, 60)} />,
    );
  });

  app.get('/verify/:number', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.params as { number: string }).number;
    try {
      const ctx = ctxFrom(req);
      // Anonymous visitors at the number's own address all get the same bytes, kept with the record.
      const shared = isShareable(req) && normalizeCertificateNumber(raw) === raw;
      const today = ctx.clock.today();
      let copy = shared ? cache.page(raw, today) : undefined;
      if (!copy) {
        const stamp = cache.stamp();
        const c = await verifyCertificate(ctx, raw, cache);
        const options = { title: `Certificate ${c.number}` };
        if (!shared) return sendPage(req, reply, options, <CertificatePage c={c} />);
        const body = renderPage(req, options, <CertificatePage c={c} />);
        copy = { today, body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
        cache.storePage(raw, copy, stamp);
      }
      reply.header('vary', 'Cookie').header('etag', copy.etag).header('cache-control', PUBLIC_CACHE);
      if (req.headers['if-none-match'] === copy.etag) return reply.status(304).send();
      return reply.type('text/html; charset=utf-8').send(copy.body);
    } catch (e) {
      if (isCode(e, 'VALIDATION_FAILED'))
        return sendPage(
          req,
          reply,
          { title: 'Check a certificate', status: 400 },
          <CertificateNumberInvalidPage value={raw.slice(0, 60)} />,
        );
      if (isCode(e, 'NOT_FOUND'))
        return sendPage(
          req,
          reply,
          { title: 'Certificate not found', status: 404 },
          <CertificateNotFoundPage number={normalizeCertificateNumber(raw) ?? raw} />,
        );
      throw e;
    }
  });

  app.get(
    '/api/v1/verifications/:number',
    {
      schema: {
        tags: ['Verification'],
        summary: 'Check a certificate by its number',
        description: `${publicNote} A number not in the form CLSS-YYYY-NNNNNN answers 400; an unknown one 404. Shows only what the certificate shows.`,
        security: [],
        params: z.object({ number: z.string().max(60).describe('Like CLSS-2026-000123') }),
        response: { 200: verificationOut },
      },
    },
    async (req, reply) => {
      const c = await verifyCertificate(ctxFrom(req), req.params.number, cache);
      reply.header('cache-control', PUBLIC_CACHE);
      return c;
    },
  );

  app.get('/registry', { schema: { hide: true } }, async (req, reply) => {
    const values = formValues(req.query);
    const parsed = parseForm(registryQuerySchema, req.query);
    if (!parsed.ok)
      return sendPage(
        req,
        reply,
        { title: 'Registry of certified staff', status: 400 },
        <RegistrySearchPage values={values} errors={parsed.errors} />,
      );
    const result = await searchCertifiedStaff(ctxFrom(req), parsed.data);
    return sendPage(
      req,
      reply,
      { title: 'Registry of certified staff' },
      <RegistrySearchPage values={values} result={result} />,
    );
  });

  app.get(
    '/api/v1/registry',
    {
      schema: {
        tags: ['Verification'],
        summary: 'Search the registry of certified staff (20 a page)',
        description: `${publicNote} Only holders who chose to be listed and whose certification is valid, provisional or in its renewal grace. Ordered by family name.`,
        security: [],
        querystring: registryQuerySchema,
        response: { 200: registryOut },
      },
    },
    async (req, reply) => {
      const r = await searchCertifiedStaff(ctxFrom(req), req.query);
      reply.header('cache-control', PUBLIC_CACHE);
      return {
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        entries: r.entries.map((e) => ({ ...e, verifyUrl: `/api/v1/verifications/${e.number}` })),
      };
    },
  );

  app.get('/certification/registry', { schema: { hide: true } }, async (req, reply) => {
    try {
      const choice = await getRegistryChoice(ctxFrom(req));
      return sendPage(
        req,
        reply,
        { title: 'The public registry' },
        <RegistryChoicePage choice={choice} csrfToken={req.csrfToken()} />,
      );
    } catch (e) {
      if (isCode(e, 'INVALID_STATE'))
        return sendPage(req, reply, { title: 'The public registry' }, <NoCertificationPage />);
      throw e;
    }
  });

  app.post('/certification/registry', { schema: { hide: true } }, async (req, reply) => {
    const ctx = ctxFrom(req);
    const parsed = parseForm(listedForm, req.body);
    try {
      if (!parsed.ok) {
        const choice = await getRegistryChoice(ctx);
        return sendPage(
          req,
          reply,
          { title: 'The public registry', status: 400 },
          <RegistryChoicePage choice={choice} csrfToken={req.csrfToken()} error={parsed.errors.listed} />,
        );
      }
      const choice = await setRegistryChoice(ctx, parsed.data.listed === 'yes');
      reply.flash(
        choice.listed
          ? 'Saved: you are listed in the public registry of certified staff.'
          : 'Saved: you are not listed in the public registry.',
      );
      return reply.redirect('/certification/registry', 303);
    } catch (e) {
      if (isCode(e, 'INVALID_STATE'))
        return sendPage(req, reply, { title: 'The public registry', status: 409 }, <NoCertificationPage />);
      throw e;
    }
  });

  app.put(
    '/api/v1/me/certification/registry',
    {
      schema: {
        tags: ['Verification'],
        summary: 'Choose whether to be listed in the public registry',
        description:
          'For the signed-in holder of a certification. Someone without a certification gets 409 (code INVALID_STATE).',
        body: z.object({ listed: z.boolean() }),
        response: { 200: registryChoiceOut },
      },
    },
    async (req) => setRegistryChoice(ctxFrom(req), req.body.listed),
  );

  app.get(
    '/api/v1/me/certification/registry',
    {
      schema: {
        tags: ['Verification'],
        summary: 'My choice about the public registry, and what it shows about me',
        response: { 200: registryChoiceOut },
      },
    },
    async (req) => getRegistryChoice(ctxFrom(req)),
  );
}
