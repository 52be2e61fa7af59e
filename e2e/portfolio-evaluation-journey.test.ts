import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, linkIn, startJourney } from './support/browser.js';
import { afterNavigation, expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';
import {
  addFileEvidence,
  addWrittenEvidence,
  flash,
  PDF,
  path,
  type RatingChoice,
  rate,
  shownRating,
  signInAsPortfolioEvaluator,
} from './support/portfolio-steps.js';
import { admitCandidate } from './support/server-candidates.js';
import {
  createPortfolioEvaluator,
  keepOnlyEvaluators,
  type PortfolioEvaluator,
} from './support/server-evaluators.js';
import { createStaffMember, type StaffMember } from './support/server-users.js';
import { signInAsStaff } from './support/staff-steps.js';

const SET_ID = 'cataloging-classification';
const TOPICS: Record<string, string> = {
  'CAT-1': 'Workflows, computing tools and equipment used in cataloging and classification',
  'CAT-2': 'Print and online cataloging aids, bibliographic utilities and record-format standards',
  'CAT-3': 'Metadata standards and cataloging rules for reviewing, editing and creating records',
  'CAT-4': 'Applying classification and collection organization schemes',
  'CAT-5': 'Authority control and access points for names, bodies, series, subjects',
  'CAT-6': 'Benefits of cooperative or shared cataloging',
  'CAT-7': 'Why cataloging and classification matter for users finding resources',
  'CAT-8': "Technology's role in information access; using metadata storage and search tools",
};
const IDS = Object.keys(TOPICS);
/** Both evaluators rate this one Not met and the rest Met: one not met each is "more information"
 * for each of them (not more than half not met), and reconciled not met fails the pass rule, so
 * the outcome is more information with exactly this competency reopened (decision 0008). */
const FLAGGED = 'CAT-3';
const STATEMENT = [
  'Cataloging matters in my work because patrons can only find what our records describe well.',
  'For six years I have cataloged new books, local history pamphlets and DVDs for a small public library.',
  'Building this portfolio I learned to explain why I choose a subject heading, not just which one.',
].join('\n\n');
const PRE_REVIEW_COMMENT =
  'Say which bibliographic utility you use and show one record you brought in from it.';
const REVISED_CAT2 =
  'I search OCLC Connexion for each new title, compare the record with the item and export it to our catalog.';
/** What each evaluator writes about the flagged competency in round 1 (evaluator n at index n - 1). */
const FLAGGED_COMMENTS = [
  'The records shown were copied without edits; show a record you corrected against the rules.',
  'No cataloging rule or metadata standard is named; show how you apply RDA when editing.',
];
const DRAFT_COMMENT = 'The workflow document shows the steps clearly.';
const NUMBER = 'PF-2026-000001';
/** A Windows program named like a PDF: refused by its content. */
const PROGRAM = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const rowText = async (page: Page, name: RegExp) =>
  (await page.getByRole('row', { name }).innerText()).replace(/\s+/g, ' ');

/**
 * Issue 4's journey: a candidate builds a portfolio for the smallest set (Cataloging, 8
 * competencies) with an upload, asks for a pre-review and revises after the staff comment, submits
 * and pays by card. Staff assign two portfolio evaluators (MFA), who rate blind (the number only,
 * files under neutral names), keep a draft, and cannot see each other's ratings until both are in.
 * Both rate one competency Not met: more information. The candidate reads the outcome and the
 * comments as "Evaluator 1/2", can change only that competency, adds evidence and resubmits; the
 * evaluators rate only it again, Met, and the portfolio is approved: the set is achieved by portfolio.
 */
describe('a portfolio from pre-review through "more information" to approval', { timeout: 180_000 }, () => {
  let journey: Journey;
  let candidate: Account;
  let staffMember: StaffMember;
  const evaluators: PortfolioEvaluator[] = [];
  let page: Page;
  let staff: Page;
  /** Each evaluator's browser, kept signed in from round 1 to round 2. */
  const evaluatorPages: Page[] = [];
  /** Each evaluator's round 1 rating page. */
  const ratingPaths: string[] = [];
  let base = '';

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    candidate = await createAccount(journey, {
      email: 'sam.rivera@library.example',
      displayName: 'Sam Rivera',
      roles: ['candidate'],
    });
    staffMember = await createStaffMember(journey, {
      email: 'portfolios@lssc.example',
      displayName: 'Lee Portfolios',
    });
    // The candidate works at Herrick District Library (the application admitCandidate fills in).
    await admitCandidate(journey, candidate, staffMember.email, { givenName: 'Sam', familyName: 'Rivera' });
    page = await (await journey.newContext()).newPage();
    staff = await (await journey.newContext()).newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('the candidate builds a portfolio: an upload, written text, the statement', async () => {
    await submitSignIn(page, candidate.email, candidate.password);
    await visit(page, '/dashboard');
    await follow(page, 'Build a portfolio for Cataloging and Classification');
    await press(page, 'Start a portfolio');
    base = path(page);
    expect(base).toMatch(/^\/portfolios\/[0-9a-f-]{36}$/);
    expect(await heading(page)).toBe('Portfolio: CAT Cataloging and Classification');

    await follow(page, /^CAT-1 /);
    // An empty form names every missing answer; a program renamed .pdf is refused by its content,
    // keeping what was typed; then the real PDF goes in.
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
    for (const id of IDS.slice(1)) {
      await follow(page, `Next: ${id}`);
      await addWrittenEvidence(page, `Work on ${id}`);
    }
    // A secondary link on the last competency.
    await page.getByLabel('A link to a web page').check();
    await page.getByLabel('Secondary: supporting evidence').check();
    await page.getByLabel('Title', { exact: true }).fill('Our public cataloging guide');
    await page.getByLabel('How does this show the competency?').fill('I keep this guide up to date.');
    await page
      .getByLabel('Web address (if the evidence is a link)')
      .fill('https://guides.example.org/cataloging');
    await press(page, 'Add the evidence');
    await follow(page, 'Back to the portfolio');
    await follow(page, 'Write the statement');
    expect(await mainText(page)).toContain('Why Cataloging and Classification matters in your work.');
    await page.getByLabel('Your statement').fill(STATEMENT);
    await press(page, 'Save the statement');
    expect(await flash(page)).toBe('Statement saved.');
    expect(await mainText(page)).toMatch(/Saved: \d+ words\./);
    await follow(page, 'Back to the portfolio');
    expect(await mainText(page)).toContain('8 of 8 competencies have primary evidence');
  });

  it('asks for a pre-review; staff comment on one competency; the candidate revises it', async () => {
    await follow(page, 'Ask program staff for a pre-review');
    await press(page, 'Ask for a pre-review');
    expect(await flash(page)).toBe('Pre-review requested. We will mail you when the comments are ready.');

    await signInAsStaff(staff, staffMember);
    await follow(staff, 'Portfolio pre-reviews');
    await follow(staff, 'Sam Rivera');
    expect(await heading(staff)).toBe('Pre-review: Sam Rivera, Cataloging and Classification');
    await staff.getByLabel('Your comment on CAT-2', { exact: true }).fill(PRE_REVIEW_COMMENT);
    // Every competency has its own "Save the comment" button: press the one under CAT-2.
    await afterNavigation(staff, () =>
      staff.locator('#c-CAT-2').getByRole('button', { name: 'Save the comment', exact: true }).click(),
    );
    expect(await flash(staff)).toBe('Comment saved.');
    await press(staff, 'Finish the pre-review');
    expect(await flash(staff)).toBe('Pre-review finished. The candidate has been mailed.');
    expect(await mainText(staff)).toContain('No portfolios are waiting for a pre-review.');

    const mail = await latestMail(journey.url, candidate.email, 'portfolio-prereview-finished');
    expect(mail.subject).toBe('Comments on your Cataloging and Classification portfolio are ready');
    await visit(page, linkIn(mail.text, `${base}/prereview`));
    const comments = page.locator('main section', { hasText: `CAT-2: ${TOPICS['CAT-2']}` });
    expect(await comments.innerText()).toContain(PRE_REVIEW_COMMENT);
    expect(await comments.innerText()).toContain('Program staff');
    expect(await mainText(page)).not.toContain('Lee Portfolios');

    await follow(page, 'Back to your portfolio');
    await follow(page, /^CAT-2 /);
    await follow(page, 'Change Work on CAT-2');
    await page.getByLabel('The evidence in writing', { exact: true }).fill(REVISED_CAT2);
    await press(page, 'Save the changes');
    expect(await flash(page)).toBe('Evidence “Work on CAT-2” saved.');
    expect(await mainText(page)).toContain(REVISED_CAT2);
  });

  it('submits and pays by card', async () => {
    await follow(page, 'Back to the portfolio');
    await follow(page, 'Check and submit');
    expect(await mainText(page)).toContain('charges the portfolio fee of $60.00');
    await press(page, 'Submit the portfolio');
    expect(await flash(page)).toContain(`Portfolio ${NUMBER} submitted.`);
    expect((await latestMail(journey.url, candidate.email, 'portfolio-submitted')).subject).toBe(
      `We received your portfolio ${NUMBER}`,
    );
    await press(page, 'Pay $60.00 by card');
    expect(await mainText(page)).toContain(`Portfolio fee for ${NUMBER}`);
    await press(page, 'Pay (test card succeeds)');
    expect(path(page)).toBe(base);
    const text = await mainText(page);
    expect(text).toContain('The portfolio fee of $60.00 is paid.');
    expect(text).toContain('The portfolio is locked');
    expect((await latestMail(journey.url, candidate.email, 'portfolio-fee-paid')).subject).toBe(
      `Payment received for portfolio ${NUMBER}`,
    );
    await follow(page, /^CAT-1 /);
    expect(await mainText(page)).toContain('This portfolio is locked');
    expect(await page.getByRole('button', { name: 'Add the evidence' }).count()).toBe(0);
    await visit(page, '/dashboard');
    expect(await rowText(page, /Cataloging and Classification/)).toContain('Portfolio: submitted');
  });

  it('staff assign the two trained evaluators from the assignment page', async () => {
    for (const [i, [name, employer]] of [
      ['Morgan Reyes', 'Grand Haven District Library'],
      ['Drew Okonkwo', 'Kent District Library'],
    ].entries()) {
      evaluators.push(
        await createPortfolioEvaluator(journey, {
          email: `portfolio.evaluator${i + 1}@lssc.example`,
          displayName: name!,
          setId: SET_ID,
          employer: employer!,
          trainedOn: '2026-10-01',
        }),
      );
    }
    await keepOnlyEvaluators(journey, staffMember.email, SET_ID, evaluators);

    await visit(staff, '/staff');
    await follow(staff, 'Portfolio assignment');
    expect(path(staff)).toBe('/staff/portfolios/assignment');
    expect(await rowText(staff, /Paid and waiting for evaluators/)).toBe('Paid and waiting for evaluators 1');
    expect(await rowText(staff, new RegExp(NUMBER))).toContain('Yes, at the next run');
    await press(staff, 'Assign evaluators to paid portfolios');
    expect(await flash(staff)).toBe('Evaluators assigned to 1 portfolio.');
    expect(await mainText(staff)).toContain('No paid portfolio is waiting for evaluators.');
    expect(await rowText(staff, /^In evaluation/)).toBe('In evaluation 1');

    for (const e of evaluators) {
      const mail = await latestMail(journey.url, e.email, 'portfolio-evaluation-assigned');
      expect(mail.subject).toBe(`Please evaluate portfolio ${NUMBER}`);
      expect(mail.text).toContain('Cataloging and Classification: due 28 December 2026');
      for (const secret of ['Sam', 'Rivera', 'Herrick', candidate.email])
        expect(mail.text).not.toContain(secret);
    }
  });

  /** Sign in, find the portfolio in "Portfolio reviews", and check it is blind and its file neutral. */
  async function openBlind(n: number) {
    const member = evaluators[n - 1]!;
    const p = await (await journey.newContext()).newPage();
    evaluatorPages[n - 1] = p;
    await signInAsPortfolioEvaluator(p, member);
    const row = p.getByRole('row', { name: new RegExp(NUMBER) });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      `${NUMBER} Cataloging and Classification 28 December 2026 To rate`,
    );
    await follow(p, NUMBER);
    ratingPaths[n - 1] = path(p);
    expect(path(p)).toMatch(/^\/evaluator\/assignments\/[0-9a-f-]{36}$/);
    expect(await heading(p)).toBe(`Portfolio ${NUMBER}`);
    const text = await mainText(p);
    expect(text).toContain(STATEMENT.split('\n')[0]);
    expect(text).toContain(REVISED_CAT2);
    // Nothing about the candidate anywhere in the page as served, hidden parts included.
    const html = await p.content();
    for (const secret of ['Sam', 'Rivera', 'Herrick', candidate.email, 'workflow.pdf'])
      expect(html, `the rating page must not show "${secret}"`).not.toContain(secret);

    const file = p.getByRole('link', { name: `${NUMBER}-CAT-1-1.pdf`, exact: true });
    const download = await p.request.get((await file.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toBe(
      `attachment; filename="${NUMBER}-CAT-1-1.pdf"; filename*=UTF-8''${NUMBER}-CAT-1-1.pdf`,
    );
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    return p;
  }

  /** Rate every competency: Met, except the flagged one Not met; then submit. */
  async function rateAllAndSubmit(p: Page, n: number) {
    for (const id of IDS) {
      const rating: RatingChoice = id === FLAGGED ? 'Not met' : 'Met';
      const comment = id === FLAGGED ? FLAGGED_COMMENTS[n - 1]! : `The evidence for ${id} shows it (${n}).`;
      await rate(p, TOPICS[id]!, rating, comment);
    }
    await press(p, 'Submit my ratings');
    expect(await flash(p)).toBe('Your ratings are submitted. Thank you.');
    expect(await p.getByRole('button', { name: 'Submit my ratings' }).count()).toBe(0);
  }

  it('evaluator 1 rates blind: keeps a draft, then submits, and sees no other ratings yet', async () => {
    const p = await openBlind(1);
    await press(p, 'Submit my ratings', { status: 400 });
    expect(await p.locator('.error-summary').innerText()).toContain(
      `${TOPICS['CAT-1']}: choose Met, Partially met or Not met.`,
    );

    await rate(p, TOPICS['CAT-1']!, 'Met', DRAFT_COMMENT);
    await press(p, 'Save and continue later');
    expect(await flash(p)).toBe(
      'Your ratings are saved. You can come back and finish them before the due date.',
    );
    await visit(p, ratingPaths[0]!);
    expect(await shownRating(p, TOPICS['CAT-1']!)).toEqual({ rating: 'Met', comment: DRAFT_COMMENT });
    expect(await shownRating(p, TOPICS['CAT-2']!)).toEqual({ rating: null, comment: '' });

    await rateAllAndSubmit(p, 1);
    const text = await mainText(p);
    expect(text).toContain('You have submitted your ratings.');
    expect(text).toContain('The other evaluator’s ratings show here once they have submitted theirs.');
    expect(text).not.toMatch(/Evaluator [12]:/);
    expect(text).not.toContain('Outcome:');
    await follow(p, 'All my portfolios');
    expect(await rowText(p, new RegExp(NUMBER))).toContain('Submitted: waiting for the other evaluators');
  });

  it('evaluator 2 rates; neither sees the other until both are in; the outcome is more information', async () => {
    const p = await openBlind(2);
    // Evaluator 2 keeps a draft of the flagged competency: evaluator 1 must not see it.
    await rate(p, TOPICS[FLAGGED]!, 'Not met', FLAGGED_COMMENTS[1]!);
    await press(p, 'Save and continue later');
    expect(await mainText(p)).not.toContain(FLAGGED_COMMENTS[0]);
    const first = evaluatorPages[0]!;
    await visit(first, ratingPaths[0]!);
    expect(await mainText(first)).not.toContain(FLAGGED_COMMENTS[1]);
    expect(await mainText(first)).not.toMatch(/Evaluator [12]:/);

    await rateAllAndSubmit(p, 2);
    const after = await mainText(p);
    expect(after).toContain('Outcome: More information requested.');
    expect(after).toMatch(new RegExp(`Evaluator [12]: Not met ${FLAGGED_COMMENTS[0]}`));

    await visit(first, ratingPaths[0]!);
    const firstAfter = await mainText(first);
    expect(firstAfter).toContain('Outcome: More information requested.');
    expect(firstAfter).toMatch(new RegExp(`Evaluator [12]: Not met ${FLAGGED_COMMENTS[1]}`));
    for (const e of evaluators)
      expect((await latestMail(journey.url, e.email, 'portfolio-evaluation-decided')).subject).toBe(
        `Portfolio ${NUMBER} is decided`,
      );
  });

  it('the candidate reads the outcome, changes only the reopened competency and resubmits', async () => {
    const mail = await latestMail(journey.url, candidate.email, 'portfolio-more-information');
    expect(mail.subject).toBe(`Your portfolio ${NUMBER} needs more information`);
    expect(mail.text).toContain(`- ${TOPICS[FLAGGED]}`);
    await visit(page, linkIn(mail.text, base));
    expect(path(page)).toBe(base);
    const text = await mainText(page);
    expect(text).toContain('Status: More information requested');
    expect(text).toContain('More information needed. The evaluators need more evidence for one competency');
    expect(text).toContain(`Reopened competency ${FLAGGED} ${TOPICS[FLAGGED]}`);
    for (const comment of FLAGGED_COMMENTS) expect(text).toContain(comment);
    expect(text).toMatch(/Evaluator 1: Not met/);
    expect(text).toMatch(/Evaluator 2: Not met/);
    for (const name of ['Morgan', 'Reyes', 'Drew', 'Okonkwo']) expect(text).not.toContain(name);
    expect(text).toContain('Round 1: More information requested');

    await visit(page, '/dashboard');
    expect(await rowText(page, /Cataloging and Classification/)).toContain(
      'Portfolio: more information requested',
    );

    // A competency that was not reopened has no change controls.
    await visit(page, `${base}/competencies/CAT-1`);
    expect(await mainText(page)).toContain(
      `This competency is locked: the evaluators did not ask for more evidence here. You can change only the reopened competency: ${FLAGGED}.`,
    );
    expect(await page.getByRole('button', { name: 'Add the evidence' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await visit(page, `${base}/statement`);
    expect(await page.getByRole('button', { name: 'Save the statement' }).count()).toBe(0);

    await visit(page, `${base}/competencies/${FLAGGED}`);
    expect(await mainText(page)).toContain('The evaluators asked for more evidence for this competency.');
    expect(await mainText(page)).toContain(FLAGGED_COMMENTS[0]);
    await addFileEvidence(page, {
      title: 'A record I corrected',
      explanation: 'Before and after: I fixed the access points and the publication field following RDA.',
      name: 'corrected-record.pdf',
      buffer: PDF,
    });
    await follow(page, 'the portfolio page');
    expect(path(page)).toBe(base);
    expect(await mainText(page)).toContain('Every reopened competency has primary evidence.');
    await press(page, 'Resubmit the portfolio');
    expect(await flash(page)).toBe(
      `Portfolio ${NUMBER} resubmitted. It is locked again while the evaluators look at the reopened competencies.`,
    );
    expect(await mainText(page)).toContain(
      `You resubmitted the portfolio. The evaluators are looking again at ${FLAGGED}.`,
    );
    expect(await page.getByRole('button', { name: 'Resubmit the portfolio' }).count()).toBe(0);
    expect((await latestMail(journey.url, candidate.email, 'portfolio-resubmitted')).subject).toBe(
      `We received your resubmitted portfolio ${NUMBER}`,
    );
    await visit(page, `${base}/competencies/${FLAGGED}`);
    expect(await page.getByRole('button', { name: 'Add the evidence' }).count()).toBe(0);
  });

  it('the same evaluators rate only the reopened competency, Met: the portfolio is approved', async () => {
    for (const [i, e] of evaluators.entries()) {
      const p = evaluatorPages[i]!;
      const mail = await latestMail(journey.url, e.email, 'portfolio-resubmission-assigned');
      expect(mail.subject).toBe(`Portfolio ${NUMBER} is back: please rate the reopened competencies`);
      expect(mail.text).toContain(`Please rate again only the reopened competencies: ${FLAGGED}.`);
      await visit(p, linkIn(mail.text, '/evaluator/assignments/'));
      expect(path(p)).not.toBe(ratingPaths[i]);
      const text = await mainText(p);
      expect(text).toContain('Resubmission: rate the 1 reopened competency.');
      expect(text.split('Not reopened: your earlier rating stands.').length - 1).toBe(7);
      expect(text).toContain(`Your rating before the resubmission: Not met ${FLAGGED_COMMENTS[i]}`);
      expect(await p.getByRole('group', { name: /^Your rating:/ }).count()).toBe(1);
      // The new file is the fourth item of the portfolio (CAT-1's, CAT-2's, CAT-3's two).
      expect(await p.getByRole('link', { name: `${NUMBER}-CAT-3-2.pdf`, exact: true }).count()).toBe(1);
      expect(await p.content()).not.toContain('corrected-record.pdf');

      await rate(p, TOPICS[FLAGGED]!, 'Met', `The corrected record shows the rules applied (${i + 1}).`);
      await press(p, 'Submit my ratings');
      expect(await flash(p)).toBe('Your ratings are submitted. Thank you.');
      expect(await mainText(p)).toContain(i === 0 ? 'The other evaluator’s ratings' : 'Outcome: Approved.');
    }
    await visit(evaluatorPages[0]!, path(evaluatorPages[0]!));
    expect(await mainText(evaluatorPages[0]!)).toContain('Outcome: Approved.');
  });

  it('the candidate sees the portfolio approved and the set achieved by portfolio', async () => {
    const mail = await latestMail(journey.url, candidate.email, 'portfolio-approved');
    expect(mail.subject).toBe(`Your portfolio ${NUMBER} is approved`);
    await visit(page, linkIn(mail.text, base));
    const text = await mainText(page);
    expect(text).toContain('Status: Approved');
    expect(text).toContain('Approved. The evaluators found that your portfolio shows the competencies');
    expect(text).toContain('Round 2 (after your resubmission): Approved');
    expect(text).toContain('Round 1: More information requested');
    await follow(page, 'See your certification progress on your dashboard');
    expect(path(page)).toBe('/dashboard');
    expect(await rowText(page, /Cataloging and Classification/)).toContain(
      'Achieved on 28 November 2026 by a portfolio',
    );
  });
});
