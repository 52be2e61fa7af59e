import { type Ctx, transact } from '../../../platform/context.js';
import { parseInput } from '../../applications/validate.js';
import { providerForChange } from '../access.js';
import { type ProviderProfile, providerProfileSchema } from '../forms.js';
import { type ProviderRow, updateProvider } from '../repository.js';

/** The profile as stored: optional answers left blank are null. */
export function profileColumns(p: ProviderProfile) {
  return {
    name: p.name,
    type: p.type,
    country: p.country,
    region: p.region,
    city: p.city,
    website: p.website || null,
    contactEmail: p.contactEmail,
    phone: p.phone || null,
    description: p.description || null,
  };
}

/** Any member manages the profile (the issue: "members manage the provider profile and its courses"). */
export async function updateProviderProfile(
  ctx: Ctx,
  providerId: string,
  raw: unknown,
): Promise<ProviderRow> {
  const profile = parseInput(providerProfileSchema, raw ?? {});
  return transact(ctx, async (w) => {
    const { provider } = await providerForChange(w.tx, ctx.actor, providerId, 'member');
    const next = profileColumns(profile);
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => provider[k] !== next[k]);
    const saved = await updateProvider(w.tx, provider.id, { ...next, updatedAt: ctx.clock.now() });
    await w.audit({
      action: 'provider.profile_updated',
      subjectType: 'provider',
      subjectId: provider.id,
      before: Object.fromEntries(changed.map((k) => [k, provider[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return saved;
  });
}
