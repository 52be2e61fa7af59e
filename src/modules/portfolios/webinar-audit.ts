import type { WebinarRow } from './webinar-repository.js';

/** What the audit trail keeps of a webinar. */
export const webinarAudit = (w: WebinarRow) => ({
  title: w.title,
  description: w.description,
  startsAt: w.startsAt.toISOString(),
  timeZone: w.timeZone,
  durationMinutes: w.durationMinutes,
  registrationUrl: w.registrationUrl,
});
