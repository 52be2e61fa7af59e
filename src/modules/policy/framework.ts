import { z } from 'zod';

/**
 * The competency framework (sets of competencies, some required) is versioned data like the
 * policy: a candidate is pinned to the framework in force at admission. This schema reads the
 * framework document as stored, e.g. data/seed/lssc-2012-framework.json.
 *
 * Unlike the policy, unknown keys are accepted (and dropped): framework files are edited by
 * people and may carry notes or sources that no rule reads.
 */

const competencySchema = z.object({
  id: z.string().trim().min(1),
  topic: z.string().trim().min(1),
  /** True where the source text was incomplete and the topic was reconstructed. */
  inferred: z.boolean().optional(),
});

const competencySetSchema = z.object({
  id: z.string().trim().min(1),
  code: z.string().trim().min(1),
  title: z.string().trim().min(1),
  required: z.boolean(),
  summary: z.string().trim().min(1),
  competencies: z.array(competencySchema).min(1),
});

export const frameworkSchema = z.object({
  framework: z
    .object({
      id: z.string().trim().min(1),
      title: z.string().trim().min(1),
      version: z.string().trim().min(1),
      sets: z.array(competencySetSchema).min(1),
    })
    .superRefine((fw, ctx) => {
      // Achievements, portfolios and course approvals point at set and competency ids, so a
      // duplicate would make those references ambiguous.
      const identifiers: Array<[string, string[]]> = [
        ['set id', fw.sets.map((s) => s.id)],
        ['set code', fw.sets.map((s) => s.code)],
        ['competency id', fw.sets.flatMap((s) => s.competencies.map((c) => c.id))],
      ];
      for (const [what, values] of identifiers) reportDuplicates(values, what, ctx);
    }),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type CompetencySet = Framework['framework']['sets'][number];
export type Competency = CompetencySet['competencies'][number];

/** Required sets, in framework order. */
export function requiredSets(fw: Framework): CompetencySet[] {
  return fw.framework.sets.filter((s) => s.required);
}

/** Elective sets, in framework order. */
export function electiveSets(fw: Framework): CompetencySet[] {
  return fw.framework.sets.filter((s) => !s.required);
}

export function findSet(fw: Framework, setId: string): CompetencySet | undefined {
  return fw.framework.sets.find((s) => s.id === setId);
}

function reportDuplicates(values: string[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', message: `Duplicate ${what}: ${value}`, path: ['sets'] });
    seen.add(value);
  }
}
