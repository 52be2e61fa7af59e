import type { Ctx } from '../../../platform/context.js';
import { requireRole } from '../../accounts/access.js';
import { providerForViewer } from '../access.js';
import {
  type InvitationRow,
  listMembers,
  listPendingInvitations,
  type MemberRow,
  type ProviderRow,
} from '../repository.js';
import type { ProviderMemberRole } from '../schema.js';

export interface ProviderView {
  provider: ProviderRow;
  /** The viewer's role, or null for program staff. */
  role: ProviderMemberRole | null;
  members: MemberRow[];
  invitations: InvitationRow[];
  viewerId: string;
}

/** One provider with its members and open invitations: for its members, and for program staff. */
export async function viewProvider(ctx: Ctx, providerId: string): Promise<ProviderView> {
  const { user, provider, role } = await providerForViewer(ctx.db, ctx.actor, providerId);
  const [members, invitations] = await Promise.all([
    listMembers(ctx.db, provider.id),
    listPendingInvitations(ctx.db, provider.id, ctx.clock.now()),
  ]);
  return { provider, role, members, invitations, viewerId: user.userId };
}

/** The staff view of any provider (read-only); members who are not staff are refused here. */
export async function viewProviderForStaff(ctx: Ctx, providerId: string): Promise<ProviderView> {
  requireRole(ctx.actor, 'staff', 'admin');
  return viewProvider(ctx, providerId);
}
