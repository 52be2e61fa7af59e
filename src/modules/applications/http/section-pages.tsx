import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import type { FieldErrors } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { educationFromForm, membershipFromForm, researchFromForm } from '../forms.js';
import {
  type ApplicationOverview,
  activeApplicationFees,
  getMyApplication,
} from '../use-cases/get-my-application.js';
import { saveEducation } from '../use-cases/save-education.js';
import { saveMembership } from '../use-cases/save-membership.js';
import { savePersonalDetails } from '../use-cases/save-personal-details.js';
import { saveResearch } from '../use-cases/save-research.js';
import {
  EducationForm,
  MembershipForm,
  PersonalForm,
  ResearchForm,
  type Values,
} from '../views/section-forms.js';
import { afterSave, fieldErrorsOf, fromQuery, seeOther } from './page-helpers.js';

const yesNo = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');
const strings = (o: object | null | undefined): Values =>
  Object.fromEntries(
    Object.entries(o ?? {}).map(([k, v]) => [
      k,
      typeof v === 'boolean' ? yesNo(v) : v == null ? '' : String(v),
    ]),
  );

interface Section {
  path: string;
  title: string;
  next: string;
  values(o: ApplicationOverview | null): Values;
  render(p: {
    csrfToken: string;
    values: Values;
    errors?: FieldErrors;
    from?: string;
    o: ApplicationOverview | null;
    fees: { member: Money; nonMember: Money };
    email: string;
  }): VNode;
  save(ctx: Ctx, body: unknown): Promise<unknown>;
}

const sections: Section[] = [
  {
    path: '/application/personal',
    title: 'Personal and contact details',
    next: '/application/education',
    values: (o) => strings(o?.details.personal),
    render: (p) => <PersonalForm {...p} />,
    save: (ctx, body) => savePersonalDetails(ctx, body),
  },
  {
    path: '/application/education',
    title: 'Education',
    next: '/application/experience',
    values: (o) => ({ hasHighSchool: yesNo(o?.application.hasHighSchool) }),
    render: (p) => <EducationForm {...p} />,
    save: (ctx, body) => saveEducation(ctx, educationFromForm(body)),
  },
  {
    path: '/application/membership',
    title: 'ALA membership and fee',
    next: '/application/research',
    values: (o) => ({
      isAlaMember: yesNo(o?.details.isAlaMember),
      alaMemberNumber: o?.application.alaMemberNumber ?? '',
    }),
    render: (p) => <MembershipForm {...p} memberFee={p.fees.member} nonMemberFee={p.fees.nonMember} />,
    save: (ctx, body) => saveMembership(ctx, membershipFromForm(body)),
  },
  {
    path: '/application/research',
    title: 'Research questions',
    next: '/application/check',
    values: (o) => strings(o?.application.research as object | null),
    render: (p) => <ResearchForm {...p} />,
    save: (ctx, body) => saveResearch(ctx, researchFromForm(body)),
  },
];

/** Sections a, b, d and e: one page each, saved on POST, then on to the next. */
export function registerSectionPages(app: App) {
  for (const section of sections) {
    const show = async (
      req: FastifyRequest,
      reply: FastifyReply,
      o: ApplicationOverview | null,
      state: { values: Values; errors?: FieldErrors; from?: string },
    ) => {
      // The membership page shows both fees from the policy, even before a draft exists.
      const fees = o?.fees ?? (await activeApplicationFees(ctxFrom(req)));
      const email = req.actor.kind === 'user' ? req.actor.email : '';
      return sendPage(
        req,
        reply,
        { title: section.title, status: state.errors ? 400 : 200 },
        section.render({ csrfToken: req.csrfToken(), o, fees, email, ...state }),
      );
    };

    app.get(section.path, { schema: { hide: true } }, async (req, reply) => {
      const o = await getMyApplication(ctxFrom(req));
      if (o && !o.editable) return seeOther(reply, '/application');
      return show(req, reply, o, { values: section.values(o), from: fromQuery(req) });
    });

    app.post(section.path, { schema: { hide: true } }, async (req, reply) => {
      try {
        await section.save(ctxFrom(req), req.body);
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (!errors) throw err;
        const o = await getMyApplication(ctxFrom(req));
        const values = formValues(req.body);
        return show(req, reply, o, { values, errors, from: values.from === 'check' ? 'check' : undefined });
      }
      return seeOther(reply, afterSave(req, section.next), `${section.title}: saved.`);
    });
  }
}
