import { z } from 'zod';
import { money } from '../../../lib/money.js';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import { deliveryModes } from '../../courses/schema.js';
import type { CompetencySet } from '../../policy/framework.js';
import { providerTypes } from '../../providers/schema.js';
import type { CatalogListRow, ProviderRow } from '../catalog-repository.js';
import type { OfferingRow } from '../offering-repository.js';
import type { CatalogSearchResult } from '../use-cases/search-catalog.js';
import type { CatalogCourseView } from '../use-cases/view-catalog-course.js';

const day = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');

export const offeringOut = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  startsOn: day,
  endsOn: day,
  online: z.boolean(),
  city: z.string().nullable(),
  state: z.string().nullable().describe('USPS code; null when online'),
  notes: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

export const offeringOf = (o: OfferingRow) => ({
  id: o.id,
  courseId: o.courseId,
  startsOn: o.startsOn,
  endsOn: o.endsOn,
  online: o.online,
  city: o.city,
  state: o.state,
  notes: o.notes,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});

const setOut = z.object({ id: z.string(), code: z.string(), title: z.string() });
const setOf = (sets: readonly CompetencySet[], id: string) => {
  const s = sets.find((x) => x.id === id);
  return { id, code: s?.code ?? id, title: s?.title ?? id };
};

const sessionOut = z.object({
  startsOn: day,
  endsOn: day,
  online: z.boolean(),
  city: z.string().nullable(),
  state: z.string().nullable(),
});

export const catalogCourseSummaryOut = z.object({
  number: z.string(),
  title: z.string(),
  summary: z.string().describe('The start of the description'),
  set: setOut,
  delivery: z.enum(deliveryModes),
  length: z.string(),
  contactHours: z.number(),
  costToStudents: moneySchema,
  provider: z.object({ id: z.uuid(), name: z.string() }),
  inBundle: z.boolean(),
  firstApprovedOn: day,
  approvalEndsOn: day.describe('The last day of the approval'),
  nextSession: sessionOut.nullable().describe('The next session starting today or later'),
  url: z.string().describe('The course page'),
});

const summaryOf = (base: string, sets: readonly CompetencySet[]) => (r: CatalogListRow) => ({
  number: r.number,
  title: r.title,
  summary: r.summary,
  set: setOf(sets, r.setId),
  delivery: r.delivery,
  length: r.length,
  contactHours: r.contactHours,
  costToStudents: moneyOut(money(r.costToStudentsCents)),
  provider: { id: r.providerId, name: r.providerName },
  inBundle: r.bundleId !== null,
  firstApprovedOn: r.firstApprovedOn,
  approvalEndsOn: r.approvalEndsOn,
  nextSession: r.nextOffering,
  url: `${base}/catalog/courses/${r.number}`,
});

export const catalogPageOut = z.object({
  items: z.array(catalogCourseSummaryOut),
  total: z.int().describe('Exact number of matching courses'),
  page: z.int(),
  pageSize: z.int(),
  order: z.enum(['relevance', 'newest']),
});

export const catalogPageOf = (base: string, r: CatalogSearchResult) => ({
  items: r.rows.map(summaryOf(base, r.sets)),
  total: r.total,
  page: r.page,
  pageSize: r.pageSize,
  order: r.order,
});

export const catalogCourseOut = z.object({
  number: z.string(),
  title: z.string(),
  description: z.string(),
  set: setOut.extend({
    competencies: z.array(z.object({ id: z.string(), topic: z.string() })),
  }),
  delivery: z.enum(deliveryModes),
  synchronous: z.boolean().describe('Taught at set times (true) or at the student’s own pace'),
  length: z.string(),
  contactHours: z.number(),
  locations: z.string().nullable(),
  costToStudents: moneySchema,
  registrationUrl: z.string().nullable(),
  provider: z.object({ id: z.uuid(), name: z.string(), type: z.enum(providerTypes) }),
  firstApprovedOn: day,
  approvalEndsOn: day,
  bundle: z
    .object({
      number: z.string(),
      title: z.string(),
      courses: z.array(z.object({ number: z.string(), title: z.string() })),
    })
    .nullable()
    .describe('For a course of a bundle: the bundle and all its courses, to be taken together'),
  sessions: z.array(sessionOut.extend({ notes: z.string().nullable() })).describe('Running or upcoming'),
  url: z.string(),
});

export const catalogCourseOf = (base: string, v: Extract<CatalogCourseView, { lapsed: false }>) => {
  const c = v.course;
  return {
    number: c.number,
    title: c.title,
    description: c.description,
    set: {
      id: v.set.id,
      code: v.set.code,
      title: v.set.title,
      competencies: v.set.competencies.map((k) => ({ id: k.id, topic: k.topic })),
    },
    delivery: c.delivery,
    synchronous: c.synchronous,
    length: c.length,
    contactHours: c.contactHours,
    locations: c.locations,
    costToStudents: moneyOut(money(c.costToStudentsCents)),
    registrationUrl: c.registrationUrl,
    provider: { id: c.providerId, name: c.providerName, type: c.providerType },
    firstApprovedOn: c.firstApprovedOn,
    approvalEndsOn: c.approvalEndsOn,
    bundle: v.bundle,
    sessions: v.offerings.map((o) => ({
      startsOn: o.startsOn,
      endsOn: o.endsOn,
      online: o.online,
      city: o.city,
      state: o.state,
      notes: o.notes,
    })),
    url: `${base}/catalog/courses/${c.number}`,
  };
};

export const catalogProviderOut = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(providerTypes),
  city: z.string(),
  region: z.string(),
  country: z.string(),
  website: z.string().nullable(),
  contactEmail: z.string(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  courses: catalogPageOut,
});

export const catalogProviderOf = (base: string, p: ProviderRow, r: CatalogSearchResult) => ({
  id: p.id,
  name: p.name,
  type: p.type,
  city: p.city,
  region: p.region,
  country: p.country,
  website: p.website,
  contactEmail: p.contactEmail,
  phone: p.phone,
  description: p.description,
  courses: catalogPageOf(base, r),
});
