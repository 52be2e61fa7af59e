import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, Form, SelectField, TextArea, TextField } from '../../../views/forms.js';
import { providerCountries, providerTypeOptions } from '../forms.js';
import type { ProviderRow } from '../repository.js';

export type Values = Record<string, string>;

export const profileValues = (p: ProviderRow): Values => ({
  name: p.name,
  type: p.type,
  country: p.country,
  region: p.region,
  city: p.city,
  website: p.website ?? '',
  contactEmail: p.contactEmail,
  phone: p.phone ?? '',
  description: p.description ?? '',
});

/** The organisation's profile: the same fields when registering and when editing. */
export function ProfileForm(p: {
  action: string;
  csrfToken: string;
  values: Values;
  errors?: FieldErrors | undefined;
  submitLabel: string;
  cancelHref: string;
}) {
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <Form action={p.action} csrfToken={p.csrfToken}>
        <TextField
          name="name"
          label="Name of the organisation"
          value={v.name}
          error={e.name}
          autocomplete="organization"
        />
        <SelectField
          name="type"
          label="Kind of organisation"
          options={providerTypeOptions}
          placeholder="Choose one"
          value={v.type}
          error={e.type}
        />
        <SelectField
          name="country"
          label="Country"
          options={providerCountries}
          placeholder="Choose a country"
          value={v.country}
          error={e.country}
        />
        <TextField
          name="region"
          label="State, province or region"
          hint="For example IL or Ontario"
          width="medium"
          value={v.region}
          error={e.region}
        />
        <TextField name="city" label="Town or city" width="medium" value={v.city} error={e.city} />
        <TextField
          name="contactEmail"
          label="Contact email address"
          hint="Where candidates and the program can reach you about courses"
          type="email"
          value={v.contactEmail}
          error={e.contactEmail}
        />
        <TextField
          name="website"
          label="Website (optional)"
          hint="Starts with https://, like https://library.example.org"
          value={v.website}
          error={e.website}
        />
        <TextField
          name="phone"
          label="Phone number (optional)"
          type="tel"
          width="medium"
          value={v.phone}
          error={e.phone}
        />
        <TextArea
          name="description"
          label="About the organisation (optional)"
          hint="Up to 2,000 characters"
          value={v.description}
          error={e.description}
        />
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href={p.cancelHref}>Cancel</a>
        </div>
      </Form>
    </>
  );
}
