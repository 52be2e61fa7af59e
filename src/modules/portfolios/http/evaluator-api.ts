import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import {
  conflictSchema,
  evaluatorProfileSchema,
  poolQuerySchema,
  staffEvaluatorProfileSchema,
} from '../evaluator-forms.js';
import { addEvaluatorConflict } from '../use-cases/add-evaluator-conflict.js';
import { listEvaluatorPool } from '../use-cases/list-evaluator-pool.js';
import { removeEvaluatorConflict } from '../use-cases/remove-evaluator-conflict.js';
import { saveEvaluatorProfile } from '../use-cases/save-evaluator-profile.js';
import { viewEvaluatorProfile } from '../use-cases/view-evaluator-profile.js';
import {
  conflictOf,
  conflictOut,
  poolOf,
  poolOut,
  profileOut,
  profileViewOf,
} from './evaluator-api-schemas.js';

const tags = ['portfolio evaluators'];
const idParams = z.object({ id: z.string().max(64).describe("The evaluator's user id") });
const conflictParams = z.object({ conflictId: z.string().max(64) });
const selfId = (req: FastifyRequest) => (req.actor.kind === 'user' ? req.actor.userId : '');

/** Evaluator profiles and conflicts as JSON: the evaluator's own, and the whole pool for staff. */
export function registerEvaluatorApi(app: App) {
  const own = '/api/v1/evaluator/profile';
  app.get(
    own,
    {
      schema: {
        tags,
        summary: 'Your portfolio evaluator profile and declared conflicts',
        response: { 200: profileOut },
      },
    },
    async (req) => profileViewOf(await viewEvaluatorProfile(ctxFrom(req), selfId(req))),
  );
  app.put(
    own,
    {
      schema: {
        tags,
        summary: 'Save your sets, yearly capacity, training date and library',
        body: evaluatorProfileSchema,
        response: { 200: profileOut },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      await saveEvaluatorProfile(ctx, selfId(req), req.body);
      return profileViewOf(await viewEvaluatorProfile(ctx, selfId(req)));
    },
  );
  app.post(
    `${own}/conflicts`,
    {
      schema: {
        tags,
        summary: 'Declare a library you work for or with, or a person you know',
        body: conflictSchema,
        response: { 201: conflictOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(conflictOf(await addEvaluatorConflict(ctxFrom(req), selfId(req), req.body))),
  );
  app.delete(
    `${own}/conflicts/:conflictId`,
    {
      schema: {
        tags,
        summary: 'Remove one of your declared conflicts',
        params: conflictParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await removeEvaluatorConflict(ctxFrom(req), selfId(req), req.params.conflictId);
      return reply.status(204).send(null);
    },
  );

  const staff = '/api/v1/staff/portfolio-evaluators';
  app.get(
    staff,
    {
      schema: {
        tags,
        summary: 'Everyone with the portfolio evaluator role, by name, with profile and load',
        querystring: poolQuerySchema,
        response: { 200: poolOut },
      },
    },
    async (req) => poolOf(await listEvaluatorPool(ctxFrom(req), req.query)),
  );
  app.get(
    `${staff}/:id`,
    {
      schema: {
        tags,
        summary: "One evaluator's profile and conflicts",
        params: idParams,
        response: { 200: profileOut },
      },
    },
    async (req) => profileViewOf(await viewEvaluatorProfile(ctxFrom(req), req.params.id)),
  );
  app.put(
    `${staff}/:id`,
    {
      schema: {
        tags,
        summary: "Save an evaluator's profile, including whether they take new portfolios",
        params: idParams,
        body: staffEvaluatorProfileSchema,
        response: { 200: profileOut },
      },
    },
    async (req) => {
      const ctx = ctxFrom(req);
      await saveEvaluatorProfile(ctx, req.params.id, req.body);
      return profileViewOf(await viewEvaluatorProfile(ctx, req.params.id));
    },
  );
  app.post(
    `${staff}/:id/conflicts`,
    {
      schema: {
        tags,
        summary: 'Declare a conflict for an evaluator',
        params: idParams,
        body: conflictSchema,
        response: { 201: conflictOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(conflictOf(await addEvaluatorConflict(ctxFrom(req), req.params.id, req.body))),
  );
  app.delete(
    `${staff}/:id/conflicts/:conflictId`,
    {
      schema: {
        tags,
        summary: "Remove one of an evaluator's declared conflicts",
        params: idParams.extend(conflictParams.shape),
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (req, reply) => {
      await removeEvaluatorConflict(ctxFrom(req), req.params.id, req.params.conflictId);
      return reply.status(204).send(null);
    },
  );
}
