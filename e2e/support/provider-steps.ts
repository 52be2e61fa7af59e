import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { mainText, press, visit } from './pages.js';

export interface ProviderProfile {
  name: string;
  /** The label in "Kind of organisation", like "State library association". */
  kind: string;
  region: string;
  city: string;
  contactEmail: string;
  website?: string;
}

/** Fill the profile form (registering or editing); the country stays as it is (United States). */
export async function fillProviderProfile(page: Page, p: ProviderProfile) {
  await page.getByLabel('Name of the organisation', { exact: true }).fill(p.name);
  await page.getByLabel('Kind of organisation', { exact: true }).selectOption({ label: p.kind });
  await page.getByLabel('State, province or region', { exact: true }).fill(p.region);
  await page.getByLabel('Town or city', { exact: true }).fill(p.city);
  await page.getByLabel('Contact email address', { exact: true }).fill(p.contactEmail);
  if (p.website) await page.getByLabel('Website (optional)', { exact: true }).fill(p.website);
}

/** Register an organisation from /providers/register; lands on its page. Returns its id. */
export async function registerProvider(page: Page, p: ProviderProfile): Promise<string> {
  if (new URL(page.url()).pathname !== '/providers/register') await visit(page, '/providers/register');
  await fillProviderProfile(page, p);
  await press(page, 'Register the organisation');
  const id = /^\/provider\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not on a provider page after registering: ${page.url()}`);
  expect(await mainText(page)).toContain(`${p.name} is registered. You are its administrator.`);
  return id;
}
