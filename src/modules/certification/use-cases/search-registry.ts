import { z } from 'zod';
import type { Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { usStates } from '../../catalog/us-states.js';
import { findActivePolicy } from '../../policy/repository.js';
import { searchRegistry } from '../registry-repository.js';
import { certificationStanding, type Standing } from '../rules/standing.js';

export const REGISTRY_PAGE_SIZE = 20;
// '' is the select's "Any state".
const stateChoices = ['', ...usStates.map(([code]) => code)] as [string, ...string[]];

export const registryQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .max(60, 'Enter at most 60 letters of the name')
    .optional()
    .transform((v) => v || undefined),
  state: z
    .enum(stateChoices, 'Choose a state from the list')
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number('Enter a page number').int('Enter a whole page number').min(1).max(10_000).default(1),
});
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

export interface RegistryEntry {
  name: string;
  state: string | null;
  number: string;
  standing: Standing;
}

export interface RegistryPage {
  query: RegistryQuery;
  entries: RegistryEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The public registry of certified staff: holders who chose to be listed and are in good standing. */
export async function searchCertifiedStaff(ctx: Ctx, query: RegistryQuery): Promise<RegistryPage> {
  const policy = await findActivePolicy(ctx.db);
  if (!policy) throw new DomainError('INVALID_STATE', 'The program has no active policy yet.');
  const graceMonths = policy.policy.renewal.graceMonths;
  const today = ctx.clock.today();
  const { rows, total } = await searchRegistry(ctx.db, {
    name: query.name,
    state: query.state,
    today,
    graceMonths,
    page: query.page,
    pageSize: REGISTRY_PAGE_SIZE,
  });
  return {
    query,
    total,
    page: query.page,
    pageSize: REGISTRY_PAGE_SIZE,
    entries: rows.map((r) => ({
      name: [r.givenName, r.familyName].filter(Boolean).join(' '),
      state: r.region,
      number: r.number,
      standing: certificationStanding(r, today, r.graceMonths),
    })),
  };
}
