import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar-date.js';
import {
  completionKey,
  matchRosterRows,
  type RosterLookups,
} from '../../src/modules/completions/rules/roster-match.js';
import {
  apiLabels,
  csvLabels,
  parseCandidateRef,
  parseCompletedOn,
  parseCourseNumber,
  parsePassed,
  type RawRosterRow,
  readRosterHeader,
  readRosterRow,
} from '../../src/modules/completions/rules/roster-row.js';

const today = '2026-11-28';
const raw = (overrides: Partial<RawRosterRow> = {}): RawRosterRow => ({
  line: 2,
  candidate: 'LSSC-2026-000123',
  name: 'Robin Reader',
  course: 'CRS-2026-000045',
  completedOn: '2026-10-30',
  passed: 'yes',
  ...overrides,
});

describe('roster header', () => {
  it('accepts the columns in any order, case and spacing', () => {
    const header = readRosterHeader([' Passed', 'COMPLETED ON', 'name', 'Course', 'candidate']);
    expect(header).toEqual({
      ok: true,
      index: { passed: 0, completed_on: 1, name: 2, course: 3, candidate: 4 },
    });
    expect(readRosterHeader(['candidate', 'name', 'course', 'completedOn', 'passed']).ok).toBe(true);
  });

  it('refuses missing, unknown and repeated columns, naming them', () => {
    const missing = readRosterHeader(['candidate', 'course']);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.message).toContain('missing the columns "name", "completed_on" and "passed"');
    const unknown = readRosterHeader(['candidate', 'name', 'course', 'completed_on', 'passed', 'grade']);
    if (!unknown.ok) expect(unknown.message).toContain('a column we do not know: "grade"');
    else expect.unreachable();
    const twice = readRosterHeader(['candidate', 'Candidate', 'name', 'course', 'completed_on', 'passed']);
    if (!twice.ok) expect(twice.message).toContain('"Candidate" more than once');
    else expect.unreachable();
  });
});

describe('roster values', () => {
  it('reads candidate numbers and email addresses', () => {
    expect(parseCandidateRef(' lssc-2026-000123 ')).toEqual({ kind: 'number', value: 'LSSC-2026-000123' });
    expect(parseCandidateRef('Robin@Example.ORG')).toEqual({ kind: 'email', value: 'robin@example.org' });
    expect(parseCandidateRef('CLSS-2026-000001')).toBeNull();
    expect(parseCandidateRef('Robin Reader')).toBeNull();
    expect(parseCandidateRef('LSSC-2026-000000')).toBeNull();
  });

  it('reads course numbers, with a bundle course suffix', () => {
    expect(parseCourseNumber('crs-2026-000045')).toBe('CRS-2026-000045');
    expect(parseCourseNumber('CRS-2026-000045-2')).toBe('CRS-2026-000045-2');
    expect(parseCourseNumber('CRS-26-45')).toBeNull();
  });

  it('reads ISO and US dates, and only real days', () => {
    expect(parseCompletedOn('2026-03-31')).toBe('2026-03-31');
    expect(parseCompletedOn('3/31/2026')).toBe('2026-03-31');
    expect(parseCompletedOn('12/1/2025')).toBe('2025-12-01');
    expect(parseCompletedOn('2/29/2025')).toBeNull();
    expect(parseCompletedOn('31/3/2026')).toBeNull();
    expect(parseCompletedOn('2026-13-01')).toBeNull();
    expect(parseCompletedOn('March 3')).toBeNull();
  });

  it('reads passed as yes or no in the usual spellings', () => {
    for (const yes of ['yes', 'Y', 'TRUE', 'pass', 'Passed']) expect(parsePassed(yes)).toBe(true);
    for (const no of ['no', 'n', 'False', 'FAIL', 'failed']) expect(parsePassed(no)).toBe(false);
    expect(parsePassed('maybe')).toBeNull();
    expect(parsePassed('1')).toBeNull();
  });

  it('US and ISO spellings of the same day read the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const iso = addDays('1950-01-01', n);
        const [y, m, d] = iso.split('-').map(Number);
        expect(parseCompletedOn(`${m}/${d}/${y}`)).toBe(iso);
      }),
    );
  });
});

