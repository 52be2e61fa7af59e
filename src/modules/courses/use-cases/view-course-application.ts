import { type Money, money } from '../../../lib/money.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { UUID_PATTERN } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { balanceOf, findFeeBySubject } from '../../payments/repository.js';
import type { FeeBalance } from '../../payments/rules/ledger.js';
import type { CompetencySet } from '../../policy/framework.js';
import { findProvider, listProvidersOf, type ProviderRow } from '../../providers/repository.js';
import { courseApplicationForViewer } from '../access.js';
import { listCoursesOfProviders } from '../approved-course-repository.js';
import { courseFeeKind } from '../fees.js';
import { setOf } from '../framework-set.js';
import { type CoursePartRow, listParts } from '../parts-repository.js';
import {
  type CourseApplicationRow,
  type CourseFileRow,
  findCourseFile,
  listCourseApplicationsOf,
  listCourseFiles,
  listMapEntries,
  type MapEntryRow,
} from '../repository.js';
import { approvalState } from '../rules/approval.js';
import { competenciesMissingAssessment, type Missing, missingForSubmission } from '../rules/completeness.js';
import { type CourseApprovalView, viewCourseApproval } from './view-course-approval.js';

export interface CourseFeeView {
  feeId: string;
  payerUserId: string;
  amount: Money;
  due: Money;
  balance: FeeBalance;
}

export interface CourseApplicationView {
  application: CourseApplicationRow;
  provider: ProviderRow;
  member: boolean;
  editable: boolean;
  set: CompetencySet;
  entries: MapEntryRow[];
  files: CourseFileRow[];
  /** A bundle's courses, in order (empty for a single course). */
  parts: CoursePartRow[];
  /** The approved courses and the renewal state, for an approved application or a renewal. */
  approval: CourseApprovalView | null;
  /** Competencies with content and an assessment. */
  covered: number;
  missing: Missing[];
  fee: CourseFeeView | null;
}

/** Everything the task list, the steps and the check page show. Members and staff only. */
export async function viewCourseApplication(ctx: Ctx, id: string): Promise<CourseApplicationView> {
  const { application, member } = await courseApplicationForViewer(ctx.db, ctx.actor, id);
  const [provider, set, entries, files, parts, feeRow, approval] = await Promise.all([
    findProvider(ctx.db, application.providerId),
    setOf(ctx.db, application),
    listMapEntries(ctx.db, application.id),
    listCourseFiles(ctx.db, application.id),
    listParts(ctx.db, application.id),
    findFeeBySubject(ctx.db, courseFeeKind(application), application.id),
    viewCourseApproval(ctx.db, application, ctx.clock.today()),
  ]);
  let fee: CourseFeeView | null = null;
  if (feeRow) {
    const { balance } = await balanceOf(ctx.db, feeRow.id);
    fee = {
      feeId: feeRow.id,
      payerUserId: feeRow.payerUserId,
      amount: money(balance.chargedCents, feeRow.currency),
      due: money(Math.max(balance.dueCents, 0), feeRow.currency),
      balance,
    };
  }
  const uncovered = competenciesMissingAssessment(set.competencies, entries);
  return {
    application,
    provider: provider!,
    member,
    editable: member && (application.status === 'draft' || application.status === 'returned'),
    set,
    entries,
    files,
    parts,
    approval,
    covered: set.competencies.length - uncovered.length,
    missing: missingForSubmission({
      details: application,
      competencies: set.competencies,
      entries,
      files,
      parts: application.kind === 'bundle' ? parts : undefined,
    }),
    fee,
  };
}

/** The signed-in person's organisations, their course applications and their approved courses. */
export async function listMyCourseApplications(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  const providers = await listProvidersOf(ctx.db, user.userId);
  const providerIds = providers.map((p) => p.provider.id);
  const [applications, courses] = await Promise.all([
    listCourseApplicationsOf(ctx.db, providerIds),
    listCoursesOfProviders(ctx.db, providerIds),
  ]);
  const today = ctx.clock.today();
  return {
    providers: providers.map((p) => p.provider),
    applications,
    courses: courses.map((c) => ({ ...c, state: approvalState(c.approvalEndsOn, today) })),
  };
}

/** A file of the application, for download by members and staff. */
export async function findCourseFileForViewer(ctx: Ctx, id: string, fileId: string): Promise<CourseFileRow> {
  const { application } = await courseApplicationForViewer(ctx.db, ctx.actor, id);
  const file = UUID_PATTERN.test(fileId) ? await findCourseFile(ctx.db, application.id, fileId) : undefined;
  if (!file) throw notFound('That file');
  return file;
}
