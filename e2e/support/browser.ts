import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import type { Services } from '../../src/platform/context.js';
import { startServer } from '../../src/server.js';
import { CHROMIUM, expectNoAxeViolations } from '../../test/support/axe.js';
import { pageShape, rememberShapePassed, shapePassed } from '../../test/support/page-shape.js';

export { CHROMIUM };

export interface Journey {
  url: string;
  browser: Browser;
  dataDir: string;
  /** The running server's services, to call use cases in-process (e.g. create a staff account). */
  services: Services;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The real server (embedded database, real jobs) on a random port, and headless Debian Chromium. */
export async function startJourney(opts: { today: string; env?: Record<string, string> }): Promise<Journey> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Browser tests need ${CHROMIUM} (apt-get install chromium).`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lssc-e2e-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: String(port),
    // Links in mail point where the browser's cookies live.
    BASE_URL: `http://127.0.0.1:${port}`,
    LSSC_DATA_DIR: dataDir,
    LSSC_TODAY: opts.today,
    LSSC_SEED_DEMO: 'never',
    LOG_LEVEL: 'warn',
    ...opts.env,
  });
  const server = await startServer(config);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: server.url,
    browser,
    dataDir,
    services: server.services,
    async newContext() {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: false });
      // Fail a step with Playwright's own message well before the test's time runs out.
      context.setDefaultTimeout(10_000);
      return context;
    },
    async close() {
      await browser.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * axe runs asynchronously inside the page (timers, promises), which never finishes in a context
 * with JavaScript disabled. So the page, exactly as the person's browser has it, is copied into a
 * twin page in a JavaScript-enabled context of the same browser: same address, same HTML, the same
 * stylesheet (fetched from the server), same viewport. axe runs there.
 */
interface AxeTwin {
  page: Page;
  /** The copy to serve for the next load of the twin page. */
  next: { address: string; html: string } | null;
  /** One check at a time per browser. */
  queue: Promise<unknown>;
}
const axeTwins = new WeakMap<Browser, Promise<AxeTwin>>();

async function newTwin(browser: Browser): Promise<AxeTwin> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const twin: AxeTwin = { page: await context.newPage(), next: null, queue: Promise.resolve() };
  await twin.page.route(
    (url) => twin.next !== null && url.href.split('#')[0] === twin.next.address,
    (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: twin.next?.html ?? '' }),
  );
  return twin;
}

/**
 * Every page a journey visits is checked with axe (WCAG 2.2 A and AA rules): every page of a shape
 * that has not yet passed in this test run (see pageShape).
 */
export async function expectAccessible(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessible needs a page in a launched browser');
  const shape = pageShape(await page.content());
  if (shapePassed('journey', shape)) return;
  let pending = axeTwins.get(browser);
  if (!pending) {
    pending = newTwin(browser);
    axeTwins.set(browser, pending);
  }
  const twin = await pending;
  const address = page.url().split('#')[0] ?? page.url();
  const html = await page.content();
  const viewport = page.viewportSize();
  const run = twin.queue.then(async () => {
    if (viewport) await twin.page.setViewportSize(viewport);
    twin.next = { address, html };
    try {
      await twin.page.goto(address);
    } finally {
      twin.next = null;
    }
    await expectNoAxeViolations(twin.page, page.url());
  });
  twin.queue = run.catch(() => {});
  await run;
  rememberShapePassed('journey', shape);
}

/** Read the newest mail to an address from the development mailbox (as a tester would). */
export async function latestMail(
  baseUrl: string,
  to: string,
  template?: string,
): Promise<{ subject: string; text: string }> {
  const res = await fetch(`${baseUrl}/dev/mail.json?to=${encodeURIComponent(to)}`);
  const body = (await res.json()) as { items: Array<{ subject: string; text: string; template: string }> };
  const mail = body.items.find((m) => !template || m.template === template);
  if (!mail) throw new Error(`no mail${template ? ` (${template})` : ''} to ${to}`);
  return mail;
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(text);
  if (!match) throw new Error(`no ${pathPrefix} link in mail:\n${text}`);
  return match[0];
}
