import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsDateTime } from '../../src/modules/portfolios/rules/ics.js';

const event = {
  uid: 'portfolio-webinar-1@lssc.example',
  stamp: new Date('2026-11-28T15:00:00Z'),
  start: new Date('2027-01-12T19:00:00Z'),
  end: new Date('2027-01-12T20:30:00Z'),
  summary: 'Preparing your portfolio',
  description: 'Evidence, primary or secondary.\nBring questions; we answer them, all.',
  url: 'https://example.org/register?id=1&x=2',
};
const calendar = () => buildCalendar([event], { productId: '-//LSSC//Portfolio webinars//EN' });
const unfold = (text: string) => text.replace(/\r\n /g, '');
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar files (RFC 5545)', () => {
  it('writes one VEVENT in a VCALENDAR with UTC times', () => {
    const lines = unfold(calendar()).split('\r\n');
    expect(lines.at(-1)).toBe(''); // the last line ends with CRLF too
    expect(lines.slice(0, -1)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//LSSC//Portfolio webinars//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:portfolio-webinar-1@lssc.example',
      'DTSTAMP:20261128T150000Z',
      'DTSTART:20270112T190000Z',
      'DTEND:20270112T203000Z',
      'SUMMARY:Preparing your portfolio',
      'DESCRIPTION:Evidence\\, primary or secondary.\\nBring questions\\; we answer them\\, all.',
      'URL:https://example.org/register?id=1&x=2',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('ends every line with CRLF and never a bare line feed or carriage return', () => {
    const text = calendar();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    expect(/\r(?!\n)/.test(text)).toBe(false);
  });

  it('leaves out an empty description or URL', () => {
    const text = buildCalendar([{ ...event, description: null, url: undefined }], { productId: 'x' });
    expect(text).not.toContain('DESCRIPTION');
    expect(text).not.toContain('URL:');
  });

  it('formats instants as UTC basic date-times, dropping milliseconds', () => {
    expect(icsDateTime(new Date('2027-03-14T07:05:09.999Z'))).toBe('20270314T070509Z');
  });

  it('escapes backslashes, semicolons, commas and line breaks in text, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\there\u0000 bell\u0007 del\u007f')).toBe('tab\there bell del');
  });

  it('folds long lines at 75 octets with a leading space, and unfolding gives the line back', () => {
    const line = `SUMMARY:${'Portfolio webinar '.repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(octets(physical[0]!)).toBe(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('never splits a multi-octet character across lines', () => {
    const line = `SUMMARY:${'Café résumé 📚 '.repeat(10)}`;
    const physical = foldLine(line).split('\r\n');
    for (const p of physical) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(unfold(physical.join('\r\n'))).toBe(line);
  });

  it('folds and unfolds any text losslessly (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const p of folded.split('\r\n')) expect(octets(p)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});
