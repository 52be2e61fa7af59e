import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { findSet } from '../../policy/framework.js';
import { getActiveProgramData } from '../../policy/use-cases/get-program-data.js';
import { findMembership, listProvidersOf } from '../../providers/repository.js';
import { startCourseApplicationSchema } from '../forms.js';
import { type CourseApplicationRow, insertCourseApplication } from '../repository.js';

/**
 * A member of a provider starts a course application for one competency set: one course, or a
 * bundle of courses that together cover it. Someone in several
 * organisations says which one applies; the framework in force now is pinned to the application.
 */
export async function startCourseApplication(ctx: Ctx, raw: unknown): Promise<CourseApplicationRow> {
  const user = requireUser(ctx.actor);
  const input = parseInput(startCourseApplicationSchema, raw ?? {});
  const { framework } = await getActiveProgramData(ctx);
  if (!findSet(framework.framework, input.setId))
    throw new DomainError('VALIDATION_FAILED', 'Choose a competency set from the list.', {
      setId: 'Choose a competency set from the list',
    });
  return transact(ctx, async (w) => {
    const mine = await listProvidersOf(w.tx, user.userId);
    if (mine.length === 0)
      throw new DomainError(
        'FORBIDDEN',
        'Only members of a registered course provider can apply for course approval. Register your organisation first.',
      );
    let providerId = input.providerId;
    if (!providerId) {
      if (mine.length > 1)
        throw new DomainError('VALIDATION_FAILED', 'Choose the organisation that offers the course.', {
          providerId: 'Choose the organisation that offers the course',
        });
      providerId = mine[0]!.provider.id;
    }
    if (
      !mine.some((m) => m.provider.id === providerId) ||
      !(await findMembership(w.tx, providerId, user.userId))
    )
      throw new DomainError('VALIDATION_FAILED', 'Choose one of your organisations.', {
        providerId: 'Choose one of your organisations',
      });
    const now = ctx.clock.now();
    const row = await insertCourseApplication(w.tx, {
      id: uuidv7(now.getTime()),
      providerId,
      status: 'draft',
      kind: input.kind,
      setId: input.setId,
      frameworkVersionId: framework.id,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    });
    await w.audit({
      action: 'course_application.started',
      subjectType: 'course_application',
      subjectId: row.id,
      after: { providerId, kind: input.kind, setId: input.setId, frameworkVersionId: framework.id },
    });
    return row;
  });
}
