import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { seedDemo } from '../src/modules/demo/seed-demo.js';
import { systemCtx } from '../src/platform/context.js';
import { submitSignIn } from './support/account-steps.js';
import { type Journey, latestMail, linkIn, startJourney } from './support/browser.js';
import { expectErrorSummary, follow, mainText, press, visit } from './support/pages.js';

const HTML_BUDGET_BYTES = 100 * 1024;

describe('the course catalog, its alerts and the provider’s sessions, in a browser', {
  timeout: 90_000,
}, () => {
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney({ today: '2026-11-28' });
    // The demo data: approved courses with sessions, made through the real use cases.
    await seedDemo(systemCtx(journey.services, 'e2e'));
    context = await journey.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('a visitor searches, filters, clears the filters and reads a course and its provider', async () => {
    const response = await visit(page, '/catalog');
    expect((await response.body()).length).toBeLessThan(HTML_BUDGET_BYTES);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Approved course catalog');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()).toBe(1);
    expect(await mainText(page)).toContain('4 courses');

    await page.getByLabel('Search words').fill('cataloging');
    await press(page, 'Search');
    expect(page.url()).toContain('q=cataloging');
    expect(await mainText(page)).toContain('1 course');

    await page.getByLabel('Search words').fill('');
    await page.getByLabel('Sessions in state').selectOption('WI');
    await press(page, 'Search');
    expect(await mainText(page)).toContain('Technology Essentials for Library Staff');

    await page.getByLabel('Competency set').selectOption({ label: 'YS Youth Services' });
    await press(page, 'Search');
    expect(await mainText(page)).toContain('No courses found');
    await follow(page, 'Clear all filters');
    expect(new URL(page.url()).search).toBe('');

    await follow(page, 'Technology Essentials for Library Staff');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Technology Essentials for Library Staff',
    );
    const course = await mainText(page);
    expect(course).toContain('Free');
    expect(course).toContain('Madison, Wisconsin');
    await follow(page, 'Prairie State Library Association');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Prairie State Library Association',
    );
    expect(await mainText(page)).toContain('4 courses');
  });

  it('a visitor asks for alerts, fixes a mistake and confirms by the mailed link', async () => {
    await visit(page, '/catalog');
    await follow(page, 'Get an email when new courses are approved');
    await press(page, 'Subscribe', { status: 400 });
    await expectErrorSummary(page, [{ label: 'Email address', message: /Enter your email address/ }]);
    await page.getByLabel('Email address').fill('reader@library.example');
    await page.getByLabel('Competency set').selectOption('youth-services');
    await press(page, 'Subscribe');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your email');

    const mail = await latestMail(journey.url, 'reader@library.example', 'catalog-alert-confirm');
    await visit(page, linkIn(mail.text, '/catalog/alerts/confirm'));
    await press(page, 'Start my alerts');
    expect(new URL(page.url()).pathname).toBe('/catalog');
    expect(await mainText(page)).toContain('Your email alerts are on');
  });

  it('a provider member lists, changes and deletes a session of an approved course', async () => {
    await submitSignIn(page, 'provider@demo.lssc.example', DEMO_PASSWORD);
    await visit(page, '/provider/approved-courses');
    await follow(page, 'Cataloging and Classification in Practice');
    await press(page, 'Add the session', { status: 400 });
    await expectErrorSummary(page, [
      { label: 'First day', message: /Enter the first day/ },
      { label: 'Online', message: /online or in person/ },
    ]);
    await page.getByLabel('First day').fill('2027-02-01');
    await page.getByLabel('Last day').fill('2027-02-03');
    await page.getByLabel('In person').check();
    await page.getByLabel('Town or city').fill('Urbana');
    await page.getByLabel('State', { exact: true }).selectOption('IL');
    await press(page, 'Add the session');
    expect(await mainText(page)).toContain('The session of 1 February 2027 to 3 February 2027 is added.');

    await follow(page, 'Change the session of 1 February 2027 to 3 February 2027');
    await page.getByLabel('Notes (optional)').fill('Saturdays at the Urbana Free Library');
    await press(page, 'Save the session');
    expect(await mainText(page)).toContain('Saturdays at the Urbana Free Library');
    await press(page, 'Delete the session of 1 February 2027 to 3 February 2027');
    expect(await mainText(page)).toContain('is deleted');
  });
});
