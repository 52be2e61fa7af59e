import type { Locator, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from './browser.js';

/** Open a page as a person would (typing the address), check it loaded and passes axe. */
export async function visit(page: Page, path: string, opts: { status?: number } = {}): Promise<Response> {
  const response = await page.goto(path);
  if (!response) throw new Error(`no response for ${path}`);
  expectStatus(response, opts.status, path);
  await expectAccessible(page);
  return response;
}

/**
 * Do something that navigates (click a link, submit a form), wait for the page it lands on
 * (after any redirects), check its status and run axe on it. Without JavaScript every click on a
 * link or submit button is a full page load, so there is always a navigation to wait for.
 */
export async function afterNavigation(
  page: Page,
  action: () => Promise<unknown>,
  opts: { status?: number } = {},
): Promise<Response> {
  const [response] = await Promise.all([page.waitForNavigation(), action()]);
  if (!response) throw new Error(`no response after navigating to ${page.url()}`);
  expectStatus(response, opts.status, page.url());
  await expectAccessible(page);
  return response;
}

/** Click a button (found by its accessible name) and check the page it leads to. */
export function press(page: Page, name: string | RegExp, opts: { status?: number; exact?: boolean } = {}) {
  return afterNavigation(
    page,
    () => page.getByRole('button', { name, exact: opts.exact ?? true }).click(),
    opts,
  );
}

/** Follow a link (found by its accessible name) and check the page it leads to. */
export function follow(page: Page, name: string | RegExp, opts: { status?: number; within?: Locator } = {}) {
  const scope = opts.within ?? page;
  return afterNavigation(page, () => scope.getByRole('link', { name, exact: true }).first().click(), opts);
}

function expectStatus(response: Response, expected: number | undefined, where: string) {
  if (expected !== undefined) expect(response.status(), `status of ${where}`).toBe(expected);
  else expect(response.status(), `status of ${where}`).toBeLessThan(400);
}

/** The page's main content as one line of text, for "the page says …" checks. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ');
}

/**
 * The error state of a form: the summary is shown, each of its links points at the field with
 * that label (for a question with radios: its first option), the field carries the same message
 * next to it and is marked invalid, and following a link puts the focus on the field.
 */
export async function expectErrorSummary(page: Page, problems: Array<{ label: string; message: RegExp }>) {
  const summary = page.locator('.error-summary[role="alert"]');
  expect(await summary.count(), 'one error summary').toBe(1);
  expect(await summary.getByRole('heading').innerText()).toMatch(/problem|cannot/i);
  for (const { label, message } of problems) {
    const link = summary.getByRole('link', { name: message });
    expect(await link.count(), `summary link matching ${message}`).toBe(1);
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^#f-/);
    const field = page.getByLabel(label, { exact: true });
    expect(await field.count(), `one field labelled "${label}"`).toBe(1);
    expect(await field.getAttribute('id'), `summary link goes to "${label}"`).toBe(href.slice(1));
    if ((await field.getAttribute('type')) !== 'radio') {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain(`${href.slice(1)}-error`);
    }
    expect(await page.locator(`${href}-error`).innerText()).toMatch(message);
  }
  // Following the first link moves the focus to its field (plain fragment link, no script).
  const first = summary.getByRole('link').first();
  const target = ((await first.getAttribute('href')) ?? '').slice(1);
  await first.click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
}
