import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import type { AssignOutcome } from '../assignment-service.js';
import { assignPaidPortfolios, viewAssignmentOverview } from '../use-cases/assign-paid-portfolios.js';
import {
  assignPortfolioEvaluators,
  viewPortfolioAssignment,
} from '../use-cases/assign-portfolio-evaluators.js';
import { reassignPortfolioEvaluator } from '../use-cases/reassign-portfolio-evaluator.js';
import { AssignmentOverviewPage } from '../views/assignment-overview.js';
import { AssignmentPanelPage, slotField } from '../views/assignment-panel.js';

const hide = { hide: true };
const idParams = z.object({ id: z.string().max(64) });
const slotParams = z.object({ id: z.string().max(64), assignmentId: z.string().max(64) });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summaryOf(r: AssignOutcome): string {
  if (r.assigned.length === 0 && r.unassigned.length === 0)
    return 'No paid portfolio was waiting for evaluators.';
  const done = `Evaluators assigned to ${plural(r.assigned.length, 'portfolio', 'portfolios')}.`;
  return r.unassigned.length === 0
    ? done
    : `${done} ${plural(r.unassigned.length, 'portfolio', 'portfolios')} could not be assigned: the reasons are listed below.`;
}

/** A state refusal (already assigned, nobody free…) is told on the panel rather than as an error page. */
const stateMessage = (err: unknown) =>
  err instanceof DomainError && err.code === 'INVALID_STATE' ? err.message : undefined;

/** Staff pages: the assignment overview with its button, and one portfolio's panel for reassigning. */
export function registerAssignmentPages(app: App) {
  app.get('/staff/portfolios/assignment', { schema: hide }, async (req, reply) => {
    const v = await viewAssignmentOverview(ctxFrom(req), req.query);
    return sendPage(
      req,
      reply,
      { title: 'Assign portfolio evaluators' },
      <AssignmentOverviewPage v={v} csrfToken={req.csrfToken()} />,
    );
  });
  app.post('/staff/portfolios/assignment', { schema: hide }, async (req, reply) => {
    const result = await assignPaidPortfolios(ctxFrom(req));
    reply.flash(summaryOf(result));
    return reply.redirect('/staff/portfolios/assignment', 303);
  });

  const panel = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    shown?: { values: Record<string, string>; errors: FieldErrors },
  ) => {
    const v = await viewPortfolioAssignment(ctxFrom(req), id);
    return sendPage(
      req,
      reply,
      { title: `Evaluators for portfolio ${v.portfolio.number}`, status: shown ? 400 : 200 },
      <AssignmentPanelPage v={v} csrfToken={req.csrfToken()} values={shown?.values} errors={shown?.errors} />,
    );
  };
  const panelUrl = (id: string) => `/staff/portfolios/${id}/assignment`;

  app.get('/staff/portfolios/:id/assignment', { schema: { ...hide, params: idParams } }, async (req, reply) =>
    panel(req, reply, req.params.id),
  );
  for (const [path, third] of [
    ['/staff/portfolios/:id/assignment', false],
    ['/staff/portfolios/:id/assignment/third', true],
  ] as const) {
    app.post(path, { schema: { ...hide, params: idParams } }, async (req, reply) => {
      try {
        await assignPortfolioEvaluators(ctxFrom(req), req.params.id, { third });
        reply.flash(third ? 'A third evaluator is assigned.' : 'Evaluators assigned.');
      } catch (err) {
        const message = stateMessage(err);
        if (!message) throw err;
        reply.flash(message);
      }
      return reply.redirect(panelUrl(req.params.id), 303);
    });
  }
  app.post(
    '/staff/portfolios/:id/assignment/:assignmentId/reassign',
    { schema: { ...hide, params: slotParams } },
    async (req, reply) => {
      const field = slotField(req.params.assignmentId);
      const values = formValues(req.body);
      try {
        await reassignPortfolioEvaluator(ctxFrom(req), req.params.id, req.params.assignmentId, {
          evaluatorId: values[field] ?? '',
        });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'VALIDATION_FAILED' && err.fields?.evaluatorId)
          return panel(req, reply, req.params.id, { values, errors: { [field]: err.fields.evaluatorId } });
        const message = stateMessage(err);
        if (!message) throw err;
        reply.flash(message);
        return reply.redirect(panelUrl(req.params.id), 303);
      }
      reply.flash('Reassigned. Both evaluators have been told.');
      return reply.redirect(panelUrl(req.params.id), 303);
    },
  );
}
