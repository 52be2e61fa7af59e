import { type CalendarDate, todayFromInstant } from '../lib/calendar-date.js';

/** Injected everywhere "now" matters, so tests and demos can set the day. */
export interface Clock {
  now(): Date;
  /** The program's calendar day. */
  today(): CalendarDate;
  /**
   * The real instant, for checks against devices outside the system (authenticator apps on phones
   * show codes for the real time). Only a clock that shifts "now" needs it; others use now().
   */
  wallNow?(): Date;
}

export function systemClock(timeZone: string): Clock {
  return { now: () => new Date(), today: () => todayFromInstant(new Date(), timeZone) };
}

/** "Today" is fixed (LSSC_TODAY); the time of day still moves so timestamps stay ordered. */
export function fixedDayClock(day: CalendarDate): Clock {
  const offset = Date.parse(`${day}T12:00:00Z`) - Date.now();
  return { now: () => new Date(Date.now() + offset), today: () => day, wallNow: () => new Date() };
}

/** A clock tests move by hand. */
export function manualClock(
  start: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => todayFromInstant(current, 'UTC'),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}
