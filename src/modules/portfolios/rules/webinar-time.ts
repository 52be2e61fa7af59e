/**
 * Webinar times: staff announce a local date and time in a US time zone; we store the instant.
 * The conversion uses only Intl (the zone database that ships with Node), so daylight saving
 * follows the real rules for each zone and year.
 */

/** The zones a webinar may be announced in, with the names people know them by. */
export const webinarTimeZones = [
  ['America/New_York', 'Eastern Time (New York)'],
  ['America/Chicago', 'Central Time (Chicago)'],
  ['America/Denver', 'Mountain Time (Denver)'],
  ['America/Phoenix', 'Mountain Time, no daylight saving (Phoenix)'],
  ['America/Los_Angeles', 'Pacific Time (Los Angeles)'],
  ['America/Anchorage', 'Alaska Time (Anchorage)'],
  ['Pacific/Honolulu', 'Hawaii Time (Honolulu)'],
] as const;

export type WebinarTimeZone = (typeof webinarTimeZones)[number][0];
export const webinarTimeZoneIds = webinarTimeZones.map(([id]) => id) as [
  WebinarTimeZone,
  ...WebinarTimeZone[],
];

export function timeZoneLabel(zone: string): string {
  return webinarTimeZones.find(([id]) => id === zone)?.[1] ?? zone;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Building an Intl formatter costs far more than using one: keep one per zone.
const numericFormats = new Map<string, Intl.DateTimeFormat>();
function numericFormat(zone: string): Intl.DateTimeFormat {
  let format = numericFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    numericFormats.set(zone, format);
  }
  return format;
}

function wallTimeAt(instant: Date, zone: string): WallTime & { second: number } {
  const n: Record<string, number> = {};
  for (const p of numericFormat(zone).formatToParts(instant))
    if (p.type !== 'literal') n[p.type] = Number(p.value);
  return {
    year: n.year!,
    month: n.month!,
    day: n.day!,
    hour: n.hour! % 24,
    minute: n.minute!,
    second: n.second!,
  };
}

/** The zone's offset from UTC at an instant, in minutes (New York in winter: -300). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallTimeAt(instant, zone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

export type LocalTimeResult =
  | { kind: 'exact'; instant: Date }
  /** The clocks went back: the time happened twice. `instant` is the first (daylight) one. */
  | { kind: 'ambiguous'; instant: Date; later: Date }
  /** The clocks went forward: the time never happened that day. */
  | { kind: 'skipped' };

const DAY_MS = 86_400_000;

/**
 * The instant a local date and time in a zone stands for. The zone's offset can be only one of the
 * offsets in force a day either side (US zones change at most once in two days), so try each and
 * keep the ones that read back as the wanted wall time.
 */
export function instantOfLocalTime(date: string, time: string, zone: string): LocalTimeResult {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([
    zoneOffsetMinutes(new Date(wall - DAY_MS), zone),
    zoneOffsetMinutes(new Date(wall + DAY_MS), zone),
  ]);
  const matches = [...offsets]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((candidate) => {
      const w = wallTimeAt(candidate, zone);
      return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  if (matches.length === 0) return { kind: 'skipped' };
  if (matches.length === 1) return { kind: 'exact', instant: matches[0]! };
  return { kind: 'ambiguous', instant: matches[0]!, later: matches[1]! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date (YYYY-MM-DD) and time (HH:MM, 24-hour) of an instant in a zone: to fill in a form again. */
export function localTimeOf(instant: Date, zone: string): { date: string; time: string } {
  const w = wallTimeAt(instant, zone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * A time of day as people type it: "14:30", "9:05", "2:30 pm", "2:30 p.m.", "12:00 AM". Answers
 * "HH:MM" (24-hour), or undefined when it is not a time.
 */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

const longFormats = new Map<string, Intl.DateTimeFormat>();
function longFormat(zone: string): Intl.DateTimeFormat {
  let format = longFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    longFormats.set(zone, format);
  }
  return format;
}

/**
 * "Tuesday 12 January 2027, 2:00 PM EST": the time as announced, in the webinar's own zone (day
 * before month, as dates are written everywhere else in the system).
 */
export function formatWebinarTime(instant: Date, zone: string): string {
  const p: Record<string, string> = {};
  for (const part of longFormat(zone).formatToParts(instant)) p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.dayPeriod} ${p.timeZoneName}`;
}

/** "1 hour", "90 minutes", "2 hours". */
export function formatDuration(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}
