import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../platform/errors.js';

/** GOV.UK-style error summary: focusable, lists every problem, each linking to its field. */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
}: {
  errors: FieldErrors | undefined;
  title?: string;
}) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | number | null | undefined;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'search';
  autocomplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
  width?: 'short' | 'medium' | 'long';
  step?: string;
  min?: string | number;
  max?: string | number;
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The label, hint and error message every field has, around its control (GOV.UK pattern). */
function LabelledField(p: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${p.error ? ' field-error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="error-message" id={`${p.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {p.error}
        </p>
      )}
      {p.children}
    </div>
  );
}

export function TextField(p: FieldProps) {
  const id = fieldId(p.name);
  return (
    <LabelledField id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        required={p.required}
        inputMode={p.inputMode}
        step={p.step}
        min={p.min}
        max={p.max}
        class={p.width ? `w-${p.width}` : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </LabelledField>
  );
}

/** `idSuffix` keeps ids unique when one page repeats the same form (one per item of a list). */
export function TextArea(p: Omit<FieldProps, 'type'> & { rows?: number; idSuffix?: string }) {
  const id = fieldId(p.idSuffix ? `${p.name}-${p.idSuffix}` : p.name);
  return (
    <LabelledField id={id} label={p.label} hint={p.hint} error={p.error}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.value ?? ''}
      </textarea>
    </LabelledField>
  );
}

export function SelectField(
  p: Omit<FieldProps, 'type'> & { options: ReadonlyArray<readonly [string, string]>; placeholder?: string },
) {
  const id = fieldId(p.name);
  return (
    <LabelledField id={id} label={p.label} hint={p.hint} error={p.error}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map(([value, label]) => (
          <option value={value} selected={String(p.value ?? '') === value}>
            {label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** Radios or checkboxes in a fieldset; the legend is the question. */
export function ChoiceField(p: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  type?: 'radio' | 'checkbox';
  options: ReadonlyArray<readonly [string, string]>;
  value?: string | string[] | null | undefined;
  inline?: boolean;
}) {
  const id = fieldId(p.name);
  const chosen = new Set(Array.isArray(p.value) ? p.value : p.value ? [p.value] : []);
  return (
    <div class={`field${p.error ? ' field-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, p.hint, p.error)}>
        <legend>{p.legend}</legend>
        {p.hint && (
          <p class="hint" id={`${id}-hint`}>
            {p.hint}
          </p>
        )}
        {p.error && (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">Error: </span>
            {p.error}
          </p>
        )}
        <div class={p.inline ? 'choices inline-choices' : 'choices'}>
          {p.options.map(([value, label], i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div class="choice">
                <input
                  type={p.type ?? 'radio'}
                  id={optionId}
                  name={p.name}
                  value={value}
                  checked={chosen.has(value)}
                />
                <label for={optionId}>{label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function Form(p: {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  id?: string;
  enctype?: string;
}) {
  return (
    <form method="post" action={p.action} novalidate id={p.id} enctype={p.enctype}>
      <CsrfField token={p.csrfToken} />
      {p.children}
    </form>
  );
}

export function Pagination(p: {
  page: number;
  pageSize: number;
  total: number;
  /** False when the total is a lower bound: there may be more pages than it gives. */
  totalExact?: boolean;
  href: (page: number) => string;
}) {
  const exact = p.totalExact !== false;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize)) + (exact ? 0 : 1);
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {p.page > 1 && (
        <a href={p.href(p.page - 1)} rel="prev">
          Previous page
        </a>
      )}
      <span>
        Page {p.page} of {exact ? pages : `more than ${pages - 1}`}
      </span>
      {p.page < pages && (
        <a href={p.href(p.page + 1)} rel="next">
          Next page
        </a>
      )}
    </nav>
  );
}

/** A file input with its hint and error, labelled and described like the other fields. */
export function FileField(p: {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  accept: string;
}) {
  const id = fieldId(p.name);
  return (
    <LabelledField id={id} label={p.label} hint={p.hint} error={p.error}>
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, p.error)}
      />
    </LabelledField>
  );
}
