import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { checkId, requireStaff } from '../access.js';
import { programSchema } from '../forms.js';
import { findCollege, findProgram, insertProgram, type ProgramRow, updateProgram } from '../repository.js';

/** Staff add a college's associate degree or certificate program. */
export async function createProgram(ctx: Ctx, collegeId: string, raw: unknown): Promise<ProgramRow> {
  requireStaff(ctx);
  checkId(collegeId, 'That college');
  const input = parseInput(programSchema, raw);
  return transact(ctx, async (w) => {
    if (!(await findCollege(w.tx, collegeId))) throw notFound('That college');
    const now = ctx.clock.now();
    const program = await insertProgram(w.tx, {
      id: uuidv7(now.getTime()),
      collegeId,
      ...input,
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'college_program.created',
      subjectType: 'college_program',
      subjectId: program.id,
      after: { collegeId, ...input },
    });
    return program;
  });
}

/** Staff rename a program or correct its award. */
export async function updateProgramDetails(ctx: Ctx, programId: string, raw: unknown): Promise<ProgramRow> {
  requireStaff(ctx);
  checkId(programId, 'That program');
  const input = parseInput(programSchema, raw);
  return transact(ctx, async (w) => {
    const before = await findProgram(w.tx, programId);
    if (!before) throw notFound('That program');
    const after = (await updateProgram(w.tx, programId, { ...input, updatedAt: ctx.clock.now() }))!;
    await w.audit({
      action: 'college_program.updated',
      subjectType: 'college_program',
      subjectId: programId,
      before: { name: before.name, award: before.award },
      after: input,
    });
    return after;
  });
}
