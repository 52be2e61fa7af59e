import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, errorStatus, type FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { requireUser } from '../../accounts/access.js';
import { acceptInvitation, viewInvitation } from '../use-cases/accept-invitation.js';
import { inviteProviderMember } from '../use-cases/invite-provider-member.js';
import { leaveProvider } from '../use-cases/leave-provider.js';
import { listMyProviders } from '../use-cases/list-my-providers.js';
import { registerProvider } from '../use-cases/register-provider.js';
import { removeProviderMember } from '../use-cases/remove-provider-member.js';
import { revokeProviderInvitation } from '../use-cases/revoke-provider-invitation.js';
import { updateProviderProfile } from '../use-cases/update-provider-profile.js';
import { viewProvider } from '../use-cases/view-provider.js';
import { InvitationPage } from '../views/invitation-page.js';
import { MyProvidersPage } from '../views/my-providers.js';
import { ProfileForm, profileValues, type Values } from '../views/profile-form.js';
import { ProviderPage, type ProviderPageState } from '../views/provider-page.js';

const idParams = z.object({ id: z.string().max(64) });
/** Refusals shown on the provider page itself, next to what caused them. */
const SHOWN_ON_PAGE = new Set(['VALIDATION_FAILED', 'INVALID_STATE', 'CONFLICT', 'FORBIDDEN']);

const fieldErrorsOf = (err: unknown): FieldErrors | undefined =>
  err instanceof DomainError && err.code === 'VALIDATION_FAILED' ? err.fields : undefined;

function seeOther(reply: FastifyReply, url: string, flash: string) {
  reply.flash(flash);
  return reply.redirect(url, 303);
}

