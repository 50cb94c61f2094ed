import type { Browser, Page } from 'playwright-core';
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

async function desktopPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

describe('a counselor reviews engagement', () => {
  it('filters the caseload to flagged clients, opens one, reads the charts and acknowledges the flag', async () => {
    const page = await desktopPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: /Needs attention/ }).waitFor();
    await screenshot(page, '20-counselor-today');

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();
    await page.locator('table.table--caseload tbody tr').first().waitFor();
    const mine = await page.locator('table.table--caseload tbody tr').count();
    expect(mine).toBeGreaterThan(5);
    await screenshot(page, '21-caseload-mine');

    // Sort by attendance, lowest first: the address keeps the view.
    await page.getByRole('button', { name: /Attendance, 14 days/ }).click();
    await page.waitForURL(/sort=attendanceRate/);
    await page.getByLabel('Flag').selectOption('unacknowledged');
    await page.waitForURL(/flag=unacknowledged/);
    const flagged = page.locator('table.table--caseload tbody tr');
    // Wait for the filtered rows to replace the unfiltered ones.
    await expect.poll(() => flagged.count()).toBeLessThan(mine);
    await page.locator('table.table--caseload[aria-busy="false"]').waitFor();
    const flaggedCount = await flagged.count();
    expect(flaggedCount).toBeGreaterThan(0);
    expect(await flagged.first().locator('.flag').count()).toBeGreaterThan(0);
    await screenshot(page, '22-caseload-flagged');

    // The shared link opens the same view.
    const shared = page.url();
    const again = await desktopPage();
    await again.goto(`${baseUrl}/login`);
    await signIn(again, 'counselor@demo.homegroup.test');
    await again.waitForURL(`${baseUrl}/`);
    await again.goto(shared);
    await again.locator('table.table--caseload tbody tr').first().waitFor();
    expect(await again.locator('table.table--caseload tbody tr').count()).toBe(flaggedCount);
    await again.context().close();

    const name = (await flagged.first().locator('a').first().textContent()) ?? '';
    await flagged.first().locator('a').first().click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Engagement, last 12 weeks' }).waitFor();
    // Four charts, each with its figures as a table for screen readers.
    const engagement = page.locator('section[aria-labelledby="charts-title"]');
    expect(await engagement.locator('.chart-card').count()).toBe(4);
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(1);
    await page.getByText('Show the figures as a table').first().click();
    await expect.poll(() => page.locator('.chart-table[open] tbody tr').count()).toBe(12);
    await screenshot(page, '23-client-page');

    const flagsPanel = page.locator('section[aria-labelledby="flags-title"]');
    const openFlags = flagsPanel.locator('.flag-item:not(.flag-item--done)');
    const before = await openFlags.count();
    expect(before).toBeGreaterThan(0);
    // A note is required; the message says so and nothing changes.
    await openFlags.first().getByRole('button', { name: 'Acknowledge' }).click();
    await flagsPanel.getByText('Say what you did or decided about this flag.').waitFor();
    expect(await openFlags.count()).toBe(before);
    await openFlags
      .first()
      .getByLabel('What did you do or decide?')
      .fill('Met with the client; agreed a plan to get back to group.');
    await openFlags.first().getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => openFlags.count()).toBe(before - 1);
    await flagsPanel
      .getByText(/Acknowledged by Riley Quillfeather/)
      .first()
      .waitFor();
    await screenshot(page, '24-flag-acknowledged');
    expect(name.length).toBeGreaterThan(0);
  });

  it('refuses a step completed before it was started, in plain words', async () => {
    const page = await desktopPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/clients`);
    await page.locator('table.table--caseload tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Step work' }).waitFor();
    await page.getByRole('button', { name: /^Step 12,/ }).click();
    await page.getByLabel('Completed', { exact: true }).check();
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Started on').fill(daysAgo(5));
    await page.getByLabel('Completed on').fill(daysAgo(10));
    await page.getByRole('button', { name: 'Save step 12' }).click();
    await page.getByText('A step cannot be completed before it was started.').waitFor();
    await screenshot(page, '25-step-error');
  });

  it('keeps group monitors out of client engagement', async () => {
    const page = await desktopPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole('link', { name: 'Clients' }).count()).toBe(0);
    await page.goto(`${baseUrl}/clients`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/role does not give access/);
  });
});
