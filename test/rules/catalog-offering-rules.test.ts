import { describe, expect, it } from 'vitest';
import { isLapsed, offeringDateProblems } from '../../src/modules/catalog/rules/offering-rules.js';

const context = { today: '2026-11-28', approvalEndsOn: '2030-11-28' };

describe('the dates of a course session', () => {
  it.each([
    ['a one-day session today', '2026-11-28', '2026-11-28', '2026-11-28'],
    ['a session running now', '2026-11-01', '2026-12-15', '2026-11-28'],
    ['a session starting exactly two years ahead', '2028-11-28', '2028-12-05', '2026-11-28'],
    ['a session starting on the last day of approval', '2030-11-28', '2030-12-20', '2030-01-15'],
    ['a session lasting exactly a year', '2027-01-01', '2028-01-01', '2026-11-28'],
  ])('accepts %s', (_, startsOn, endsOn, today) => {
    expect(offeringDateProblems({ startsOn, endsOn }, { ...context, today })).toEqual({});
  });

  it.each([
    ['an end before the start', '2027-03-02', '2027-03-01', ['endsOn']],
    ['a session that already ended', '2026-11-01', '2026-11-27', ['endsOn']],
    ['a start more than two years ahead', '2028-11-29', '2028-12-01', ['startsOn']],
    ['a start after the approval ends', '2030-11-29', '2030-12-01', ['startsOn']],
    ['a session longer than a year', '2027-01-01', '2028-01-02', ['endsOn']],
    ['a far-off start with the end before it', '2029-05-02', '2029-05-01', ['startsOn', 'endsOn']],
  ])('refuses %s', (_, startsOn, endsOn, fields) => {
    const problems = offeringDateProblems({ startsOn, endsOn }, context);
    expect(Object.keys(problems).sort()).toEqual([...fields].sort());
  });

  it('says where the limit is', () => {
    const problems = offeringDateProblems(
      { startsOn: '2028-12-01', endsOn: '2028-12-02' },
      { today: '2026-11-28', approvalEndsOn: '2027-06-30' },
    );
    expect(problems.startsOn).toContain('28 November 2028');
    const afterApproval = offeringDateProblems(
      { startsOn: '2027-07-01', endsOn: '2027-07-02' },
      { today: '2026-11-28', approvalEndsOn: '2027-06-30' },
    );
    expect(afterApproval.startsOn).toContain('approved until 30 June 2027');
  });
});

describe('a lapsed course', () => {
  it('is still approved on the last day of its approval and lapsed the day after', () => {
    expect(isLapsed('2030-11-28', '2030-11-28')).toBe(false);
    expect(isLapsed('2030-11-28', '2030-11-29')).toBe(true);
    expect(isLapsed('2024-02-29', '2024-03-01')).toBe(true);
  });
});
