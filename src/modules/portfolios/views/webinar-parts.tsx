import { formatDuration, formatWebinarTime, timeZoneLabel } from '../rules/webinar-time.js';
import type { WebinarRow } from '../webinar-repository.js';

export const calendarHref = (id: string) => `/portfolios/webinars/${id}.ics`;

/** One webinar as candidates see it: when (in its own zone), how long, how to register. */
export function WebinarCard(p: { w: WebinarRow; headingLevel?: 2 | 3 }) {
  const { w } = p;
  const Heading = p.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card">
      <Heading>{w.title}</Heading>
      <p>
        <strong>{formatWebinarTime(w.startsAt, w.timeZone)}</strong> ({timeZoneLabel(w.timeZone)}),{' '}
        {formatDuration(w.durationMinutes)}
      </p>
      {w.description && <p class="message-body">{w.description}</p>}
      <p>
        <a href={w.registrationUrl} rel="noopener noreferrer">
          Register for “{w.title}”
        </a>{' '}
        · <a href={calendarHref(w.id)}>Add “{w.title}” to your calendar (.ics)</a>
      </p>
    </li>
  );
}
