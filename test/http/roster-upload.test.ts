import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasErrorSummary } from '../support/accounts.js';
import { testBackends } from '../support/backends.js';
import { auditActions } from '../support/factories.js';
import { follow, registerVia } from '../support/provider-factories.js';
import {
  completionsOf,
  courseForRosters,
  HEADER,
  rosterCsv,
  rosterRow,
  textOf,
  uploadedRoster,
  uploadRosterPage,
} from '../support/roster-factories.js';
import { get, type TestSession } from '../support/sessions.js';
import { type MadeApplication, makeApplication, staffMember } from '../support/staff-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(testBackends())('roster upload and preview on %s', (backend) => {
  let t: TestApp;
  let member: TestSession;
  let providerId: string;
  let course: string;
  let otherCourse: string;
  let admitted: MadeApplication;
  let inReview: MadeApplication;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const staff = await staffMember(t);
    const mine = await courseForRosters(t, staff.session);
    member = mine.provider.session;
    providerId = mine.provider.providerId;
    course = mine.number;
    otherCourse = (await courseForRosters(t, staff.session)).number;
    admitted = await makeApplication(t, staff.ctx, { status: 'admitted' });
    inReview = await makeApplication(t, staff.ctx, { status: 'in_review' });
  });
  afterAll(() => t.close());

  const upload = (rows: string[][], header?: string[], name = 'roster.csv') =>
    uploadRosterPage(t, member, providerId, { name, bytes: rosterCsv(rows, header) });

  it('shows the upload form with the columns, and offers a template', async () => {
    const page = await get(t, '/provider/rosters/new', member);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<h1/g)).toHaveLength(1);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain(`name="providerId" value="${providerId}"`);
    for (const column of HEADER) expect(page.body).toContain(`<code>${column}</code>`);
    const template = await get(t, '/provider/rosters/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.headers['content-disposition']).toContain('roster-template.csv');
    expect(template.body.split('\r\n')[0]).toBe(HEADER.join(','));
  });

  it('reads, matches and previews every row, recording nothing yet', async () => {
    const res = await upload([
      [admitted.number, 'Robin', course, '2026-10-30', 'yes'],
      [inReview.candidate.email.toUpperCase(), 'Sam', course.toLowerCase(), '10/1/2026', 'Pass'],
      ['LSSC-2026-999999', 'Nobody Yet', course, '2026-09-01', 'yes'],
      [admitted.number, 'Robin', course, '2026-12-25', 'yes'],
      [admitted.number, 'Robin', otherCourse, '2026-10-30', 'yes'],
      [admitted.number, 'Robin', 'CRS-2026-999999', '2026-10-30', 'yes'],
      [admitted.number, 'Robin', course, '2026-10-29', 'maybe'],
      [admitted.number, 'Robin again', course, '2026-10-30', 'y'],
      ['', 'No Number', course, '2026-10-30', 'yes'],
      ['Robin Reader', '', course, '13/1/2026', 'yes'],
    ]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const page = await follow(t, res, member);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Roster uploaded: 10 rows read. Nothing is recorded until you confirm it.');
    expect(text).toContain('Matched: 2');
    expect(text).toContain('Candidate not found: 1');
    expect(text).toContain('Not valid: 6');
    expect(text).toContain('Duplicate: 1');
    expect(text).toContain('Nothing has been recorded yet.');
    expect(text).toContain('Will count toward certification.');
    expect(text).toContain('Line 4: No candidate has the number LSSC-2026-999999.');
    expect(text).toContain('Line 5: "completed_on" 2026-12-25 is in the future.');
    expect(text).toContain(`Line 6: "course" ${otherCourse} is not one of your courses.`);
    expect(text).toContain('Line 7: "course" CRS-2026-999999 is not an approved course.');
    expect(text).toContain('Line 8: "passed" "maybe" is not yes or no.');
    expect(text).toContain('Line 9: repeats line 2 (the same candidate, course and date).');
    expect(text).toContain('Line 10: "candidate" is empty');
    expect(text).toContain('Line 11: "candidate" "Robin Reader" is neither a candidate number');
    expect(text).toContain('"completed_on" "13/1/2026" is not a date');
    expect(page.body).toContain('Confirm and record 2 completions');

    const id = /\/provider\/rosters\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    expect(await rosterRow(t, id)).toMatchObject({
      status: 'preview',
      totalRows: 10,
      matchedRows: 2,
      unmatchedRows: 1,
      invalidRows: 6,
      duplicateRows: 1,
      fileName: 'roster.csv',
    });
    expect(await completionsOf(t, admitted.candidate.id)).toEqual([]);
    expect(await completionsOf(t, inReview.candidate.id)).toEqual([]);
    expect(await auditActions(t, 'roster_import', id)).toEqual(['roster.uploaded']);

    const invalid = textOf((await get(t, `/provider/rosters/${id}?outcome=invalid`, member)).body);
    expect(invalid).toContain('Rows: not valid');
    expect(invalid).toContain('Line 5');
    expect(invalid).not.toContain('Line 4:');
    const none = await get(t, `/provider/rosters/${id}?outcome=matched&page=9`, member);
    expect(textOf(none.body)).toContain('There are no rows on this page.');
  });

  it('says why a matched row will not count', async () => {
    const id = await uploadedRoster(t, member, providerId, [
      [admitted.number, 'Robin', course, '2020-01-15', 'yes'],
      [admitted.number, 'Robin', course, '2026-11-01', 'no'],
    ]);
    const text = textOf((await get(t, `/provider/rosters/${id}`, member)).body);
    expect(text).toContain(
      'Will not count: Completed on 15 January 2020, more than 2 years before the course was approved',
    );
    expect(text).toContain('Will not count: The provider reported that the course was not passed.');
  });

  it('refuses a file with wrong columns, naming them', async () => {
    const res = await upload([['x', 'y', 'z', 'w']], ['Candidate', 'Name', 'Course', 'Grade']);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: Report course completions');
    expect(hasErrorSummary(res.body)).toBe(true);
    const text = textOf(res.body);
    expect(text).toContain('The header row is missing the columns "completed_on" and "passed".');
    expect(text).toContain('a column we do not know: "Grade"');
  });

  it('refuses an empty, header-only, unreadable, non-text or missing file', async () => {
    const cases: Array<[{ name: string; bytes: Buffer } | undefined, string]> = [
      [{ name: 'empty.csv', bytes: Buffer.alloc(0) }, 'The file is empty.'],
      [{ name: 'blank.csv', bytes: Buffer.from('\r\n\r\n') }, 'The file is empty.'],
      [{ name: 'header.csv', bytes: rosterCsv([]) }, 'The file has a header row but no rows of completions.'],
      [
        { name: 'quote.csv', bytes: Buffer.from(`${HEADER.join(',')}\n"LSSC-2026-000001,a,b,c,d\n`) },
        'Line 2: a value starts with a quote',
      ],
      [{ name: 'roster.csv', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }, 'not a text file'],
      [undefined, 'Choose a CSV file to upload.'],
    ];
    for (const [file, message] of cases) {
      const res = await uploadRosterPage(t, member, providerId, file);
      expect(res.statusCode, `${file?.name}: ${res.body.slice(0, 200)}`).toBe(400);
      expect(textOf(res.body)).toContain(message);
    }
  });

  it('refuses a file of more than 100,000 rows', async () => {
    const rows = Array.from({ length: 100_001 }, (_, i) => [
      `LSSC-2026-${String(i + 1).padStart(6, '0')}`,
      '',
      course,
      '2026-10-30',
      'y',
    ]);
    const res = await upload(rows);
    expect(res.statusCode).toBe(400);
    expect(textOf(res.body)).toContain('The file has more than 100,000 rows.');
  });

  it('reports lines with too few or too many values, and skips blank lines', async () => {
    const bytes = Buffer.from(
      `\uFEFF${HEADER.join(',')}\r\n${admitted.number},Robin,${course},2026-10-02\r\n\r\n,,,,\r\n${admitted.number},Robin,${course},2026-10-03,yes,extra\r\n`,
    );
    const res = await uploadRosterPage(t, member, providerId, { name: 'short.csv', bytes });
    const text = textOf((await follow(t, res, member)).body);
    expect(text).toContain('Roster uploaded: 2 rows read.');
    expect(text).toContain('Line 2: the line has 4 values, but the header has 5 columns.');
    expect(text).toContain('Line 5: the line has 6 values, but the header has 5 columns.');
  });

  it('asks a member of several providers which one sent the roster', async () => {
    await registerVia(t, member, { name: 'Second Cooperative' });
    const form = await get(t, '/provider/rosters/new', member);
    expect(form.body).toContain('Organisation that gave the courses');
    const res = await uploadRosterPage(t, member, '', {
      name: 'r.csv',
      bytes: rosterCsv([[admitted.number, '', course, '2026-10-30', 'y']]),
    });
    expect(res.statusCode).toBe(400);
    expect(textOf(res.body)).toContain('Choose the organisation that gave the courses');
    const ok = await uploadRosterPage(t, member, providerId, {
      name: 'r.csv',
      bytes: rosterCsv([[admitted.number, '', course, '2026-10-30', 'y']]),
    });
    expect(ok.statusCode).toBe(303);
  });

  it('refuses an upload without the CSRF field', async () => {
    const res = await uploadRosterPage(
      t,
      member,
      providerId,
      { name: 'r.csv', bytes: rosterCsv([]) },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
  });
});
