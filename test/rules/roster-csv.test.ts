import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, formatCsv, parseCsv } from '../../src/modules/completions/rules/roster-csv.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);
const lines = (text: string) => parseCsv(text).records.map((r) => r.line);

describe('roster CSV reading (RFC 4180)', () => {
  it('reads plain fields, LF, CRLF and bare CR line ends', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b')).toEqual([['a', 'b']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('"Reader, Robin","say ""hi""","two\r\nlines"\n')).toEqual([
      ['Reader, Robin', 'say "hi"', 'two\r\nlines'],
    ]);
    expect(fields('"",x\n')).toEqual([['', 'x']]);
    expect(fields('""\n')).toEqual([['']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c\n,,\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
    expect(fields('a,b,')).toEqual([['a', 'b', '']]);
    expect(fields('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('ignores a byte-order mark and skips blank lines', () => {
    expect(fields('\uFEFFcandidate,name\n\n\r\nx,y\n\n')).toEqual([
      ['candidate', 'name'],
      ['x', 'y'],
    ]);
    expect(fields('')).toEqual([]);
    expect(fields('\n\r\n')).toEqual([]);
  });

  it('numbers each record by the line it starts on, counting breaks inside quotes', () => {
    expect(lines('h\n\na\n"b\nc"\nd\r\ne')).toEqual([1, 3, 4, 6, 7]);
    expect(lines('"x\r\n\r\ny",z\nw')).toEqual([1, 4]);
  });

  it('keeps a quote inside an unquoted field as typed', () => {
    expect(fields('5" disk,ok\n')).toEqual([['5" disk', 'ok']]);
  });

  it('refuses an unclosed quote or text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\nc,d\n"open,c\n');
    } catch (err) {
      expect((err as CsvError).line).toBe(3);
      expect((err as CsvError).message).toContain('Line 3');
    }
    expect(() => parseCsv('"a"b,c\n')).toThrow(/followed by more text/);
  });

  it('stops after the limit and says there was more', () => {
    const text = 'h\n1\n2\n3\n';
    expect(parseCsv(text, { limit: 2 })).toEqual({
      records: [
        { line: 1, fields: ['h'] },
        { line: 2, fields: ['1'] },
      ],
      more: true,
    });
    expect(parseCsv(text, { limit: 4 }).more).toBe(false);
  });

  it('writes CSV with CRLF, quoting only where needed', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"'], ['', 'x\ny'], ['']])).toBe(
      'a,"b,c","say ""hi"""\r\n,"x\ny"\r\n""\r\n',
    );
  });
});

describe('roster CSV properties', () => {
  // Any text at all, with the characters that matter to CSV made likely.
  const fieldArb = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '\uFEFF') }),
  );
  const recordsArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 6 }), { maxLength: 20 });

  it('reads back exactly what it writes', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        expect(fields(formatCsv(records))).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what it writes behind a byte-order mark, with LF line ends too', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const simple = records.map((r) => r.map((f) => f.replace(/[\r\n]/g, '')));
        const text = `\uFEFF${formatCsv(simple).replace(/\r\n/g, '\n')}`;
        expect(fields(text)).toEqual(simple);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on text it wrote, and numbers lines in order', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const numbers = lines(formatCsv(records));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(new Set(numbers).size).toBe(numbers.length);
      }),
    );
  });
});
