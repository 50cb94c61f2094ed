import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { artifactsDir, launchBrowser, screenshot, signIn } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** This file's own group, monitored by the demo monitor: other files keep the demo sessions. */
const GROUP_NAME = `Night check-in ${Date.now().toString(36)}`;
const NOT_SAVED = '.tag--unsaved';
const KEPT = 'Your unsaved entries were kept. Check them and press Save.';

/** Calls the API from inside a signed-in page, as the web app does (no batching). */
async function api<T>(p: Page, path: string, input: unknown, mutation = false): Promise<T> {
  return p.evaluate(
    async ({ path, input, mutation }) => {
      const res = mutation
        ? await fetch(`/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
        : await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      const body = await res.json();
      if (!res.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, mutation },
  ) as Promise<T>;
}

async function newPage(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  return context.newPage();
}

async function signInAs(p: Page, who: string, then = `${baseUrl}/`) {
  await p.goto(`${baseUrl}/login`);
  await signIn(p, `${who}@demo.homegroup.test`);
  await p.waitForURL(then);
}

/** The monitor opens this file's group from Today, as on the tablet at the start of a group. */
async function openTodaysSession(p: Page) {
  await signInAs(p, 'monitor');
  const link = p.locator('.today-item--mine').getByRole('link', { name: GROUP_NAME });
  await link.click();
  await p.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  await p.locator('li.person').first().waitFor();
}

const rows = (p: Page) => p.locator('li.person');
const keptInTab = (p: Page) =>
  p.evaluate(
    () =>
      Object.keys(sessionStorage).filter((k) => k.startsWith('homegroup.attendance-draft.')).length,
  );
const pressed = async (row: Locator) => row.locator('button[aria-pressed="true"]').allInnerTexts();
/** Visible without scrolling, and not behind the save bar fixed at the bottom. */
async function onScreen(p: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const bar = await p.locator('.savebar').boundingBox();
  const bottom = bar?.y ?? p.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= bottom;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A counselor sets up a group for the demo monitor, every day late at night (so it sorts after
  // the demo groups on Today), with six clients on the roster.
  const page = await newPage();
  await signInAs(page, 'counselor');
  const staff = await api<{ id: string; displayName: string }[]>(page, 'groups.staffOptions', {});
  const monitor = staff.find((s) => s.displayName === 'Casey Pebbleworth');
  const timeZone = await page.evaluate(async () => {
    const res = await fetch('/trpc/auth.me');
    return (await res.json()).result.data.facility.timeZone as string;
  });
  // Today at the facility, as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const group = await api<{ groupId: string }>(
    page,
    'groups.create',
    {
      name: GROUP_NAME,
      kind: 'aa',
      formatCodes: ['C', 'D'],
      audiences: ['clients'],
      participation: 'optional',
      enrolment: 'open',
      room: 'Quiet Room',
      scheduleDays: [0, 1, 2, 3, 4, 5, 6],
      startTime: '23:50',
      durationMinutes: 60,
      firstSessionDate: date,
      monitorStaffId: monitor?.id,
    },
    true,
  );
  const clients = new Map<string, { clientId: string }>();
  for (const q of ['an', 'er', 'on', 'ar', 'el', 'in']) {
    const found = await api<{ person: { clientId?: string }; detail: string }[]>(
      page,
      'groups.searchPeople',
      { q },
    );
    for (const r of found) {
      if (r.person.clientId && r.detail === 'Client' && clients.size < 6) {
        clients.set(r.person.clientId, { clientId: r.person.clientId });
      }
    }
  }
  expect(clients.size).toBe(6);
  for (const person of clients.values()) {
    await api(
      page,
      'groups.enrol',
      { groupId: group.groupId, person, startDate: date, endDate: null },
      true,
    );
  }
  await context.close();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  page = await newPage();
});
afterEach(async () => {
  await context.close();
});

describe('the attendance screen keeps what was not saved', () => {
  it('keeps the entries when the network drops, says so plainly, and saves them once it is back', async () => {
    await openTodaysSession(page);
    const r = rows(page);
    await r.nth(0).getByRole('button', { name: 'Present' }).click();
    await r.nth(0).getByRole('button', { name: 'Shared' }).click();
    await r.nth(0).getByRole('button', { name: /^4:/ }).click();
    await r.nth(1).getByRole('button', { name: 'Late' }).click();
    await r.nth(1).getByLabel('Minutes late').fill('10');
    await r.nth(1).getByRole('button', { name: 'Listened' }).click();
    await r.nth(1).getByRole('button', { name: /^3:/ }).click();
    await r.nth(2).getByRole('button', { name: 'Absent' }).click();
    expect(await page.locator(NOT_SAVED).count()).toBe(3);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /network/ });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/nothing was saved/i);
    expect(await alert.textContent()).toMatch(/still here/i);
    await expect.poll(() => onScreen(page, alert)).toBe(true);
    // Nothing was lost from the screen.
    expect(await page.locator(NOT_SAVED).count()).toBe(3);
    expect(await pressed(r.nth(0))).toEqual(['Present', 'Shared', '4']);
    expect(await r.nth(1).getByLabel('Minutes late').inputValue()).toBe('10');
    expect(await pressed(r.nth(2))).toEqual(['Absent']);
    expect(await keptInTab(page)).toBe(1);
    // What the monitor sees: the message, with the marked rows below it.
    await page.screenshot({ path: `${artifactsDir}15-attendance-offline.png` });

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('· Saved.').waitFor();
    expect(await page.locator(NOT_SAVED).count()).toBe(0);
    expect(await alert.count()).toBe(0);
    expect(await keptInTab(page)).toBe(0);

    await page.reload();
    await r.first().waitFor();
    expect(await pressed(r.nth(0))).toEqual(['Present', 'Shared', '4']);
    expect(await pressed(r.nth(1))).toEqual(['Late', 'Listened', '3']);
    expect(await r.nth(1).getByLabel('Minutes late').inputValue()).toBe('10');
    expect(await pressed(r.nth(2))).toEqual(['Absent']);
    expect(await page.locator(NOT_SAVED).count()).toBe(0);
    expect(await page.getByText(KEPT).count()).toBe(0);
  });

  it('keeps the entries when the session ends on the server, and saves them once after signing in again', async () => {
    const saves: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes('sessions.saveAttendance')) saves.push(res.status());
    });
    await openTodaysSession(page);
    const sessionUrl = page.url();
    const r = rows(page);
    await r.nth(3).getByRole('button', { name: 'Present' }).click();
    await r.nth(3).getByRole('button', { name: 'Shared' }).click();
    await r.nth(3).getByRole('button', { name: /^5:/ }).click();
    await r.nth(4).getByRole('button', { name: 'Excused' }).click();
    await r.nth(4).getByLabel('Reason').fill('Doctor visit');
    await r.nth(5).getByRole('button', { name: 'Left early' }).click();
    await r.nth(5).getByLabel('Minutes before the end').fill('15');
    await r.nth(5).getByRole('button', { name: 'Listened' }).click();
    await r.nth(5).getByRole('button', { name: /^2:/ }).click();
    expect(await page.locator(NOT_SAVED).count()).toBe(3);

    // The session ends on the server (here: signed out from another tab) while the screen is open.
    const other = await context.newPage();
    await other.goto(`${baseUrl}/login`);
    const ended = await other.evaluate(async () => {
      const res = await fetch('/trpc/auth.signOut', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status;
    });
    expect(ended).toBe(200);
    await other.close();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(/\/login\?next=%2Fsessions%2F/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(sessionUrl);

    await page.getByText(KEPT).waitFor();
    expect(await page.locator(NOT_SAVED).count()).toBe(3);
    expect(await pressed(r.nth(3))).toEqual(['Present', 'Shared', '5']);
    expect(await pressed(r.nth(4))).toEqual(['Excused']);
    expect(await r.nth(4).getByLabel('Reason').inputValue()).toBe('Doctor visit');
    expect(await pressed(r.nth(5))).toEqual(['Left early', 'Listened', '2']);
    expect(await r.nth(5).getByLabel('Minutes before the end').inputValue()).toBe('15');
    await screenshot(page, '16-attendance-kept-after-sign-in');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('· Saved.').waitFor();
    expect(await page.getByText(KEPT).count()).toBe(0);
    // One refused (signed out), one saved: the kept entries were sent once.
    expect(saves).toEqual([401, 200]);

    await page.reload();
    await r.first().waitFor();
    expect(await pressed(r.nth(3))).toEqual(['Present', 'Shared', '5']);
    expect(await r.nth(4).getByLabel('Reason').inputValue()).toBe('Doctor visit');
    expect(await pressed(r.nth(5))).toEqual(['Left early', 'Listened', '2']);
    expect(await page.locator(NOT_SAVED).count()).toBe(0);
    expect(await page.getByText(KEPT).count()).toBe(0);
  });

  it('keeps the entries when the screen is signed out for inactivity', async () => {
    await page.clock.install();
    await openTodaysSession(page);
    const sessionUrl = page.url();
    const r = rows(page);
    await r.nth(0).getByRole('button', { name: /^2:/ }).click();
    expect(await page.locator(NOT_SAVED).count()).toBe(1);

    await page.clock.runFor('16:00');
    await page.waitForURL(/\/login\?reason=idle_timeout&next=%2Fsessions%2F/);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(sessionUrl);
    await page.getByText(KEPT).waitFor();
    expect(await pressed(r.nth(0))).toEqual(['Present', 'Shared', '2']);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('· Saved.').waitFor();
    await page.reload();
    await r.first().waitFor();
    expect(await pressed(r.nth(0))).toEqual(['Present', 'Shared', '2']);
  });

  it('forgets the entries on an explicit sign-out, and keeps none in local storage', async () => {
    await openTodaysSession(page);
    const sessionUrl = page.url();
    const r = rows(page);
    await r.nth(0).getByRole('button', { name: /^1:/ }).click();
    expect(await page.locator(NOT_SAVED).count()).toBe(1);
    expect(await keptInTab(page)).toBe(1);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login\?reason=signed_out/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await signIn(page, 'monitor@demo.homegroup.test');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(sessionUrl);
    await r.first().waitFor();
    expect(await page.getByText(KEPT).count()).toBe(0);
    expect(await page.locator(NOT_SAVED).count()).toBe(0);
    expect(await pressed(r.nth(0))).toEqual(['Present', 'Shared', '2']);
  });
});
