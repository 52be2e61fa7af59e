import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMissing, programCoverage } from '../../src/modules/agreements/rules/coverage.js';
import { defaultPolicy } from '../../src/modules/policy/policy.js';
import { loadSeedFramework } from './fixtures.js';

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
const ALL = [...REQUIRED, ...ELECTIVES];
const courses = (...sets: string[][]) => sets.map((setIds) => ({ setIds }));
const coverage = (...sets: string[][]) => programCoverage(framework, courses(...sets), defaultPolicy);

describe('programCoverage', () => {
  it('is full with all 3 required sets and 3 electives, spread over courses', () => {
    const c = coverage(
      ['foundations', 'access-services'],
      ['communication-teamwork'],
      ['technology'],
      ['readers-advisory', 'youth-services'],
    );
    expect(c.kind).toBe('full');
    expect(c.missingRequired).toEqual([]);
    expect(c.electivesMissing).toBe(0);
    // Framework order, whatever the course order.
    expect(c.coveredSetIds).toEqual([...REQUIRED, 'access-services', 'readers-advisory', 'youth-services']);
    expect(describeMissing(c)).toBe('');
  });

  it('is full with more electives than needed', () => {
    expect(coverage(ALL).kind).toBe('full');
  });

  it('is partial with 3 required and 2 electives, saying one elective is missing', () => {
    const c = coverage([...REQUIRED, ...ELECTIVES.slice(0, 2)]);
    expect(c.kind).toBe('partial');
    expect(c.electivesMissing).toBe(1);
    expect(describeMissing(c)).toBe('Not covered: 1 more elective set.');
  });

  it('is partial without a required set, naming it, even with every elective', () => {
    const c = coverage(['foundations', 'technology', ...ELECTIVES]);
    expect(c.kind).toBe('partial');
    expect(c.missingRequired.map((s) => s.id)).toEqual(['communication-teamwork']);
    expect(describeMissing(c)).toBe('Not covered: the required set Communication and Teamwork.');
  });

  it('names every missing required set and the electives missing', () => {
    const c = coverage(['foundations'], ['access-services']);
    expect(describeMissing(c)).toBe(
      'Not covered: the required sets Communication and Teamwork and Technology, and 2 more elective sets.',
    );
  });

  it('is partial with no courses, or courses not yet mapped', () => {
    const c = coverage([], []);
    expect(c.kind).toBe('partial');
    expect(c.coveredSetIds).toEqual([]);
    expect(c.missingRequired).toHaveLength(3);
    expect(c.electivesMissing).toBe(3);
  });

  it('ignores set ids outside the framework', () => {
    expect(coverage(['not-a-set', 'foundations']).coveredSetIds).toEqual(['foundations']);
  });

  it('follows the policy number of electives', () => {
    const two = { certification: { ...defaultPolicy.certification, electivesRequired: 2 } };
    expect(programCoverage(framework, courses([...REQUIRED, ...ELECTIVES.slice(0, 2)]), two).kind).toBe(
      'full',
    );
  });

  const mappingArb = fc.array(fc.subarray(ALL), { maxLength: 8 });

  it('property: full exactly when every required set and enough electives are covered', () => {
    fc.assert(
      fc.property(mappingArb, (mapping) => {
        const c = coverage(...mapping);
        const union = new Set(mapping.flat());
        const full = REQUIRED.every((s) => union.has(s)) && ELECTIVES.filter((s) => union.has(s)).length >= 3;
        expect(c.kind === 'full').toBe(full);
        expect(c.kind === 'full').toBe(describeMissing(c) === '');
      }),
    );
  });

  it('property: covered and missing required sets partition the required sets', () => {
    fc.assert(
      fc.property(mappingArb, (mapping) => {
        const c = coverage(...mapping);
        const coveredRequired = c.coveredSetIds.filter((s) => REQUIRED.includes(s));
        expect([...coveredRequired, ...c.missingRequired.map((s) => s.id)].sort()).toEqual(
          [...REQUIRED].sort(),
        );
        expect(c.electivesCovered + c.electivesMissing).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('property: adding a course never loses coverage', () => {
    fc.assert(
      fc.property(mappingArb, fc.subarray(ALL), (mapping, extra) => {
        const before = coverage(...mapping);
        const after = coverage(...mapping, extra);
        for (const id of before.coveredSetIds) expect(after.coveredSetIds).toContain(id);
        if (before.kind === 'full') expect(after.kind).toBe('full');
      }),
    );
  });
});
