import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, press, visit } from './support/pages.js';

// Many candidates work in small, rural libraries on slow connections: pages stay small.
const HTML_BUDGET_BYTES = 100 * 1024;
const CSS_BUDGET_BYTES = 20 * 1024;

const publicPages: Array<[path: string, heading: string | RegExp]> = [
  ['/', 'Library Support Staff Certification'],
  ['/about', /./],
  ['/eligibility', 'Eligibility and costs'],
  ['/eligibility/check', 'Check if you are eligible'],
  ['/competencies', 'Competency sets'],
  ['/ways', 'Three ways to achieve a competency set'],
  ['/certification', 'Certification and renewal'],
  ['/faq', 'Frequently asked questions'],
  ['/contact', /./],
  ['/sign-in', 'Sign in'],
  ['/sign-up', 'Create an account'],
  ['/password/forgot', 'Reset your password'],
  ['/api/docs', 'API reference'],
  ['/api/docs/applications', 'API reference: applications'],
];

describe('a visitor reads the public site and makes mistakes on its forms', { timeout: 60_000 }, () => {
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  /** Every response the visitor's browser received, by address (the last one wins). */
  const responses = new Map<string, Response>();

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    context = await journey.newContext();
    page = await context.newPage();
    page.on('response', (r) => responses.set(r.url(), r));
  });
  afterAll(async () => {
    await journey?.close();
  });

  async function expectHtmlWithinBudget(response: Response) {
    expect(response.headers()['content-type']).toContain('text/html');
    const bytes = (await response.body()).length;
    expect(bytes, `size of ${response.url()}`).toBeLessThan(HTML_BUDGET_BYTES);
  }

  it.each(publicPages)(
    '%s is accessible, has its heading and stays under the weight budget',
    async (path, heading) => {
      const response = await visit(page, path);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(heading);
      await expectHtmlWithinBudget(response);
    },
  );

  it('one competency set, reached from the list', async () => {
    await visit(page, '/competencies');
    const first = page.locator('main a[href^="/competencies/"]').first();
    const title = await first.innerText();
    const response = await follow(page, title);
    expect(new URL(page.url()).pathname).toMatch(/^\/competencies\/[^/]+$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    await expectHtmlWithinBudget(response);
  });

  it('a page that does not exist answers 404 with a helpful page', async () => {
    const response = await visit(page, '/no-such-page', { status: 404 });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
    await expectHtmlWithinBudget(response);
  });

  it('the stylesheet stays under its budget', async () => {
    const css = [...responses.values()].find((r) => new URL(r.url()).pathname === '/assets/site.css');
    if (!css) throw new Error('the pages did not load /assets/site.css');
    expect(css.status()).toBeLessThan(400);
    expect(css.headers()['content-type']).toContain('text/css');
    expect((await css.body()).length).toBeLessThan(CSS_BUDGET_BYTES);
  });

  it('the eligibility self-check explains what is missing, at each field', async () => {
    await visit(page, '/eligibility/check');
    await press(page, 'Check my eligibility', { status: 400 });
    expect(await page.title()).toMatch(/^Error: /);
    await expectErrorSummary(page, [
      { label: 'Yes', message: /Answer yes or no/ },
      {
        label: 'About how many hours have you worked (paid or volunteer) in libraries in the last 5 years?',
        message: /Enter about how many hours/,
      },
    ]);

    // A wrong number is kept as typed, and the answer already given stays chosen.
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel(/About how many hours/).fill('lots');
    await press(page, 'Check my eligibility', { status: 400 });
    await expectErrorSummary(page, [
      {
        label: 'About how many hours have you worked (paid or volunteer) in libraries in the last 5 years?',
        message: /Enter the hours as a number/,
      },
    ]);
    expect(await page.getByLabel(/About how many hours/).inputValue()).toBe('lots');
    expect(await page.getByLabel('Yes', { exact: true }).isChecked()).toBe(true);

    // Not enough hours yet: told how many are missing, with an estimate.
    await page.getByLabel(/About how many hours/).fill('1000');
    await page.getByLabel(/How many hours a week do you work in a library now/).fill('20');
    await press(page, 'Check my eligibility');
    expect(await page.getByRole('heading', { name: 'You cannot apply yet' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('You need about 820 more hours.');
  });

  it('the sign-up form explains each mistake, at each field', async () => {
    await visit(page, '/sign-up');
    await press(page, 'Create account', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'Full name', message: /Enter your name/ },
      { label: 'Email address', message: /Enter your email address/ },
      { label: 'Password', message: /Enter a password/ },
    ]);

    await page.getByLabel('Full name').fill('Jo Rivera');
    await page.getByLabel('Email address').fill('jo.rivera@library');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Type the password again').fill('different');
    await press(page, 'Create account', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'Email address', message: /right format/ },
      { label: 'Password', message: /Use at least 12 characters/ },
    ]);
    // What was typed stays, except the passwords.
    expect(await page.getByLabel('Full name').inputValue()).toBe('Jo Rivera');
    expect(await page.getByLabel('Email address').inputValue()).toBe('jo.rivera@library');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');

    await page.getByLabel('Email address').fill('jo.rivera@library.example');
    await page.getByLabel('Password', { exact: true }).fill('maple shelf quiet reading 42');
    await page.getByLabel('Type the password again').fill('maple shelf quiet reading 43');
    await press(page, 'Create account', { status: 400 });
    await expectErrorSummary(page, [{ label: 'Type the password again', message: /do not match/ }]);
  });
});
