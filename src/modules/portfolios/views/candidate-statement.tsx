import type { FieldErrors } from '../../../platform/errors.js';
import { formatNumber } from '../../../views/format.js';
import { ErrorSummary, Form, TextArea } from '../../../views/forms.js';
import { STATEMENT_GUIDE_WORDS } from '../portfolio-progress.js';
import type { PortfolioView } from '../use-cases/view-portfolio.js';
import { portfolioTitle } from './candidate-common.js';

/** The Personal Learning Statement: three prompts, one text box, the word count after each save. */
export function StatementPage(p: {
  v: PortfolioView;
  csrfToken: string;
  /** What was typed, when a save was refused; else the saved statement. */
  value?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { v } = p;
  const base = `/portfolios/${v.portfolio.id}`;
  const words = v.progress.statementWords;
  const guide = formatNumber(STATEMENT_GUIDE_WORDS);
  return (
    <>
      <h1>Personal Learning Statement</h1>
      <p class="hint">{portfolioTitle(v)}</p>
      <ErrorSummary errors={p.errors} />
      <p>Write about this competency set in your own words. Cover these three things:</p>
      <ol>
        <li>Why {v.set.title} matters in your work.</li>
        <li>Your experience: what you do, and have done, in this area.</li>
        <li>Your new learning: what you learned while doing this work and building this portfolio.</li>
      </ol>
      <p>
        Aim for about three pages (around {guide} words). Leave out names of people and of your library. Save
        as often as you like: your draft is kept.
      </p>
      <p>
        {words === 0
          ? 'Nothing saved yet.'
          : `Saved: ${formatNumber(words)} ${words === 1 ? 'word' : 'words'}.`}
        {words > STATEMENT_GUIDE_WORDS &&
          ` That is more than the suggested ${guide} words: evaluators read it all, but a shorter statement is easier to follow.`}
      </p>
      {v.statementEditable ? (
        <Form action={`${base}/statement`} csrfToken={p.csrfToken}>
          <TextArea
            name="statement"
            label="Your statement"
            value={p.value ?? v.portfolio.statement ?? ''}
            error={p.errors?.statement}
            rows={24}
          />
          <button type="submit">Save the statement</button>
        </Form>
      ) : (
        <>
          <p class="notice">This portfolio is locked: the statement can no longer be changed.</p>
          <div class="message-body">{v.portfolio.statement ?? ''}</div>
        </>
      )}
      <p>
        <a href={base}>Back to the portfolio</a>
      </p>
    </>
  );
}