describe('one roster row', () => {
  it('reads a good row', () => {
    expect(readRosterRow(raw(), today, csvLabels)).toEqual({
      ok: true,
      value: {
        candidate: { kind: 'number', value: 'LSSC-2026-000123' },
        courseNumber: 'CRS-2026-000045',
        completedOn: '2026-10-30',
        passed: true,
      },
    });
  });

  it('names the line and every field with a problem', () => {
    const r = readRosterRow(
      raw({ line: 7, candidate: '', course: 'intro', completedOn: '2026-12-01', passed: 'maybe' }),
      today,
      csvLabels,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Line 7: /);
    expect(r.message).toContain('"candidate" is empty');
    expect(r.message).toContain('"course" "intro" is not a course number');
    expect(r.message).toContain('"completed_on" 2026-12-01 is in the future');
    expect(r.message).toContain('"passed" "maybe" is not yes or no');
  });

  it('speaks of rows and API names for API rows', () => {
    const r = readRosterRow(raw({ line: 3, completedOn: '31/12/2025' }), today, apiLabels);
    expect(r.ok ? '' : r.message).toBe(
      'Row 3: "completedOn" "31/12/2025" is not a date: write it as YYYY-MM-DD (2026-03-31) or M/D/YYYY (3/31/2026).',
    );
  });

  it('reports a line with the wrong number of values as it is', () => {
    const r = readRosterRow(
      { ...raw(), problem: 'the line has 4 values, but the header has 5 columns.' },
      today,
      csvLabels,
    );
    expect(r).toEqual({ ok: false, message: 'Line 2: the line has 4 values, but the header has 5 columns.' });
  });
});

describe('matching roster rows', () => {
  const own = { id: 'course-own', providerId: 'p1' };
  const lookups: RosterLookups = {
    providerId: 'p1',
    candidateByNumber: new Map([['LSSC-2026-000123', 'cand-1']]),
    candidateByEmail: new Map([['robin@example.org', 'cand-1']]),
    courseByNumber: new Map([
      ['CRS-2026-000045', own],
      ['CRS-2026-000099', { id: 'course-other', providerId: 'p2' }],
    ]),
    bundleNumbers: new Set(['CRS-2026-000050']),
    recorded: new Set([completionKey('cand-1', 'course-own', '2026-01-15')]),
  };
  const match = (rows: RawRosterRow[]) =>
    matchRosterRows(
      rows.map((r) => ({ raw: r, read: readRosterRow(r, today, csvLabels) })),
      lookups,
      csvLabels,
    );

  it('gives each row its outcome and a message saying why', () => {
    const out = match([
      raw({ line: 2 }),
      raw({ line: 3, candidate: 'robin@example.org' }),
      raw({ line: 4, candidate: 'LSSC-2026-000999' }),
      raw({ line: 5, course: 'CRS-2026-000099' }),
      raw({ line: 6, course: 'CRS-2026-000077' }),
      raw({ line: 7, course: 'CRS-2026-000050' }),
      raw({ line: 8, completedOn: '2026-01-15' }),
      raw({ line: 9, candidate: 'LSSC-2026-000999' }),
      raw({ line: 10, passed: '' }),
    ]);
    expect(out.map((o) => o.outcome)).toEqual([
      'matched',
      'duplicate',
      'unmatched',
      'invalid',
      'invalid',
      'invalid',
      'duplicate',
      'duplicate',
      'invalid',
    ]);
    expect(out[0]).toMatchObject({
      candidateId: 'cand-1',
      courseId: 'course-own',
      message: null,
      passed: true,
    });
    expect(out[1]!.message).toBe('Line 3: repeats line 2 (the same candidate, course and date).');
    expect(out[2]!.message).toContain('Line 4: No candidate has the number LSSC-2026-000999.');
    expect(out[2]).toMatchObject({ courseId: 'course-own', candidateId: null, completedOn: '2026-10-30' });
    expect(out[3]!.message).toBe('Line 5: "course" CRS-2026-000099 is not one of your courses.');
    expect(out[4]!.message).toBe('Line 6: "course" CRS-2026-000077 is not an approved course.');
    expect(out[5]!.message).toContain('is a bundle');
    expect(out[6]!.message).toBe('Line 8: this completion is already recorded for the candidate.');
    expect(out[7]!.message).toContain('repeats line 4');
    expect(out[8]!.message).toContain('"passed" is empty');
  });
});
