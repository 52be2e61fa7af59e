import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError, validationFailed } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { listAchievements } from '../../applications/repository.js';
import { parseInput } from '../../applications/validate.js';
import { findSet } from '../../policy/framework.js';
import { findFrameworkById } from '../../policy/repository.js';
import { requireAdmittedCandidate } from '../access.js';
import { startPortfolioSchema } from '../forms.js';
import { insertPortfolio, listPortfoliosOf, type PortfolioRow } from '../repository.js';

const refused = (message: string) => new DomainError('CONFLICT', message, { setId: message });

/**
 * Start a portfolio for a set of the candidate's pinned framework. Refused for a set already
 * achieved, and while another portfolio for the set is open (one not found satisfactory may be
 * followed by a new one). A double click finds the first one's row and is refused the same way.
 */
export async function startPortfolio(ctx: Ctx, raw: unknown): Promise<PortfolioRow> {
  return transact(ctx, async (w) => {
    const { user, application } = await requireAdmittedCandidate(w.tx, ctx.actor);
    const input = parseInput(startPortfolioSchema, raw);
    const framework = await findFrameworkById(w.tx, application.frameworkVersionId);
    const set = framework && findSet(framework.framework, input.setId);
    if (!set) throw validationFailed({ setId: 'Choose one of the competency sets' });
    const achieved = await listAchievements(w.tx, user.userId);
    if (achieved.some((a) => a.setId === set.id))
      throw refused(`You have already achieved ${set.title}, so it needs no portfolio.`);
    const open = (await listPortfoliosOf(w.tx, user.userId)).find(
      (p) => p.setId === set.id && p.status !== 'not_satisfactory',
    );
    const already = `You already have a portfolio for ${set.title}: carry on with that one.`;
    if (open) throw refused(already);
    const now = ctx.clock.now();
    const row = await insertPortfolio(w.tx, {
      id: uuidv7(now.getTime()),
      candidateId: user.userId,
      setId: set.id,
      frameworkVersionId: application.frameworkVersionId,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw refused(already);
    await w.audit({
      action: 'portfolio.started',
      subjectType: 'portfolio',
      subjectId: row.id,
      after: { setId: set.id, frameworkVersionId: row.frameworkVersionId, status: 'draft' },
    });
    return row;
  });
}
