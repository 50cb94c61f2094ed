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

async function tabletPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  return context.newPage();
}

describe('a monitor logs a group on a tablet, and a counselor sees it', () => {
  let sessionUrl = '';
  let lateName = '';

  it('opens today’s session, marks the room, adds a walk-in, rates, saves and signs', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    // The demo monitor runs a group at Cedar Hollow every day of the week.
    const mine = page.locator('.today-item--mine a').first();
    await mine.waitFor();
    await screenshot(page, '10-monitor-today-tablet');
    await mine.click();
    await page.waitForURL(/\/sessions\//);
    sessionUrl = page.url();
    const rows = page.locator('li.person');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);

    await page.getByRole('button', { name: /Mark everyone present/ }).click();
    for (const i of [0, 1]) {
      await rows.nth(i).getByRole('button', { name: 'Late' }).click();
      await rows
        .nth(i)
        .getByLabel('Minutes late')
        .fill(String(5 + i * 5));
    }
    lateName = (await rows.nth(0).locator('.person-name').textContent()) ?? '';
    await rows.nth(2).getByRole('button', { name: 'Excused' }).click();
    await rows.nth(2).getByLabel('Reason').fill('Medical appointment');
    for (let i = 0; i < count; i++) {
      if (i === 2) continue;
      await rows
        .nth(i)
        .getByRole('button', { name: i % 3 === 0 ? 'Shared' : 'Listened' })
        .click();
      await rows
        .nth(i)
        .getByRole('button', { name: new RegExp(`^${(i % 5) + 1}:`) })
        .click();
    }

    // A walk-in: someone at the facility who is not on this roster.
    await page.getByLabel('Add a walk-in').fill('Wr');
    const add = page.getByRole('list', { name: 'Matching people' }).getByRole('button').first();
    await add.waitFor();
    await add.click();
    await expect.poll(() => rows.count()).toBe(count + 1);
    const walkIn = page.locator('li.person', { hasText: 'Walk-in' });
    await walkIn.getByRole('button', { name: 'Listened' }).click();
    await walkIn.getByRole('button', { name: /^3:/ }).click();
    await screenshot(page, '11-session-logging-tablet');

    await page.getByRole('button', { name: 'Save and mark attendance taken' }).click();
    await page.getByText(/Attendance is marked as taken/).waitFor();
    await page.getByRole('button', { name: 'Sign session' }).click();
    await page.getByText(/Signed and locked/).waitFor();
    expect(await page.locator('.state').first().textContent()).toBe('Signed');
    // Signed means locked: the buttons no longer change anything.
    expect(await rows.first().getByRole('button', { name: 'Present' }).isDisabled()).toBe(true);
    await screenshot(page, '12-session-signed');
    await page.context().close();
  });

  it('shows the counselor the entry on the client’s page', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'counselor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(sessionUrl);
    const person = page
      .locator('li.person', { hasText: lateName })
      .getByRole('link', { name: lateName });
    await person.click();
    await page.waitForURL(/\/clients\//);
    const firstRow = page.getByRole('table').locator('tbody tr').first();
    await firstRow.waitFor();
    expect(await firstRow.textContent()).toContain('Late (5 min)');
    await screenshot(page, '13-client-attendance');
    await page.context().close();
  });

  it('prints a sign-in sheet with preferred names and last initials only', async () => {
    const page = await tabletPage();
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${sessionUrl}/print`);
    await page.locator('.sheet tbody tr').first().waitFor();
    const names = await page.locator('.sheet tbody td:first-child').allTextContents();
    const filled = names.filter((n) => n.trim());
    expect(filled.length).toBeGreaterThan(3);
    for (const n of filled) expect(n).toMatch(/^\S+ [A-Z]\.$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await screenshot(page, '14-sign-in-sheet-print');
    await page.context().close();
  });
});
