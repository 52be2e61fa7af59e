import { formatMoney } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, fieldId, TextArea } from '../../../views/forms.js';
import type { PayerChoices } from '../../institutions/use-cases/view-institution.js';
import { countryName } from '../countries.js';
import {
  heardFromOptions,
  highestEducationOptions,
  type LibraryType,
  libraryTypeLabels,
  type ResearchAnswers,
  yearsInLibrariesOptions,
} from '../forms.js';
import { sectionPaths } from '../labels.js';
import type { SectionId } from '../rules/completeness.js';
import type { ApplicationOverview } from '../use-cases/get-my-application.js';
import { EligibilityTotal, ExperienceTable } from './experience-views.js';
import {
  InstitutionChoiceField,
  InstitutionSearchForm,
  pickerErrors,
  SUBMIT_SECTION_ID,
} from './institution-picker.js';
import { EmailNotice } from './overview.js';

type Row = [label: string, value: string];

function Summary({
  id,
  title,
  rows,
  editable,
}: {
  id: SectionId;
  title: string;
  rows: Row[];
  editable: boolean;
}) {
  return (
    <section>
      <h2 id={fieldId(id)} tabIndex={-1}>
        {title}
      </h2>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value || <span class="hint">Not answered</span>}</dd>
            <dd>
              {editable && (
                <a href={`${sectionPaths[id]}?from=check`}>
                  Change<span class="visually-hidden"> {label.toLowerCase()}</span>
                </a>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const labelOf = (options: ReadonlyArray<readonly [string, string]>, key: string | null | undefined) =>
  options.find(([k]) => k === key)?.[1] ?? '';
const yesNo = (b: boolean | null | undefined) => (b === true ? 'Yes' : b === false ? 'No' : '');

export function Answers({ o, editable }: { o: ApplicationOverview; editable: boolean }) {
  const p = o.details.personal;
  const r = (o.application.research ?? null) as ResearchAnswers | null;
  const address = p
    ? [p.addressLine1, p.addressLine2, p.city, p.region, p.postalCode, countryName(p.country, p.countryOther)]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <>
      <Summary
        id="personal"
        title="Personal and contact details"
        editable={editable}
        rows={[
          ['Name', p ? `${p.givenName} ${p.familyName}` : ''],
          ['Phone', p?.phone ?? ''],
          ['Address', address],
          [
            'Library you work for',
            p?.employerName
              ? `${p.employerName} (${libraryTypeLabels[p.employerType as LibraryType] ?? ''})`
              : '',
          ],
          ['Job title', p?.jobTitle ?? ''],
        ]}
      />
      <Summary
        id="education"
        title="Education"
        editable={editable}
        rows={[['High-school diploma or equivalent', yesNo(o.application.hasHighSchool)]]}
      />
      <section>
        <h2 id={fieldId('experience')} tabIndex={-1}>
          Library work experience
        </h2>
        <EligibilityTotal eligibility={o.eligibility} />
        <ExperienceTable entries={o.entries} eligibility={o.eligibility} editable={false} />
        {editable && (
          <p>
            <a href={`${sectionPaths.experience}?from=check`}>Change your library work</a>
          </p>
        )}
      </section>
      <Summary
        id="membership"
        title="ALA membership and fee"
        editable={editable}
        rows={[
          [
            'ALA member',
            o.details.isAlaMember === undefined
              ? ''
              : o.details.isAlaMember
                ? `Yes, number ${o.application.alaMemberNumber}`
                : 'No',
          ],
          ['Application fee', formatMoney(o.fees.applicable)],
        ]}
      />
      <Summary
        id="research"
        title="Research questions (optional)"
        editable={editable}
        rows={[
          ['How you heard about the program', labelOf(heardFromOptions, r?.heardFrom)],
          ['Years in libraries', labelOf(yearsInLibrariesOptions, r?.yearsInLibraries)],
          ['Highest education', labelOf(highestEducationOptions, r?.highestEducation)],
          ['May researchers contact you', yesNo(r?.researchConsent)],
        ]}
      />
    </>
  );
}

/** What stops this draft from going in, in the words of the rules. */
export function Blockers({ o }: { o: ApplicationOverview }) {
  const problems = [
    ...o.missing.map((m) => m.message),
    ...(o.missing.length === 0 ? o.eligibility.reasons.map((r) => r.message) : []),
  ];
  if (problems.length === 0) return null;
  return (
    <div class="warning">
      <h2>You cannot submit yet</h2>
      <ul>
        {problems.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function CheckAnswersPage(p: {
  o: ApplicationOverview;
  csrfToken: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string>;
  /** Institutions that may pay by purchase order: a short menu or the applicant's search (drafts only). */
  payers?: PayerChoices | undefined;
}) {
  const { o, payers } = p;
  const draft = o.application.status === 'draft';
  const errors = pickerErrors(payers, p.errors);
  const institutionLikely = !!(payers?.chosen || payers?.search?.items.length);
  return (
    <>
      <h1>{draft ? 'Check your answers' : 'Your answers'}</h1>
      <ErrorSummary
        errors={errors}
        title={p.errors ? 'Your application cannot be submitted yet' : undefined}
      />
      <EmailNotice verified={o.emailVerified} />
      {draft && !p.errors && <Blockers o={o} />}
      <Answers o={o} editable={o.editable} />
      {draft && (
        <>
          <h2 id={SUBMIT_SECTION_ID} tabIndex={-1}>
            Submit your application
          </h2>
          <p>
            When you submit, your application gets its number and the {formatMoney(o.fees.applicable)} fee
            becomes due. Staff review it once the fee is paid.
          </p>
          {payers && <InstitutionSearchForm payers={payers} error={errors?.q} />}
          <Form action="/application/submit" csrfToken={p.csrfToken}>
            <ChoiceField
              name="paymentMethod"
              legend="How will you pay the fee?"
              options={[
                ['card', 'By card, online now'],
                ['check', 'By check, in the mail'],
                ['institution', 'My institution pays (purchase order)'],
              ]}
              value={p.values?.paymentMethod ?? (institutionLikely ? 'institution' : undefined)}
              error={errors?.paymentMethod}
            />
            {payers && (
              <InstitutionChoiceField
                payers={payers}
                value={p.values?.institutionId}
                error={errors?.institutionId}
              />
            )}
            <button type="submit">Submit application</button>
          </Form>
        </>
      )}
      {o.application.status === 'info_requested' && (
        <p>
          <a href="/application/respond">Answer the question and send your application back</a>
        </p>
      )}
      <p>
        <a href="/application">Back to your application</a>
      </p>
    </>
  );
}

export function RespondPage(p: {
  o: ApplicationOverview;
  csrfToken: string;
  errors?: FieldErrors | undefined;
  values?: Record<string, string>;
}) {
  const requests = p.o.messages.filter((m) => m.kind === 'info_request');
  return (
    <>
      <h1>Answer the program staff</h1>
      <ErrorSummary errors={p.errors} />
      <h2>Their question</h2>
      {requests.slice(-1).map((m) => (
        <blockquote>
          <p>{m.body}</p>
        </blockquote>
      ))}
      <p>
        If they asked you to change or add something, <a href="/application">change your answers</a> first.
        When you send your answer, your application goes back to them with the same number; there is no new
        fee.
      </p>
      <Form action="/application/respond" csrfToken={p.csrfToken}>
        <TextArea
          name="response"
          label="Your answer"
          rows={8}
          value={p.values?.response}
          error={p.errors?.response}
        />
        <button type="submit">Send answer and application</button>
      </Form>
    </>
  );
}
