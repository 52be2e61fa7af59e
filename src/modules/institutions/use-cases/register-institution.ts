import { type Ctx, transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireUser } from '../../accounts/access.js';
import { parseInput } from '../../applications/validate.js';
import { institutionSchema } from '../forms.js';
import { institutionMails } from '../mails.js';
import {
  findRecentInstitutionBy,
  grantContactRole,
  type InstitutionRow,
  insertContact,
  insertInstitution,
} from '../repository.js';

/** The same person registering the same name this soon is the same form sent twice. */
const REPEAT_MS = 10 * 60 * 1000;

/** Anyone signed in with a confirmed address registers an institution and becomes its contact. */
export async function registerInstitution(ctx: Ctx, raw: unknown): Promise<InstitutionRow> {
  const user = requireUser(ctx.actor);
  if (!user.emailVerified) {
    throw new DomainError(
      'FORBIDDEN',
      'Confirm your email address before you register an institution: use the link in the email we sent when you created your account.',
    );
  }
  const input = parseInput(institutionSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const now = ctx.clock.now();
    const repeat = await findRecentInstitutionBy(
      w.tx,
      user.userId,
      input.name,
      new Date(now.getTime() - REPEAT_MS),
    );
    if (repeat) return repeat;
    const row: InstitutionRow = {
      id: uuidv7(now.getTime()),
      ...input,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    await insertInstitution(w.tx, row);
    await insertContact(w.tx, {
      institutionId: row.id,
      userId: user.userId,
      addedAt: now,
      addedBy: user.userId,
    });
    await grantContactRole(w.tx, user.userId, now);
    await w.audit({
      action: 'institution.registered',
      subjectType: 'institution',
      subjectId: row.id,
      after: { name: row.name, kind: row.kind, region: row.region, contact: user.userId },
    });
    await w.mail(
      institutionMails.registered(
        user.email,
        user.displayName,
        row.name,
        `${ctx.config.baseUrl}/institution/${row.id}`,
      ),
    );
    return row;
  });
}
