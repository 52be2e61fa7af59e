import type { FieldErrors } from '../../../platform/errors.js';
import { formatBytes } from '../../../platform/files/format-bytes.js';
import { ErrorSummary, Form } from '../../../views/forms.js';
import { evidenceKindLabels, evidenceRoleLabels, roleOf } from '../labels.js';
import type { EvidenceRow } from '../repository.js';
import type { CompetencyView } from '../use-cases/view-portfolio.js';
import type { PortfolioOutcomeView } from '../use-cases/view-portfolio-outcome.js';
import { BlindReminder, portfolioTitle } from './candidate-common.js';
import { EvidenceForm, type EvidenceValues } from './candidate-evidence-form.js';
import { CompetencyOutcome } from './candidate-outcome.js';

function Content({ base, e }: { base: string; e: EvidenceRow }) {
  if (e.kind === 'file')
    return (
      <a href={`${base}/evidence/${e.id}/file`}>
        {e.fileName}
        <span class="hint"> ({formatBytes(e.size ?? 0)})</span>
      </a>
    );
  if (e.kind === 'link')
    return (
      <a href={e.url ?? ''} rel="noopener noreferrer nofollow">
        {e.url}
      </a>
    );
  return <div class="message-body">{e.body}</div>;
}

function EvidenceItem(p: { base: string; e: EvidenceRow; editable: boolean; csrfToken: string }) {
  const { e } = p;
  return (
    <div class="card">
      <h3>{e.title}</h3>
      <p>
        <span class={e.primary ? 'tag ok' : 'tag'}>{evidenceRoleLabels[roleOf(e)]}</span>{' '}
        {evidenceKindLabels[e.kind]}
      </p>
      <p>
        <Content base={p.base} e={e} />
      </p>
      <p>
        <strong>How it shows the competency:</strong>
      </p>
      <div class="message-body">{e.explanation}</div>
      {p.editable && (
        <div class="actions">
          <a href={`${p.base}/evidence/${e.id}`}>
            Change<span class="visually-hidden"> {e.title}</span>
          </a>
          <Form action={`${p.base}/evidence/${e.id}/remove`} csrfToken={p.csrfToken}>
            <button type="submit" class="secondary">
              Remove<span class="visually-hidden"> {e.title}</span>
            </button>
          </Form>
        </div>
      )}
    </div>
  );
}

/** One competency: its text, its evidence, and the form to add more. */
export function CompetencyPage(p: {
  v: CompetencyView;
  csrfToken: string;
  values: EvidenceValues;
  errors?: FieldErrors | undefined;
  maxBytes: number;
  outcome?: PortfolioOutcomeView | undefined;
}) {
  const { v } = p;
  const base = `/portfolios/${v.portfolio.id}`;
  const c = v.competency;
  return (
    <>
      <h1>
        {c.id} {c.topic}
      </h1>
      <p class="hint">{portfolioTitle(v)}</p>
      <ErrorSummary errors={p.errors} />
      {!v.editable && v.owner && v.portfolio.status !== 'more_information' && (
        <p class="notice">This portfolio is locked: its evidence can no longer be changed.</p>
      )}
      {p.outcome && <CompetencyOutcome v={v} o={p.outcome} />}
      <h2>Evidence</h2>
      {v.items.length === 0 ? (
        <p>No evidence added yet.</p>
      ) : (
        v.items.map((e) => <EvidenceItem base={base} e={e} editable={v.editable} csrfToken={p.csrfToken} />)
      )}
      {v.editable && (
        <>
          <h2>Add evidence</h2>
          <BlindReminder />
          <EvidenceForm
            action={`${base}/competencies/${c.id}/evidence`}
            csrfToken={p.csrfToken}
            kind={null}
            values={p.values}
            errors={p.errors}
            maxBytes={p.maxBytes}
            submitLabel="Add the evidence"
          />
        </>
      )}
      <nav aria-label="Competencies" class="actions">
        {v.previous && <a href={`${base}/competencies/${v.previous.id}`}>Previous: {v.previous.id}</a>}
        {v.next && <a href={`${base}/competencies/${v.next.id}`}>Next: {v.next.id}</a>}
        <a href={base}>Back to the portfolio</a>
      </nav>
    </>
  );
}
