import { type Ctx, transact } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { parseInput } from '../../applications/validate.js';
import { checkId, requireStaff } from '../access.js';
import { collegeSchema } from '../forms.js';
import { type CollegeRow, findCollege, insertCollege, updateCollege } from '../repository.js';

const fieldsOf = (input: ReturnType<typeof collegeSchema.parse>) => ({
  name: input.name,
  region: input.region || null,
  country: input.country,
  website: input.website || null,
  contactEmail: input.contactEmail.toLowerCase(),
});

/** Staff record a college whose programs may be reviewed for an agreement. */
export async function createCollege(ctx: Ctx, raw: unknown): Promise<CollegeRow> {
  requireStaff(ctx);
  const input = parseInput(collegeSchema, raw);
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const college = await insertCollege(w.tx, {
      id: uuidv7(now.getTime()),
      ...fieldsOf(input),
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'college.created',
      subjectType: 'college',
      subjectId: college.id,
      after: fieldsOf(input),
    });
    return college;
  });
}

/** Staff correct a college's details; agreements already signed are not affected. */
export async function updateCollegeDetails(ctx: Ctx, id: string, raw: unknown): Promise<CollegeRow> {
  requireStaff(ctx);
  checkId(id, 'That college');
  const input = parseInput(collegeSchema, raw);
  return transact(ctx, async (w) => {
    const before = await findCollege(w.tx, id);
    if (!before) throw notFound('That college');
    const after = (await updateCollege(w.tx, id, { ...fieldsOf(input), updatedAt: ctx.clock.now() }))!;
    await w.audit({
      action: 'college.updated',
      subjectType: 'college',
      subjectId: id,
      before: fieldsOf({ ...before, region: before.region ?? '', website: before.website ?? '' }),
      after: fieldsOf(input),
    });
    return after;
  });
}
