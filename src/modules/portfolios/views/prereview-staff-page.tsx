import type { FieldErrors } from '../../../platform/errors.js';
import { formatDateTime } from '../../../views/format.js';
import { ErrorSummary, Form, fieldId, TextArea } from '../../../views/forms.js';
import { statusLabels } from '../prereview-access.js';
import type { StaffPortfolioView } from '../use-cases/view-portfolio-for-staff.js';
import { CommentList, EvidenceItem, Row } from './prereview-parts.js';
import { PREREVIEW_BASE } from './prereview-queue-page.js';

/** The comment target in URLs and field names: a competency id, or "statement". */
export const STATEMENT = 'statement';
export const commentField = (about: string) => `comment-${about}`;

function CommentForm(p: {
  action: string;
  about: string;
  label: string;
  csrfToken: string;
  values: Record<string, string> | undefined;
  errors: FieldErrors | undefined;
}) {
  const name = commentField(p.about);
  return (
    <Form action={`${p.action}/comments/${encodeURIComponent(p.about)}`} csrfToken={p.csrfToken}>
      <TextArea name={name} label={p.label} rows={4} value={p.values?.[name]} error={p.errors?.[name]} />
      <button type="submit" class="secondary">
        Save the comment
      </button>
    </Form>
  );
}

/** A portfolio as staff pre-review it: every competency with its evidence and comments, the statement. */
export function StaffPrereviewPage(p: {
  v: StaffPortfolioView;
  csrfToken: string;
  values?: Record<string, string> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { portfolio, candidate, set, evidence, comments, open } = p.v;
  const base = `${PREREVIEW_BASE}/${portfolio.id}`;
  const form = { action: base, csrfToken: p.csrfToken, values: p.values, errors: p.errors };
  return (
    <>
      <p>
        <a href={PREREVIEW_BASE}>Back to the pre-review queue</a>
      </p>
      <h1>
        Pre-review: {candidate?.displayName ?? 'Candidate'}, {set.title}
      </h1>
      <ErrorSummary errors={p.errors} />
      <dl class="summary">
        <Row label="Candidate">
          {candidate?.displayName} {candidate && `<${candidate.email}>`}
          {candidate?.applicationNumber && ` (${candidate.applicationNumber})`}
        </Row>
        <Row label="Competency set">
          {set.code}: {set.title}
        </Row>
        <Row label="Status">{statusLabels[portfolio.status]}</Row>
        {open && portfolio.prereviewRequestedAt && (
          <Row label="Asked for">{formatDateTime(portfolio.prereviewRequestedAt)}</Row>
        )}
      </dl>
      {!open && (
        <p class="notice">
          This portfolio is not waiting for a pre-review, so it cannot be commented on now.
        </p>
      )}
      {set.competencies.map((c) => {
        const items = evidence.filter((e) => e.competencyId === c.id);
        return (
          <section id={`c-${c.id}`}>
            <h2>
              {c.id}: {c.topic}
            </h2>
            <h3>Evidence</h3>
            {items.length === 0 ? (
              <p>No evidence yet.</p>
            ) : (
              <ul>
                {items.map((e) => (
                  <EvidenceItem e={e} fileHref={`${base}/evidence/${e.id}`} />
                ))}
              </ul>
            )}
            <h3>Comments</h3>
            <CommentList
              comments={comments.filter((m) => m.competencyId === c.id)}
              showAuthor
              empty="No comments yet."
            />
            {open && <CommentForm {...form} about={c.id} label={`Your comment on ${c.id}`} />}
          </section>
        );
      })}
      <section id={`c-${STATEMENT}`}>
        <h2>Personal Learning Statement</h2>
        {portfolio.statement ? (
          <div class="message-body">{portfolio.statement}</div>
        ) : (
          <p>No statement yet.</p>
        )}
        <h3>Comments</h3>
        <CommentList
          comments={comments.filter((m) => m.competencyId === null)}
          showAuthor
          empty="No comments yet."
        />
        {open && <CommentForm {...form} about={STATEMENT} label="Your comment on the statement" />}
      </section>
      {open && (
        <>
          <h2>Finish the pre-review</h2>
          <Form action={`${base}/finish`} csrfToken={p.csrfToken}>
            <p>
              The portfolio goes back to the candidate as a draft, and they are mailed that your comments are
              ready.
            </p>
            <button type="submit" id={fieldId('finish')}>
              Finish the pre-review
            </button>
          </Form>
        </>
      )}
    </>
  );
}
