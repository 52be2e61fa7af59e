import { z } from 'zod';
import type { App } from '../../../platform/http/app-type.js';
import { ctxFrom } from '../../../platform/http/ctx.js';
import { formatWebinarTime, localTimeOf } from '../rules/webinar-time.js';
import { addWebinar } from '../use-cases/add-webinar.js';
import { changeWebinar } from '../use-cases/change-webinar.js';
import {
  findWebinarById,
  listUpcomingWebinars,
  listWebinarsForStaff,
  staffWebinarsQuery,
  upcomingWebinarsQuery,
} from '../use-cases/list-webinars.js';
import { removeWebinar } from '../use-cases/remove-webinar.js';
import { calendarHref } from '../views/webinar-parts.js';
import { webinarInputSchema } from '../webinar-input.js';
import type { WebinarRow } from '../webinar-repository.js';

const tags = ['portfolio webinars'];
const base = '/api/v1/portfolio-webinars';
const idParams = z.object({ id: z.string().max(64) });
const staffOnly = 'For program staff (after MFA).';

const webinarOut = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string().describe('The instant it starts, ISO 8601 in UTC'),
  endsAt: z.string(),
  timeZone: z.string().describe('The IANA zone the time is announced in'),
  localDate: z.string().describe('The start date in that zone, YYYY-MM-DD'),
  localTime: z.string().describe('The start time in that zone, HH:MM (24-hour)'),
  startsAtText: z.string().describe('The start as announced, e.g. "Tuesday 12 January 2027, 2:00 PM EST"'),
  durationMinutes: z.number(),
  registrationUrl: z.string(),
  calendarUrl: z.string().describe('The iCalendar (.ics) file of the webinar'),
});
const pageOut = z.object({
  items: z.array(webinarOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
const savedOut = webinarOut.extend({
  note: z
    .string()
    .nullable()
    .describe('Set when the time happens twice (clocks going back): which was taken'),
});

function webinarOf(w: WebinarRow): z.infer<typeof webinarOut> {
  const local = localTimeOf(w.startsAt, w.timeZone);
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    startsAt: w.startsAt.toISOString(),
    endsAt: new Date(w.startsAt.getTime() + w.durationMinutes * 60_000).toISOString(),
    timeZone: w.timeZone,
    localDate: local.date,
    localTime: local.time,
    startsAtText: formatWebinarTime(w.startsAt, w.timeZone),
    durationMinutes: w.durationMinutes,
    registrationUrl: w.registrationUrl,
    calendarUrl: calendarHref(w.id),
  };
}

const pageOf = (r: { items: WebinarRow[]; total: number; page: number; pageSize: number }) => ({
  items: r.items.map(webinarOf),
  total: r.total,
  page: r.page,
  pageSize: r.pageSize,
});

/** Portfolio webinars as JSON: anyone reads the upcoming ones; staff keep the list. */
export function registerWebinarApi(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Upcoming portfolio webinars, soonest first',
        description: 'Public: no sign-in needed.',
        querystring: upcomingWebinarsQuery,
        response: { 200: pageOut },
      },
    },
    async (req) => pageOf(await listUpcomingWebinars(ctxFrom(req), req.query)),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One portfolio webinar',
        description: 'Public: no sign-in needed.',
        params: idParams,
        response: { 200: webinarOut },
      },
    },
    async (req) => webinarOf(await findWebinarById(ctxFrom(req), req.params.id)),
  );
  app.get(
    '/api/v1/staff/portfolio-webinars',
    {
      schema: {
        tags,
        summary: 'Portfolio webinars for staff: upcoming or past',
        description: staffOnly,
        querystring: staffWebinarsQuery,
        response: { 200: pageOut.extend({ when: z.enum(['upcoming', 'past']) }) },
      },
    },
    async (req) => {
      const r = await listWebinarsForStaff(ctxFrom(req), req.query);
      return { ...pageOf(r), when: r.when };
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a portfolio webinar',
        description: `${staffOnly} The date and time are local to the time zone, and must be in the future.`,
        body: webinarInputSchema,
        response: { 200: savedOut },
      },
    },
    async (req) => {
      const { webinar, note } = await addWebinar(ctxFrom(req), req.body);
      return { ...webinarOf(webinar), note: note ?? null };
    },
  );
  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a portfolio webinar that has not started',
        description: staffOnly,
        params: idParams,
        body: webinarInputSchema,
        response: { 200: savedOut },
      },
    },
    async (req) => {
      const { webinar, note } = await changeWebinar(ctxFrom(req), req.params.id, req.body);
      return { ...webinarOf(webinar), note: note ?? null };
    },
  );
  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a portfolio webinar',
        description: staffOnly,
        params: idParams,
        response: { 200: z.object({ id: z.uuid(), removed: z.literal(true) }) },
      },
    },
    async (req) => ({ id: (await removeWebinar(ctxFrom(req), req.params.id)).id, removed: true as const }),
  );
}
