import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, compareDates } from '../../src/lib/calendar-date.js';
import { certificationOutcome } from '../../src/modules/certification/rules/certification.js';
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
];

/** Achievements a month apart from January 2027: the last one of six lands on 2027-06-15. */
const achievedInOrder = (setIds: string[]): Achievement[] =>
  setIds.map((setId, i) => ({ setId, how: 'course', on: `2027-${String(i + 1).padStart(2, '0')}-15` }));

const outcomeOf = (setIds: string[], deadlineOn: string, today: string) =>
  certificationOutcome(
    requirementProgress(framework, achievedInOrder(setIds), defaultPolicy),
    deadlineOn,
    today,
    defaultPolicy,
  );

describe('certificationOutcome', () => {
  const validity = defaultPolicy.certification.validityYears;

  it.each<[string, string[], string, string, string]>([
    [
      '3 required + 3 electives certifies',
      [...REQUIRED, ...ELECTIVES.slice(0, 3)],
      '2030-01-01',
      '2027-07-01',
      'certify',
    ],
    [
      '3 required + 2 electives does not',
      [...REQUIRED, ...ELECTIVES.slice(0, 2)],
      '2030-01-01',
      '2027-07-01',
      'not-yet',
    ],
    [
      '2 required + 4 electives does not',
      [...REQUIRED.slice(0, 2), ...ELECTIVES],
      '2030-01-01',
      '2027-07-01',
      'not-yet',
    ],
    [
      'completed on the deadline day certifies',
      [...REQUIRED, ...ELECTIVES.slice(0, 3)],
      '2027-06-15',
      '2027-07-01',
      'certify',
    ],
    [
      'completed a day after the deadline does not',
      [...REQUIRED, ...ELECTIVES.slice(0, 3)],
      '2027-06-14',
      '2027-07-01',
      'expired',
    ],
    ['incomplete, deadline passed', [...REQUIRED], '2027-06-30', '2027-07-01', 'expired'],
    ['incomplete, deadline today', [...REQUIRED], '2027-07-01', '2027-07-01', 'not-yet'],
  ])('%s', (_, setIds, deadlineOn, today, kind) => {
    expect(outcomeOf(setIds, deadlineOn, today).kind).toBe(kind);
  });

  it('certifies on the day the last needed set came in, valid for the policy years', () => {
    expect(outcomeOf([...REQUIRED, ...ELECTIVES.slice(0, 3)], '2030-01-01', '2029-01-01')).toEqual({
      kind: 'certify',
      certifiedOn: '2027-06-15',
      expiresOn: `${2027 + validity}-06-15`,
    });
  });

  it('a certification from 29 February expires on 28 February in a common year', () => {
    const outcome = certificationOutcome(
      { complete: true, completedOn: '2028-02-29' },
      '2030-01-01',
      '2028-03-01',
      {
        certification: { ...defaultPolicy.certification, validityYears: 3 },
      },
    );
    expect(outcome).toEqual({ kind: 'certify', certifiedOn: '2028-02-29', expiresOn: '2031-02-28' });
  });

  it('certifies exactly when complete by the deadline; otherwise expired exactly when today is past it', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        recentDateArb,
        recentDateArb,
        recentDateArb,
        (complete, completedOn, deadlineOn, today) => {
          const outcome = certificationOutcome(
            complete ? { complete, completedOn } : { complete },
            deadlineOn,
            today,
            defaultPolicy,
          );
          const inTime = complete && compareDates(completedOn, deadlineOn) <= 0;
          if (inTime) {
            expect(outcome).toEqual({
              kind: 'certify',
              certifiedOn: completedOn,
              expiresOn: addYears(completedOn, validity),
            });
          } else {
            expect(outcome.kind).toBe(compareDates(today, deadlineOn) > 0 ? 'expired' : 'not-yet');
          }
        },
      ),
    );
  });
});
