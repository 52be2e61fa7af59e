/**
 * iCalendar files (RFC 5545) for "add to my calendar". Times are written in UTC (a trailing Z), so
 * no VTIMEZONE is needed and every calendar shows the event at the right moment in its own zone.
 */

export interface CalendarEvent {
  /** Globally unique and stable, so a second download updates the event instead of adding one. */
  uid: string;
  /** When this file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null | undefined;
  url?: string | null | undefined;
}

export interface CalendarOptions {
  /** PRODID: who made the file, e.g. "-//LSSC//Portfolio webinars//EN". */
  productId: string;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** A UTC date-time in the basic format: 20270112T190000Z. */
export function icsDateTime(d: Date): string {
  return `${d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;
}

/**
 * TEXT values (3.3.11): backslash, semicolon and comma are escaped, line breaks become \n, and
 * other control characters (which the grammar does not allow) are dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '')
  );
}

const encoder = new TextEncoder();

/**
 * Fold a content line (3.1): no physical line longer than 75 octets; a continuation starts with one
 * space. Splits fall between characters, never inside a multi-octet UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join(CRLF);
}

function eventLines(e: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${icsDateTime(e.stamp)}`,
    `DTSTART:${icsDateTime(e.start)}`,
    `DTEND:${icsDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    // URL is a URI, not TEXT: it is not escaped, but it must not break the line.
    ...(e.url ? [`URL:${e.url.replace(/[\r\n]/g, '')}`] : []),
    'END:VEVENT',
  ];
}

/** A whole calendar file: every line folded and ended with CRLF. */
export function buildCalendar(events: readonly CalendarEvent[], opts: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(opts.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map((l) => foldLine(l) + CRLF).join('');
}
