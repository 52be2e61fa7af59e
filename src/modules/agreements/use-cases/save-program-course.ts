import { type Ctx, transact, type Work } from '../../../platform/context.js';
import { DomainError, notFound, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { activeRules, checkId, requireStaff } from '../access.js';
import { type CourseInput, courseSchema } from '../forms.js';
import {
  type CourseRow,
  deleteCourse,
  findCourse,
  insertCourse,
  listCourses,
  lockProgram,
  updateCourse,
} from '../repository.js';

/** A program lists its required courses; a long list is a mistake, not a program. */
export const MAX_COURSES = 60;

async function checkedInput(w: Work, raw: unknown): Promise<CourseInput> {
  const input = parseInput(courseSchema, raw);
  const { framework } = await activeRules(w.tx);
  const known = new Set(framework.framework.sets.map((s) => s.id));
  if (input.setIds.some((id) => !known.has(id)))
    throw validationFailed({ setIds: 'Choose competency sets from the list' });
  // Framework order, once each, so the stored mapping reads the same however it was ticked.
  return {
    ...input,
    setIds: framework.framework.sets.map((s) => s.id).filter((id) => input.setIds.includes(id)),
  };
}

const duplicateCode = (code: string) => {
  const message = `The program already lists a course with code ${code}.`;
  return new DomainError('CONFLICT', message, { code: message });
};

async function lockedProgram(w: Work, programId: string) {
  const program = await lockProgram(w.tx, programId);
  if (!program) throw notFound('That program');
  return program;
}

/** Staff add a required course and map it to the competency sets it covers. */
export async function addProgramCourse(ctx: Ctx, programId: string, raw: unknown): Promise<CourseRow> {
  requireStaff(ctx);
  checkId(programId, 'That program');
  return transact(ctx, async (w) => {
    await lockedProgram(w, programId);
    const input = await checkedInput(w, raw);
    const existing = await listCourses(w.tx, programId);
    if (existing.some((c) => c.code.toLowerCase() === input.code.toLowerCase()))
      throw duplicateCode(input.code);
    if (existing.length >= MAX_COURSES)
      throw new DomainError('CONFLICT', `A program can list at most ${MAX_COURSES} courses.`);
    const now = ctx.clock.now();
    const course = await insertCourse(w.tx, {
      id: uuidv7(now.getTime()),
      programId,
      ...input,
      createdAt: now,
    });
    await w.audit({
      action: 'college_program.course_added',
      subjectType: 'college_program',
      subjectId: programId,
      after: { courseId: course.id, ...input },
    });
    return course;
  });
}

/** Staff correct a course or its mapping; a signed agreement keeps the sets it was signed with. */
export async function updateProgramCourse(
  ctx: Ctx,
  programId: string,
  courseId: string,
  raw: unknown,
): Promise<CourseRow> {
  requireStaff(ctx);
  checkId(programId, 'That program');
  checkId(courseId, 'That course');
  return transact(ctx, async (w) => {
    await lockedProgram(w, programId);
    const before = await findCourse(w.tx, programId, courseId);
    if (!before) throw notFound('That course');
    const input = await checkedInput(w, raw);
    const others = (await listCourses(w.tx, programId)).filter((c) => c.id !== courseId);
    if (others.some((c) => c.code.toLowerCase() === input.code.toLowerCase()))
      throw duplicateCode(input.code);
    const after = (await updateCourse(w.tx, courseId, input))!;
    await w.audit({
      action: 'college_program.course_updated',
      subjectType: 'college_program',
      subjectId: programId,
      before: { courseId, code: before.code, title: before.title, setIds: before.setIds },
      after: { courseId, ...input },
    });
    return after;
  });
}

/** Staff take a course off the program's list. */
export async function removeProgramCourse(ctx: Ctx, programId: string, courseId: string): Promise<CourseRow> {
  requireStaff(ctx);
  checkId(programId, 'That program');
  checkId(courseId, 'That course');
  return transact(ctx, async (w) => {
    await lockedProgram(w, programId);
    const before = await findCourse(w.tx, programId, courseId);
    if (!before) throw notFound('That course');
    await deleteCourse(w.tx, courseId);
    await w.audit({
      action: 'college_program.course_removed',
      subjectType: 'college_program',
      subjectId: programId,
      before: { courseId, code: before.code, title: before.title, setIds: before.setIds },
    });
    return before;
  });
}
