import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { type Dashboard, getDashboard } from '../../candidates/use-cases/get-dashboard.js';
import { DESIGNATION } from '../certify-if-complete.js';
import { type CredentialSummary, listMyCredentials } from '../credentials/holder-credentials.js';
import { findCertificationOf } from '../repository.js';
import type { CertificationStatus } from '../schema.js';
import { type StandingChange, standingChangeOf } from '../status-requests/use-cases/list-status-requests.js';

export type CertificationState = 'certified' | 'in_progress' | 'expired' | 'not_admitted';

export interface MyCertification {
  state: CertificationState;
  designation: string;
  certification: {
    number: string;
    status: CertificationStatus;
    certifiedOn: CalendarDate;
    expiresOn: CalendarDate;
    basis: 'automatic' | 'manual';
    inRegistry: boolean;
  } | null;
  deadline: Dashboard['deadline'];
  progress: Dashboard['progress'];
  sets: Array<Pick<Dashboard['sets'][number], 'id' | 'code' | 'title' | 'required' | 'achieved'>>;
  /** Signed digital credentials to download (signed now if not yet); none unless certified. */
  credentials: CredentialSummary[];
  /** Why a suspended or revoked certification is so, and until when the holder can appeal. */
  standingChange: StandingChange | null;
}

/**
 * The candidate's own certification: the certificate details once certified; otherwise their
 * progress, and whether the deadline has passed. Only ever the signed-in candidate's own.
 */
export async function getMyCertification(ctx: Ctx): Promise<MyCertification> {
  const dashboard = await getDashboard(ctx);
  const actor = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const row = actor ? await findCertificationOf(ctx.db, actor) : undefined;
  const admitted = dashboard.application?.status === 'admitted';
  const standingChange =
    row && (row.status === 'suspended' || row.status === 'revoked')
      ? await standingChangeOf(ctx.db, row)
      : null;
  const state: CertificationState = row
    ? 'certified'
    : !admitted
      ? 'not_admitted'
      : dashboard.deadline?.expired
        ? 'expired'
        : 'in_progress';
  return {
    state,
    designation: DESIGNATION,
    certification: row
      ? {
          number: row.number,
          status: row.status,
          certifiedOn: row.certifiedOn,
          expiresOn: row.expiresOn,
          basis: row.basis,
          inRegistry: row.inRegistry,
        }
      : null,
    deadline: dashboard.deadline,
    progress: dashboard.progress,
    credentials: row && row.status !== 'revoked' ? await listMyCredentials(ctx) : [],
    sets: dashboard.sets.map(({ id, code, title, required, achieved }) => ({
      id,
      code,
      title,
      required,
      achieved,
    })),
    standingChange,
  };
}