/** The members' pages: register, the organisation, its profile, members and invitations. */
export function registerProviderPages(app: App) {
  const registerForm = (req: FastifyRequest, reply: FastifyReply, values: Values, errors?: FieldErrors) => {
    const actor = requireUser(req.actor);
    return sendPage(
      req,
      reply,
      { title: 'Register your organisation', status: errors ? 400 : 200 },
      <>
        <h1>Register your organisation</h1>
        {actor.emailVerified ? (
          <>
            <p>
              Register a state library, library association, regional cooperative, community college, ALA
              division or unit, or yourself as an independent consultant. You become its administrator and can
              invite colleagues.
            </p>
            <ProfileForm
              action="/providers/register"
              csrfToken={req.csrfToken()}
              values={values}
              errors={errors}
              submitLabel="Register the organisation"
              cancelHref="/provider"
            />
          </>
        ) : (
          <p>
            Confirm your email address first: use the link in the email we sent when you created your account,
            or <a href="/account">send it again from your account page</a>.
          </p>
        )}
      </>,
    );
  };

  app.get('/providers/register', { schema: { hide: true } }, async (req, reply) =>
    registerForm(req, reply, { country: 'US' }),
  );
  app.post('/providers/register', { schema: { hide: true } }, async (req, reply) => {
    try {
      const provider = await registerProvider(ctxFrom(req), req.body);
      return seeOther(
        reply,
        `/provider/${provider.id}`,
        `${provider.name} is registered. You are its administrator.`,
      );
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (!errors) throw err;
      return registerForm(req, reply, formValues(req.body), errors);
    }
  });

  app.get('/provider', { schema: { hide: true } }, async (req, reply) => {
    const items = await listMyProviders(ctxFrom(req));
    if (items.length === 1) return reply.redirect(`/provider/${items[0]!.provider.id}`, 303);
    return sendPage(req, reply, { title: 'Your organisations' }, <MyProvidersPage items={items} />);
  });

  app.get('/provider/:id', { schema: { hide: true, params: idParams } }, async (req, reply) =>
    renderProvider(req, reply, req.params.id, {}),
  );

  const editForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values?: Values,
    errors?: FieldErrors,
  ) => {
    const view = await viewProvider(ctxFrom(req), id);
    if (!view.role) return reply.redirect(`/staff/providers/${id}`, 303);
    return sendPage(
      req,
      reply,
      { title: `Edit the profile of ${view.provider.name}`, status: errors ? 400 : 200 },
      <>
        <p>
          <a href={`/provider/${id}`}>Back to {view.provider.name}</a>
        </p>
        <h1>Edit the profile</h1>
        <ProfileForm
          action={`/provider/${id}/edit`}
          csrfToken={req.csrfToken()}
          values={values ?? profileValues(view.provider)}
          errors={errors}
          submitLabel="Save the profile"
          cancelHref={`/provider/${id}`}
        />
      </>,
    );
  };
  app.get('/provider/:id/edit', { schema: { hide: true, params: idParams } }, async (req, reply) =>
    editForm(req, reply, req.params.id),
  );
  app.post('/provider/:id/edit', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    try {
      await updateProviderProfile(ctxFrom(req), req.params.id, req.body);
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (!errors) throw err;
      return editForm(req, reply, req.params.id, formValues(req.body), errors);
    }
    return seeOther(reply, `/provider/${req.params.id}`, 'The profile is saved.');
  });

  /** A POST from the provider page: on a refusal, the page again with the message where it belongs. */
  const act = <P extends Record<string, string>>(
    path: string,
    run: (req: FastifyRequest, params: P, body: Record<string, string>) => Promise<unknown>,
    done: (params: P) => { to: string; flash: string },
  ) =>
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const params = req.params as P & { id: string };
      const body = formValues(req.body);
      try {
        await run(req, params, body);
      } catch (err) {
        if (!(err instanceof DomainError) || !SHOWN_ON_PAGE.has(err.code)) throw err;
        return renderProvider(req, reply, params.id, {
          values: body,
          errors: err.fields,
          formError: err.fields ? undefined : err.message,
          status: errorStatus[err.code],
        });
      }
      const { to, flash } = done(params);
      return seeOther(reply, to, flash);
    });

  act<{ id: string }>(
    '/provider/:id/invitations',
    (req, p, b) => inviteProviderMember(ctxFrom(req), p.id, { email: b.email, role: b.role || undefined }),
    (p) => ({ to: `/provider/${p.id}`, flash: 'The invitation is sent.' }),
  );
  act<{ id: string; invitationId: string }>(
    '/provider/:id/invitations/:invitationId/revoke',
    (req, p) => revokeProviderInvitation(ctxFrom(req), p.id, p.invitationId),
    (p) => ({ to: `/provider/${p.id}`, flash: 'The invitation is withdrawn; its link no longer works.' }),
  );
  act<{ id: string; userId: string }>(
    '/provider/:id/members/:userId/remove',
    (req, p) => removeProviderMember(ctxFrom(req), p.id, p.userId),
    (p) => ({ to: `/provider/${p.id}`, flash: 'The member is removed and has been told by email.' }),
  );
  act<{ id: string }>(
    '/provider/:id/leave',
    (req, p) => leaveProvider(ctxFrom(req), p.id),
    () => ({ to: '/provider', flash: 'You left the organisation.' }),
  );

  app.get('/invitations/accept', { schema: { hide: true } }, async (req, reply) => {
    const token = String((req.query as Record<string, unknown>).token ?? '');
    const view = await viewInvitation(ctxFrom(req), token);
    return sendPage(
      req,
      reply,
      { title: `Join ${view.provider.name}` },
      <InvitationPage view={view} token={token} csrfToken={req.csrfToken()} />,
    );
  });
  app.post('/invitations/accept', { schema: { hide: true } }, async (req, reply) => {
    const r = await acceptInvitation(ctxFrom(req), formValues(req.body).token);
    return seeOther(reply, `/provider/${r.provider.id}`, `Welcome to ${r.provider.name}.`);
  });
}

async function renderProvider(
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  p: Omit<ProviderPageState, 'csrfToken'> & { status?: number },
) {
  const view = await viewProvider(ctxFrom(req), id);
  // Staff who are not members see the read-only staff page.
  if (!view.role) return reply.redirect(`/staff/providers/${id}`, 303);
  return sendPage(
    req,
    reply,
    { title: view.provider.name, status: p.status ?? 200 },
    <ProviderPage view={view} state={{ ...p, csrfToken: req.csrfToken() }} />,
  );
}
