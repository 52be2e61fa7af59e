import { z } from 'zod';
import { notFound } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formValues } from '../../../platform/http/forms.js';
import { sendPage } from '../../../platform/http/render.js';
import { formatNumber } from '../../../views/format.js';
import { experienceFromForm } from '../forms.js';
import { addExperienceEntry } from '../use-cases/add-experience-entry.js';
import { getMyApplication } from '../use-cases/get-my-application.js';
import { removeExperienceEntry } from '../use-cases/remove-experience-entry.js';
import { updateExperienceEntry } from '../use-cases/update-experience-entry.js';
import {
  EligibilityTotal,
  ExperienceForm,
  ExperienceTable,
  experienceValues,
} from '../views/experience-views.js';
import { fieldErrorsOf, fromQuery, seeOther } from './page-helpers.js';

const entryParams = z.object({ entryId: z.string().max(64) });

/** Section c: the experience ledger (list, add, change, remove), with the hours that count. */
export function registerExperiencePages(app: App) {
  app.get('/application/experience', { schema: { hide: true } }, async (req, reply) => {
    const o = await getMyApplication(ctxFrom(req));
    if (o && !o.editable) return seeOther(reply, '/application');
    const from = fromQuery(req);
    const required = o?.eligibility.requiredHours;
    return sendPage(
      req,
      reply,
      { title: 'Library work experience' },
      <>
        <p class="hint">Your application: section 3 of 5</p>
        <h1>Library work experience</h1>
        <p>
          List the library work, paid or volunteer, that you have done in the last 5 years, in any type of
          library.
          {required !== undefined &&
            ` You need ${formatNumber(required)} hours (about 1 year of full-time work).`}{' '}
          Jobs you held at the same time all count.
        </p>
        {o && <EligibilityTotal eligibility={o.eligibility} />}
        <ExperienceTable
          entries={o?.entries ?? []}
          eligibility={o?.eligibility ?? emptyEligibility}
          csrfToken={req.csrfToken()}
          editable
        />
        <div class="actions">
          <a class="button secondary" href="/application/experience/new">
            Add a job
          </a>
          <a class="button" href={from === 'check' ? '/application/check' : '/application/membership'}>
            Continue
          </a>
        </div>
        <p>
          <a href="/application">Back to your application</a>
        </p>
      </>,
    );
  });

  app.get('/application/experience/new', { schema: { hide: true } }, async (req, reply) => {
    const o = await getMyApplication(ctxFrom(req));
    if (o && !o.editable) return seeOther(reply, '/application');
    return sendPage(
      req,
      reply,
      { title: 'Add a job' },
      <ExperienceForm
        action="/application/experience/new"
        heading="Add a job"
        csrfToken={req.csrfToken()}
        values={{}}
      />,
    );
  });

  app.post('/application/experience/new', { schema: { hide: true } }, async (req, reply) => {
    try {
      await addExperienceEntry(ctxFrom(req), experienceFromForm(req.body));
    } catch (err) {
      const errors = fieldErrorsOf(err);
      if (!errors) throw err;
      return sendPage(
        req,
        reply,
        { title: 'Add a job', status: 400 },
        <ExperienceForm
          action="/application/experience/new"
          heading="Add a job"
          csrfToken={req.csrfToken()}
          values={formValues(req.body)}
          errors={errors}
        />,
      );
    }
    return seeOther(reply, '/application/experience', 'Job added.');
  });

  app.get(
    '/application/experience/:entryId/edit',
    { schema: { hide: true, params: entryParams } },
    async (req, reply) => {
      const o = await getMyApplication(ctxFrom(req));
      if (o && !o.editable) return seeOther(reply, '/application');
      const entry = o?.entries.find((e) => e.id === req.params.entryId);
      if (!entry) throw notFound('That work entry');
      const action = `/application/experience/${entry.id}/edit`;
      return sendPage(
        req,
        reply,
        { title: 'Change a job' },
        <ExperienceForm
          action={action}
          heading="Change a job"
          csrfToken={req.csrfToken()}
          values={experienceValues(entry)}
        />,
      );
    },
  );

  app.post(
    '/application/experience/:entryId/edit',
    { schema: { hide: true, params: entryParams } },
    async (req, reply) => {
      try {
        await updateExperienceEntry(ctxFrom(req), req.params.entryId, experienceFromForm(req.body));
      } catch (err) {
        const errors = fieldErrorsOf(err);
        if (!errors) throw err;
        const action = `/application/experience/${encodeURIComponent(req.params.entryId)}/edit`;
        return sendPage(
          req,
          reply,
          { title: 'Change a job', status: 400 },
          <ExperienceForm
            action={action}
            heading="Change a job"
            csrfToken={req.csrfToken()}
            values={formValues(req.body)}
            errors={errors}
          />,
        );
      }
      return seeOther(reply, '/application/experience', 'Job updated.');
    },
  );

  app.post(
    '/application/experience/:entryId/remove',
    { schema: { hide: true, params: entryParams } },
    async (req, reply) => {
      await removeExperienceEntry(ctxFrom(req), req.params.entryId);
      return seeOther(reply, '/application/experience', 'Job removed.');
    },
  );
}

const emptyEligibility = {
  eligible: false,
  countedHours: 0,
  requiredHours: 0,
  window: { from: '2000-01-01', to: '2000-01-01' },
  entries: [],
  reasons: [],
};
