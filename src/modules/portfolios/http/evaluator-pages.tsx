import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { profileFromForm } from '../evaluator-forms.js';
import { addEvaluatorConflict } from '../use-cases/add-evaluator-conflict.js';
import { listEvaluatorPool } from '../use-cases/list-evaluator-pool.js';
import { removeEvaluatorConflict } from '../use-cases/remove-evaluator-conflict.js';
import { saveEvaluatorProfile, setEvaluatorActive } from '../use-cases/save-evaluator-profile.js';
import { viewEvaluatorProfile } from '../use-cases/view-evaluator-profile.js';
import { EvaluatorPoolPage } from '../views/evaluator-pool.js';
import { EvaluatorProfilePage } from '../views/evaluator-profile.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });
const conflictParams = z.object({ id: z.string().max(64), conflictId: z.string().max(64) });
type Body = Record<string, string | string[] | undefined>;

const schemaFor = (own: boolean) => ({ schema: own ? hide : { ...hide, params: idParams } });
const bodyOf = (req: FastifyRequest): Body => (req.body ?? {}) as Body;
const fieldErrors = (err: unknown): FieldErrors | undefined =>
  err instanceof DomainError && err.code === 'VALIDATION_FAILED' && err.fields ? err.fields : undefined;
const selfId = (req: FastifyRequest) => (req.actor.kind === 'user' ? req.actor.userId : '');

/**
 * The evaluator's own profile at /evaluator/profile, and the staff pool at
 * /staff/portfolio-evaluators (with every profile editable). Both use the same page and use cases;
 * who may do what is decided in the use cases.
 */
export function registerEvaluatorPages(app: App) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    own: boolean,
    shown?: { values: Body; errors: FieldErrors },
  ) => {
    const v = await viewEvaluatorProfile(ctxFrom(req), userId);
    const title = own ? 'Your evaluator profile' : `Evaluator profile: ${v.evaluator.displayName}`;
    const values = shown
      ? (Object.fromEntries(
          Object.entries(shown.values).filter(([k, x]) => k !== '_csrf' && x !== undefined),
        ) as Record<string, string | string[]>)
      : undefined;
    return sendPage(
      req,
      reply,
      { title, status: shown ? 400 : 200 },
      <EvaluatorProfilePage
        v={v}
        own={own}
        csrfToken={req.csrfToken()}
        values={values}
        errors={shown?.errors}
      />,
    );
  };

  /** The same four actions for one's own profile and for staff on anyone's. */
  const routes = (base: string, userIdOf: (req: FastifyRequest) => string, own: boolean) => {
    const target = (req: FastifyRequest) => userIdOf(req);
    const back = (req: FastifyRequest) => (own ? base : base.replace(':id', target(req)));
    app.get(base, schemaFor(own), async (req, reply) => page(req, reply, target(req), own));
    app.post(base, schemaFor(own), async (req, reply) => {
      const body = bodyOf(req);
      try {
        await saveEvaluatorProfile(ctxFrom(req), target(req), profileFromForm(body, !own));
      } catch (err) {
        const errors = fieldErrors(err);
        if (!errors) throw err;
        return page(req, reply, target(req), own, { values: body, errors });
      }
      reply.flash('Profile saved.');
      return reply.redirect(back(req), 303);
    });
    app.post(`${base}/conflicts`, schemaFor(own), async (req, reply) => {
      const body = bodyOf(req);
      const one = (k: string) => (Array.isArray(body[k]) ? body[k][0] : body[k]) || undefined;
      try {
        await addEvaluatorConflict(ctxFrom(req), target(req), {
          kind: one('kind'),
          value: one('value') ?? '',
        });
      } catch (err) {
        const errors = fieldErrors(err);
        if (!errors) throw err;
        return page(req, reply, target(req), own, {
          values: { kind: body.kind, value: body.value },
          errors,
        });
      }
      reply.flash('Added to the list of conflicts.');
      return reply.redirect(back(req), 303);
    });
    app.post(
      `${base}/conflicts/:conflictId/remove`,
      { schema: { ...hide, params: own ? conflictParams.pick({ conflictId: true }) : conflictParams } },
      async (req, reply) => {
        const { conflictId } = req.params as { conflictId: string };
        await removeEvaluatorConflict(ctxFrom(req), target(req), conflictId);
        reply.flash('Removed from the list of conflicts.');
        return reply.redirect(back(req), 303);
      },
    );
  };

  routes('/evaluator/profile', selfId, true);
  routes('/staff/portfolio-evaluators/:id', (req) => (req.params as { id: string }).id, false);

  app.post(
    '/staff/portfolio-evaluators/:id/active',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const active = bodyOf(req).active === 'yes';
      await setEvaluatorActive(ctxFrom(req), req.params.id, active);
      reply.flash(active ? 'The evaluator is active again.' : 'The evaluator gets no new portfolios now.');
      return reply.redirect(`/staff/portfolio-evaluators/${req.params.id}`, 303);
    },
  );

  app.get('/staff/portfolio-evaluators', { schema: hide }, async (req, reply) => {
    const result = await listEvaluatorPool(ctxFrom(req), req.query);
    return sendPage(req, reply, { title: 'Portfolio evaluators' }, <EvaluatorPoolPage result={result} />);
  });
}
