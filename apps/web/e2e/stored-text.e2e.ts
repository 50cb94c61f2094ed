import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './browser';

/**
 * Stored text is rendered as text. A counselor saves markup and script in a client's preferred
 * name, a group's name and room, and a session's topic, shared note and individual note; every
 * screen that shows them, to the counselor and to the monitor, shows the characters as typed and
 * runs nothing. (The server's Content-Security-Policy would also block inline script: the test
 * therefore also fails on any element the markup would have made, and on any CSP report, which
 * would mean the markup reached the page as HTML.)
 */

const baseUrl = inject('baseUrl');
let browser: Browser;

const suffix = Date.now().toString(36);
// Each within its field's limit (preferred name 80, group name 120, room 120, topic 200).
const PREFERRED =
  '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
const GROUP = `Stored text ${suffix} <img src=x onerror="window.__pwned=3;alert(3)">`;
const ROOM = '<svg onload="window.__pwned=4;alert(4)"></svg> Room 7';
const TOPIC = '<iframe src="javascript:window.__pwned=5"></iframe> Step 3';
const SHARED_NOTE =
  'Good meeting. <a href="javascript:window.__pwned=6">details</a><img src=x onerror="window.__pwned=7;alert(7)">';
const NOTE = 'Shared about <b>family</b> <script>window.__pwned=8;alert(8)</script> & sponsor';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Watch {
  dialogs: string[];
  csp: string[];
  errors: string[];
}

/** Every dialog, CSP report and uncaught error on the page, from its first load. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { dialogs: [], csp: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    const text = m.text();
    // Any report means something tried to run (the app itself never evals: zod runs jitless).
    if (/content security policy/i.test(text)) watch.csp.push(text);
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} [${e.sample}]`,
      );
    });
  });
  return { page, watch };
}

/**
 * The page shows each text literally, as visible text, and nothing in it ran or became an
 * element: no flag set, no dialog, no CSP report, no image, frame, handler or script from it.
 */
async function expectShownAsText(page: Page, watch: Watch, texts: string[]) {
  for (const text of texts) {
    const shown = page.getByText(text).first();
    await shown.waitFor();
    expect(await shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain(text);
  }
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(
    await page
      .locator('img[src="x"], iframe, svg[onload], [onerror], [onload], a[href^="javascript:"]')
      .count(),
  ).toBe(0);
  expect(
    await page.evaluate(
      () => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length,
    ),
  ).toBe(0);
  expect(watch.dialogs).toEqual([]);
  expect(watch.csp).toEqual([]);
  expect(watch.errors).toEqual([]);
}

async function signedIn(who: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const { page, watch } = await watchedPage(context);
  await page.goto(`${baseUrl}/login`);
  await signIn(page, `${who}@demo.homegroup.test`);
  await page.waitForURL(`${baseUrl}/`);
  return { context, page, watch };
}

let clientUrl = '';
let recordNumber = '';
let originalPreferred = '';
let groupUrl = '';
let sessionUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  // Put the demo client's preferred name back: other files print this client's roster name.
  if (clientUrl) {
    const { context, page } = await signedIn('counselor');
    await page.goto(`${clientUrl}/edit`);
    await page.getByLabel('Preferred name (optional)').fill(originalPreferred);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(clientUrl);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).not.toContain('__pwned');
    await context.close();
  }
  await browser.close();
});

