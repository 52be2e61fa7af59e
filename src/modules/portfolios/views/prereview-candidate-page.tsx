import { formatDateTime } from '../../../views/format.js';
import { Form } from '../../../views/forms.js';
import { statusLabels } from '../prereview-access.js';
import type { MyPrereview } from '../use-cases/request-prereview.js';
import type { WebinarRow } from '../webinar-repository.js';
import { CommentList, Row } from './prereview-parts.js';
import { WebinarCard } from './webinar-parts.js';

/** The candidate's pre-review: ask for one or withdraw it, read the comments, find a webinar. */
export function CandidatePrereviewPage(p: { v: MyPrereview; webinars: WebinarRow[]; csrfToken: string }) {
  const { portfolio, set, comments } = p.v;
  const base = `/portfolios/${portfolio.id}/prereview`;
  const onStatement = comments.filter((c) => c.competencyId === null);
  const commented = set.competencies.filter((c) => comments.some((m) => m.competencyId === c.id));
  return (
    <>
      <p>
        <a href={`/portfolios/${portfolio.id}`}>Back to your portfolio</a>
      </p>
      <h1>Pre-review of your {set.title} portfolio</h1>
      <p class="lead">
        Before you submit, the program staff can look at your portfolio and comment on each competency and on
        your Personal Learning Statement. A pre-review is free and does not count as a submission.
      </p>
      <dl class="summary">
        <Row label="Status">{statusLabels[portfolio.status]}</Row>
        {portfolio.status === 'prereview_requested' && portfolio.prereviewRequestedAt && (
          <Row label="Asked for">{formatDateTime(portfolio.prereviewRequestedAt)}</Row>
        )}
      </dl>
      {portfolio.status === 'draft' && (
        <Form action={base} csrfToken={p.csrfToken}>
          <p>
            Ask when your evidence and statement are far enough along to be worth a look. You can keep working
            on your portfolio while staff review it.
          </p>
          <button type="submit">Ask for a pre-review</button>
        </Form>
      )}
      {portfolio.status === 'prereview_requested' && (
        <Form action={`${base}/withdraw`} csrfToken={p.csrfToken}>
          <p>
            The program staff will mail you when their comments are ready. You can keep working on your
            portfolio meanwhile, or withdraw the request if you no longer need it.
          </p>
          <button type="submit" class="secondary">
            Withdraw the pre-review request
          </button>
        </Form>
      )}
      {portfolio.status !== 'draft' && portfolio.status !== 'prereview_requested' && (
        <p>Your portfolio has been submitted, so it can no longer be pre-reviewed.</p>
      )}

      <h2>Comments from the program staff</h2>
      {comments.length === 0 ? (
        <p>No comments yet. They appear here, newest first, once a pre-review is finished.</p>
      ) : (
        <>
          {commented.map((c) => (
            <section>
              <h3>
                {c.id}: {c.topic}
              </h3>
              <CommentList
                comments={comments.filter((m) => m.competencyId === c.id)}
                showAuthor={false}
                empty="No comments."
              />
            </section>
          ))}
          <section>
            <h3>Personal Learning Statement</h3>
            <CommentList comments={onStatement} showAuthor={false} empty="No comments on your statement." />
          </section>
        </>
      )}

      <h2>Portfolio webinars</h2>
      <p>
        The program holds regular webinars on preparing a portfolio.{' '}
        <a href="/portfolios/webinars">See all upcoming webinars</a>.
      </p>
      {p.webinars.length === 0 ? (
        <p>No webinars are scheduled at the moment. Check again soon.</p>
      ) : (
        <ul class="cards">
          {p.webinars.map((w) => (
            <WebinarCard w={w} />
          ))}
        </ul>
      )}
    </>
  );
}
