import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import { admitCandidate } from './support/server-candidates.js';
import { createStaffMember } from './support/server-users.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const PROGRAM = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
const STATEMENT = [
  'Cataloging matters in my work because patrons can only find what our records describe well.',
  'For six years I have cataloged new books, local history pamphlets and DVDs for a small public library.',
  'Building this portfolio I learned to explain why I choose a subject heading, not just which one.',
].join('\n\n');

const path = (page: Page) => new URL(page.url()).pathname;
const flash = (page: Page) => page.locator('main [role="status"]').innerText();

/** Fill and send the add-evidence form on a competency page as written text. */
async function addWrittenEvidence(page: Page, title: string) {
  await page.getByLabel('Written text', { exact: true }).check();
  await page.getByLabel('Primary: direct evidence that you do this in your work').check();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page
    .getByLabel('How does this show the competency?')
    .fill('I do this every week at the technical services desk.');
  await page
    .getByLabel('The evidence in writing (if it is written text)')
    .fill(`A description of my work on ${title}.`);
  await press(page, 'Add the evidence');
  expect(await flash(page)).toBe(`Evidence “${title}” added.`);
}

/**
 * An admitted candidate builds a portfolio for the smallest set (Cataloging and Classification,
 * 8 competencies): a file upload (after a program renamed .pdf is refused), written text for the
 * other competencies, the Personal Learning Statement; submits it, pays by card, and finds it locked.
 */
describe('a candidate builds, submits and pays for a portfolio', { timeout: 120_000 }, () => {
  let journey: Journey;
  let page: Page;
  let candidate: Account;
  let base = '';
  let number = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    candidate = await createAccount(journey, {
      email: 'sam.rivera@library.example',
      displayName: 'Sam Rivera',
      roles: ['candidate'],
    });
    const staff = await createStaffMember(journey, {
      email: 'admissions@lssc.example',
      displayName: 'Lee Admissions',
    });
    await admitCandidate(journey, candidate, staff.email, { givenName: 'Sam', familyName: 'Rivera' });
    page = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('starts a portfolio for Cataloging from the dashboard', async () => {
    await submitSignIn(page, candidate.email, candidate.password);
    await visit(page, '/dashboard');
    await follow(page, 'Build a portfolio for Cataloging and Classification');
    expect(path(page)).toBe('/portfolios');
    expect(await mainText(page)).toContain('Keep names out of your evidence');
    await press(page, 'Start a portfolio');
    base = path(page);
    expect(base).toMatch(/^\/portfolios\/[0-9a-f-]{36}$/);
    expect(await flash(page)).toContain('Portfolio started.');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Portfolio: CAT Cataloging and Classification',
    );
    expect(await mainText(page)).toContain('0 of 8 competencies have primary evidence');
  });

  it('uploads a file as evidence for the first competency, after a refused one', async () => {
    await follow(page, /^CAT-1 /);
    expect(path(page)).toBe(`${base}/competencies/CAT-1`);
    await press(page, 'Add the evidence', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'A file (PDF, Word, image or plain text)', message: /file, a link or written text/ },
      { label: 'Primary: direct evidence that you do this in your work', message: /primary or secondary/ },
      { label: 'Title', message: /short title/ },
      { label: 'How does this show the competency?', message: /Explain how this evidence/ },
    ]);
    await page.getByLabel('A file (PDF, Word, image or plain text)').check();
    await page.getByLabel('Primary: direct evidence that you do this in your work').check();
    await page.getByLabel('Title', { exact: true }).fill('Copy cataloging workflow');
    await page
      .getByLabel('How does this show the competency?')
      .fill('I wrote this workflow and train new staff with it.');
    const file = page.getByLabel('File (if the evidence is a file)');
    await file.setInputFiles({ name: 'workflow.pdf', mimeType: 'application/pdf', buffer: PROGRAM });
    await press(page, 'Add the evidence', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'File (if the evidence is a file)', message: /Programs cannot be uploaded/ },
    ]);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Copy cataloging workflow');
    await file.setInputFiles({ name: 'workflow.pdf', mimeType: 'application/pdf', buffer: PDF });
    await press(page, 'Add the evidence');
    expect(await flash(page)).toBe('Evidence “Copy cataloging workflow” added.');
    expect(await mainText(page)).toContain('workflow.pdf');
  });

  it('adds written evidence for every other competency, and a secondary link', async () => {
    for (let n = 2; n <= 8; n++) {
      await follow(page, `Next: CAT-${n}`);
      expect(path(page)).toBe(`${base}/competencies/CAT-${n}`);
      await addWrittenEvidence(page, `Work on CAT-${n}`);
    }
    await page.getByLabel('A link to a web page').check();
    await page.getByLabel('Secondary: supporting evidence').check();
    await page.getByLabel('Title', { exact: true }).fill('Our public cataloging guide');
    await page.getByLabel('How does this show the competency?').fill('I keep this guide up to date.');
    await page
      .getByLabel('Web address (if the evidence is a link)')
      .fill('https://guides.example.org/cataloging');
    await press(page, 'Add the evidence');
    await follow(page, 'Back to the portfolio');
    expect(await mainText(page)).toContain('8 of 8 competencies have primary evidence');
  });

  it('writes the Personal Learning Statement', async () => {
    await follow(page, 'Write the statement');
    expect(await mainText(page)).toContain('Why Cataloging and Classification matters in your work.');
    await page.getByLabel('Your statement').fill(STATEMENT);
    await press(page, 'Save the statement');
    expect(await flash(page)).toBe('Statement saved.');
    expect(await mainText(page)).toMatch(/Saved: \d+ words\./);
    await follow(page, 'Back to the portfolio');
  });

  it('submits and pays; the portfolio is locked', async () => {
    await follow(page, 'Check and submit');
    expect(await mainText(page)).toContain('charges the portfolio fee of $60.00');
    await press(page, 'Submit the portfolio');
    expect(path(page)).toBe(`${base}/check`);
    const message = await flash(page);
    number = /Portfolio (PF-2026-\d{6}) submitted/.exec(message)?.[1] ?? '';
    expect(number).toBe('PF-2026-000001');
    expect((await latestMail(journey.url, candidate.email, 'portfolio-submitted')).subject).toBe(
      `We received your portfolio ${number}`,
    );
    await press(page, 'Pay $60.00 by card');
    expect(await mainText(page)).toContain(`Portfolio fee for ${number}`);
    await press(page, 'Pay (test card succeeds)');
    expect(path(page)).toBe(base);
    expect(await flash(page)).toContain('Payment received');
    const text = await mainText(page);
    expect(text).toContain('The portfolio fee of $60.00 is paid.');
    expect(text).toContain('The portfolio is locked');
    expect((await latestMail(journey.url, candidate.email, 'portfolio-fee-paid')).subject).toBe(
      `Payment received for portfolio ${number}`,
    );

    await follow(page, /^CAT-1 /);
    expect(await mainText(page)).toContain('This portfolio is locked');
    expect(await page.getByRole('button', { name: 'Add the evidence' }).count()).toBe(0);
    await visit(page, '/dashboard');
    expect(await mainText(page)).toContain('Portfolio: submitted');
  });
});
