import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { pageShape, rememberShapePassed, shapePassed } from './page-shape.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * HTTP-tier axe checks run with the browser tier (TEST_BROWSER=1), like the journeys in e2e/; a
 * missing browser then fails the check rather than skipping it quietly.
 */
export const axeTier = process.env.TEST_BROWSER === '1';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe (WCAG 2.2 A and AA rules) on a page that is open in a JavaScript-enabled browser context. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Legacy mode runs axe in the page itself; the default opens another blank page per run to
  // combine results across cross-origin frames, which these pages do not have (3x slower).
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).analyze();
  const problems = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(problems, `axe on ${where}`).toEqual([]);
}

const css = fs.readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8');
const STYLESHEET_LINK = '<link rel="stylesheet" href="/assets/site.css"/>';

/**
 * Checks pages as the server rendered them (an HTTP test's response body) in headless Chromium,
 * with the site's stylesheet inlined so colour contrast is judged on the real colours. One browser
 * per test file, launched on first use; a page of a shape that already passed in this run is not
 * checked again (see pageShape).
 */
export function httpAxe() {
  let browser: Promise<Browser> | null = null;
  return {
    async expectAccessible(html: string, where: string): Promise<void> {
      expect(html, where).toContain(STYLESHEET_LINK);
      const shape = pageShape(html);
      if (shapePassed('http', shape)) return;
      if (!fs.existsSync(CHROMIUM))
        throw new Error(`axe checks need ${CHROMIUM} (apt-get install chromium).`);
      browser ??= chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
      const page = await (await browser).newPage();
      try {
        await page.setContent(html.replace(STYLESHEET_LINK, `<style>${css}</style>`));
        await expectNoAxeViolations(page, where);
      } finally {
        await page.close();
      }
      rememberShapePassed('http', shape);
    },
    async close(): Promise<void> {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}
