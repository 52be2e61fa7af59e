import type { Ctx, UserActor, Work } from '../../platform/context.js';
import { DomainError, invalidState } from '../../platform/errors.js';
import { requireRole } from '../accounts/access.js';
import { findActivePolicy, findPolicyById, type PolicyVersion } from '../policy/repository.js';
import {
  type ApplicationRow,
  findCurrentApplication,
  insertDraftApplication,
  lockApplication,
} from './repository.js';
import type { ApplicationStatus } from './schema.js';

/** Candidates change their answers while drafting, and again when staff ask for more information. */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'info_requested'];

/** Only people with the candidate role apply; everything is looked up by their own user id. */
export const requireCandidate = (ctx: Ctx): UserActor => requireRole(ctx.actor, 'candidate');

/**
 * The candidate's application, locked for this transaction and open for changes. With `create`,
 * a first save starts the draft (a double click finds the one the first click made).
 */
export async function editableApplication(
  ctx: Ctx,
  w: Work,
  candidateId: string,
  opts: { create: boolean },
): Promise<ApplicationRow> {
  let current = await findCurrentApplication(w.tx, candidateId);
  if ((!current || current.status === 'rejected') && opts.create) {
    const created = await insertDraftApplication(w.tx, { candidateId, now: ctx.clock.now() });
    if (created) {
      await w.audit({
        action: 'application.started',
        subjectType: 'application',
        subjectId: created.id,
        after: { status: 'draft' },
      });
    }
    current = created ?? (await findCurrentApplication(w.tx, candidateId));
  }
  if (!current || current.status === 'rejected') {
    throw new DomainError('NOT_FOUND', 'You have not started an application yet.');
  }
  const locked = (await lockApplication(w.tx, current.id))!;
  if (!EDITABLE.includes(locked.status)) {
    throw invalidState('Your application has been submitted, so its answers can no longer be changed.');
  }
  return locked;
}

/** The policy an application is judged by: its pinned version once admitted, else the one in force. */
export async function policyFor(
  db: Ctx['db'] | Work['tx'],
  app: ApplicationRow | null | undefined,
): Promise<PolicyVersion> {
  const policy = app?.policyVersionId
    ? await findPolicyById(db, app.policyVersionId)
    : await findActivePolicy(db);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  return policy;
}

/**
 * policyFor for many applications at once: each pinned version is looked up once and the active
 * policy at most once. The answer throws as policyFor does, when it is asked for a missing policy.
 */
export async function policyLookup(
  db: Ctx['db'] | Work['tx'],
  apps: ReadonlyArray<Pick<ApplicationRow, 'policyVersionId'> | null | undefined>,
): Promise<(app: Pick<ApplicationRow, 'policyVersionId'> | null | undefined) => PolicyVersion> {
  const pinned = new Map<string, PolicyVersion | undefined>();
  for (const id of new Set(apps.map((a) => a?.policyVersionId).filter((id) => id != null))) {
    pinned.set(id, await findPolicyById(db, id));
  }
  const active = apps.some((a) => !a?.policyVersionId) ? await findActivePolicy(db) : undefined;
  return (app) => {
    const policy = app?.policyVersionId ? pinned.get(app.policyVersionId) : active;
    if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
    return policy;
  };
}
