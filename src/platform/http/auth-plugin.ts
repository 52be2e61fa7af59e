import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { needsMfa } from '../../modules/accounts/access.js';
import { findLiveSession, findTokenOwner } from '../../modules/accounts/sessions-repository.js';
import { hmac, newSecretToken, safeEqual, sha256Hex } from '../auth/tokens.js';
import { type Actor, roles as knownRoles, type Role } from '../context.js';
import { DomainError } from '../errors.js';

export const SESSION_COOKIE = 'lssc_session';
const ANON_COOKIE = 'lssc_anon';
const FLASH_COOKIE = 'lssc_flash';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token for forms on this page (binds to the session, or to an anonymous cookie). */
    csrfToken(): string;
    takeFlash(): string | undefined;
  }
  interface FastifyReply {
    startSession(cookieValue: string): FastifyReply;
    endSession(): FastifyReply;
    flash(message: string): FastifyReply;
  }
}

function toActor(
  row: {
    userId: string;
    email: string;
    displayName: string;
    roles: string[];
    emailVerifiedAt: Date | null;
    totpEnabledAt: Date | null;
  },
  via: 'session' | 'token',
  extra: { sessionId?: string; mfaVerified: boolean },
): Actor {
  const roles = row.roles.filter((r): r is Role => (knownRoles as readonly string[]).includes(r));
  return {
    kind: 'user',
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    roles,
    emailVerified: row.emailVerifiedAt !== null,
    mfaEnrolled: row.totpEnabledAt !== null,
    mfaVerified: extra.mfaVerified || (!needsMfa(roles) && row.totpEnabledAt === null),
    via,
    ...(extra.sessionId ? { sessionId: extra.sessionId } : {}),
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function authPlugin(
  app: FastifyInstance,
  opts: { secret: string; secureCookies: boolean; csrfExempt: (url: string) => boolean },
) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies };

  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', function csrfToken(this: FastifyRequest) {
    const binding = csrfBinding(this);
    return hmac(opts.secret, `csrf:${binding}`);
  });
  app.decorateRequest('takeFlash', function takeFlash(this: FastifyRequest) {
    const raw = this.cookies[FLASH_COOKIE];
    if (!raw) return undefined;
    const unsigned = this.unsignCookie(raw);
    (this as unknown as { _clearFlash: boolean })._clearFlash = true;
    return unsigned.valid && unsigned.value ? unsigned.value.slice(0, 300) : undefined;
  });
  app.decorateReply('startSession', function startSession(this: FastifyReply, cookieValue: string) {
    return this.setCookie(SESSION_COOKIE, cookieValue, { ...cookieOptions, maxAge: 7 * 24 * 3600 });
  });
  app.decorateReply('endSession', function endSession(this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, cookieOptions);
  });
  app.decorateReply('flash', function flash(this: FastifyReply, message: string) {
    return this.setCookie(FLASH_COOKIE, message, { ...cookieOptions, signed: true, maxAge: 60 });
  });

  /** Anonymous visitors get a random cookie the first time a form needs a CSRF token. */
  function csrfBinding(req: FastifyRequest): string {
    if (req.actor.kind === 'user' && req.actor.sessionId) return `s:${req.actor.sessionId}`;
    let anon = req.cookies[ANON_COOKIE];
    if (!anon || anon.length < 20) {
      anon = newSecretToken(18);
      req.cookies[ANON_COOKIE] = anon;
      (req as unknown as { _newAnon: string })._newAnon = anon;
    }
    return `a:${anon}`;
  }

  app.addHook('onRequest', async (req) => {
    const { db, clock } = req.server.services;
    req.actor = { kind: 'anonymous' };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && req.url.startsWith('/api/')) {
      const owner = await findTokenOwner(db, sha256Hex(auth.slice(7).trim()), clock.now());
      if (!owner) throw new DomainError('UNAUTHENTICATED', 'The access token is not valid.');
      req.actor = toActor(owner, 'token', { mfaVerified: true });
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const sessionId = sha256Hex(cookie);
      const row = await findLiveSession(db, sessionId, clock.now());
      if (row) req.actor = toActor(row, 'session', { sessionId, mfaVerified: row.mfaVerifiedAt !== null });
    }
  });

  // CSRF: every unsafe request authenticated by cookie (or anonymous form) must carry the token.
  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method) || opts.csrfExempt(req.url)) return;
    if (req.actor.kind === 'user' && req.actor.via === 'token') return;
    const body = req.body as Record<string, unknown> | undefined;
    const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? req.headers['x-csrf-token'];
    if (
      typeof sent !== 'string' ||
      !safeEqual(sent, req.csrfToken()) ||
      (req as unknown as { _newAnon?: string })._newAnon
    ) {
      throw new DomainError(
        'CSRF_INVALID',
        'This form has expired. Please go back, reload the page and try again.',
      );
    }
  });

  app.addHook('onSend', async (req, reply) => {
    const fresh = (req as unknown as { _newAnon?: string })._newAnon;
    if (fresh) reply.setCookie(ANON_COOKIE, fresh, { ...cookieOptions, maxAge: 24 * 3600 });
    if (
      (req as unknown as { _clearFlash?: boolean })._clearFlash &&
      !reply.getHeader('set-cookie')?.toString().includes(FLASH_COOKIE)
    ) {
      reply.clearCookie(FLASH_COOKIE, cookieOptions);
    }
  });
}

export default fp(authPlugin, { name: 'lssc-auth', dependencies: ['@fastify/cookie'] });
