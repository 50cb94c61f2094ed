import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('a counselor runs the group catalogue', () => {
  it('creates a group (after fixing what was missing), enrols someone, cancels a session and archives it', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/groups/new`);
    await page.getByLabel('Name').fill('Tuesday Newcomers NA');
    await page
      .getByLabel('Kind of group')
      .selectOption({ label: 'Narcotics Anonymous (NA) meeting' });
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByText('Choose at least one day of the week.').waitFor();
    await page.getByText('Choose the monitor from the list.').waitFor();
    await screenshot(page, '20-group-form-errors');

    await page.getByLabel('Tuesday').check();
    await page.getByLabel('Newcomer').check();
    await page
      .getByLabel('Monitor (responsible staff member)')
      .selectOption({ label: 'Casey Pebbleworth (Group monitor)' });
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Tuesday Newcomers NA' }).waitFor();
    expect(await page.locator('.session-list li').count()).toBeGreaterThanOrEqual(4);

    await page.getByLabel('Find a client or family member').fill('Birch');
    // A client in treatment: the group is for clients, not alumni or relatives.
    await page.locator('.walk-in-results button', { hasText: '(Client)' }).first().click();
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByText(/Roster \(1 today\)/).waitFor();

    await page.locator('.session-list a').first().click();
    await page.waitForURL(/\/sessions\//);
    await page.getByText('Cancel this session').click();
    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('Give the reason the session is cancelled.').waitFor();
    await page.getByLabel('Why is it cancelled?').fill('Room closed for repairs');
    await page.getByRole('button', { name: 'Cancel session' }).click();
    await page.getByText('This session was cancelled: Room closed for repairs').waitFor();

    await page.getByRole('link', { name: 'Tuesday Newcomers NA' }).click();
    await page.getByRole('button', { name: 'Archive group' }).click();
    await page.getByRole('button', { name: 'Yes, archive' }).click();
    await page.getByText('This group is archived.').waitFor();
    await screenshot(page, '21-group-archived');
    await page.close();
  });
});
