import { formatMoney, type Money } from '../../../lib/money.js';
import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, ErrorSummary, Form, SelectField, TextField } from '../../../views/forms.js';
import { countries } from '../countries.js';
import {
  heardFromOptions,
  highestEducationOptions,
  libraryTypeLabels,
  libraryTypes,
  yearsInLibrariesOptions,
} from '../forms.js';

export type Values = Record<string, string>;

export interface SectionFormProps {
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
  /** "check" when the person came from the check-your-answers page and should go back there. */
  from?: string | undefined;
}

const libraryTypeOptions = libraryTypes.map((t) => [t, libraryTypeLabels[t]] as const);

export { libraryTypeOptions };

function SectionHeading({ title, step }: { title: string; step: number }) {
  return (
    <>
      <p class="hint">Your application: section {step} of 5</p>
      <h1>{title}</h1>
    </>
  );
}

function Buttons({ from }: { from?: string | undefined }) {
  return (
    <>
      {from === 'check' && <input type="hidden" name="from" value="check" />}
      <div class="actions">
        <button type="submit">Save and continue</button>
        <a href="/application">Back to your application</a>
      </div>
    </>
  );
}

export function PersonalForm(p: SectionFormProps & { email: string }) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <SectionHeading title="Personal and contact details" step={1} />
      <ErrorSummary errors={p.errors} />
      <p>
        We use these details to contact you and to print your certificate. Your email address is{' '}
        <strong>{p.email}</strong>; you can change it on your <a href="/account">account page</a>.
      </p>
      <Form action="/application/personal" csrfToken={p.csrfToken}>
        <TextField
          name="givenName"
          label="Given name"
          autocomplete="given-name"
          value={v.givenName}
          error={e.givenName}
        />
        <TextField
          name="familyName"
          label="Family name"
          autocomplete="family-name"
          value={v.familyName}
          error={e.familyName}
        />
        <TextField
          name="phone"
          label="Phone number"
          type="tel"
          autocomplete="tel"
          value={v.phone}
          error={e.phone}
          width="medium"
        />
        <h2>Address</h2>
        <TextField
          name="addressLine1"
          label="Address line 1"
          autocomplete="address-line1"
          value={v.addressLine1}
          error={e.addressLine1}
        />
        <TextField
          name="addressLine2"
          label="Address line 2 (optional)"
          autocomplete="address-line2"
          value={v.addressLine2}
          error={e.addressLine2}
        />
        <TextField
          name="city"
          label="Town or city"
          autocomplete="address-level2"
          value={v.city}
          error={e.city}
          width="medium"
        />
        <TextField
          name="region"
          label="State, province or region"
          hint="Required in the United States and Canada."
          autocomplete="address-level1"
          value={v.region}
          error={e.region}
          width="medium"
        />
        <TextField
          name="postalCode"
          label="ZIP or postal code"
          autocomplete="postal-code"
          value={v.postalCode}
          error={e.postalCode}
          width="short"
        />
        <SelectField
          name="country"
          label="Country"
          options={countries}
          placeholder="Choose a country"
          value={v.country}
          error={e.country}
        />
        <TextField
          name="countryOther"
          label="Country name, if you chose “Another country”"
          autocomplete="country-name"
          value={v.countryOther}
          error={e.countryOther}
          width="medium"
        />
        <h2>Where you work now</h2>
        <p class="hint">Leave these empty if you do not work in a library at the moment.</p>
        <TextField
          name="employerName"
          label="Library or organisation"
          autocomplete="organization"
          value={v.employerName}
          error={e.employerName}
        />
        <SelectField
          name="employerType"
          label="Type of library"
          options={libraryTypeOptions}
          placeholder="Choose a type"
          value={v.employerType}
          error={e.employerType}
        />
        <TextField
          name="jobTitle"
          label="Job title"
          autocomplete="organization-title"
          value={v.jobTitle}
          error={e.jobTitle}
        />
        <Buttons from={p.from} />
      </Form>
    </>
  );
}

export function EducationForm(p: SectionFormProps) {
  return (
    <>
      <SectionHeading title="Education" step={2} />
      <ErrorSummary errors={p.errors} />
      <Form action="/application/education" csrfToken={p.csrfToken}>
        <ChoiceField
          name="hasHighSchool"
          legend="Do you have a high-school diploma or an equivalent, such as a GED?"
          hint="You need one to be certified. Staff may ask you for a copy."
          options={[
            ['yes', 'Yes'],
            ['no', 'No'],
          ]}
          value={p.values.hasHighSchool}
          error={p.errors?.hasHighSchool}
          inline
        />
        <Buttons from={p.from} />
      </Form>
      <p>
        Did you graduate from a college program with a recognition agreement?{' '}
        <a href="/application/graduation">Tell us about your graduation</a>: you can then apply without the
        library work hours.
      </p>
    </>
  );
}

export function MembershipForm(p: SectionFormProps & { memberFee: Money; nonMemberFee: Money }) {
  return (
    <>
      <SectionHeading title="ALA membership and fee" step={4} />
      <ErrorSummary errors={p.errors} />
      <p>
        You do not need to be a member of the American Library Association (ALA). Members pay less: the
        application fee is <strong>{formatMoney(p.memberFee)}</strong> for members and{' '}
        <strong>{formatMoney(p.nonMemberFee)}</strong> for everyone else. It includes 4 years of access to the
        program.
      </p>
      <Form action="/application/membership" csrfToken={p.csrfToken}>
        <ChoiceField
          name="isAlaMember"
          legend="Are you a member of the ALA?"
          options={[
            ['yes', 'Yes'],
            ['no', 'No'],
          ]}
          value={p.values.isAlaMember}
          error={p.errors?.isAlaMember}
          inline
        />
        <TextField
          name="alaMemberNumber"
          label="ALA membership number (if you are a member)"
          hint="It is on your membership card or renewal letter. Spaces and dashes are fine."
          value={p.values.alaMemberNumber}
          error={p.errors?.alaMemberNumber}
          inputMode="numeric"
          width="medium"
        />
        <Buttons from={p.from} />
      </Form>
    </>
  );
}

export function ResearchForm(p: SectionFormProps) {
  const e = p.errors ?? {};
  return (
    <>
      <SectionHeading title="Research questions (optional)" step={5} />
      <ErrorSummary errors={p.errors} />
      <p>
        These questions help the program understand who applies. They are <strong>optional</strong>: your
        answers do not affect your application, and you can leave any of them empty.
      </p>
      <Form action="/application/research" csrfToken={p.csrfToken}>
        <SelectField
          name="heardFrom"
          label="How did you hear about the program?"
          options={heardFromOptions}
          placeholder="Prefer not to say"
          value={p.values.heardFrom}
          error={e.heardFrom}
        />
        <SelectField
          name="yearsInLibraries"
          label="How many years have you worked in libraries?"
          options={yearsInLibrariesOptions}
          placeholder="Prefer not to say"
          value={p.values.yearsInLibraries}
          error={e.yearsInLibraries}
        />
        <SelectField
          name="highestEducation"
          label="What is your highest level of education?"
          options={highestEducationOptions}
          placeholder="Prefer not to say"
          value={p.values.highestEducation}
          error={e.highestEducation}
        />
        <ChoiceField
          name="researchConsent"
          legend="May program researchers contact you about taking part in research on the program?"
          options={[
            ['yes', 'Yes'],
            ['no', 'No'],
            ['skip', 'Prefer not to say'],
          ]}
          value={p.values.researchConsent}
          error={e.researchConsent}
          inline
        />
        <Buttons from={p.from} />
      </Form>
    </>
  );
}
