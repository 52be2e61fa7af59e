import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Achievement, requirementProgress } from '../../src/modules/certification/rules/requirements.js';
import { defaultPolicy } from '../../src/modules/policy/policy.js';
import { loadSeedFramework, recentDateArb } from './fixtures.js';

const framework = loadSeedFramework();
const REQUIRED = ['foundations', 'communication-teamwork', 'technology'];
const ELECTIVES = [
  'access-services',
  'readers-advisory',
  'cataloging-classification',
  'collection-management',
  'reference-information',
  'supervision-management',
  'youth-services',
];

/** Achievements a month apart, in the order given, starting in January 2027. */
function achievedInOrder(setIds: string[], how: Achievement['how'] = 'course'): Achievement[] {
  return setIds.map((setId, i) => ({ setId, how, on: `2027-${String(i + 1).padStart(2, '0')}-15` }));
}

const progress = (achieved: Achievement[]) => requirementProgress(framework, achieved, defaultPolicy);

describe('requirementProgress', () => {
  it.each<[string, string[], boolean, number, number, string[]]>([
    ['nothing yet', [], false, 0, 0, REQUIRED],
    ['3 required + 3 electives', [...REQUIRED, ...ELECTIVES.slice(0, 3)], true, 3, 3, []],
    ['3 required + 2 electives', [...REQUIRED, ...ELECTIVES.slice(0, 2)], false, 3, 2, []],
    [
      '2 required + 4 electives',
      [...REQUIRED.slice(0, 2), ...ELECTIVES.slice(0, 4)],
      false,
      2,
      4,
      ['technology'],
    ],
    ['3 required + all 7 electives', [...REQUIRED, ...ELECTIVES], true, 3, 7, []],
    ['electives only', ELECTIVES, false, 0, 7, REQUIRED],
  ])('%s', (_, setIds, complete, requiredDone, electivesDone, missingRequired) => {
    const result = progress(achievedInOrder(setIds));
    expect(result.complete).toBe(complete);
    expect(result.requiredDone).toBe(requiredDone);
    expect(result.requiredTotal).toBe(3);
    expect(result.electivesDone).toBe(electivesDone);
    expect(result.electivesNeeded).toBe(3);
    expect(result.missingRequired).toEqual(missingRequired);
  });

  it('lists every set in framework order with how and when it was achieved', () => {
    const result = progress([
      { setId: 'technology', how: 'portfolio', on: '2027-05-01' },
      { setId: 'youth-services', how: 'agreement', on: '2027-02-01' },
    ]);
    expect(result.required.map((p) => [p.set.id, p.achieved?.how])).toEqual([
      ['foundations', undefined],
      ['communication-teamwork', undefined],
      ['technology', 'portfolio'],
    ]);
    expect(result.electives.map((p) => p.set.id)).toEqual(ELECTIVES);
    expect(result.electives[6]?.achieved).toEqual({
      setId: 'youth-services',
      how: 'agreement',
      on: '2027-02-01',
    });
    expect('achieved' in result.required[0]!).toBe(false);
  });

  it('counts a set achieved twice once, from its earliest date', () => {
    const result = progress([
      ...achievedInOrder([...REQUIRED, 'access-services', 'readers-advisory']),
      { setId: 'readers-advisory', how: 'portfolio', on: '2026-12-01' },
      { setId: 'access-services', how: 'portfolio', on: '2028-01-01' },
    ]);
    expect(result.complete).toBe(false);
    expect(result.electivesDone).toBe(2);
    expect(result.electives.find((p) => p.set.id === 'readers-advisory')?.achieved).toEqual({
      setId: 'readers-advisory',
      how: 'portfolio',
      on: '2026-12-01',
    });
    expect(result.electives.find((p) => p.set.id === 'access-services')?.achieved?.on).toBe('2027-04-15');
  });

  it('ignores sets the framework does not have', () => {
    const result = progress(achievedInOrder([...REQUIRED, 'archives', 'law-libraries', 'access-services']));
    expect(result.complete).toBe(false);
    expect(result.electivesDone).toBe(1);
  });

  it('dates completion by the last set it needed, not by extra electives', () => {
    // Required sets in Jan-Mar 2027; electives in Apr, May, Jun; a fourth elective in Jul.
    const result = progress(achievedInOrder([...REQUIRED, ...ELECTIVES.slice(0, 4)]));
    expect(result.completedOn).toBe('2027-06-15');
    const lateRequired = progress([
      ...achievedInOrder([...ELECTIVES.slice(0, 3), ...REQUIRED.slice(0, 2)]),
      { setId: 'technology', how: 'course', on: '2029-03-01' },
    ]);
    expect(lateRequired.completedOn).toBe('2029-03-01');
    expect(progress(achievedInOrder(REQUIRED)).completedOn).toBeUndefined();
  });

  it('follows the policy: with 4 electives required, 3 are not enough', () => {
    const policy = structuredClone(defaultPolicy);
    policy.certification.electivesRequired = 4;
    const result = requirementProgress(
      framework,
      achievedInOrder([...REQUIRED, ...ELECTIVES.slice(0, 3)]),
      policy,
    );
    expect(result.complete).toBe(false);
    expect(result.electivesNeeded).toBe(4);
  });

  it('is complete exactly when all required sets and at least 3 distinct electives are achieved', () => {
    const achievementArb = fc.record({
      setId: fc.constantFrom(...REQUIRED, ...ELECTIVES, 'unknown-set'),
      how: fc.constantFrom<Achievement['how']>('course', 'portfolio', 'agreement'),
      on: recentDateArb,
    });
    fc.assert(
      fc.property(fc.array(achievementArb, { maxLength: 15 }), (achieved) => {
        const ids = new Set(achieved.map((a) => a.setId));
        const result = progress(achieved);
        const requiredDone = REQUIRED.filter((id) => ids.has(id)).length;
        const electivesDone = ELECTIVES.filter((id) => ids.has(id)).length;
        expect(result.requiredDone).toBe(requiredDone);
        expect(result.electivesDone).toBe(electivesDone);
        expect(result.complete).toBe(requiredDone === 3 && electivesDone >= 3);
        // More achievements can only help.
        if (result.complete) expect(progress([...achieved, ...achieved.slice(0, 1)]).complete).toBe(true);
      }),
    );
  });
});
