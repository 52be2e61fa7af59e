import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireRole } from '../../accounts/access.js';
import { buildCalendar } from '../rules/ics.js';
import { findWebinar, listWebinars, type WebinarRow } from '../webinar-repository.js';
import { webinarNotFound } from './change-webinar.js';

export const WEBINAR_PAGE_SIZE = 20;

const page = z.coerce.number({ error: 'Enter a page number' }).int().min(1).max(10_000).optional();
export const upcomingWebinarsQuery = z.object({ page });
export const staffWebinarsQuery = z.object({
  when: z.enum(['upcoming', 'past']).optional().describe('Upcoming (the default) or already started'),
  page,
});

/** Webinars not yet started, soonest first: for candidates, and anyone who wants to prepare. */
export async function listUpcomingWebinars(ctx: Ctx, query: z.infer<typeof upcomingWebinarsQuery>) {
  const current = query.page ?? 1;
  const { rows, total } = await listWebinars(ctx.db, 'upcoming', ctx.clock.now(), {
    limit: WEBINAR_PAGE_SIZE,
    offset: (current - 1) * WEBINAR_PAGE_SIZE,
  });
  return { items: rows, total, page: current, pageSize: WEBINAR_PAGE_SIZE };
}

/** The next few, for the pre-review page. */
export async function nextWebinars(ctx: Ctx, limit = 3): Promise<WebinarRow[]> {
  return (await listWebinars(ctx.db, 'upcoming', ctx.clock.now(), { limit, offset: 0 })).rows;
}

/** Staff see both the upcoming webinars and those already held. */
export async function listWebinarsForStaff(ctx: Ctx, query: z.infer<typeof staffWebinarsQuery>) {
  requireRole(ctx.actor, 'staff', 'admin');
  const when = query.when ?? 'upcoming';
  const current = query.page ?? 1;
  const { rows, total } = await listWebinars(ctx.db, when, ctx.clock.now(), {
    limit: WEBINAR_PAGE_SIZE,
    offset: (current - 1) * WEBINAR_PAGE_SIZE,
  });
  return { items: rows, total, page: current, pageSize: WEBINAR_PAGE_SIZE, when };
}

/** One webinar, for anyone (the list is public). */
export async function findWebinarById(ctx: Ctx, id: string): Promise<WebinarRow> {
  const webinar = UUID_PATTERN.test(id) ? await findWebinar(ctx.db, id) : undefined;
  if (!webinar) throw webinarNotFound();
  return webinar;
}

/** One webinar, for staff to change. */
export async function findWebinarForStaff(ctx: Ctx, id: string): Promise<WebinarRow> {
  requireRole(ctx.actor, 'staff', 'admin');
  return findWebinarById(ctx, id);
}

/** The webinar as an iCalendar file to add to one's calendar. */
export async function webinarCalendarFile(ctx: Ctx, id: string): Promise<{ fileName: string; body: string }> {
  const webinar = await findWebinarById(ctx, id);
  const host = new URL(ctx.config.baseUrl).hostname;
  const description = [webinar.description, `Register: ${webinar.registrationUrl}`]
    .filter(Boolean)
    .join('\n\n');
  const body = buildCalendar(
    [
      {
        uid: `portfolio-webinar-${webinar.id}@${host}`,
        stamp: ctx.clock.now(),
        start: webinar.startsAt,
        end: new Date(webinar.startsAt.getTime() + webinar.durationMinutes * 60_000),
        summary: webinar.title,
        description,
        url: webinar.registrationUrl,
      },
    ],
    { productId: '-//LSSC//Portfolio webinars//EN' },
  );
  return { fileName: `lssc-webinar-${webinar.startsAt.toISOString().slice(0, 10)}.ics`, body };
}
