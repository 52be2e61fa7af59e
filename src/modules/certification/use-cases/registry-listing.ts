import type { Ctx } from '../../../platform/context.js';
import { transact } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { requireUser } from '../../accounts/access.js';
import { findOwnCertification, setRegistryListing } from '../registry-repository.js';
import { certificationStanding, type Standing } from '../rules/standing.js';
import { graceMonthsFor } from './verify-certificate.js';

export interface RegistryChoice {
  listed: boolean;
  /** Exactly what the public registry shows about the holder. */
  shown: { name: string; state: string | null; number: string; standing: Standing };
  /** Only holders in good standing appear, whatever they chose. */
  visibleNow: boolean;
}

const notCertified = () =>
  new DomainError(
    'INVALID_STATE',
    'You do not hold a certification yet, so there is nothing to list. You can choose once you are certified.',
  );

async function ownCertification(ctx: Ctx) {
  const user = requireUser(ctx.actor);
  const cert = await findOwnCertification(ctx.db, user.userId);
  if (!cert) throw notCertified();
  return cert;
}

async function choiceOf(ctx: Ctx, cert: NonNullable<Awaited<ReturnType<typeof findOwnCertification>>>) {
  const standing = certificationStanding(
    cert,
    ctx.clock.today(),
    await graceMonthsFor(ctx.db, cert.policyVersionId),
  );
  return {
    listed: cert.inRegistry,
    shown: {
      name: [cert.givenName, cert.familyName].filter(Boolean).join(' '),
      state: cert.region,
      number: cert.number,
      standing,
    },
    visibleNow: cert.inRegistry && ['valid', 'in_renewal_grace', 'provisional'].includes(standing),
  } satisfies RegistryChoice;
}

/** The holder's own choice about the public registry, and what it shows. */
export async function getRegistryChoice(ctx: Ctx): Promise<RegistryChoice> {
  return choiceOf(ctx, await ownCertification(ctx));
}

/** The holder opts in to or out of the public registry; only their own certification. */
export async function setRegistryChoice(ctx: Ctx, listed: boolean): Promise<RegistryChoice> {
  const user = requireUser(ctx.actor);
  const cert = await transact(ctx, async (w) => {
    const own = await findOwnCertification(w.tx, user.userId);
    if (!own) throw notCertified();
    // Saving the same choice again (a double submission) changes nothing and records nothing.
    if (own.inRegistry !== listed) {
      await setRegistryListing(w.tx, own.id, listed, ctx.clock.now());
      await w.audit({
        action: listed ? 'certification.registry_listed' : 'certification.registry_unlisted',
        subjectType: 'certification',
        subjectId: own.id,
        before: { inRegistry: own.inRegistry },
        after: { inRegistry: listed },
      });
    }
    return { ...own, inRegistry: listed };
  });
  return choiceOf(ctx, cert);
}
