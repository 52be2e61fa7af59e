import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatCalendarDate } from '../../../lib/calendar-date.js';
import { DomainError, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { sendPage } from '../../../platform/http/render.js';
import { listMyCompletions } from '../use-cases/list-my-completions.js';
import { submitCompletionClaim } from '../use-cases/submit-completion-claim.js';
import { withdrawCompletionClaim } from '../use-cases/withdraw-completion-claim.js';
import { ClaimFormPage } from '../views/completion-claim-form.js';
import { CompletionListPage } from '../views/completion-list.js';
import { claimInputFrom } from './claim-api.js';
import { idParams } from './claim-api-schemas.js';

const hide = { hide: true };

/** Errors shown at the form's fields, and the status to answer with; undefined lets others propagate. */
export function formErrorsOf(err: unknown): { errors: FieldErrors; status: number } | undefined {
  if (!(err instanceof DomainError) || !err.fields) return undefined;
  if (!['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'CONFLICT'].includes(err.code)) return undefined;
  return { errors: err.fields, status: err.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400 };
}

/** The candidate's pages: their completions, reporting a completed course, withdrawing a report. */
export function registerCompletionPages(app: App) {
  app.get('/completions', { schema: hide }, async (req, reply) => {
    const m = await listMyCompletions(ctxFrom(req));
    return sendPage(
      req,
      reply,
      { title: 'Your course completions' },
      <CompletionListPage m={m} csrfToken={req.csrfToken()} />,
    );
  });

  const claimForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    shown?: { errors: FieldErrors; status: number },
  ) => {
    const ctx = ctxFrom(req);
    const m = await listMyCompletions(ctx);
    return sendPage(
      req,
      reply,
      { title: `${shown ? 'Error: ' : ''}Report a completed course`, status: shown?.status ?? 200 },
      <ClaimFormPage
        canClaim={m.canClaim}
        csrfToken={req.csrfToken()}
        today={ctx.clock.today()}
        maxBytes={ctx.config.maxUploadBytes}
        values={values}
        errors={shown?.errors}
      />,
    );
  };

  app.get('/completions/claim', { schema: hide }, async (req, reply) => claimForm(req, reply));

  app.post('/completions/claim', { schema: hide }, async (req, reply) => {
    const input = claimInputFrom(req.body);
    try {
      const row = await submitCompletionClaim(ctxFrom(req), input);
      reply.flash(
        `Thank you. We asked the provider to confirm that you completed ${input.courseNumber?.trim().toUpperCase()} on ${formatCalendarDate(row.completedOn)}. We will email you when they answer.`,
      );
      return reply.redirect('/completions', 303);
    } catch (err) {
      const shown = formErrorsOf(err);
      if (!shown) throw err;
      const { courseNumber = '', completedOn = '', note = '' } = input;
      return claimForm(req, reply, { courseNumber, completedOn, note }, shown);
    }
  });

  app.post(
    '/completions/claims/:id/withdraw',
    { schema: { ...hide, params: idParams } },
    async (req, reply) => {
      const removed = await withdrawCompletionClaim(ctxFrom(req), req.params.id);
      reply.flash(`Your report of ${removed.courseNumber} is withdrawn.`);
      return reply.redirect('/completions', 303);
    },
  );
}
