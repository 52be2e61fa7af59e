import type { FieldErrors } from '../../../platform/errors.js';
import { ChoiceField, SelectField, TextField } from '../../../views/forms.js';
import type { InstitutionChoice } from '../../institutions/repository.js';
import { PAYER_SEARCH_LIMIT, type PayerChoices } from '../../institutions/use-cases/view-institution.js';

/** Where the page scrolls after a search: the payment step, with the results in view. */
export const SUBMIT_SECTION_ID = 'submit-application';

const labelOf = (i: InstitutionChoice) => `${i.name} (${i.region})`;

/** The institutions the submit form offers as radio buttons: the one already chosen, then the search's. */
function searchOptions(payers: PayerChoices): InstitutionChoice[] {
  const found = payers.search?.items ?? [];
  const { chosen } = payers;
  return chosen && !found.some((i) => i.id === chosen.id) ? [chosen, ...found] : found;
}

/**
 * Errors as the page shows them. Without anything to choose from, "choose your institution" belongs
 * to the search box (the summary links there); a refused search is a problem at the search box too.
 */
export function pickerErrors(
  payers: PayerChoices | undefined,
  errors: FieldErrors | undefined,
): FieldErrors | undefined {
  if (!payers || payers.all) return errors;
  const out: FieldErrors = { ...errors };
  if (payers.search?.error) out.q = payers.search.error;
  if (out.institutionId && searchOptions(payers).length === 0) {
    out.q ??= out.institutionId;
    delete out.institutionId;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * "Find your institution": a GET form of its own, before the submit form (forms cannot nest), so a
 * search never sends the application. The answer comes back to the same page, scrolled to the results.
 */
export function InstitutionSearchForm(p: { payers: PayerChoices; error?: string | undefined }) {
  if (p.payers.all) return null;
  return (
    <section>
      <h3 id="find-institution-title">Find your institution</h3>
      <p>
        If your library or agency pays the fee by purchase order, find it here, then choose it below
        {p.payers.chosen ? ' (or keep the one already chosen)' : ''}.
      </p>
      <form
        method="get"
        action={`/application/check#${SUBMIT_SECTION_ID}`}
        aria-labelledby="find-institution-title"
        novalidate
      >
        <div class="search-row">
          <TextField
            name="q"
            type="search"
            label="Name of your institution or its state"
            hint="Part of the name is enough, like “Lincoln” or “Lincoln Illinois”."
            value={p.payers.search?.query}
            error={p.error}
            autocomplete="off"
          />
          <button type="submit" class="secondary">
            Find institution
          </button>
        </div>
      </form>
    </section>
  );
}

function NoMatch({ query }: { query: string }) {
  return (
    <div class="warning">
      <p>No registered institution matches “{query}”. Check the spelling, or type less of the name.</p>
      <p>
        If your institution is not registered yet, ask the person who handles purchase orders there to
        register it (they can do it on <a href="/institutions/register">Register an institution</a>), then
        find it here. Or choose to pay by card or by check instead.
      </p>
    </div>
  );
}

/** Inside the submit form: which institution pays, under the field name the submission reads. */
export function InstitutionChoiceField(p: {
  payers: PayerChoices;
  value: string | undefined;
  error: string | undefined;
}) {
  const { payers } = p;
  if (payers.all) {
    return (
      <SelectField
        name="institutionId"
        label="If your institution pays: which institution?"
        hint="Your library or agency sends the program a purchase order naming you."
        placeholder="Choose your institution"
        options={payers.all.map((i) => [i.id, labelOf(i)] as const)}
        value={p.value ?? payers.chosen?.id}
        error={p.error}
      />
    );
  }
  const search = payers.search && !payers.search.error ? payers.search : null;
  const options = searchOptions(payers);
  const more = search?.more
    ? `More than ${PAYER_SEARCH_LIMIT} institutions match “${search.query}”: these are the first ${PAYER_SEARCH_LIMIT} by name. If yours is not here, type more of its name in “Find your institution”.`
    : undefined;
  return (
    <>
      {search && <input type="hidden" name="q" value={search.query} />}
      {options.length > 0 && (
        <ChoiceField
          name="institutionId"
          legend="If your institution pays: which institution?"
          hint={
            more ??
            (search
              ? `${payers.chosen && options[0] === payers.chosen ? 'The one already chosen, then those' : 'Those'} matching “${search.query}”, by name.`
              : 'Already chosen for your application. To choose another, find it above.')
          }
          options={options.map((i) => [i.id, labelOf(i)] as const)}
          value={p.value ?? payers.chosen?.id}
          error={p.error}
        />
      )}
      {search && search.items.length === 0 && <NoMatch query={search.query} />}
      {options.length === 0 && !search && (
        <p class="hint">If your institution pays, first find it with “Find your institution” above.</p>
      )}
    </>
  );
}
