import { Pagination } from '../../../views/forms.js';
import type { WebinarRow } from '../webinar-repository.js';
import { WebinarCard } from './webinar-parts.js';

/** Upcoming portfolio webinars, for candidates and anyone thinking of a portfolio. */
export function WebinarPublicPage(p: { items: WebinarRow[]; total: number; page: number; pageSize: number }) {
  return (
    <>
      <h1>Portfolio webinars</h1>
      <p class="lead">
        Live online sessions on preparing a portfolio: choosing evidence for each competency, marking it
        primary or secondary, and writing your Personal Learning Statement. Times are shown in the time zone
        each webinar is announced in; the calendar file puts it at the right time in yours.
      </p>
      {p.items.length === 0 ? (
        <p>No webinars are scheduled at the moment. Check again soon.</p>
      ) : (
        <ul class="cards">
          {p.items.map((w) => (
            <WebinarCard w={w} headingLevel={2} />
          ))}
        </ul>
      )}
      <Pagination
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/portfolios/webinars?page=${n}`}
      />
    </>
  );
}
