import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { mainText, press, visit } from './pages.js';

export interface InstitutionProfile {
  name: string;
  /** The label in "Kind of institution", like "Library system". */
  kind: string;
  region: string;
  billingAddress: string;
}

/** Register an institution from /institutions/register; lands on its page. Returns its id. */
export async function registerInstitution(page: Page, p: InstitutionProfile): Promise<string> {
  await visit(page, '/institutions/register');
  await page.getByLabel('Name of the institution', { exact: true }).fill(p.name);
  await page.getByLabel('Kind of institution', { exact: true }).selectOption({ label: p.kind });
  await page.getByLabel('State or region', { exact: true }).fill(p.region);
  await page.getByLabel('Billing address', { exact: true }).fill(p.billingAddress);
  await press(page, 'Register the institution');
  const id = /^\/institution\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not on an institution page after registering: ${page.url()}`);
  expect(await mainText(page)).toContain(`${p.name} is registered. You are its contact.`);
  return id;
}

/** From the institution page: the purchase order form, filled and sent; lands on the invoice. */
export async function sendPurchaseOrder(
  page: Page,
  po: { number: string; amount: string; applicants: Array<{ name: string; email: string }> },
): Promise<string> {
  await page.getByRole('link', { name: 'Send a purchase order', exact: true }).click();
  await page.waitForURL(/\/purchase-orders\/new$/);
  await page.getByLabel('Purchase order number', { exact: true }).fill(po.number);
  await page
    .getByLabel('Applicants', { exact: true })
    .fill(po.applicants.map((a) => `${a.name}, ${a.email}`).join('\n'));
  await page.getByLabel('Amount of the purchase order, in US dollars', { exact: true }).fill(po.amount);
  await press(page, 'Send the purchase order');
  const text = await mainText(page);
  const number = /Invoice (INV-\d{4}-\d{6}) is issued/.exec(text)?.[1];
  if (!number) throw new Error(`no invoice after sending the purchase order:\n${text}`);
  return number;
}

/** "Check your answers": my institution pays, this institution; returns the application number. */
export async function submitWithInstitution(page: Page, institutionLabel?: string): Promise<string> {
  await page.getByLabel('My institution pays (purchase order)', { exact: true }).check();
  const picker = page.getByLabel('If your institution pays: which institution?', { exact: true });
  if (institutionLabel) await picker.selectOption({ label: institutionLabel });
  await press(page, 'Submit application');
  const text = await mainText(page);
  const number = /Your application number is (LSSC-\d{4}-\d+)/.exec(text)?.[1];
  if (!number) throw new Error(`no application number after submitting:\n${text}`);
  return number;
}

/** Fetch a PDF with the page's cookies and read its text back. */
export async function pdfTextAt(page: Page, url: string): Promise<string> {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await res.body()));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

/** On the staff invoice page: record one payment. */
export async function recordInvoicePayment(
  page: Page,
  p: { method: 'Check' | 'Bank transfer'; amount: string; reference: string; receivedOn: string },
): Promise<string> {
  await page.getByLabel(p.method, { exact: true }).check();
  await page.getByLabel('Amount received, in US dollars', { exact: true }).fill(p.amount);
  await page.getByLabel('Check number or transfer reference', { exact: true }).fill(p.reference);
  await page.getByLabel('Date received', { exact: true }).fill(p.receivedOn);
  await press(page, 'Record the payment');
  return mainText(page);
}

/** The "Covered" column of the invoice's applicant table, top to bottom. */
export async function coveredColumn(page: Page): Promise<string[]> {
  return page.locator('main table tbody tr td:last-child').allInnerTexts();
}
