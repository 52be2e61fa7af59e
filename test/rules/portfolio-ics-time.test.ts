import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatWebinarTime,
  instantOfLocalTime,
  localTimeOf,
  parseTimeOfDay,
  webinarTimeZoneIds,
  zoneOffsetMinutes,
} from '../../src/modules/portfolios/rules/webinar-time.js';

// Webinar times for the .ics files: a local time in a US zone to the instant, across DST edges.
// In 2027 US daylight saving starts Sunday 14 March (02:00 → 03:00) and ends Sunday 7 November (02:00 → 01:00).

const at = (date: string, time: string, zone: string) => {
  const r = instantOfLocalTime(date, time, zone);
  return r.kind === 'skipped' ? 'skipped' : r.instant.toISOString();
};

describe('local webinar time to instant', () => {
  it.each([
    ['2027-01-12', '14:00', 'America/New_York', '2027-01-12T19:00:00.000Z'],
    ['2027-07-01', '14:00', 'America/New_York', '2027-07-01T18:00:00.000Z'],
    ['2027-01-12', '14:00', 'America/Chicago', '2027-01-12T20:00:00.000Z'],
    ['2027-07-01', '09:30', 'America/Denver', '2027-07-01T15:30:00.000Z'],
    ['2027-07-01', '09:30', 'America/Phoenix', '2027-07-01T16:30:00.000Z'],
    ['2027-01-12', '09:30', 'America/Phoenix', '2027-01-12T16:30:00.000Z'],
    ['2027-07-01', '09:00', 'America/Los_Angeles', '2027-07-01T16:00:00.000Z'],
    ['2027-01-12', '09:00', 'America/Anchorage', '2027-01-12T18:00:00.000Z'],
    ['2027-06-01', '09:00', 'Pacific/Honolulu', '2027-06-01T19:00:00.000Z'],
    ['2027-12-31', '23:30', 'Pacific/Honolulu', '2028-01-01T09:30:00.000Z'],
    ['2027-01-01', '00:00', 'America/New_York', '2027-01-01T05:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(at(date, time, zone)).toBe(expected);
  });

  it('refuses the hour skipped when the clocks go forward', () => {
    expect(at('2027-03-14', '01:59', 'America/New_York')).toBe('2027-03-14T06:59:00.000Z');
    expect(at('2027-03-14', '02:00', 'America/New_York')).toBe('skipped');
    expect(at('2027-03-14', '02:30', 'America/New_York')).toBe('skipped');
    expect(at('2027-03-14', '02:59', 'America/New_York')).toBe('skipped');
    expect(at('2027-03-14', '03:00', 'America/New_York')).toBe('2027-03-14T07:00:00.000Z');
    expect(at('2027-03-14', '02:30', 'America/Los_Angeles')).toBe('skipped');
    expect(at('2027-03-14', '02:30', 'America/Anchorage')).toBe('skipped');
    // Arizona and Hawaii keep standard time all year.
    expect(at('2027-03-14', '02:30', 'America/Phoenix')).toBe('2027-03-14T09:30:00.000Z');
    expect(at('2027-03-14', '02:30', 'Pacific/Honolulu')).toBe('2027-03-14T12:30:00.000Z');
  });

  it('takes the first of the hour that happens twice when the clocks go back', () => {
    expect(instantOfLocalTime('2027-11-07', '01:30', 'America/New_York')).toEqual({
      kind: 'ambiguous',
      instant: new Date('2027-11-07T05:30:00Z'),
      later: new Date('2027-11-07T06:30:00Z'),
    });
    expect(at('2027-11-07', '00:59', 'America/New_York')).toBe('2027-11-07T04:59:00.000Z');
    expect(instantOfLocalTime('2027-11-07', '02:00', 'America/New_York')).toEqual({
      kind: 'exact',
      instant: new Date('2027-11-07T07:00:00Z'),
    });
    expect(at('2027-11-07', '01:00', 'America/Los_Angeles')).toBe('2027-11-07T08:00:00.000Z');
    expect(instantOfLocalTime('2027-11-07', '01:30', 'America/Phoenix').kind).toBe('exact');
  });

  it('reads every instant back to the same local time, across both changes, in every zone', () => {
    for (const zone of webinarTimeZoneIds) {
      for (const day of ['2027-03-14T00:00:00Z', '2027-11-07T00:00:00Z', '2026-11-01T00:00:00Z']) {
        for (let m = 0; m < 36 * 60; m += 15) {
          const instant = new Date(Date.parse(day) + m * 60_000);
          const local = localTimeOf(instant, zone);
          const back = instantOfLocalTime(local.date, local.time, zone);
          expect(back.kind).not.toBe('skipped');
          if (back.kind === 'exact') expect(back.instant).toEqual(instant);
          if (back.kind === 'ambiguous') expect([back.instant, back.later]).toContainEqual(instant);
        }
      }
    }
  });

  it('knows each zone’s offset from UTC', () => {
    expect(zoneOffsetMinutes(new Date('2027-01-12T19:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2027-07-01T18:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2027-07-01T18:00:00Z'), 'America/Phoenix')).toBe(-420);
    expect(zoneOffsetMinutes(new Date('2027-07-01T18:00:00.750Z'), 'Pacific/Honolulu')).toBe(-600);
  });
});

describe('showing and reading webinar times', () => {
  it('shows the time as announced, with the zone', () => {
    expect(formatWebinarTime(new Date('2027-01-12T19:00:00Z'), 'America/New_York')).toBe(
      'Tuesday 12 January 2027, 2:00 PM EST',
    );
    expect(formatWebinarTime(new Date('2027-07-01T18:00:00Z'), 'America/New_York')).toBe(
      'Thursday 1 July 2027, 2:00 PM EDT',
    );
    expect(formatWebinarTime(new Date('2027-07-01T16:30:00Z'), 'America/Phoenix')).toBe(
      'Thursday 1 July 2027, 9:30 AM MST',
    );
    expect(formatWebinarTime(new Date('2027-11-07T05:30:00Z'), 'America/New_York')).toBe(
      'Sunday 7 November 2027, 1:30 AM EDT',
    );
    expect(formatWebinarTime(new Date('2027-11-07T06:30:00Z'), 'America/New_York')).toBe(
      'Sunday 7 November 2027, 1:30 AM EST',
    );
  });

  it('gives the local date and time for the form', () => {
    expect(localTimeOf(new Date('2027-01-12T04:05:00Z'), 'America/Chicago')).toEqual({
      date: '2027-01-11',
      time: '22:05',
    });
    expect(localTimeOf(new Date('2027-01-12T05:00:00Z'), 'America/New_York')).toEqual({
      date: '2027-01-12',
      time: '00:00',
    });
  });

  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['09.05', '09:05'],
    ['2:30 pm', '14:30'],
    ['2:30PM', '14:30'],
    ['2:30 p.m.', '14:30'],
    ['12:00 am', '00:00'],
    ['12:15 PM', '12:15'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
  ])('reads the time %s as %s', (text, expected) => {
    expect(parseTimeOfDay(text)).toBe(expected);
  });

  it.each(['', '24:00', '12:60', '13:00 pm', '0:30 am', 'noon', '2 pm', '14', '1:2'])(
    'refuses %j as a time',
    (text) => {
      expect(parseTimeOfDay(text)).toBeUndefined();
    },
  );

  it('says how long a webinar lasts', () => {
    expect(formatDuration(60)).toBe('1 hour');
    expect(formatDuration(120)).toBe('2 hours');
    expect(formatDuration(90)).toBe('90 minutes');
  });
});
