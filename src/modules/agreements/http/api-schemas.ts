import { z } from 'zod';
import type { AgreementRow, CollegeRow, CourseRow, ProgramRow } from '../repository.js';
import { programAwards } from '../schema.js';
import type { AgreementPage, PublicAgreement } from '../use-cases/list-agreements.js';
import type { ProgramView } from '../use-cases/view-agreements-staff.js';

export const tags = ['agreements'];
const day = z.string().describe('YYYY-MM-DD');
const instant = z.string().describe('ISO 8601 instant');

export const collegeOut = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  website: z.string().nullable(),
  contactEmail: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export const collegeOf = (c: CollegeRow) => ({
  ...c,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const programOut = z.object({
  id: z.string(),
  collegeId: z.string(),
  name: z.string(),
  award: z.enum(programAwards),
});
export const programOf = (p: ProgramRow) => ({
  id: p.id,
  collegeId: p.collegeId,
  name: p.name,
  award: p.award,
});

export const courseOut = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  setIds: z.array(z.string()),
});
export const courseOf = (c: CourseRow) => ({ id: c.id, code: c.code, title: c.title, setIds: c.setIds });

export const agreementOut = z.object({
  id: z.string(),
  reference: z.string().describe('AGR-YYYY-NNNNNN'),
  programId: z.string(),
  coverage: z.enum(['full', 'partial']),
  coveredSetIds: z.array(z.string()),
  effectiveFrom: day,
  endsOn: day.nullable(),
  status: z.enum(['in_force', 'ended']),
  signedAt: instant,
});
export const agreementOf = (a: AgreementRow) => ({
  id: a.id,
  reference: a.reference,
  programId: a.programId,
  coverage: a.coverage,
  coveredSetIds: a.coveredSetIds,
  effectiveFrom: a.effectiveFrom,
  endsOn: a.endsOn,
  status: a.status,
  signedAt: a.signedAt.toISOString(),
});

export const programDetailOut = z.object({
  program: programOut,
  college: collegeOut,
  courses: z.array(courseOut),
  coverage: z.object({
    kind: z.enum(['full', 'partial']),
    coveredSetIds: z.array(z.string()),
    missingRequiredSetIds: z.array(z.string()),
    electivesCovered: z.number().int(),
    electivesMissing: z.number().int(),
  }),
  agreements: z.array(agreementOut),
});
export const programDetailOf = (v: ProgramView) => ({
  program: programOf(v.program),
  college: collegeOf(v.college),
  courses: v.courses.map(courseOf),
  coverage: {
    kind: v.coverage.kind,
    coveredSetIds: v.coverage.coveredSetIds,
    missingRequiredSetIds: v.coverage.missingRequired.map((s) => s.id),
    electivesCovered: v.coverage.electivesCovered,
    electivesMissing: v.coverage.electivesMissing,
  },
  agreements: v.agreements.map(agreementOf),
});

export const publicAgreementOut = z.object({
  id: z.string(),
  reference: z.string(),
  college: z.object({
    name: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    website: z.string().nullable(),
  }),
  program: z.object({ name: z.string(), award: z.enum(programAwards) }),
  coverage: z.enum(['full', 'partial']),
  sets: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), required: z.boolean() })),
  effectiveFrom: day,
  endsOn: day.nullable(),
});
export const publicPageOut = z.object({
  items: z.array(publicAgreementOut),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export const publicPageOf = (r: AgreementPage) => r;
export type { PublicAgreement };
