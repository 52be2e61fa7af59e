import { describe, expect, it } from 'vitest';
import {
  approvalState,
  canApplyToRenew,
  renewalOpensOn,
  renewalPeriod,
} from '../../src/modules/courses/rules/approval.js';
import {
  bundleProblems,
  type DetailsLike,
  missingForSubmission,
} from '../../src/modules/courses/rules/completeness.js';
import type { Competency } from '../../src/modules/policy/framework.js';

const competencies = [
  { id: 'T-1', topic: 'Devices' },
  { id: 'T-2', topic: 'Networks' },
  { id: 'T-3', topic: 'Privacy' },
] as unknown as Competency[];

const details: DetailsLike = {
  title: 'Library technology',
  description: 'Two courses on technology.',
  delivery: 'online',
  synchronous: false,
  length: '8 weeks',
  contactHours: 30,
  locations: 'Online',
  costToStudentsCents: 0,
  registrationUrl: 'https://example.org',
  teachingMethods: 'Lectures',
  assessmentStrategy: 'Quizzes',
};
const files = [{ kind: 'syllabus' }, { kind: 'resume' }];
const parts = [
  { id: 'p1', position: 1, title: 'Devices and networks' },
  { id: 'p2', position: 2, title: 'Privacy' },
];
const entry = (competencyId: string, partId: string | null) => ({
  competencyId,
  content: `Unit on ${competencyId}`,
  assessment: 'Quiz',
  partId,
});

describe('completeness of a bundle application', () => {
  it('is complete with two courses, each covering a competency, and every competency naming one', () => {
    const entries = [entry('T-1', 'p1'), entry('T-2', 'p1'), entry('T-3', 'p2')];
    expect(missingForSubmission({ details, competencies, entries, files, parts })).toEqual([]);
  });

  it('asks for at least two courses', () => {
    const entries = [entry('T-1', 'p1'), entry('T-2', 'p1'), entry('T-3', 'p1')];
    expect(bundleProblems(competencies, entries, parts.slice(0, 1))).toEqual([
      { step: 'parts', message: 'Add at least 2 courses to the bundle (it has 1).' },
    ]);
    expect(bundleProblems(competencies, [], []).map((m) => m.step)).toEqual(['parts', 'map']);
  });

  it('names each competency without a course of this bundle (missing, or a course of another application)', () => {
    const entries = [entry('T-1', 'p1'), entry('T-2', null), entry('T-3', 'someone-elses-part')];
    const missing = missingForSubmission({ details, competencies, entries, files, parts });
    expect(missing).toContainEqual({
      step: 'map',
      message: 'Say which course of the bundle covers each competency. Missing: T-2 Networks; T-3 Privacy.',
    });
  });

  it('says a course that covers no competency is not needed', () => {
    const entries = [entry('T-1', 'p1'), entry('T-2', 'p1'), entry('T-3', 'p1')];
    expect(bundleProblems(competencies, entries, parts)).toEqual([
      {
        step: 'parts',
        message:
          '"Privacy" covers no competency, so it is not needed in the bundle: map a competency to it or remove it.',
      },
    ]);
  });

  it('lists the steps in task-list order, and leaves a single course as before', () => {
    const missing = missingForSubmission({
      details: { ...details, title: null },
      competencies,
      entries: [],
      files: [],
      parts: [],
    });
    expect(missing.map((m) => m.step)).toEqual(['details', 'parts', 'map', 'map', 'syllabus', 'resume']);
    const single = missingForSubmission({ details, competencies, entries: [entry('T-1', null)], files });
    expect(single.map((m) => m.step)).toEqual(['map']);
    expect(single[0]!.message).toBe(
      'Add content and an assessment for every competency. Missing: T-2 Networks; T-3 Privacy.',
    );
  });
});

describe('approval, renewal and reminders', () => {
  it('marks an approval as ending soon from six months before it ends, and lapsed the day after', () => {
    expect(approvalState('2030-11-28', '2030-05-27')).toBe('current');
    expect(approvalState('2030-11-28', '2030-05-28')).toBe('ends_soon');
    expect(approvalState('2030-11-28', '2030-11-28')).toBe('ends_soon');
    expect(approvalState('2030-11-28', '2030-11-29')).toBe('lapsed');
    expect(renewalOpensOn('2030-11-28')).toBe('2030-05-28');
    expect(canApplyToRenew('2030-11-28', '2030-05-27')).toBe(false);
    expect(canApplyToRenew('2030-11-28', '2031-06-01')).toBe(true);
  });

  it('renews from the day after the approval ends, or from today once it has lapsed', () => {
    expect(renewalPeriod('2030-11-28', '2030-09-01', 4)).toEqual({
      startsOn: '2030-11-29',
      endsOn: '2034-11-29',
    });
    expect(renewalPeriod('2030-11-28', '2030-11-28', 4)).toEqual({
      startsOn: '2030-11-29',
      endsOn: '2034-11-29',
    });
    expect(renewalPeriod('2030-11-28', '2031-02-10', 4)).toEqual({
      startsOn: '2031-02-10',
      endsOn: '2035-02-10',
    });
  });
});
