import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { CompetencySet } from '../../policy/framework.js';
import { activeRules, checkId, requireStaff } from '../access.js';
import {
  type AgreementRow,
  type CollegeListItem,
  type CollegeRow,
  type CourseRow,
  findCollege,
  findProgram,
  listAgreementsOfProgram,
  listColleges,
  listCourses,
  listProgramsOf,
  type ProgramRow,
} from '../repository.js';
import { type ProgramCoverage, programCoverage } from '../rules/coverage.js';

export async function listCollegesForStaff(ctx: Ctx): Promise<CollegeListItem[]> {
  requireStaff(ctx);
  return listColleges(ctx.db);
}

export interface CollegeView {
  college: CollegeRow;
  programs: ProgramRow[];
}

export async function viewCollege(ctx: Ctx, id: string): Promise<CollegeView> {
  requireStaff(ctx);
  checkId(id, 'That college');
  const college = await findCollege(ctx.db, id);
  if (!college) throw notFound('That college');
  return { college, programs: await listProgramsOf(ctx.db, id) };
}

export interface ProgramView {
  college: CollegeRow;
  program: ProgramRow;
  courses: CourseRow[];
  /** The coverage of the courses as they are now, under the policy and framework in force. */
  coverage: ProgramCoverage;
  sets: CompetencySet[];
  agreements: AgreementRow[];
  inForce: AgreementRow | undefined;
}

/** A program with its courses, what they cover now and its agreements, newest first. */
export async function viewProgram(ctx: Ctx, id: string): Promise<ProgramView> {
  requireStaff(ctx);
  checkId(id, 'That program');
  const program = await findProgram(ctx.db, id);
  if (!program) throw notFound('That program');
  const college = (await findCollege(ctx.db, program.collegeId))!;
  const courses = await listCourses(ctx.db, id);
  const rules = await activeRules(ctx.db);
  const agreements = await listAgreementsOfProgram(ctx.db, id);
  return {
    college,
    program,
    courses,
    coverage: programCoverage(rules.framework, courses, rules.policy),
    sets: rules.framework.framework.sets,
    agreements,
    inForce: agreements.find((a) => a.status === 'in_force'),
  };
}
