import type { CalendarDate } from '../../../lib/calendar-date.js';
import type { Ctx } from '../../../platform/context.js';
import { parseInput } from '../../applications/validate.js';
import { findFrameworkById } from '../../policy/repository.js';
import { AGREEMENT_PAGE_SIZE, pageQuerySchema } from '../forms.js';
import { type AgreementListing, listAgreementListings } from '../repository.js';
import type { ProgramAward } from '../schema.js';

export interface PublicAgreement {
  id: string;
  reference: string;
  college: { name: string; region: string | null; country: string; website: string | null };
  program: { name: string; award: ProgramAward };
  coverage: 'full' | 'partial';
  sets: Array<{ id: string; code: string; title: string; required: boolean }>;
  effectiveFrom: CalendarDate;
  endsOn: CalendarDate | null;
}

export interface AgreementPage {
  items: PublicAgreement[];
  page: number;
  pageSize: number;
  total: number;
}

/** Sets by id as the agreement's framework names them (the framework it was signed under). */
export async function describeAgreement(ctx: Pick<Ctx, 'db'>, l: AgreementListing): Promise<PublicAgreement> {
  const framework = await findFrameworkById(ctx.db, l.agreement.frameworkVersionId);
  const sets = (framework?.framework.framework.sets ?? []).filter((s) =>
    l.agreement.coveredSetIds.includes(s.id),
  );
  return {
    id: l.agreement.id,
    reference: l.agreement.reference,
    college: {
      name: l.college.name,
      region: l.college.region,
      country: l.college.country,
      website: l.college.website,
    },
    program: { name: l.program.name, award: l.program.award },
    coverage: l.agreement.coverage,
    sets: sets.map((s) => ({ id: s.id, code: s.code, title: s.title, required: s.required })),
    effectiveFrom: l.agreement.effectiveFrom,
    endsOn: l.agreement.endsOn,
  };
}

/** The public list: anyone may see which programs are recognised and what they cover. */
export async function listAgreements(ctx: Ctx, raw: unknown): Promise<AgreementPage> {
  const { page } = parseInput(pageQuerySchema, raw ?? {});
  const { items, total } = await listAgreementListings(ctx.db, {
    limit: AGREEMENT_PAGE_SIZE,
    offset: (page - 1) * AGREEMENT_PAGE_SIZE,
  });
  const described: PublicAgreement[] = [];
  for (const l of items) described.push(await describeAgreement(ctx, l));
  return { items: described, page, pageSize: AGREEMENT_PAGE_SIZE, total };
}
