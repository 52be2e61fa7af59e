import { type CompetencySet, electiveSets, type Framework, requiredSets } from '../../policy/framework.js';
import type { ProgramPolicy } from '../../policy/policy.js';

/**
 * What a college program's required courses cover (issue 5, agreements): every graduate passed
 * every required course, so the program covers the union of the sets its courses map to. Full
 * coverage is what certification itself asks for (all required sets and at least the policy's
 * number of electives); anything less is partial, and the graduate completes the rest by course
 * or portfolio. Sets outside the framework are ignored, as requirement progress ignores them.
 */

export interface ProgramCoverage {
  kind: 'full' | 'partial';
  /** Covered set ids, in framework order. */
  coveredSetIds: string[];
  /** Required sets no course covers, in framework order. */
  missingRequired: CompetencySet[];
  electivesCovered: number;
  electivesNeeded: number;
  /** How many more electives graduates would need: 0 when enough are covered. */
  electivesMissing: number;
}

export function programCoverage(
  framework: Framework,
  courses: ReadonlyArray<{ setIds: readonly string[] }>,
  policy: Pick<ProgramPolicy, 'certification'>,
): ProgramCoverage {
  const mapped = new Set(courses.flatMap((c) => c.setIds));
  const covered = framework.framework.sets.filter((s) => mapped.has(s.id));
  const missingRequired = requiredSets(framework).filter((s) => !mapped.has(s.id));
  const electivesCovered = electiveSets(framework).filter((s) => mapped.has(s.id)).length;
  const electivesNeeded = policy.certification.electivesRequired;
  const electivesMissing = Math.max(0, electivesNeeded - electivesCovered);
  return {
    kind: missingRequired.length === 0 && electivesMissing === 0 ? 'full' : 'partial',
    coveredSetIds: covered.map((s) => s.id),
    missingRequired,
    electivesCovered,
    electivesNeeded,
    electivesMissing,
  };
}

const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/** "Missing: Foundations and Communication; 1 more elective." in plain words; empty when full. */
export function describeMissing(c: ProgramCoverage): string {
  const parts: string[] = [];
  if (c.missingRequired.length > 0)
    parts.push(
      `the required ${c.missingRequired.length === 1 ? 'set' : 'sets'} ${listFormat.format(c.missingRequired.map((s) => s.title))}`,
    );
  if (c.electivesMissing > 0)
    parts.push(`${c.electivesMissing} more elective ${c.electivesMissing === 1 ? 'set' : 'sets'}`);
  return parts.length === 0 ? '' : `Not covered: ${parts.join(', and ')}.`;
}
