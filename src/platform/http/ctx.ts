import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';

/** The use-case context for this request: the app's services, the actor, the request id. */
export function ctxFrom(req: FastifyRequest): Ctx {
  return { ...req.server.services, actor: req.actor, requestId: req.id };
}