describe('stored text is shown as text, never run', () => {
  it('a counselor saves markup in a preferred name, a group, and a session’s notes', async () => {
    const { context, page, watch } = await signedIn('counselor');

    // A client in treatment at the demo facility: their preferred name.
    await page.goto(`${baseUrl}/clients`);
    const first = page.locator('table.table--caseload tbody tr a').first();
    await first.click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    clientUrl = page.url();
    recordNumber = ((await page.locator('.eyebrow').first().textContent()) ?? '')
      .split('·')[1]
      ?.trim() as string;
    expect(recordNumber).toBeTruthy();
    await page.getByRole('link', { name: 'Edit record' }).click();
    const preferred = page.getByLabel('Preferred name (optional)');
    originalPreferred = await preferred.inputValue();
    await preferred.fill(PREFERRED);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(clientUrl);
    await expectShownAsText(page, watch, [PREFERRED]);

    // A group for the demo monitor, late every night (after the demo groups on Today).
    await page.goto(`${baseUrl}/groups/new`);
    await page.getByLabel('Name').fill(GROUP);
    await page.getByLabel('Room').fill(ROOM);
    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await page.getByLabel(day).check();
    }
    await page.getByLabel('Saturday').check();
    await page.getByLabel('Starts at').fill('23:45');
    await page
      .getByLabel('Monitor (responsible staff member)')
      .selectOption({ label: 'Casey Pebbleworth (Group monitor)' });
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    groupUrl = page.url();

    // Enrol the client, found by a piece of the new name: the results show it as typed, too.
    await page.getByLabel('Find a client or family member').fill('pwned=2');
    const result = page.locator('.walk-in-results button', { hasText: PREFERRED });
    await result.waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    await result.click();
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByText(/Roster \(1 today\)/).waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    await screenshot(page, '80-stored-text-group');

    // Tonight's session: topic, shared note, and a note about the client.
    await page.locator('.session-list a').first().click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    sessionUrl = page.url();
    await page.getByLabel('Topic').fill(TOPIC);
    await page.getByLabel(/^Shared note/).fill(SHARED_NOTE);
    const row = page.locator('li.person', { hasText: PREFERRED });
    await row.getByRole('button', { name: 'Present' }).click();
    await row.getByRole('button', { name: 'Shared' }).click();
    await row.getByRole('button', { name: /^Add a note for/ }).click();
    await row.getByLabel(/^Note about/).fill(NOTE);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('· Saved.').waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    await context.close();
  });

  it('shows the counselor every one of them as typed: client, caseload, groups, Today, session', async () => {
    const { context, page, watch } = await signedIn('counselor');
    await expectShownAsText(page, watch, [GROUP, ROOM]);

    await page.goto(clientUrl);
    await page.getByRole('heading', { name: 'Group attendance' }).waitFor();
    await expectShownAsText(page, watch, [PREFERRED, GROUP, NOTE]);
    expect(await page.title()).toContain(PREFERRED);
    await screenshot(page, '81-stored-text-client');

    await page.goto(`${baseUrl}/clients?search=${encodeURIComponent(recordNumber)}`);
    await page.locator('table.table--caseload tbody tr').first().waitFor();
    await expectShownAsText(page, watch, [PREFERRED]);
    await screenshot(page, '82-stored-text-caseload');

    await page.goto(`${baseUrl}/groups`);
    await expectShownAsText(page, watch, [GROUP]);

    await page.goto(groupUrl);
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);

    await page.goto(sessionUrl);
    await page.locator('li.person').first().waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    expect(await page.getByLabel('Topic').inputValue()).toBe(TOPIC);
    expect(await page.getByLabel(/^Shared note/).inputValue()).toBe(SHARED_NOTE);
    await context.close();
  });

  it('shows the monitor the same on a tablet: Today, the session and the printed sheet', async () => {
    const { context, page, watch } = await signedIn('monitor', { width: 768, height: 1024 });
    const mine = page.locator('.today-item--mine', { hasText: GROUP });
    await mine.waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM]);
    await screenshot(page, '83-stored-text-monitor-today');

    await mine.getByRole('link').click();
    await page.waitForURL(sessionUrl);
    const row = page.locator('li.person', { hasText: PREFERRED });
    await row.waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    expect(await page.getByLabel('Topic').inputValue()).toBe(TOPIC);
    expect(await page.getByLabel(/^Shared note/).inputValue()).toBe(SHARED_NOTE);
    expect(await row.getByLabel(/^Note about/).inputValue()).toBe(NOTE);
    await screenshot(page, '84-stored-text-monitor-session');

    await page.getByRole('link', { name: 'Print sign-in sheet' }).click();
    await page.waitForURL(`${sessionUrl}/print`);
    await page.locator('.sheet tbody tr').first().waitFor();
    await expectShownAsText(page, watch, [GROUP, ROOM, PREFERRED]);
    expect(await page.locator('.sheet tbody td:first-child').first().textContent()).toMatch(
      new RegExp(`^${escapeRegExp(PREFERRED)} [A-Z]\\.$`),
    );
    await screenshot(page, '85-stored-text-print-sheet');
    await context.close();
  });
});
