import { z } from 'zod';
import { moneyOut, moneySchema } from '../../applications/http/api-schemas.js';
import type { CoursePartRow } from '../parts-repository.js';
import type { CourseApplicationRow, CourseFileRow } from '../repository.js';
import {
  courseApplicationKinds,
  courseApplicationStatuses,
  courseFileKinds,
  deliveryModes,
} from '../schema.js';
import type { CourseApplicationView } from '../use-cases/view-course-application.js';

export const tags = ['courses'];
export const idParams = z.object({ id: z.string().max(64) });

export const courseFileOut = z.object({
  id: z.uuid(),
  kind: z.enum(courseFileKinds),
  fileName: z.string(),
  mime: z.string(),
  size: z.int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  downloadUrl: z.string(),
});

export const courseSummaryOut = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  status: z.enum(courseApplicationStatuses),
  kind: z.enum(courseApplicationKinds),
  /** The first application of the course this one renews; null for a first application. */
  renewsApplicationId: z.uuid().nullable(),
  number: z.string().nullable(),
  setId: z.string(),
  title: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const coursePartOut = z.object({
  id: z.uuid(),
  position: z.int(),
  title: z.string(),
  description: z.string().nullable(),
  contactHours: z.number().nullable(),
});

const approvalStates = ['current', 'ends_soon', 'lapsed'] as const;

export const courseApprovalOut = z.object({
  originalApplicationId: z.uuid(),
  endsOn: z.string().nullable(),
  state: z.enum(approvalStates).nullable(),
  renewalOpensOn: z.string().nullable(),
  canRenew: z.boolean(),
  openRenewal: z.object({ id: z.uuid(), number: z.string().nullable(), status: z.string() }).nullable(),
  courses: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      title: z.string(),
      bundleId: z.uuid().nullable(),
      approvalEndsOn: z.string(),
      state: z.enum(approvalStates),
      periods: z.array(z.object({ startsOn: z.string(), endsOn: z.string() })),
    }),
  ),
});

export const courseDetailOut = courseSummaryOut.extend({
  frameworkVersionId: z.uuid(),
  description: z.string().nullable(),
  delivery: z.enum(deliveryModes).nullable(),
  synchronous: z.boolean().nullable(),
  length: z.string().nullable(),
  contactHours: z.number().nullable(),
  locations: z.string().nullable(),
  costToStudentsCents: z.int().nullable(),
  registrationUrl: z.string().nullable(),
  teachingMethods: z.string().nullable(),
  assessmentStrategy: z.string().nullable(),
  competencyMap: z.array(
    z.object({
      competencyId: z.string(),
      topic: z.string(),
      content: z.string().nullable(),
      readings: z.string().nullable(),
      assignments: z.string().nullable(),
      assessment: z.string().nullable(),
      /** For a bundle: the course of the bundle that covers it. */
      partId: z.uuid().nullable(),
    }),
  ),
  parts: z.array(coursePartOut),
  approval: courseApprovalOut.nullable(),
  files: z.array(courseFileOut),
  missing: z.array(z.object({ step: z.string(), message: z.string() })),
  fee: z.object({ feeId: z.uuid(), amount: moneySchema, due: moneySchema, settled: z.boolean() }).nullable(),
});

export const summaryOf = (a: CourseApplicationRow) => ({
  id: a.id,
  providerId: a.providerId,
  status: a.status,
  kind: a.kind,
  renewsApplicationId: a.renewsApplicationId,
  number: a.number,
  setId: a.setId,
  title: a.title,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

export const partOf = (p: CoursePartRow) => ({
  id: p.id,
  position: p.position,
  title: p.title,
  description: p.description,
  contactHours: p.contactHours,
});

export const fileOf = (f: CourseFileRow) => ({
  id: f.id,
  kind: f.kind,
  fileName: f.fileName,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt.toISOString(),
  downloadUrl: `/provider/courses/${f.applicationId}/files/${f.id}`,
});

export function detailOf(v: CourseApplicationView) {
  const a = v.application;
  const byId = new Map(v.entries.map((e) => [e.competencyId, e]));
  return {
    ...summaryOf(a),
    frameworkVersionId: a.frameworkVersionId,
    description: a.description,
    delivery: a.delivery,
    synchronous: a.synchronous,
    length: a.length,
    contactHours: a.contactHours,
    locations: a.locations,
    costToStudentsCents: a.costToStudentsCents,
    registrationUrl: a.registrationUrl,
    teachingMethods: a.teachingMethods,
    assessmentStrategy: a.assessmentStrategy,
    competencyMap: v.set.competencies.map((c) => {
      const e = byId.get(c.id);
      return {
        competencyId: c.id,
        topic: c.topic,
        content: e?.content ?? null,
        readings: e?.readings ?? null,
        assignments: e?.assignments ?? null,
        assessment: e?.assessment ?? null,
        partId: e?.partId ?? null,
      };
    }),
    parts: v.parts.map(partOf),
    approval: v.approval && {
      originalApplicationId: v.approval.original.id,
      endsOn: v.approval.endsOn,
      state: v.approval.state,
      renewalOpensOn: v.approval.renewalOpensOn,
      canRenew: v.approval.canRenew && v.member,
      openRenewal: v.approval.openRenewal,
      courses: v.approval.courses.map((c) => ({
        id: c.id,
        number: c.number,
        title: c.title,
        bundleId: c.bundleId,
        approvalEndsOn: c.approvalEndsOn,
        state: c.state,
        periods: c.periods.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn })),
      })),
    },
    files: v.files.map(fileOf),
    missing: v.missing,
    fee: v.fee && {
      feeId: v.fee.feeId,
      amount: moneyOut(v.fee.amount),
      due: moneyOut(v.fee.due),
      settled: v.fee.balance.settled,
    },
  };
}
